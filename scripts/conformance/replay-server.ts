import net from 'node:net';
import { compareXml } from './xml-compare.js';

/** One request as the replay server received it. Header names are in lower case. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One recorded exchange: what the request must look like and the raw response to send. */
export interface ReplayExchange {
  /** CIM headers the request must carry, compared after percent-decoding; null skips the check. */
  readonly headers?: Readonly<Record<string, string>> | null;
  /** The request body as recorded; compared as XML ignoring whitespace, attribute order, MESSAGE/@ID, and the order of IPARAMVALUEs, properties and keybindings. */
  readonly body?: string | null;
  /** `ELEMENT/@ATTRIBUTE` names that the body comparison skips besides `MESSAGE/@ID`. */
  readonly ignoreAttributes?: readonly string[];
  /** Complete HTTP response bytes (status line, headers, body), or null to close the connection unanswered. */
  readonly response: string | Buffer | null;
}

/** Returns the exchange to replay for a received request. */
export type ReplayHandler = (request: ReceivedRequest, index: number) => ReplayExchange;

/** A loopback server that replays recorded responses and checks the requests it receives. */
export interface ReplayServer {
  /** Base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** One line per request that did not match its recorded exchange. */
  readonly mismatches: string[];
  close(): Promise<void>;
}

/**
 * Starts a replay server on 127.0.0.1 with a port chosen by the system. `exchanges` is
 * either the recorded exchanges in the order the requests are expected, or a handler.
 */
export async function startReplayServer(exchanges: readonly ReplayExchange[] | ReplayHandler): Promise<ReplayServer> {
  const received: ReceivedRequest[] = [];
  const mismatches: string[] = [];
  const sockets = new Set<net.Socket>();
  const next: ReplayHandler = typeof exchanges === 'function' ? exchanges : (_request, index) => exchanges[index] ?? unexpected(index);

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    readRequests(socket, (request) => {
      const index = received.length;
      received.push(request);
      const exchange = next(request, index);
      const mismatch = checkRequest(exchange, request);
      if (mismatch !== null) mismatches.push(`request ${index + 1}: ${mismatch}`);
      if (exchange.response === null) socket.destroy();
      else socket.write(exchange.response);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    mismatches,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Header fields that describe how the recorded response was framed. The replayed response
 * is framed again with Content-Length, so these are not sent: Transfer-Encoding together
 * with Content-Length is invalid HTTP/1.1, and Trailer would announce trailers that a
 * Content-Length body cannot carry.
 */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'trailer', 'connection', 'keep-alive']);

/** Builds an HTTP/1.1 response with Content-Length from a status, headers and a body. */
export function httpResponse(status: number, reason: string, headers: Readonly<Record<string, string>>, body: string): string {
  const lines = [`HTTP/1.1 ${status} ${reason}`];
  for (const [name, value] of Object.entries(headers)) {
    if (!FRAMING_HEADERS.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function unexpected(index: number): ReplayExchange {
  return { headers: null, body: null, response: httpResponse(500, 'Unexpected Request', {}, `No recorded exchange for request ${index + 1}.`) };
}

function checkRequest(exchange: ReplayExchange, request: ReceivedRequest): string | null {
  for (const [name, value] of Object.entries(exchange.headers ?? {})) {
    const got = request.headers[name.toLowerCase()];
    if (got === undefined) return `header ${name} is missing`;
    if (decode(got) !== decode(value)) return `header ${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`;
  }
  if (exchange.body === null || exchange.body === undefined) return null;

  try {
    const difference = compareXml(exchange.body, request.body, {
      ignore: ['MESSAGE/@ID', ...(exchange.ignoreAttributes ?? [])],
      unordered: ['IMETHODCALL', 'INSTANCE', 'INSTANCENAME'],
    });
    return difference === null ? null : `body differs at ${difference}`;
  } catch (error) {
    return `body is not comparable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.trim());
  } catch {
    return value.trim();
  }
}

function readRequests(socket: net.Socket, onRequest: (request: ReceivedRequest) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const [requestLine = '', ...headerLines] = head.split('\r\n');
      const headers = parseHeaders(headerLines);
      const length = Number(headers['content-length'] ?? 0);
      if (buffered.length < end + 4 + length) return;

      const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
      buffered = buffered.subarray(end + 4 + length);
      const [method = '', path = ''] = requestLine.split(' ');
      onRequest({ method, path, headers, body });
    }
  });
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
