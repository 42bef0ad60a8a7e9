import { afterEach, describe, expect, it } from 'vitest';
import { CIMError } from '../../src/cim/errors.js';
import { WBEMConnection } from '../../src/client/connection.js';
import { HTTPError } from '../../src/client/errors.js';
import type { HttpMethodOption } from '../../src/client/http-method.js';
import { LogOperationRecorder } from '../../src/client/recorders/log-recorder.js';
import { MemoryRecorder } from '../../src/client/recorders/memory-recorder.js';
import { WBEMTransport } from '../../src/client/transport.js';
import { chunk, fixedResponse, RESPONSE_XML, startRawServer, type RawRequest, type RawServer } from './loopback-server.js';

const XML_TYPE = { 'Content-Type': 'application/xml; charset="utf-8"' };
const POST_OK = fixedResponse('200 OK', { ...XML_TYPE, CIMOperation: 'MethodResponse' }, RESPONSE_XML);
const MAN_VALUE = /^http:\/\/www\.dmtf\.org\/cim\/mapping\/http\/v1\.0;ns=(\d\d)$/;
const REQUEST_BODY = '<?xml version="1.0" encoding="utf-8" ?><CIM/>';

let server: RawServer | null = null;
let transport: WBEMTransport | null = null;
let connection: WBEMConnection | null = null;

afterEach(async () => {
  await transport?.close();
  await connection?.close();
  await server?.close();
  transport = null;
  connection = null;
  server = null;
});

function methodOf(request: RawRequest): string {
  return request.head.split(' ')[0] ?? '';
}

/** Starts a server that answers M-POST with `mpostAnswer` and POST with a 200 CIM-XML response. */
async function startServer(mpostAnswer: string): Promise<RawServer> {
  server = await startRawServer((socket, request) => socket.write(methodOf(request) === 'M-POST' ? mpostAnswer : POST_OK));
  return server;
}

function newTransport(url: string, httpMethod?: HttpMethodOption, extra: Partial<ConstructorParameters<typeof WBEMTransport>[0]> = {}) {
  transport = new WBEMTransport({ url, timeout: 5000, httpMethod, ...extra });
  return transport;
}

function send(target: WBEMTransport) {
  return target.send({ cimMethod: 'EnumerateInstances', cimObject: 'root%2Fcimv2', body: REQUEST_BODY });
}

/** Sends one request and returns the error it raised. */
async function failure(target: WBEMTransport): Promise<unknown> {
  try {
    await send(target);
  } catch (error) {
    return error;
  }
  throw new Error('the request succeeded');
}

const FALLBACK_ANSWERS = [
  ['501 without CIMError', fixedResponse('501 Not Implemented', {})],
  ['510 without CIMError', fixedResponse('510 Not Extended', {})],
  ['405', fixedResponse('405 Method Not Allowed', { Allow: 'POST' })],
  ['510 with body', fixedResponse('510 Not Extended', { 'Content-Type': 'text/html' }, '<html><body>M-POST is not supported</body></html>')],
];

const CIM_ERROR_ANSWERS = [
  ['501 with CIMError', fixedResponse('501 Not Implemented', { CIMError: 'unsupported-operation' }), 501, 'unsupported-operation'],
  ['510 with CIMError', fixedResponse('510 Not Extended', { CIMError: 'unsupported-protocol-version' }), 510, 'unsupported-protocol-version'],
  ['501 with prefixed CIMError', fixedResponse('501 Not Implemented', { '73-CIMError': 'multiple-requests-unsupported' }), 501, 'multiple-requests-unsupported'],
] as const;

