import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CIMError } from '../../../src/cim/errors.js';
import { formatHttpTranscript, parseHttpTranscript } from '../../../src/client/recorders/http-transcript.js';
import { exchangesFromYaml, exportRecords, loadRecordedExchanges, type ExportFormat } from '../../../src/client/recorders/record-export.js';
import type { OperationRecord } from '../../../src/client/recorders/operation-record.js';
import type { RecordedExchange } from '../../../src/client/recorders/recorded-exchange.js';
import { replayExchanges } from '../../../src/client/recorders/replay.js';
import { basePath } from '../../mock/model.js';
import { startMockFixture, type MockFixture } from './mock-fixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');

let fixture: MockFixture;
let folder: string;
/** The four operations run before the tests; replays add records of their own. */
let recorded: OperationRecord[];

beforeAll(async () => {
  fixture = await startMockFixture();
  folder = await mkdtemp(path.join(tmpdir(), 'wbemshell-export-'));

  await fixture.connection.getClass('TST_Base');
  await fixture.connection.enumerateInstanceNames('TST_Base');
  await fixture.connection.getInstance(basePath('TST_Base', 'b1'));
  await fixture.connection.getInstance(basePath('TST_Base', 'missing')).catch((error: unknown) => {
    if (!(error instanceof CIMError)) throw error;
  });
  recorded = [...fixture.recorder.records];
});

afterAll(async () => {
  await fixture.close();
  await rm(folder, { recursive: true, force: true });
});

describe('exportRecords', () => {
  it('yaml holds every operation', async () => {
    const target = path.join(folder, 'ops.yaml');
    await exportRecords(recorded, 'yaml', target);
    const cases = parse(await readFile(target, 'utf8')) as Array<Record<string, any>>;
    expect(cases).toHaveLength(4);
    expect(cases.map((entry) => entry['pywbem_request'].operation.pywbem_method)).toEqual([
      'GetClass',
      'EnumerateInstanceNames',
      'GetInstance',
      'GetInstance',
    ]);
    expect(cases[0]?.['http_request'].data).toBe(recorded[0]?.request?.body);
    expect(cases[3]?.['pywbem_response']).toEqual({ cim_status: 6 });
  });

  it('xml writes request and response files', async () => {
    const target = path.join(folder, 'xml');
    const written = await exportRecords(recorded, 'xml', target);
    expect(written).toHaveLength(8);
    expect((await readdir(target)).sort()[0]).toBe('001-GetClass1.request.xml');
    expect(await readFile(written[1] as string, 'utf8')).toBe(recorded[0]?.response?.body);
  });

  it('http transcript reads back', async () => {
    const target = path.join(folder, 'ops.http');
    await exportRecords(recorded, 'http', target);
    const exchanges = parseHttpTranscript(await readFile(target));
    expect(exchanges).toHaveLength(4);
    for (const [index, exchange] of exchanges.entries()) {
      const record = recorded[index];
      expect(exchange.request.body).toBe(record?.request?.body);
      expect(exchange.request.headers['CIMMethod']).toBe(record?.request?.headers['CIMMethod']);
      expect(exchange.response?.status).toBe(record?.response?.status);
      expect(exchange.response?.body).toBe(record?.response?.body);
    }
  });
});

describe('parseHttpTranscript', () => {
  const exchange: RecordedExchange = {
    name: 'EnumerateInstances1',
    request: { method: 'POST', url: 'http://127.0.0.1:5988/cimom', headers: { CIMMethod: 'EnumerateInstances' }, body: '<CIM>ü\n</CIM>' },
    response: {
      status: 200,
      reason: 'OK',
      headers: { 'transfer-encoding': 'chunked', cimoperation: 'MethodResponse' },
      trailers: { cimstatuscode: '0' },
      body: '<CIM>\n\n</CIM>',
    },
  };

  it('round trip with trailers', () => {
    const [read] = parseHttpTranscript(formatHttpTranscript([exchange, exchange]));
    expect(read?.name).toBe('EnumerateInstances1');
    expect(read?.request).toEqual({ ...exchange.request, url: '/cimom', headers: { Host: '127.0.0.1:5988', CIMMethod: 'EnumerateInstances' } });
    expect(read?.response?.trailers).toEqual({ cimstatuscode: '0' });
    expect(read?.response?.body).toBe(exchange.response?.body);
    expect(read?.response?.headers).toEqual({ cimoperation: 'MethodResponse' });
  });

  it('request without response', () => {
    const exchanges = parseHttpTranscript(formatHttpTranscript([{ ...exchange, response: null }, exchange]));
    expect(exchanges.map((item) => item.response?.status ?? null)).toEqual([null, 200]);
  });

  it('bad Content-Length', () => {
    expect(() => parseHttpTranscript('POST /cimom HTTP/1.1\nContent-Length: 99\n\n<CIM/>')).toThrow(/line 1/);
  });
});

describe('exchangesFromYaml', () => {
  it('reads pywbem test cases', async () => {
    const exchanges = exchangesFromYaml(await readFile(path.join(traffic, 'pywbem_getclass.yaml'), 'utf8'));
    expect(exchanges.length).toBeGreaterThan(1);
    expect(exchanges[0]?.name).toBe('GetClass1');
    expect(exchanges[0]?.request.headers['CIMMethod']).toBe('GetClass');
    expect(exchanges[0]?.response?.status).toBe(200);
    expect(exchanges[0]?.response?.body).toContain('<CLASS NAME="CIM_ComputerSystem"');
  });
});

describe('replayExchanges', () => {
  it.each<[ExportFormat, string]>([
    ['yaml', 'replay.yaml'],
    ['xml', 'replay-xml'],
    ['http', 'replay.http'],
  ])('%s replays without differences', async (format, name) => {
    const target = path.join(folder, name);
    await exportRecords(recorded, format, target);
    const exchanges = await loadRecordedExchanges(target);
    const results = await replayExchanges(fixture.connection, exchanges);
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.http).toEqual([]);
      expect(result.xml).toEqual([]);
      expect(result.same).toBe(true);
    }
  });

  it('lists differences by element path', async () => {
    const target = path.join(folder, 'before-change.http');
    await exportRecords(recorded, 'http', target);
    const instance = await fixture.connection.getInstance(basePath('TST_Base', 'b1'));
    instance.set('Label', 'changed');
    await fixture.connection.modifyInstance(instance);

    const results = await replayExchanges(fixture.connection, await loadRecordedExchanges(target));
    expect(results.map((result) => result.same)).toEqual([true, true, false, true]);
    expect(results[2]?.xml).toEqual([
      {
        path: '/CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/IRETURNVALUE/INSTANCE/PROPERTY[@NAME="Label"]/VALUE',
        kind: 'text',
        attribute: null,
        expected: 'one',
        actual: 'changed',
      },
    ]);
  });

  it('reports HTTP differences', async () => {
    const exchange: RecordedExchange = {
      name: 'Rejected',
      request: { method: 'POST', url: null, headers: { CIMMethod: 'GetInstance' }, body: recorded[0]?.request?.body ?? '' },
      response: { status: 200, reason: 'OK', headers: {}, trailers: {}, body: recorded[0]?.response?.body ?? '' },
    };
    const [result] = await replayExchanges(fixture.connection, [exchange]);
    expect(result?.http).toEqual([
      { field: 'status', expected: '200', actual: '400' },
      { field: 'cimerror', expected: null, actual: 'header-mismatch' },
    ]);
    expect(result?.note).toMatch(/cannot be compared as XML/);
  });
});
