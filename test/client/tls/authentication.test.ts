import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/client/errors.js';
import { WBEMTransport, type TransportOptions } from '../../../src/client/transport.js';
import { fixedResponse, RESPONSE_XML, startRawServer, type RawServer } from '../loopback-server.js';

const OK = fixedResponse('200 OK', { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' }, RESPONSE_XML);
const CREDENTIALS = { user: 'admin', password: 'pw-7c1e' };
const AUTHORIZATION = `Basic ${Buffer.from('admin:pw-7c1e').toString('base64')}`;

const challenge = (value: string | null) =>
  fixedResponse('401 Unauthorized', value === null ? {} : { 'WWW-Authenticate': value }, 'denied');

let server: RawServer | null = null;
let transport: WBEMTransport | null = null;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = null;
  server = null;
});

/** Starts a server that accepts only the right Basic credentials and challenges with `scheme` otherwise. */
async function startServer(scheme: string | null = 'Basic realm="cimom"'): Promise<RawServer> {
  server = await startRawServer((socket, request) => {
    socket.write(request.headers['authorization'] === AUTHORIZATION ? OK : challenge(scheme));
  });
  return server;
}

function send(options: Omit<TransportOptions, 'url'>, url = server?.url ?? '') {
  transport = new WBEMTransport({ url, timeout: 5000, ...options });
  return transport.send({ cimMethod: 'EnumerateInstances', cimObject: 'root/cimv2', body: '<CIM/>' });
}

describe('Basic authentication', () => {
  it('pre-emptive sends credentials first', async () => {
    const raw = await startServer();
    await send({ credentials: CREDENTIALS });
    expect(raw.requests).toHaveLength(1);
    expect(raw.requests[0]?.headers['authorization']).toBe(AUTHORIZATION);
  });

  it('challenge answered by one retry', async () => {
    const raw = await startServer();
    const response = await send({ credentials: CREDENTIALS, preemptiveAuth: false });
    expect(response.status).toBe(200);
    expect(raw.requests.map((request) => request.headers['authorization'])).toEqual([undefined, AUTHORIZATION]);
  });

  it('after a challenge sends credentials first', async () => {
    const raw = await startServer();
    await send({ credentials: CREDENTIALS, preemptiveAuth: false });
    await transport?.send({ cimMethod: 'EnumerateInstances', cimObject: 'root/cimv2', body: '<CIM/>' });
    expect(raw.requests).toHaveLength(3);
    expect(raw.requests[2]?.headers['authorization']).toBe(AUTHORIZATION);
  });

  it('wrong password after retry fails', async () => {
    const raw = await startServer();
    const error = await send({ credentials: { user: 'admin', password: 'wrong' }, preemptiveAuth: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('rejected the credentials of user "admin"');
    expect(raw.requests).toHaveLength(2);
  });

  it('wrong pre-emptive password is not retried', async () => {
    const raw = await startServer();
    const error = await send({ credentials: { user: 'admin', password: 'wrong' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(raw.requests).toHaveLength(1);
  });

  it('no credentials names offered scheme', async () => {
    const raw = await startServer();
    const error = await send({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).schemes).toEqual(['Basic']);
    expect((error as AuthError).message).toContain('offers Basic');
    expect(raw.requests).toHaveLength(1);
  });

  it.each([
    ['Negotiate', ['Negotiate'], 'offers only Negotiate'],
    ['Negotiate, NTLM', ['Negotiate', 'NTLM'], 'offers only Negotiate, NTLM'],
    [null, [], 'without offering an authentication scheme'],
  ])('challenge %s is not retried', async (scheme, schemes, text) => {
    const raw = await startServer(scheme);
    const error = await send({ credentials: CREDENTIALS, preemptiveAuth: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).schemes).toEqual(schemes);
    expect((error as AuthError).message).toContain(text);
    expect(raw.requests).toHaveLength(1);
  });

  it('unsupported scheme without credentials', async () => {
    await startServer('Negotiate');
    const error = await send({}).catch((caught: unknown) => caught);
    expect((error as AuthError).message).toContain('offers Negotiate. This client supports Basic only.');
  });
});
