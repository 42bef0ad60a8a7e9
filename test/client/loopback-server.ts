import net from 'node:net';

/** One request as the raw server read it. */
export interface RawRequest {
  head: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** A TCP server on 127.0.0.1 that answers each HTTP request through a handler writing raw bytes. */
export interface RawServer {
  url: string;
  port: number;
  requests: RawRequest[];
  close(): Promise<void>;
}

export type RawHandler = (socket: net.Socket, request: RawRequest) => void;

/** Starts a raw HTTP server on 127.0.0.1 with a port chosen by the system. */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const requests: RawRequest[] = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    readRequests(socket, (request) => {
      requests.push(request);
      handler(socket, request);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function readRequests(socket: net.Socket, onRequest: (request: RawRequest) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const headers = parseHead(head);
      const length = Number(headers['content-length'] ?? 0);
      if (buffered.length < end + 4 + length) return;
      const body = buffered.subarray(end + 4, end + 4 + length);
      buffered = buffered.subarray(end + 4 + length);
      onRequest({ head, headers, body });
    }
  });
}

function parseHead(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Returns a port on 127.0.0.1 that was open a moment ago and is now closed. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A minimal valid CIM-XML response document. */
export const RESPONSE_XML =
  '<?xml version="1.0" encoding="utf-8" ?>\n<CIM CIMVERSION="2.0" DTDVERSION="2.0">' +
  '<MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLERSP><IMETHODRESPONSE NAME="EnumerateInstances">' +
  '</IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>';

/** Builds a complete HTTP/1.1 response with Content-Length. */
export function fixedResponse(status: string, headers: Record<string, string>, body = ''): string {
  const lines = [`HTTP/1.1 ${status}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Encodes data as one HTTP chunk. */
export function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}
