import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { Uint64 } from '../../src/cim/typed-value.js';
import { LogOperationRecorder } from '../../src/client/recorders/log-recorder.js';
import { MemoryRecorder } from '../../src/client/recorders/memory-recorder.js';
import { recordOperation, type OperationContext, type OperationRecord } from '../../src/client/recorders/operation-record.js';
import { TestClientRecorder } from '../../src/client/recorders/test-client-recorder.js';
import { Statistics } from '../../src/client/statistics.js';
import { WBEMTransport } from '../../src/client/transport.js';
import { fixedResponse, RESPONSE_XML, startRawServer, type RawServer } from './loopback-server.js';

const PASSWORD = 'pä55-secret';
const TRAFFIC = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'cim-xml', 'traffic');

let server: RawServer | null = null;
let transport: WBEMTransport | null = null;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = null;
  server = null;
});

function sampleInstance(): CIMInstance {
  const path = new CIMInstanceName('PyWBEM_AllTypes', { ID: '42' }, { namespace: 'root/cimv2' });
  return new CIMInstance('PyWBEM_AllTypes', {
    path,
    properties: [new CIMProperty('ID', '42'), new CIMProperty('PUint64', new Uint64(18446744073709551615n))],
  });
}

/** Runs one operation against a raw loopback server that responds with `bytes`. */
async function runOperation(
  bytes: string,
  recorders: OperationContext['recorders'],
  statistics: Statistics | null = null,
  result: unknown = [sampleInstance()],
): Promise<unknown> {
  server = await startRawServer((socket) => socket.write(bytes));
  transport = new WBEMTransport({ url: server.url, credentials: { user: 'admin', password: PASSWORD }, timeout: 3000 });
  const client = transport;
  const context: OperationContext = {
    connection: { connectionId: client.connectionId, url: server.url, user: 'admin', namespace: 'root/cimv2', timeout: 3000 },
    recorders,
    statistics,
  };
  const args = { ClassName: 'PyWBEM_AllTypes', LocalOnly: false, NewPassword: PASSWORD };
  return recordOperation(context, 'EnumerateInstances', args, async (exchange) => {
    await client.send({ cimMethod: 'EnumerateInstances', cimObject: 'root/cimv2', body: '<CIM/>', exchange });
    return result;
  });
}

const OK = fixedResponse(
  '200 OK',
  { 'Content-Type': 'application/xml', CIMOperation: 'MethodResponse', WBEMServerResponseTime: '250' },
  RESPONSE_XML,
);
const UNAUTHORIZED = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="x"\r\nContent-Length: 0\r\n\r\n';

async function recordOf(bytes: string): Promise<OperationRecord> {
  const memory = new MemoryRecorder();
  await runOperation(bytes, [memory]).catch(() => undefined);
  const record = memory.records[0];
  if (record === undefined) throw new Error('no record');
  return record;
}

describe('operation record', () => {
  it.each([
    ['success', OK],
    ['401', UNAUTHORIZED],
  ])('redacts credentials on %s', async (_name, bytes) => {
    const record = await recordOf(bytes);
    const text = JSON.stringify(record, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    const authorization = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(authorization);
    expect(record.request?.headers['Authorization']).toBe('[redacted]');
    expect(record.args['NewPassword']).toBe('[redacted]');
  });

  it('is frozen', async () => {
    const record = await recordOf(OK);
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.args)).toBe(true);
    expect(Object.isFrozen(record.request)).toBe(true);
    expect(Object.isFrozen(record.request?.headers)).toBe(true);
    expect(Object.isFrozen(record.response)).toBe(true);
    expect(Object.isFrozen(record.timings)).toBe(true);
    expect(Object.isFrozen(record.connection)).toBe(true);
  });

  it('carries timings and server time', async () => {
    const record = await recordOf(OK);
    expect(record.timings.serverTime).toBe(250);
    expect(record.timings.clientTime).toBeGreaterThanOrEqual(0);
    expect(record.response?.status).toBe(200);
  });

  it('hands every recorder the same record', async () => {
    const first = new MemoryRecorder();
    const second = new MemoryRecorder();
    await runOperation(OK, [first, second]);
    expect(first.records[0]).toBe(second.records[0]);
  });

  it('skips disabled recorders', async () => {
    const memory = new MemoryRecorder();
    memory.enabled = false;
    await runOperation(OK, [memory]);
    expect(memory.records).toHaveLength(0);
  });

  it('keeps the error', async () => {
    const record = await recordOf(UNAUTHORIZED);
    expect(record.error?.name).toBe('AuthError');
    expect(record.result).toBeUndefined();
  });

  it('survives a failing recorder', async () => {
    const broken = { enabled: true, record: () => { throw new Error('broken'); } };
    await expect(runOperation(OK, [broken], null, 'done')).resolves.toBe('done');
  });
});

