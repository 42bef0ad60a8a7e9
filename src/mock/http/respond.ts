import type { ServerResponse } from 'node:http';
import { debuglog } from 'node:util';
import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_FAILED } from '../../cim/status-codes.js';
import { percentEncodeHeader } from '../../cimxml/index.js';
import type { HTTPRejection } from './rejection.js';
import { writeGenerated } from './stream-body.js';

/** Shown with NODE_DEBUG=wbemshell-mock. */
const debug = debuglog('wbemshell-mock');

/**
 * A CIM-XML response body with the CIM status known before its first byte (0 for
 * success). The body is `head` followed by what `rest` generates while it is sent.
 */
export interface OperationReply {
  /** Chunks generated before the response starts, as text or UTF-8 bytes. They are the whole body when `rest` is null. */
  head: readonly (string | Buffer)[];
  /** Generates the remaining chunks as UTF-8 bytes; null when `head` is the whole body. */
  rest: Iterator<Buffer> | null;
  statusCode: number;
  statusDescription: string | null;
}

export interface ReplyOptions {
  /** True when the client sent `TE: trailers`: the body is chunked and the status follows in trailers. */
  trailers: boolean;
  /** `process.hrtime.bigint()` when the request arrived, for WBEMServerResponseTime. */
  started: bigint;
  /** Name of the operation or method, for the debug log. */
  operation: string;
}

/**
 * Returns a reply whose body `chunks` generates. It runs the generator up to its second
 * chunk here, so an error in that part is raised to the caller before any byte is sent,
 * and a body of one chunk is sent with Content-Length.
 */
export function generatedReply(chunks: Iterator<Buffer>): OperationReply {
  const head: Buffer[] = [];
  for (let step = chunks.next(); step.done !== true; step = chunks.next()) {
    head.push(step.value);
    if (head.length === 2) return { head, rest: chunks, statusCode: 0, statusDescription: null };
  }
  return { head, rest: null, statusCode: 0, statusDescription: null };
}

/** Converts a failure of an operation, or of writing its result, to the CIMError that the response reports. */
export function operationError(error: unknown): CIMError {
  if (error instanceof CIMError) return error;
  return new CIMError(CIM_ERR_FAILED, `The operation failed: ${(error as Error).message}`, { cause: error });
}

/**
 * Sends a 200 response with the CIM-XML body, writing a generated body while it is
 * generated. With trailers, the body goes out chunked and the trailers carry
 * CIMStatusCode (and CIMStatusCodeDescription for an error). A body of more than one
 * chunk goes out chunked in any case. When generating the body fails after the first
 * byte, the trailers report the error. Without trailers the connection is closed then,
 * so the client sees a truncated body. Resolves when the response has ended or the
 * client has gone away.
 */
export async function sendReply(response: ServerResponse, reply: OperationReply, options: ReplyOptions): Promise<void> {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/xml; charset="utf-8"');
  response.setHeader('CIMOperation', 'MethodResponse');
  response.setHeader('Cache-Control', 'no-cache');

  if (!options.trailers && reply.rest === null) {
    const body = Buffer.concat(reply.head.map(toBytes));
    response.setHeader('Content-Length', body.length);
    response.setHeader('WBEMServerResponseTime', responseTime(options.started));
    response.end(body);
    return;
  }

  if (options.trailers) response.setHeader('Trailer', 'CIMStatusCode, CIMStatusCodeDescription');
  // NOTE: for a generated body this is the time to the first byte, not to the last.
  response.setHeader('WBEMServerResponseTime', responseTime(options.started));
  for (const chunk of reply.head) response.write(toBytes(chunk));

  const outcome = reply.rest === null ? { kind: 'complete' as const } : await writeGenerated(response, reply.rest);
  if (outcome.kind === 'closed') {
    debug('client closed the connection before the response to %s ended', options.operation);
    return;
  }
  if (outcome.kind === 'failed') {
    debug('response to %s failed after its first byte: %s', options.operation, operationError(outcome.error).message);
  }
  if (outcome.kind === 'failed' && !options.trailers) {
    response.destroy();
    return;
  }

  if (options.trailers) {
    const failure = outcome.kind === 'failed' ? operationError(outcome.error) : null;
    response.addTrailers(statusTrailers(failure?.statusCode ?? reply.statusCode, failure?.statusDescription ?? reply.statusDescription));
  }
  response.end();
}

function toBytes(chunk: string | Buffer): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function statusTrailers(statusCode: number, statusDescription: string | null): Record<string, string> {
  const trailers: Record<string, string> = { CIMStatusCode: String(statusCode) };
  if (statusCode !== 0 && statusDescription !== null) {
    trailers['CIMStatusCodeDescription'] = percentEncodeHeader(statusDescription, 'CIMStatusCodeDescription trailer');
  }
  return trailers;
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
