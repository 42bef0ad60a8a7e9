import type { ServerResponse } from 'node:http';
import { percentEncodeHeader } from '../../cimxml/index.js';
import type { HTTPRejection } from './rejection.js';

/** A CIM-XML response body in pieces, with the CIM status it reports (0 for success). */
export interface OperationReply {
  chunks: readonly string[];
  statusCode: number;
  statusDescription: string | null;
}

export interface ReplyOptions {
  /** True when the client sent `TE: trailers`: the body is chunked and the status follows in trailers. */
  trailers: boolean;
  /** `process.hrtime.bigint()` when the request arrived, for WBEMServerResponseTime. */
  started: bigint;
}

/**
 * Sends a 200 response with the CIM-XML body. With trailers, the body goes out chunked
 * and the trailers carry CIMStatusCode (and CIMStatusCodeDescription for an error).
 */
export function sendReply(response: ServerResponse, reply: OperationReply, options: ReplyOptions): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/xml; charset="utf-8"');
  response.setHeader('CIMOperation', 'MethodResponse');
  response.setHeader('Cache-Control', 'no-cache');

  if (!options.trailers) {
    const body = Buffer.from(reply.chunks.join(''), 'utf8');
    response.setHeader('Content-Length', body.length);
    response.setHeader('WBEMServerResponseTime', responseTime(options.started));
    response.end(body);
    return;
  }

  response.setHeader('Trailer', 'CIMStatusCode, CIMStatusCodeDescription');
  response.setHeader('WBEMServerResponseTime', responseTime(options.started));
  for (const chunk of reply.chunks) response.write(chunk, 'utf8');

  const trailers: Record<string, string> = { CIMStatusCode: String(reply.statusCode) };
  if (reply.statusCode !== 0 && reply.statusDescription !== null) {
    trailers['CIMStatusCodeDescription'] = percentEncodeHeader(reply.statusDescription, 'CIMStatusCodeDescription trailer');
  }
  response.addTrailers(trailers);
  response.end();
}

/** Sends an HTTP-level rejection: its status, CIMError header and the reason as plain text. */
export function sendRejection(response: ServerResponse, rejection: HTTPRejection, started: bigint): void {
  const body = Buffer.from(`${rejection.message}\n`, 'utf8');
  response.statusCode = rejection.status;
  if (rejection.cimError !== null) response.setHeader('CIMError', rejection.cimError);
  for (const [name, value] of Object.entries(rejection.headers)) response.setHeader(name, value);
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Content-Length', body.length);
  response.setHeader('WBEMServerResponseTime', responseTime(started));
  response.end(body);
}

/** Microseconds since `started`. */
function responseTime(started: bigint): string {
  return String((process.hrtime.bigint() - started) / 1000n);
}