describe('M-POST request', () => {
  it('sends the M-POST request line', async () => {
    const raw = await startServer(POST_OK);
    await send(newTransport(raw.url, 'M-POST'));
    expect(raw.requests[0]?.head.split('\r\n')[0]).toBe('M-POST /cimom HTTP/1.1');
  });

  it('sends Man with a two-digit ns', async () => {
    const raw = await startServer(POST_OK);
    await send(newTransport(raw.url, 'M-POST'));
    expect(raw.requests[0]?.headers['man']).toMatch(MAN_VALUE);
  });

  it.each([
    ['CIMOperation', 'MethodCall'],
    ['CIMMethod', 'EnumerateInstances'],
    ['CIMObject', 'root%2Fcimv2'],
    ['CIMProtocolVersion', '1.0'],
  ])('prefixes header %s', async (name, value) => {
    const raw = await startServer(POST_OK);
    await send(newTransport(raw.url, 'M-POST'));
    const headers = raw.requests[0]?.headers ?? {};
    const ns = MAN_VALUE.exec(headers['man'] ?? '')?.[1];

    expect(ns).toBeDefined();
    expect(headers[`${ns}-${name.toLowerCase()}`]).toBe(value);
    expect(headers[name.toLowerCase()]).toBeUndefined();
  });

  it('keeps non-CIM headers unprefixed', async () => {
    const raw = await startServer(POST_OK);
    await newTransport(raw.url, 'M-POST').send({ cimMethod: 'M', cimObject: 'root', body: REQUEST_BODY, headers: { Pragma: 'UpdateExpiredPassword' } });
    expect(raw.requests[0]?.headers['pragma']).toBe('UpdateExpiredPassword');
    expect(raw.requests[0]?.headers['te']).toBe('trailers');
  });

  it('sends the body with its length', async () => {
    const raw = await startServer(POST_OK);
    await send(newTransport(raw.url, 'M-POST'));
    expect(raw.requests[0]?.body.toString('utf8')).toBe(REQUEST_BODY);
    expect(raw.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(REQUEST_BODY)));
  });

  it.each([[undefined], ['POST' as const]])('default %s sends POST', async (httpMethod) => {
    const raw = await startServer(POST_OK);
    await send(newTransport(raw.url, httpMethod));
    const request = raw.requests[0];

    expect(request?.head.split('\r\n')[0]).toBe('POST /cimom HTTP/1.1');
    expect(request?.headers['man']).toBeUndefined();
    expect(request?.headers['cimoperation']).toBe('MethodCall');
  });

  it('invalid option raises TypeError', () => {
    expect(() => new WBEMTransport({ url: 'http://127.0.0.1:5988', httpMethod: 'GET' as HttpMethodOption })).toThrow(/httpMethod has the invalid value "GET"/);
  });
});

