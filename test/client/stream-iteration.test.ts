import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_CLASS, BENCH_NAMESPACE, buildBenchRepository } from '../../bench/bench-model.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { intrinsicResponse } from '../../src/cimxml/writer/index.js';
import { WBEMConnection } from '../../src/client/connection.js';
import { AbortedError } from '../../src/client/errors.js';
import type { OperationRecord } from '../../src/client/recorders/operation-record.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { startRawServer, type RawServer } from './loopback-server.js';

let mock: MockServer | null = null;
let raw: RawServer | null = null;
let connection: WBEMConnection | null = null;

afterEach(async () => {
  await connection?.close();
  await mock?.close();
  await raw?.close();
  connection = null;
  mock = null;
  raw = null;
});

function nameOf(instance: CIMInstance): string {
  return String(instance.path?.keybindings.get('Name'));
}

describe('iter over the mock server', () => {
  it.each([
    ['pull, 7 per response', { maxObjectCount: 7 }],
    ['pull, all in one response', { maxObjectCount: 1000 }],
    ['traditional', { usePull: false }],
  ] as const)('%s matches enumerateInstances', async (_name, options) => {
    mock = await startMockServer({ repository: await buildBenchRepository(23) });
    connection = new WBEMConnection(mock.url, { defaultNamespace: BENCH_NAMESPACE, timeout: 10_000 });

    const streamed: CIMInstance[] = [];
    for await (const instance of connection.iterEnumerateInstances(BENCH_CLASS, options)) streamed.push(instance);
    const collected = await connection.enumerateInstances(BENCH_CLASS);

    // Pull operations return paths with the host, EnumerateInstances without; the rest must agree.
    for (const instance of [...streamed, ...collected]) instance.path!.host = null;
    expect(streamed.map(nameOf)).toEqual(collected.map(nameOf));
    expect(streamed.every((instance, index) => instance.equals(collected[index]))).toBe(true);
    expect(streamed[0]!.path!.namespace).toBe(BENCH_NAMESPACE);
  });

  it('paths match enumerateInstanceNames', async () => {
    mock = await startMockServer({ repository: await buildBenchRepository(9) });
    connection = new WBEMConnection(mock.url, { defaultNamespace: BENCH_NAMESPACE, timeout: 10_000 });

    const streamed: CIMInstanceName[] = [];
    for await (const path of connection.iterEnumerateInstancePaths(BENCH_CLASS, { maxObjectCount: 4 })) streamed.push(path);
    const collected = await connection.enumerateInstanceNames(BENCH_CLASS);

    for (const path of [...streamed, ...collected]) path.host = null;
    expect(streamed.map(String).sort()).toEqual(collected.map(String).sort());
  });

  it('break mid-response closes enumeration', async () => {
    mock = await startMockServer({ repository: await buildBenchRepository(12) });
    const records: OperationRecord[] = [];
    connection = new WBEMConnection(mock.url, {
      defaultNamespace: BENCH_NAMESPACE,
      timeout: 10_000,
      recorders: [{ enabled: true, record: (record) => records.push(record) }],
    });

    let seen = 0;
    for await (const instance of connection.iterEnumerateInstances(BENCH_CLASS, { maxObjectCount: 5 })) {
      void instance;
      seen++;
      if (seen === 2) break;
    }

    expect(records.map((record) => record.operation)).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
    expect(records[1]!.error).toBeNull();
  });
});

