import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMProperty } from '../../src/cim/property.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import { readResponse, type OperationResponse } from '../../src/cimxml/index.js';
import { RESPONSE_CHUNK_LENGTH } from '../../src/cimxml/writer/responses.js';
import { loadModel } from '../../src/mock/cache/model-cache.js';
import { generatedReply, sendReply } from '../../src/mock/http/respond.js';
import type { MockRepository } from '../../src/mock/repository.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { classNameParam, intrinsicBody, intrinsicHeaders, post, referenceDir } from './server-helpers.js';

const NS = 'root/cimv2';
const MODEL = path.join(referenceDir, 'mock-models', 'simple_mock_model.mof');
/** Instances added to CIM_Foo: with IDs of about 500 characters, their response spans several chunks. */
const ADDED = 800;
const LONG_ID = 'x'.repeat(500);

const enumerateBody = (className: string) => intrinsicBody('EnumerateInstances', NS, classNameParam('ClassName', className));
const enumerateHeaders = intrinsicHeaders('EnumerateInstances', NS);

function fooInstance(id: string, count: number): CIMInstance {
  return new CIMInstance('CIM_Foo', {
    properties: [new CIMProperty('InstanceID', id), new CIMProperty('IntegerProp', new Uint32(count))],
  });
}

/** Builds the model with `ADDED` more CIM_Foo instances and one more, `badId`, that XML cannot carry, first or last. */
function buildRepository(badId: string, badFirst: boolean): MockRepository {
  const repository = loadModel({ mofFiles: [MODEL], cacheDirectory: null }).repository;
  const bad = fooInstance(badId, 0);
  if (badFirst) repository.createInstance(NS, bad);
  for (let index = 0; index < ADDED; index++) repository.createInstance(NS, fooInstance(`${LONG_ID}-${index}`, index));
  if (!badFirst) repository.createInstance(NS, bad);
  return repository;
}

/** POSTs with node:http and returns the response once its headers arrive. */
async function open(url: string, body: string, headers: Record<string, string>): Promise<IncomingMessage> {
  const request = httpRequest(`${url}/cimom`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers },
  });
  request.end(body);
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  return response;
}

describe('mock server streaming', () => {
  let good: MockServer;
  let late: MockServer;
  let early: MockServer;

  beforeAll(async () => {
    good = await startMockServer({ repository: buildRepository('good', false) });
    late = await startMockServer({ repository: buildRepository('late\u0001', false) });
    early = await startMockServer({ repository: buildRepository('early\u0001', true) });
  });

  afterAll(async () => {
    await Promise.all([good.close(), late.close(), early.close()]);
  });

  it.each([
    ['with trailers', { TE: 'trailers' }, '0'],
    ['without trailers', {}, undefined],
  ])('large response %s', async (_name, extra, statusTrailer) => {
    const result = await post(good.url, enumerateBody('CIM_Foo'), { ...enumerateHeaders, ...extra });
    expect(result.status).toBe(200);
    expect(result.headers['transfer-encoding']).toBe('chunked');
    expect(result.body.length).toBeGreaterThan(3 * RESPONSE_CHUNK_LENGTH);
    expect(result.trailers['cimstatuscode']).toBe(statusTrailer);

    const response = readResponse(result.body).response as OperationResponse;
    expect(response.error).toBeNull();
    expect(response.intrinsicReturnValue?.items.length).toBeGreaterThan(ADDED);
  });

  it('small response keeps Content-Length', async () => {
    const result = await post(good.url, enumerateBody('CIM_FooRef1'), enumerateHeaders);
    expect(result.headers['content-length']).toBe(String(Buffer.byteLength(result.body)));
    expect(result.headers['transfer-encoding']).toBeUndefined();
  });

  it('error before first byte', async () => {
    const result = await post(early.url, enumerateBody('CIM_Foo'), { ...enumerateHeaders, TE: 'trailers' });
    expect(result.status).toBe(200);
    expect(result.trailers['cimstatuscode']).toBe('1');

    const response = readResponse(result.body).response as OperationResponse;
    expect(response.error?.statusCode).toBe(1);
    expect(response.error?.statusDescription).toContain('U+0001');
  });

  it('error after first byte in trailers', async () => {
    const result = await post(late.url, enumerateBody('CIM_Foo'), { ...enumerateHeaders, TE: 'trailers' });
    expect(result.status).toBe(200);
    expect(result.body.length).toBeGreaterThan(2 * RESPONSE_CHUNK_LENGTH);
    expect(result.body).not.toContain('</CIM>');
    expect(result.trailers['cimstatuscode']).toBe('1');
    expect(decodeURIComponent(String(result.trailers['cimstatuscodedescription']))).toContain('U+0001');
  });

  it('error after first byte closes connection', async () => {
    const response = await open(late.url, enumerateBody('CIM_Foo'), enumerateHeaders);
    expect(response.statusCode).toBe(200);

    let received = 0;
    response.on('data', (chunk: Buffer) => (received += chunk.length));
    const [error] = (await once(response, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNRESET');
    expect(received).toBeGreaterThan(2 * RESPONSE_CHUNK_LENGTH);
  });

  it('client gone mid-response', async () => {
    const response = await open(good.url, enumerateBody('CIM_Foo'), { ...enumerateHeaders, TE: 'trailers' });
    await once(response, 'data');
    response.destroy();

    const result = await post(good.url, enumerateBody('CIM_Foo'), { ...enumerateHeaders, TE: 'trailers' });
    expect(result.trailers['cimstatuscode']).toBe('0');
  });
});

/** A body generator without end that counts its chunks and reports when it is closed. */
function endlessBody() {
  const state = { generated: 0, closed: false };
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  function* chunks(): Generator<Buffer> {
    try {
      for (;;) {
        state.generated++;
        yield Buffer.from(`<!-- ${'x'.repeat(RESPONSE_CHUNK_LENGTH)} -->`, 'utf8');
      }
    } finally {
      state.closed = true;
      markClosed();
    }
  }
  return { state, closed, chunks: chunks() };
}

/** Resolves when `read()` returns the same value on two checks 100 ms apart. */
async function settled(read: () => number): Promise<number> {
  let previous = -1;
  for (;;) {
    const current = read();
    if (current === previous) return current;
    previous = current;
    await sleep(100);
  }
}

describe('sendReply with a generated body', () => {
  let server: Server;
  let url: string;
  let body: ReturnType<typeof endlessBody>;
  const failures: unknown[] = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      body = endlessBody();
      sendReply(response, generatedReply(body.chunks), { trailers: true, started: process.hrtime.bigint(), operation: 'EnumerateInstances' }).catch((error: unknown) =>
        failures.push(error),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  it('slow client stops generation', async () => {
    const response = await open(url, '', {});
    response.pause();

    // The socket buffers of both ends fill up, then the server waits for drain.
    const generated = await settled(() => body.state.generated);
    expect(generated * RESPONSE_CHUNK_LENGTH).toBeLessThan(64 * 1024 * 1024);

    let received = 0;
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > generated * RESPONSE_CHUNK_LENGTH) response.destroy();
    });
    response.resume();
    await body.closed;
    expect(body.state.generated).toBeGreaterThan(generated);
  });

  it('disconnect closes generator', async () => {
    const response = await open(url, '', {});
    await once(response, 'data');
    response.destroy();

    await body.closed;
    expect(body.state.closed).toBe(true);
    expect(failures).toEqual([]);
  });
});