describe('M-POST fallback', () => {
  it.each(FALLBACK_ANSWERS)('auto resends after %s', async (_name, answer) => {
    const raw = await startServer(answer);
    const response = await send(newTransport(raw.url, 'auto'));

    expect(response.status).toBe(200);
    expect(raw.requests.map(methodOf)).toEqual(['M-POST', 'POST']);
  });

  it.each(FALLBACK_ANSWERS)('fallback after %s is plain POST', async (_name, answer) => {
    const raw = await startServer(answer);
    await send(newTransport(raw.url, 'auto'));
    const retry = raw.requests[1];

    expect(retry?.head.split('\r\n')[0]).toBe('POST /cimom HTTP/1.1');
    expect(retry?.headers['man']).toBeUndefined();
    expect(retry?.headers['cimoperation']).toBe('MethodCall');
    expect(retry?.headers['cimmethod']).toBe('EnumerateInstances');
    expect(retry?.headers['cimobject']).toBe('root%2Fcimv2');
    expect(retry?.headers['cimprotocolversion']).toBe('1.0');
    expect(retry?.body.toString('utf8')).toBe(REQUEST_BODY);
  });

  it('second operation goes straight to POST', async () => {
    const raw = await startServer(fixedResponse('501 Not Implemented', {}));
    const target = newTransport(raw.url, 'auto');
    await send(target);
    await send(target);

    expect(raw.requests.map(methodOf)).toEqual(['M-POST', 'POST', 'POST']);
    expect(target.requestMethod).toBe('POST');
  });

  it('auto starts with M-POST', () => {
    expect(newTransport('http://127.0.0.1:5988', 'auto').requestMethod).toBe('M-POST');
  });

  it.each(CIM_ERROR_ANSWERS)('auto raises on %s', async (_name, answer, status, cimError) => {
    const raw = await startServer(answer);
    const error = await failure(newTransport(raw.url, 'auto'));

    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(status);
    expect((error as HTTPError).cimError).toBe(cimError);
    expect(raw.requests.map(methodOf)).toEqual(['M-POST']);
  });

  it.each(FALLBACK_ANSWERS)('explicit M-POST raises on %s', async (_name, answer) => {
    const raw = await startServer(answer);
    const error = await failure(newTransport(raw.url, 'M-POST'));

    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).message).toContain('httpMethod');
    expect(raw.requests.map(methodOf)).toEqual(['M-POST']);
  });

  it('explicit M-POST keeps M-POST', async () => {
    const raw = await startServer(fixedResponse('501 Not Implemented', {}));
    const target = newTransport(raw.url, 'M-POST');
    await failure(target);
    await failure(target);

    expect(raw.requests.map(methodOf)).toEqual(['M-POST', 'M-POST']);
    expect(target.requestMethod).toBe('M-POST');
  });

  it('POST answered with 501 is not resent', async () => {
    server = await startRawServer((socket) => socket.write(fixedResponse('501 Not Implemented', {})));
    const error = await failure(newTransport(server.url, 'POST'));

    expect((error as HTTPError).status).toBe(501);
    expect(server.requests.map(methodOf)).toEqual(['POST']);
  });

  it('fallback POST answered with 501 raises', async () => {
    server = await startRawServer((socket) => socket.write(fixedResponse('501 Not Implemented', {})));
    const error = await failure(newTransport(server.url, 'auto'));

    expect((error as HTTPError).status).toBe(501);
    expect((error as HTTPError).message).not.toContain('httpMethod');
    expect(server.requests.map(methodOf)).toEqual(['M-POST', 'POST']);
  });

  it('fallback then Basic challenge', async () => {
    const challenge = fixedResponse('401 Unauthorized', { 'WWW-Authenticate': 'Basic realm="cimom"' });
    server = await startRawServer((socket, request) => {
      if (methodOf(request) === 'M-POST') socket.write(fixedResponse('501 Not Implemented', {}));
      else socket.write(request.headers['authorization'] === undefined ? challenge : POST_OK);
    });
    const credentials = { user: 'alice', password: 'secret' };
    const response = await send(newTransport(server.url, 'auto', { credentials, preemptiveAuth: false }));

    expect(response.status).toBe(200);
    expect(server.requests.map(methodOf)).toEqual(['M-POST', 'POST', 'POST']);
    expect(server.requests.map((request) => request.headers['authorization'] !== undefined)).toEqual([false, false, true]);
  });
});

