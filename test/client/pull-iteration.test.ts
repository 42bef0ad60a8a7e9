import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpResponse, startReplayServer, type ReceivedRequest, type ReplayServer } from '../../scripts/conformance/replay-server.js';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { readRequest } from '../../src/cimxml/index.js';
import { intrinsicErrorResponse, intrinsicResponse } from '../../src/cimxml/writer/index.js';
import { WBEMConnection } from '../../src/client/connection.js';
import { AbortedError } from '../../src/client/errors.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const LIVE = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic', 'sfcb-1.3-live');
const XML_HEADERS = { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' };

/** The body of a live SFCB response, answered with the headers SFCB sends. */
function sfcbResponse(number: string): string {
  const file = readdirSync(LIVE).find((name) => name.startsWith(`${number}_`) && name.endsWith('.response.xml'))!;
  return httpResponse(200, 'OK', XML_HEADERS, readFileSync(path.join(LIVE, file), 'utf8'));
}

function person(name: string): CIMInstance {
  const path = new CIMInstanceName('TST_Person', { Name: name }, { namespace: 'root/cimv2', host: 'server' });
  return new CIMInstance('TST_Person', { properties: [new CIMProperty('Name', name)], path });
}

/** Serves a pull sequence of two batches: the Open returns `first`, one Pull returns `second` and ends the sequence. */
function pullServer(first: string[], second: string[], openEnds = false) {
  return (request: ReceivedRequest) => {
    const operation = request.headers['cimmethod']!;
    const respond = (body: string) => ({ response: httpResponse(200, 'OK', XML_HEADERS, body) });
    switch (operation) {
      case 'OpenEnumerateInstances':
        return respond(
          intrinsicResponse('1', operation, {
            objects: first.map(person),
            endOfSequence: openEnds,
            enumerationContext: openEnds ? null : 'ctx-1',
          }),
        );
      case 'PullInstancesWithPath':
        return respond(intrinsicResponse('2', operation, { objects: second.map(person), endOfSequence: true, enumerationContext: null }));
      case 'CloseEnumeration':
        return respond(intrinsicResponse('3', operation, undefined));
      default:
        return respond(intrinsicErrorResponse('4', operation, new CIMError(7)));
    }
  };
}

function operations(received: readonly ReceivedRequest[]): string[] {
  return received.map((request) => request.headers['cimmethod']!);
}

function contextOf(request: ReceivedRequest): unknown {
  const parameter = readRequest(request.body).request;
  if (parameter.kind !== 'request') return undefined;
  return parameter.intrinsicParameters.find((item) => item.name === 'EnumerationContext')?.value;
}

let server: ReplayServer | null = null;
let connection: WBEMConnection | null = null;

afterEach(async () => {
  await connection?.close();
  await server?.close();
  connection = null;
  server = null;
});

async function connect(handler: Parameters<typeof startReplayServer>[0]): Promise<WBEMConnection> {
  server = await startReplayServer(handler);
  connection = new WBEMConnection(server.url, { timeout: 5000 });
  return connection;
}

describe('iterEnumerateInstances', () => {
  it('pull all batches without close', async () => {
    const conn = await connect(pullServer(['a', 'b'], ['c']));
    const names: unknown[] = [];
    for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2 })) names.push(instance.get('Name'));
    expect(names).toEqual(['a', 'b', 'c']);
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'PullInstancesWithPath']);
    expect(conn.pullSupport.get('EnumerateInstances')).toBe(true);
  });

  it('break after first batch closes once', async () => {
    const conn = await connect(pullServer(['a', 'b'], ['c']));
    for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2 })) {
      expect(instance.get('Name')).toBe('a');
      break;
    }
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
    expect(contextOf(server!.received[1]!)).toBe('ctx-1');
  });

  it('exception in loop closes once', async () => {
    const conn = await connect(pullServer(['a', 'b'], ['c']));
    const failure = new Error('stop');
    const run = async () => {
      for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2 })) {
        void instance;
        throw failure;
      }
    };
    await expect(run()).rejects.toBe(failure);
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
  });

  it('abort between batches closes once', async () => {
    const conn = await connect(pullServer(['a', 'b'], ['c']));
    const controller = new AbortController();
    const run = async () => {
      for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2, signal: controller.signal })) {
        if (instance.get('Name') === 'b') controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(AbortedError);
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
  });

  it('break after EndOfSequence sends no close', async () => {
    const conn = await connect(pullServer(['a', 'b'], [], true));
    for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2 })) {
      void instance;
      break;
    }
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances']);
  });

  it('break in last batch sends no close', async () => {
    const conn = await connect(pullServer(['a'], ['b', 'c']));
    for await (const instance of conn.iterEnumerateInstances('TST_Person', { maxObjectCount: 2 })) {
      if (instance.get('Name') === 'b') break;
    }
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'PullInstancesWithPath']);
  });

  it('falls back on SFCB CIM_ERR_FAILED', async () => {
    // The Open is answered as SFCB 1.3 answered it (CIM_ERR_FAILED), EnumerateInstances with SFCB's instances.
    const conn = await connect((request) => ({
      response: request.headers['cimmethod'] === 'OpenEnumerateInstances' ? sfcbResponse('26') : sfcbResponse('11'),
    }));

    const first = [];
    for await (const instance of conn.iterEnumerateInstances('Linux_OperatingSystem', { maxObjectCount: 10 })) first.push(instance);
    const second = [];
    for await (const instance of conn.iterEnumerateInstances('Linux_OperatingSystem')) second.push(instance);

    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0]!.path!.namespace).toBe('root/cimv2');
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'EnumerateInstances', 'EnumerateInstances']);
    expect(conn.pullSupport.get('EnumerateInstances')).toBe(false);
  });

  it('fallback sends LocalOnly false', async () => {
    const conn = await connect((request) => ({
      response: request.headers['cimmethod'] === 'OpenEnumerateInstances' ? sfcbResponse('26') : sfcbResponse('11'),
    }));
    for await (const instance of conn.iterEnumerateInstances('Linux_OperatingSystem')) void instance;

    const fallback = readRequest(server!.received[1]!.body).request;
    expect(fallback.kind === 'request' && fallback.intrinsicParameters.find((item) => item.name === 'LocalOnly')?.value).toBe(false);
  });

  it('usePull true raises CIM_ERR_FAILED', async () => {
    const conn = await connect(() => ({ response: sfcbResponse('26') }));
    const run = async () => {
      for await (const instance of conn.iterEnumerateInstances('Linux_OperatingSystem', { usePull: true })) void instance;
    };
    await expect(run()).rejects.toMatchObject({ statusCode: 1 });
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances']);
  });

  it('failure after successful open is raised', async () => {
    const conn = await connect((request) => ({
      response:
        request.headers['cimmethod'] === 'OpenEnumerateInstances' && server!.received.length > 1
          ? sfcbResponse('26')
          : pullServer(['a'], [], true)(request).response,
    }));
    for await (const instance of conn.iterEnumerateInstances('TST_Person')) void instance;

    const run = async () => {
      for await (const instance of conn.iterEnumerateInstances('TST_Person')) void instance;
    };
    await expect(run()).rejects.toMatchObject({ statusCode: 1 });
    expect(operations(server!.received)).toEqual(['OpenEnumerateInstances', 'OpenEnumerateInstances']);
  });

  it('usePull false with filterQuery raises', async () => {
    const conn = await connect(pullServer(['a'], []));
    const run = async () => {
      for await (const instance of conn.iterEnumerateInstances('TST_Person', { usePull: false, filterQuery: 'x', filterQueryLanguage: 'DMTF:FQL' })) {
        void instance;
      }
    };
    await expect(run()).rejects.toThrow(/filterQueryLanguage, filterQuery needs pull operations/);
    expect(server!.received).toHaveLength(0);
  });
});