describe('MemoryRecorder', () => {
  it('notifies and unsubscribes listeners', async () => {
    const memory = new MemoryRecorder();
    const seen: string[] = [];
    const unsubscribe = memory.subscribe((record) => seen.push(record.operation));
    await runOperation(OK, [memory]);
    unsubscribe();
    memory.record(memory.records[0] as OperationRecord);
    expect(seen).toEqual(['EnumerateInstances']);
  });

  it('drops the oldest beyond the limit', async () => {
    const memory = new MemoryRecorder({ limit: 2 });
    await runOperation(OK, [memory]);
    const record = memory.records[0] as OperationRecord;
    const later = { ...record, operation: 'GetClass' };
    memory.record(later);
    memory.record(later);
    expect(memory.records.map((entry) => entry.operation)).toEqual(['GetClass', 'GetClass']);
  });
});

describe('LogOperationRecorder', () => {
  async function logLines(options: ConstructorParameters<typeof LogOperationRecorder>[0], bytes = OK): Promise<string[]> {
    const lines: string[] = [];
    await runOperation(bytes, [new LogOperationRecorder({ ...options, log: (line) => lines.push(line) })]).catch(() => undefined);
    return lines;
  }

  it.each([OK, UNAUTHORIZED])('never logs credentials', async (bytes) => {
    const text = (await logLines({}, bytes)).join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`admin:${PASSWORD}`).toString('base64'));
  });

  it('logs API and HTTP at all', async () => {
    const lines = await logLines({});
    expect(lines.map((line) => line.split(' ')[0]?.split(':')[0])).toEqual(['Request', 'Request', 'Response', 'Return']);
    expect(lines[3]).toContain('"PUint64"');
    expect(lines[3]).toContain('18446744073709551615');
    expect(lines[2]).toContain('body=<?xml');
  });

  it('logs paths only at paths', async () => {
    const lines = await logLines({ apiDetailLevel: 'paths', httpDetailLevel: null });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('CIMInstanceName');
    expect(lines[1]).not.toContain('PUint64');
  });

  it('logs counts and heads at summary', async () => {
    const lines = await logLines({ apiDetailLevel: 'summary', httpDetailLevel: 'summary' });
    expect(lines[3]).toContain('list of 1 CIMInstance');
    expect(lines[2]).not.toContain('body=');
  });

  it('cuts lines at a number', async () => {
    const lines = await logLines({ apiDetailLevel: null, httpDetailLevel: 40 });
    expect(lines.every((line) => line.length <= 43)).toBe(true);
  });

  it('logs the exception', async () => {
    const lines = await logLines({ httpDetailLevel: null }, UNAUTHORIZED);
    expect(lines[1]).toMatch(/^Exception:conn-\d+ EnumerateInstances\(AuthError: /);
  });
});

