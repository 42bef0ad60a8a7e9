import { readFileSync } from 'node:fs';
import path from 'node:path';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CIMError } from '../../src/cim/errors.js';
import {
  AbortedError,
  AuthError,
  ConnectionError,
  HeaderParseError,
  HTTPError,
  ResponseSizeError,
  TimeoutError,
} from '../../src/client/errors.js';
import { newHttpExchange } from '../../src/client/http-record.js';
import { WBEMTransport } from '../../src/client/transport.js';
import { chunk, closedPort, fixedResponse, RESPONSE_XML, startRawServer, type RawServer } from './loopback-server.js';

const TRAFFIC = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'cim-xml', 'traffic');
const TIMEOUT = 1500;
const OK_HEADERS = { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' };
const CHUNKED_HEAD =
  'HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=utf-8\r\nTransfer-Encoding: chunked\r\n' +
  'Trailer: CIMStatusCode, CIMStatusCodeDescription\r\nCIMOperation: MethodResponse\r\n\r\n';
const TRUNCATED_XML = RESPONSE_XML.slice(0, 63);

let server: RawServer | null = null;
let transport: WBEMTransport | null = null;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = null;
  server = null;
});

async function serve(handler: (socket: net.Socket) => void, credentials = true): Promise<WBEMTransport> {
  server = await startRawServer((socket) => handler(socket));
  transport = new WBEMTransport({
    url: server.url,
    credentials: credentials ? { user: 'ユーザー1', password: 'pä55' } : null,
    timeout: TIMEOUT,
  });
  return transport;
}

function answer(bytes: string): (socket: net.Socket) => void {
  return (socket) => socket.write(bytes);
}

async function sendVia(client: WBEMTransport) {
  return client.send({ cimMethod: 'EnumerateInstances', cimObject: 'root/cimv2', body: '<CIM/>' });
}

