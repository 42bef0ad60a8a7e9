import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIMXMLParseError, XMLParseError } from '../../../src/cim/errors.js';
import { HTTPError } from '../../../src/client/errors.js';
import { deriveCIMHeaders } from '../../../src/client/raw-request.js';
import { parseHttpMessage } from '../../../src/client/recorders/http-transcript.js';
import { startRawServer } from '../loopback-server.js';
import { startMockFixture, type MockFixture } from './mock-fixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const readTraffic = (name: string) => readFileSync(path.join(traffic, name), 'utf8');

const GET_CLASS = `<?xml version="1.0" encoding="utf-8"?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="7" PROTOCOLVERSION="1.0"><SIMPLEREQ>
<IMETHODCALL NAME="GetClass"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="test"/></LOCALNAMESPACEPATH>
<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="TST_Base"/></IPARAMVALUE>
</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>`;

describe('deriveCIMHeaders', () => {
  it.each([
    ['openpegasus_GetClass00002.xml', 'GetClass', 'test/cimv2'],
    ['openpegasus_EnumerateInstances51000.xml', 'EnumerateInstances', 'test/static'],
    ['sfcb_callmethod1.xml', 'SayHello', 'root/cimv2:Sample_Method'],
  ])('%s', (file, method, object) => {
    const headers = deriveCIMHeaders(readTraffic(file));
    expect(headers.CIMMethod).toBe(method);
    expect(decodeURIComponent(headers.CIMObject)).toBe(object);
    expect(headers.CIMObject).toMatch(/^[A-Za-z0-9%._~-]+$/);
  });

  it('instance path target', () => {
    const headers = deriveCIMHeaders(readTraffic('openpegasus_PlainFileMethodCall11001.xml'));
    expect(decodeURIComponent(headers.CIMObject)).toMatch(/^[^:]+:\w+\.\w+=/);
  });

  it('MULTIREQ rejected', () => {
    expect(() => deriveCIMHeaders(readTraffic('openwbem_MultiReqInput.xml'))).toThrow(CIMXMLParseError);
  });

  it('ill-formed body rejected', () => {
    const request = parseHttpMessage(readTraffic('openpegasus_BadCharacterReference01.xml'));
    expect(() => deriveCIMHeaders(request.body)).toThrow(XMLParseError);
  });
});

describe('rawRequest against the mock server', () => {
  let fixture: MockFixture;
  beforeAll(async () => {
    fixture = await startMockFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('GetClass returns the raw response', async () => {
    const response = await fixture.connection.rawRequest(GET_CLASS);
    expect(response.status).toBe(200);
    expect(response.error).toBeNull();
    expect(response.body).toContain('<CLASS NAME="TST_Base"');
  });

  it('records the exchange', async () => {
    fixture.recorder.clear();
    await fixture.connection.rawRequest(GET_CLASS);
    const record = fixture.recorder.records[0];
    expect(record?.operation).toBe('RawRequest');
    expect(record?.request?.headers['CIMMethod']).toBe('GetClass');
    expect(record?.request?.headers['CIMObject']).toBe('root%2Ftest');
    expect(record?.response?.body).toContain('IMETHODRESPONSE');
  });

  it('header override reaches the server', async () => {
    const response = await fixture.connection.rawRequest(GET_CLASS, { headers: { cimmethod: 'GetInstance' } });
    expect(response.status).toBe(400);
    expect(response.error).toBeInstanceOf(HTTPError);
    expect(response.headers['cimerror']).toBe('header-mismatch');
  });

  it('unknown class gives an ERROR body', async () => {
    const response = await fixture.connection.rawRequest(GET_CLASS.replace('TST_Base', 'TST_Missing'));
    expect(response.status).toBe(200);
    expect(response.body).toMatch(/<ERROR CODE="6"/);
  });
});

describe('rawRequest headers on the wire', () => {
  it.each([
    ['openpegasus_BadCIMOperationValue01.xml', { cimoperation: 'BadValue', cimmethod: 'PositionAtRecord' }],
    ['openpegasus_GoodCIMObjectValueEncoding01.xml', { cimoperation: 'MethodCall', cimmethod: 'BogusMethod' }],
  ])('%s file headers', async (file, expected) => {
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 400 Bad Request\r\nCIMError: header-mismatch\r\nContent-Length: 0\r\n\r\n');
    });
    const { WBEMConnection } = await import('../../../src/client/connection.js');
    const connection = new WBEMConnection(server.url);
    try {
      const message = parseHttpMessage(readTraffic(file));
      const response = await connection.rawRequest(message.body, { headers: message.headers });
      const sent = server.requests[0];
      expect(response.status).toBe(400);
      expect(sent?.head.startsWith('POST /cimom ')).toBe(true);
      expect(sent?.headers['cimoperation']).toBe(expected.cimoperation);
      expect(sent?.headers['cimmethod']).toBe(expected.cimmethod);
      expect(sent?.headers['cimobject']).toBe(message.headers['23-CIMObject'] ?? message.headers['CIMObject']);
      expect(sent?.headers['man']).toBeUndefined();
    } finally {
      await connection.close();
      await server.close();
    }
  });
});
