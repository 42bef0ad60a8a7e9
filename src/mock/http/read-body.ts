import type { IncomingMessage } from 'node:http';
import { HTTPRejection } from './rejection.js';

/**
 * Reads the request body, up to `maxBytes`. Raises a 413 HTTPRejection as soon as the
 * body (or its Content-Length) is larger, without reading the rest.
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > maxBytes) throw tooLarge(declared, maxBytes);

  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, length);
}

function tooLarge(length: number, maxBytes: number): HTTPRejection {
  return new HTTPRejection(413, null, `The request body has more than ${maxBytes} bytes (${length} seen); send a smaller request or raise maxRequestBytes.`, {
    headers: { Connection: 'close' },
  });
}