async function failure(client: WBEMTransport): Promise<Error> {
  try {
    await sendVia(client);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the request succeeded');
}

describe('content type', () => {
  interface TrafficCase {
    name: string;
    pywbem_response: { exception?: string };
    http_response: { headers: Record<string, string>; data: string };
  }
  const cases = (parse(readFileSync(path.join(TRAFFIC, 'pywbem_headers.yaml'), 'utf8')) as TrafficCase[]).map(
    (entry) => [entry.name, entry.http_response.headers['Content-type'] ?? '', entry] as const,
  );

  it.each(cases)('pywbem case %s (%s)', async (_name, contentType, entry) => {
    const client = await serve(answer(fixedResponse('200 OK', { ...entry.http_response.headers }, entry.http_response.data)));
    if (entry.pywbem_response.exception === 'HeaderParseError') {
      const error = await failure(client);
      expect(error).toBeInstanceOf(HeaderParseError);
      expect((error as HeaderParseError).response?.body).toBe(entry.http_response.data);
    } else {
      const response = await sendVia(client);
      expect(Buffer.from(response.body).toString('utf8')).toBe(entry.http_response.data);
    }
    expect(contentType).not.toBe('');
  });

  it.each(['text/xml;charset=UTF-8', 'application/xml; charset="utf-8"', 'application/xml', 'TEXT/XML; Charset=UTF-8', 'text/xml; charset=utf8'])(
    'accepts %s',
    async (contentType) => {
      const client = await serve(answer(fixedResponse('200 OK', { 'Content-Type': contentType, CIMOperation: 'MethodResponse' }, RESPONSE_XML)));
      const response = await sendVia(client);
      expect(response.body.byteLength).toBe(Buffer.byteLength(RESPONSE_XML));
    },
  );

  it.each(['text/html', 'application/xml; charset=iso-8859-1', ''])('rejects %j with body', async (contentType) => {
    const headers: Record<string, string> = { CIMOperation: 'MethodResponse' };
    if (contentType !== '') headers['Content-Type'] = contentType;
    const client = await serve(answer(fixedResponse('200 OK', headers, '<html>no</html>')));
    const error = (await failure(client)) as HeaderParseError;
    expect(error).toBeInstanceOf(HeaderParseError);
    expect(error.header).toBe('Content-Type');
    expect(error.rawText).toBe('<html>no</html>');
    expect(error.message).toContain(client.url);
  });

  it('rejects missing CIMOperation', async () => {
    const client = await serve(answer(fixedResponse('200 OK', { 'Content-Type': 'application/xml' }, RESPONSE_XML)));
    const error = (await failure(client)) as HeaderParseError;
    expect(error).toBeInstanceOf(HeaderParseError);
    expect(error.header).toBe('CIMOperation');
  });
});

describe('trailers', () => {
  it('reports CIMStatusCode 5 on truncated body', async () => {
    const trailer = '0\r\nCIMStatusCode: 5\r\nCIMStatusCodeDescription: CIM_ERR_INVALID_CLASS%3A%20class%20X_Foo%20not%20found\r\n\r\n';
    const client = await serve(answer(CHUNKED_HEAD + chunk(TRUNCATED_XML) + trailer));
    const error = (await failure(client)) as CIMError;
    expect(error).toBeInstanceOf(CIMError);
    expect(error.statusCode).toBe(5);
    expect(error.statusDescription).toBe('CIM_ERR_INVALID_CLASS: class X_Foo not found');
  });

  it('treats CIMStatusCode 0 as success', async () => {
    const client = await serve(answer(CHUNKED_HEAD + chunk(RESPONSE_XML) + '0\r\nCIMStatusCode: 0\r\n\r\n'));
    const response = await sendVia(client);
    expect(response.trailers['cimstatuscode']).toBe('0');
    expect(Buffer.from(response.body).toString('utf8')).toBe(RESPONSE_XML);
  });

  it('reports non-numeric CIMStatusCode as failed', async () => {
    const client = await serve(answer(CHUNKED_HEAD + chunk(RESPONSE_XML) + '0\r\nCIMStatusCode: abc\r\n\r\n'));
    const error = (await failure(client)) as CIMError;
    expect(error).toBeInstanceOf(CIMError);
    expect(error.statusCode).toBe(1);
    expect(error.message).toContain('CIMStatusCode');
    expect(error.message).toContain('"abc"');
  });

  it('accepts announced but absent trailers', async () => {
    const client = await serve(answer(CHUNKED_HEAD + chunk(RESPONSE_XML) + '0\r\n\r\n'));
    const response = await sendVia(client);
    expect(response.trailers).toEqual({});
  });

  it.each([
    ['CIMStatusDescription', 'CIMStatusCode: 6\r\nCIMStatusDescription: not%20here', 6, 'not here'],
    ['CIMErrorCode', 'CIMErrorCode: 3\r\nCIMErrorDescription: bad%20ns', 3, 'bad ns'],
  ])('reads OpenWBEM trailer %s', async (_name, fields, code, description) => {
    const client = await serve(answer(CHUNKED_HEAD + chunk(TRUNCATED_XML) + `0\r\n${fields}\r\n\r\n`));
    const error = (await failure(client)) as CIMError;
    expect(error.statusCode).toBe(code);
    expect(error.statusDescription).toBe(description);
  });

  it('reads M-POST prefixed trailer', async () => {
    const head =
      'HTTP/1.1 200 OK\r\nExt:\r\nOpt: http://www.dmtf.org/cim/mapping/http/v1.0;ns=73\r\n73-CIMOperation: MethodResponse\r\n' +
      'Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n';
    const client = await serve(answer(head + chunk(TRUNCATED_XML) + '0\r\n73-CIMStatusCode: 4\r\n\r\n'));
    const error = (await failure(client)) as CIMError;
    expect(error.statusCode).toBe(4);
  });

  it('times out on missing last chunk', async () => {
    const client = await serve(answer(CHUNKED_HEAD + chunk(TRUNCATED_XML)));
    const error = (await failure(client)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeout).toBe(TIMEOUT);
    expect(error.response?.bodyComplete).toBe(false);
  });

  it('streams chunks then reports trailer error', async () => {
    const trailer = '0\r\nCIMStatusCode: 5\r\n\r\n';
    const client = await serve(answer(CHUNKED_HEAD + chunk(TRUNCATED_XML) + trailer));
    const stream = await client.stream({ cimMethod: 'GetClass', cimObject: 'root/cimv2', body: '<CIM/>' });
    const received: Uint8Array[] = [];
    let caught: unknown = null;
    try {
      for await (const piece of stream) received.push(piece);
    } catch (error) {
      caught = error;
    }
    expect(Buffer.concat(received).toString('utf8')).toBe(TRUNCATED_XML);
    expect(caught).toBeInstanceOf(CIMError);
  });
});

describe('authentication', () => {
  it.each([
    ['no challenge', 'HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n', []],
    ['Basic with host', 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic "cimhost.example:5989"\r\nContent-Length: 0\r\n\r\n', ['Basic']],
    ['Negotiate only', 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Negotiate\r\nContent-Length: 0\r\n\r\n', ['Negotiate']],
  ])('401 %s gives AuthError', async (_name, bytes, schemes) => {
    const client = await serve(answer(bytes));
    const error = (await failure(client)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.schemes).toEqual(schemes);
    expect(error.statusCode).toBe(2);
    expect(server?.requests).toHaveLength(1);
  });

  it('names the offered schemes', async () => {
    const client = await serve(answer('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Negotiate\r\nContent-Length: 0\r\n\r\n'));
    const error = await failure(client);
    expect(error.message).toContain('only Negotiate');
  });

  it('401 without credentials asks for them', async () => {
    const client = await serve(answer('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n'), false);
    const error = await failure(client);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('Pass credentials');
  });

  it('close before status line gives ConnectionError', async () => {
    const client = await serve((socket) => socket.end());
    const error = await failure(client);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(AuthError);
  });
});

describe('HTTP errors', () => {
  it('400 with CIMError and PGErrorDetail', async () => {
    const bytes = fixedResponse('400 Bad Request', {
      CIMError: 'request-not-valid',
      PGErrorDetail: 'Invalid%20datetime%20value%20%2220XX%22.',
    });
    const client = await serve(answer(bytes));
    const error = (await failure(client)) as HTTPError;
    expect(error).toBeInstanceOf(HTTPError);
    expect(error.status).toBe(400);
    expect(error.cimError).toBe('request-not-valid');
    expect(error.cimErrorDetail).toBe('Invalid datetime value "20XX".');
    expect(error.message).toContain(client.url);
  });

  it('501 keeps the body', async () => {
    const client = await serve(answer(fixedResponse('501 Not Implemented', { CIMError: 'unsupported-protocol-version' }, 'no')));
    const error = (await failure(client)) as HTTPError;
    expect(error.status).toBe(501);
    expect(error.response?.body).toBe('no');
  });
});

describe('connection failures', () => {
  it('refused connection', async () => {
    const port = await closedPort();
    transport = new WBEMTransport({ url: `http://127.0.0.1:${port}`, timeout: TIMEOUT });
    const error = (await failure(transport)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`http://127.0.0.1:${port}/cimom`);
    expect(error.message).toContain('refused');
    expect(error.cause).toBeDefined();
  });

  it('reset mid-body', async () => {
    const client = await serve((socket) => {
      socket.write(fixedResponse('200 OK', OK_HEADERS, RESPONSE_XML).slice(0, -40), () => socket.resetAndDestroy());
    });
    const error = await failure(client);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('close mid-chunk without trailer', async () => {
    const client = await serve((socket) => socket.end(CHUNKED_HEAD + 'ff\r\n' + TRUNCATED_XML));
    const error = (await failure(client)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.response?.bodyComplete).toBe(false);
  });

  it('body that never ends', async () => {
    const client = await serve(answer(fixedResponse('200 OK', OK_HEADERS, RESPONSE_XML).slice(0, -20)));
    const error = await failure(client);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('HTTP/1.0 without length never closing', async () => {
    const client = await serve(answer('HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nCIMOperation: MethodResponse\r\n\r\n<CIM'));
    const error = await failure(client);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('HTTP/1.0 without length closing', async () => {
    const client = await serve((socket) =>
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nCIMOperation: MethodResponse\r\n\r\n' + RESPONSE_XML),
    );
    const response = await sendVia(client);
    expect(Buffer.from(response.body).toString('utf8')).toBe(RESPONSE_XML);
  });

  it('no response at all', async () => {
    const client = await serve(() => undefined);
    const error = (await failure(client)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('while waiting for the response');
  });

  it('caller abort', async () => {
    const client = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client.send({ cimMethod: 'GetClass', cimObject: 'root/cimv2', body: '<CIM/>', signal: controller.signal });
    setImmediate(() => controller.abort());
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  it('body over the size limit', async () => {
    server = await startRawServer((socket) => socket.write(fixedResponse('200 OK', OK_HEADERS, RESPONSE_XML)));
    transport = new WBEMTransport({ url: server.url, timeout: TIMEOUT, maxResponseBytes: 100 });
    const error = (await failure(transport)) as ResponseSizeError;
    expect(error).toBeInstanceOf(ResponseSizeError);
    expect(error.limit).toBe(100);
  });
});

describe('exchange', () => {
  it('redacts Authorization in records', async () => {
    const client = await serve(answer(fixedResponse('200 OK', { ...OK_HEADERS, WBEMServerResponseTime: '1234' }, RESPONSE_XML)));
    const exchange = newHttpExchange(true);
    await client.send({ cimMethod: 'GetClass', cimObject: 'root/cimv2', body: '<CIM/>', exchange });
    expect(exchange.request?.headers['Authorization']).toBe('[redacted]');
    expect(server?.requests[0]?.headers['authorization']).toMatch(/^Basic /);
    expect(exchange.response?.body).toBe(RESPONSE_XML);
    expect(exchange.response?.bodyComplete).toBe(true);
    expect(exchange.serverResponseTime).toBe(1234);
  });

  it('keeps error request redacted', async () => {
    const client = await serve(answer('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n'));
    const error = (await failure(client)) as AuthError;
    expect(JSON.stringify(error.request)).not.toContain('Basic ');
    expect(JSON.stringify(error.request)).not.toContain('pä55');
    expect(error.response?.status).toBe(401);
  });
});