describe('M-POST response', () => {
  const prefixedOk = (ns: string, announce: 'Opt' | 'Man' | null) =>
    fixedResponse(
      '200 OK',
      { ...XML_TYPE, Ext: '', ...(announce === null ? {} : { [announce]: `http://www.dmtf.org/cim/mapping/http/v1.0;ns=${ns}` }), [`${ns}-CIMOperation`]: 'MethodResponse' },
      RESPONSE_XML,
    );

  it.each([
    ['Opt with the request ns', prefixedOk('73', 'Opt')],
    ['Man with another ns', prefixedOk('42', 'Man')],
    ['Opt with a space before ns', prefixedOk('73', 'Opt').replace(';ns=73', '; ns=73')],
    ['no Opt, request prefix', prefixedOk('73', null)],
  ])('accepts %s', async (_name, answer) => {
    const raw = await startServer(answer);
    const response = await send(newTransport(raw.url, 'M-POST'));

    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(response.body)).toBe(RESPONSE_XML);
  });

  it('rejects another prefix than announced', async () => {
    const raw = await startServer(prefixedOk('42', 'Opt').replace('ns=42', 'ns=55'));
    const error = await failure(newTransport(raw.url, 'M-POST'));
    expect((error as Error).message).toContain('CIMOperation');
  });

  const chunkedOk = (trailers: Record<string, string>) =>
    'HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset="utf-8"\r\nExt:\r\n' +
    'Opt: http://www.dmtf.org/cim/mapping/http/v1.0;ns=42\r\n42-CIMOperation: MethodResponse\r\n' +
    `Transfer-Encoding: chunked\r\nTrailer: ${Object.keys(trailers).join(', ')}\r\n\r\n` +
    chunk(RESPONSE_XML) +
    '0\r\n' +
    Object.entries(trailers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  it('reads prefixed success trailer', async () => {
    const raw = await startServer(chunkedOk({ '42-CIMStatusCode': '0' }));
    const response = await send(newTransport(raw.url, 'auto'));

    expect(response.trailers['42-cimstatuscode']).toBe('0');
    expect(raw.requests.map(methodOf)).toEqual(['M-POST']);
  });

  it('raises prefixed error trailer', async () => {
    const raw = await startServer(chunkedOk({ '42-CIMStatusCode': '6', '42-CIMStatusCodeDescription': 'No%20such%20instance' }));
    const error = await failure(newTransport(raw.url, 'auto'));

    expect(error).toBeInstanceOf(CIMError);
    expect((error as CIMError).statusCode).toBe(6);
    expect((error as CIMError).statusDescription).toBe('No such instance');
  });
});

describe('M-POST record', () => {
  async function enumerateWith(mpostAnswer: string, httpMethod: HttpMethodOption) {
    const raw = await startServer(mpostAnswer);
    const recorder = new MemoryRecorder();
    connection = new WBEMConnection(raw.url, { httpMethod, recorders: [recorder], timeout: 5000 });
    await connection.enumerateInstances('CIM_Foo');
    const record = recorder.records[0];
    if (record === undefined) throw new Error('no operation was recorded');
    return record;
  }

  it('records the fallback POST as request', async () => {
    const record = await enumerateWith(fixedResponse('501 Not Implemented', {}), 'auto');

    expect(record.request?.method).toBe('POST');
    expect(record.request?.headers['CIMOperation']).toBe('MethodCall');
    expect(record.response?.status).toBe(200);
  });

  it('records the rejected M-POST', async () => {
    const record = await enumerateWith(fixedResponse('510 Not Extended', {}, 'not extended'), 'auto');
    const earlier = record.earlierAttempts[0];

    expect(record.earlierAttempts).toHaveLength(1);
    expect(earlier?.request.method).toBe('M-POST');
    expect(earlier?.request.headers['73-CIMOperation']).toBe('MethodCall');
    expect(earlier?.response?.status).toBe(510);
    expect(earlier?.response?.body).toBe('not extended');
  });

  it('logs both requests of a fallback', async () => {
    const raw = await startServer(fixedResponse('501 Not Implemented', {}));
    const lines: string[] = [];
    const recorder = new LogOperationRecorder({ apiDetailLevel: null, httpDetailLevel: 'summary', log: (line) => lines.push(line) });
    connection = new WBEMConnection(raw.url, { httpMethod: 'auto', recorders: [recorder], timeout: 5000 });
    await connection.enumerateInstances('CIM_Foo');

    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Request:\S+ M-POST /);
    expect(lines[1]).toMatch(/^Response:\S+ 501 /);
    expect(lines[2]).toMatch(/^Request:\S+ POST /);
    expect(lines[3]).toMatch(/^Response:\S+ 200 /);
  });

  it('records an accepted M-POST alone', async () => {
    const answer = fixedResponse('200 OK', { ...XML_TYPE, Ext: '', Opt: 'http://www.dmtf.org/cim/mapping/http/v1.0;ns=73', '73-CIMOperation': 'MethodResponse' }, RESPONSE_XML);
    const record = await enumerateWith(answer, 'auto');

    expect(record.request?.method).toBe('M-POST');
    expect(record.request?.headers['Man']).toMatch(MAN_VALUE);
    expect(record.earlierAttempts).toEqual([]);
  });
});