describe('TestClientRecorder', () => {
  async function yamlOf(bytes: string, result?: unknown): Promise<{ text: string; cases: Array<Record<string, any>> }> {
    const chunks: string[] = [];
    await runOperation(bytes, [new TestClientRecorder({ write: (text) => chunks.push(text) })], null, result).catch(() => undefined);
    const text = chunks.join('');
    return { text, cases: parse(text, { intAsBigInt: true }) as Array<Record<string, any>> };
  }

  it('writes the pywbem test case keys', async () => {
    const reference = parse(readFileSync(path.join(TRAFFIC, 'pywbem_headers.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const { cases } = await yamlOf(OK);
    expect(Object.keys(cases[0] ?? {})).toEqual(Object.keys(reference[0] ?? {}));
    expect(Object.keys(cases[0]?.['pywbem_request'] ?? {})).toEqual(Object.keys(reference[0]?.['pywbem_request'] ?? {}));
    expect(Object.keys(cases[0]?.['http_request'] ?? {})).toEqual(Object.keys(reference[0]?.['http_request'] ?? {}));
    expect(Object.keys(cases[0]?.['http_response'] ?? {})).toEqual(Object.keys(reference[0]?.['http_response'] ?? {}));
  });

  it('writes the operation and result', async () => {
    const { cases } = await yamlOf(OK);
    const testCase = cases[0] ?? {};
    expect(testCase['pywbem_request'].operation).toMatchObject({ pywbem_method: 'EnumerateInstances', ClassName: 'PyWBEM_AllTypes', LocalOnly: false });
    expect(testCase['pywbem_response'].result[0].pywbem_object).toBe('CIMInstance');
    expect(testCase['pywbem_response'].result[0].path.keybindings).toEqual({ ID: '42' });
    expect(testCase['http_request'].headers.CIMMethod).toBe('EnumerateInstances');
    expect(testCase['http_response'].data).toBe(RESPONSE_XML);
  });

  it('keeps 64-bit values exact', async () => {
    const { cases } = await yamlOf(OK);
    const property = cases[0]?.['pywbem_response'].result[0].properties.PUint64;
    expect(property.value).toBe(18446744073709551615n);
    expect(property.type).toBe('uint64');
  });

  it.each([OK, UNAUTHORIZED])('never writes credentials', async (bytes) => {
    const { text, cases } = await yamlOf(bytes);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`admin:${PASSWORD}`).toString('base64'));
    expect(cases[0]?.['pywbem_request'].creds).toEqual(['admin', '[redacted]']);
    expect(cases[0]?.['http_request'].headers.Authorization).toBeUndefined();
  });

  it('writes exception names', async () => {
    const { cases } = await yamlOf(UNAUTHORIZED);
    expect(cases[0]?.['pywbem_response']).toEqual({ exception: 'AuthError' });
    expect(cases[0]?.['http_response'].status).toBe(401n);
  });

  it('writes CIM status of CIMError', async () => {
    const memory = new MemoryRecorder();
    const chunks: string[] = [];
    const failing = async () => {
      throw new CIMError(6);
    };
    const context: OperationContext = {
      connection: { connectionId: 'c1', url: 'http://127.0.0.1:1', user: null, namespace: 'root/cimv2', timeout: 1000 },
      recorders: [memory, new TestClientRecorder({ write: (text) => chunks.push(text) })],
    };
    await expect(recordOperation(context, 'GetInstance', {}, failing)).rejects.toBeInstanceOf(CIMError);
    expect((parse(chunks.join('')) as Array<Record<string, any>>)[0]?.['pywbem_response']).toEqual({ cim_status: 6 });
  });

  it('appends cases to a file', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wbemshell-')), 'cases.yaml');
    await runOperation(OK, [new TestClientRecorder(file)]);
    await runOperation(OK, [new TestClientRecorder(file)]).catch(() => undefined);
    const cases = parse(readFileSync(file, 'utf8')) as unknown[];
    expect(cases).toHaveLength(2);
  });
});

describe('Statistics', () => {
  it('counts calls and errors', async () => {
    const statistics = new Statistics();
    await runOperation(OK, [], statistics);
    await runOperation(UNAUTHORIZED, [], statistics).catch(() => undefined);
    const [entry] = statistics.snapshot();
    expect(entry?.name).toBe('EnumerateInstances');
    expect(entry?.count).toBe(2);
    expect(entry?.errorCount).toBe(1);
    expect(entry?.serverTime).toEqual({ min: 250, avg: 250, max: 250 });
    expect(entry?.requestBytes.max).toBe(6);
    expect(entry?.responseBytes.max).toBe(Buffer.byteLength(RESPONSE_XML));
    expect(entry?.responseBytes.min).toBe(0);
  });

  it('computes min avg max', () => {
    const statistics = new Statistics();
    for (const clientTime of [1, 2, 6]) {
      statistics.add('GetClass', { clientTime, serverTime: null, requestBytes: 10, responseBytes: 20, failed: false });
    }
    const [entry] = statistics.snapshot();
    expect(entry?.clientTime).toEqual({ min: 1, avg: 3, max: 6 });
    expect(entry?.serverTime).toBeNull();
  });

  it('resets and honours enabled', () => {
    const statistics = new Statistics();
    statistics.add('GetClass', { clientTime: 1, serverTime: null, requestBytes: 1, responseBytes: 1, failed: false });
    statistics.reset();
    statistics.enabled = false;
    statistics.add('GetClass', { clientTime: 1, serverTime: null, requestBytes: 1, responseBytes: 1, failed: false });
    expect(statistics.snapshot()).toEqual([]);
  });

  it('snapshot is frozen', () => {
    const statistics = new Statistics();
    statistics.add('GetClass', { clientTime: 1, serverTime: 5, requestBytes: 1, responseBytes: 1, failed: true });
    const snapshot = statistics.snapshot();
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot[0])).toBe(true);
  });
});
