import { AbortedError, ConnectionError, TimeoutError, type ClientErrorContext } from './errors.js';
import type { Deadline } from './deadline.js';

/** Phase of the exchange in which a transport failure happened. */
export type FailurePhase = 'response' | 'body';

const UNDICI_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Plain-words descriptions of the error codes of Node's net module and undici. */
const FAILURE_TEXTS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while the request was being sent',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CLOSED: 'the connection pool was closed',
  UND_ERR_DESTROYED: 'the connection pool was closed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body was shorter than its Content-Length',
};

/**
 * Converts an error thrown by undici (or by the abort of the deadline) into a
 * TimeoutError, AbortedError or ConnectionError whose message names the URL.
 */
export function transportFailure(
  error: unknown,
  deadline: Deadline,
  phase: FailurePhase,
  context: ClientErrorContext,
  bytesReceived = 0,
): Error {
  const full = { ...context, cause: error };
  const where =
    phase === 'response'
      ? 'while waiting for the response'
      : `while reading the response body (${bytesReceived} bytes received)`;
  const code = errorCode(error);

  if (deadline.timedOut || UNDICI_TIMEOUT_CODES.has(code)) {
    return new TimeoutError(
      `The operation on ${context.url} timed out after ${deadline.timeout} ms ${where}. ` +
        'Raise the timeout if the server needs longer.',
      deadline.timeout,
      full,
    );
  }

  if (deadline.callerAborted) {
    return new AbortedError(`The operation on ${context.url} was aborted by the caller ${where}.`, full);
  }

  const text = describeFailure(error, code);
  const advice = phase === 'response' ? ' Check that the WBEM server is running and that the URL is right.' : '';
  return new ConnectionError(`The request to ${context.url} failed ${where}: ${text}.${advice}`, full);
}

function describeFailure(error: unknown, code: string): string {
  const known = FAILURE_TEXTS[code];
  if (known !== undefined) return `${known} (${code})`;
  if (code.startsWith('HPE_')) return `the response is not valid HTTP (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}