const HEAD = { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' };

function person(name: string): CIMInstance {
  const path = new CIMInstanceName('TST_Person', { Name: name }, { namespace: 'root/cimv2', host: 'server' });
  return new CIMInstance('TST_Person', { properties: [new CIMProperty('Name', name)], path });
}

/** Writes a chunked 200 response whose body is split at `split`; the rest follows when `release` resolves. */
function writeSplitResponse(socket: net.Socket, body: string, split: number, release: Promise<void>): void {
  const head = Object.entries(HEAD).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.write(`HTTP/1.1 200 OK\r\n${head}Transfer-Encoding: chunked\r\n\r\n`);
  const first = Buffer.from(body.slice(0, split), 'utf8');
  socket.write(`${first.length.toString(16)}\r\n`);
  socket.write(first);
  socket.write('\r\n');

  void release.then(() => {
    const rest = Buffer.from(body.slice(split), 'utf8');
    socket.write(`${rest.length.toString(16)}\r\n`);
    socket.write(rest);
    socket.write('\r\n0\r\n\r\n');
  });
}

describe('iter over a slow body', () => {
  it('yields objects before the body ends', async () => {
    let releaseRest!: () => void;
    const rest = new Promise<void>((resolve) => (releaseRest = resolve));
    const body = intrinsicResponse('1', 'OpenEnumerateInstances', {
      objects: ['a', 'b', 'c'].map(person),
      endOfSequence: true,
      enumerationContext: null,
    });
    // The reader yields the first object once the second one has arrived, so the split follows the second.
    const closing = '</VALUE.INSTANCEWITHPATH>';
    const split = body.indexOf(closing, body.indexOf(closing) + 1) + closing.length;
    raw = await startRawServer((socket) => writeSplitResponse(socket, body, split, rest));
    connection = new WBEMConnection(raw.url, { timeout: 5000 });

    const names: string[] = [];
    for await (const instance of connection.iterEnumerateInstances('TST_Person', { usePull: true })) {
      names.push(String(instance.get('Name')));
      if (names.length === 1) releaseRest();
    }
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('break in streamIntrinsic releases body', async () => {
    const body = intrinsicResponse('1', 'OpenEnumerateInstances', {
      objects: ['a', 'b', 'c'].map(person),
      endOfSequence: true,
      enumerationContext: null,
    });
    const closing = '</VALUE.INSTANCEWITHPATH>';
    const split = body.indexOf(closing, body.indexOf(closing) + 1) + closing.length;
    let socketClosed!: Promise<void>;
    raw = await startRawServer((socket) => {
      socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
      writeSplitResponse(socket, body, split, new Promise(() => undefined));
    });
    const records: OperationRecord[] = [];
    // The operation timeout is longer than the test's, so only the release can close the socket in time.
    connection = new WBEMConnection(raw.url, { timeout: 60_000, recorders: [{ enabled: true, record: (record) => records.push(record) }] });

    const decoders = {
      decodeItem: (item: unknown) => item as CIMInstance,
      decodeEnd: () => 'end',
    };
    for await (const instance of connection.streamIntrinsic('OpenEnumerateInstances', decoders, { ClassName: 'TST_Person' }, {}, null)) {
      expect(instance.get('Name')).toBe('a');
      break;
    }

    await socketClosed;
    expect(records).toHaveLength(1);
    expect(records[0]!.result).toBeNull();
    expect(records[0]!.error).toBeNull();
  });

  it('abort mid-response closes enumeration', async () => {
    const body = intrinsicResponse('1', 'OpenEnumerateInstances', {
      objects: ['a', 'b', 'c'].map(person),
      endOfSequence: false,
      enumerationContext: 'ctx-7',
    });
    const closeBody = intrinsicResponse('2', 'CloseEnumeration', undefined);
    raw = await startRawServer((socket, request) => {
      const answer = request.headers['cimmethod'] === 'CloseEnumeration' ? closeBody : body;
      writeSplitResponse(socket, answer, answer.length, Promise.resolve());
    });
    connection = new WBEMConnection(raw.url, { timeout: 5000 });

    const controller = new AbortController();
    const run = async () => {
      for await (const instance of connection!.iterEnumerateInstances('TST_Person', { usePull: true, signal: controller.signal })) {
        if (instance.get('Name') === 'a') controller.abort();
      }
    };

    await expect(run()).rejects.toBeInstanceOf(AbortedError);
    expect(raw.requests.map((request) => request.headers['cimmethod'])).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
  });
});
