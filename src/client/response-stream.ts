import type { Dispatcher } from 'undici';
import { trailerStatusError, flattenHeaders, type HeaderFields } from './cim-headers.js';
import type { Deadline } from './deadline.js';
import { ResponseSizeError, type ClientErrorContext } from './errors.js';
import { transportFailure } from './failure.js';
import type { HttpExchange, HttpResponseRecord } from './http-record.js';

/** State that the transport passes to a ResponseStream it opens. */
export interface ResponseStreamInit {
  response: Dispatcher.ResponseData;
  headers: HeaderFields;
  /** `NN-` prefix of CIM headers and trailers in a response to M-POST, or empty. */
  prefix: string;
  deadline: Deadline;
  exchange: HttpExchange;
  context: ClientErrorContext;
  /** Maximum body size in bytes. */
  maxBytes: number;
}

/**
 * The body of a 200 response, read once as chunks. Iteration ends normally after the
 * last chunk. It throws a CIMError when the trailers report a failure, even if the body
 * was cut short. It throws a ConnectionError, TimeoutError, AbortedError or
 * ResponseSizeError when reading fails. The operation's deadline keeps running until
 * the body is read, so a slow consumer counts against it.
 */
export class ResponseStream implements AsyncIterable<Uint8Array> {
  readonly status: number;
  readonly headers: HeaderFields;
  /** Trailer fields, available after the body has been read; empty before. */
  trailers: HeaderFields = {};

  readonly #init: ResponseStreamInit;
  readonly #kept: Uint8Array[] = [];
  #bytes = 0;
  #started = false;

  constructor(init: ResponseStreamInit) {
    this.#init = init;
    this.status = init.response.statusCode;
    this.headers = init.headers;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#started) throw new Error('The response body can be read only once.');
    this.#started = true;
    return this.#read();
  }

  /** Reads the whole body and returns it as one buffer. */
  async collect(): Promise<Uint8Array> {
    this.#init.exchange.keepBody = true;
    for await (const chunk of this) void chunk;
    return Buffer.concat(this.#kept);
  }

  /** Stops reading and releases the connection; the record marks the body incomplete. */
  cancel(): void {
    this.#init.response.body.destroy();
    this.#finish(false);
  }

  async *#read(): AsyncGenerator<Uint8Array> {
    const { response, deadline, maxBytes, exchange } = this.#init;
    let complete = false;

    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        this.#bytes += chunk.byteLength;
        if (this.#bytes > maxBytes) throw this.#sizeError();
        if (exchange.keepBody) this.#kept.push(chunk);
        yield chunk;
      }
      complete = true;
    } catch (error) {
      this.#finish(false);
      if (error instanceof ResponseSizeError) throw error;
      throw transportFailure(error, deadline, 'body', this.#errorContext(), this.#bytes);
    } finally {
      if (!complete) response.body.destroy();
      this.#finish(complete);
    }

    const statusError = trailerStatusError(this.trailers, this.#init.prefix);
    if (statusError) throw statusError;
  }

  #finish(complete: boolean): void {
    this.#init.deadline.clear();
    if (complete) this.trailers = Object.freeze(flattenHeaders(this.#init.response.trailers));
    this.#init.exchange.response = responseRecord(this.#init, this.trailers, this.#kept, this.#bytes, complete);
  }

  #errorContext(): ClientErrorContext {
    return { ...this.#init.context, response: this.#init.exchange.response };
  }

  #sizeError(): ResponseSizeError {
    const { maxBytes, context } = this.#init;
    this.#finish(false);
    return new ResponseSizeError(
      `The response from ${context.url} exceeds the limit of ${maxBytes} bytes. ` +
        'Raise maxResponseBytes, or narrow the request (a property list, a pull operation).',
      maxBytes,
      this.#errorContext(),
    );
  }
}

/** Builds the frozen record of a response from what has been received so far. */
export function responseRecord(
  init: Pick<ResponseStreamInit, 'response' | 'headers' | 'exchange'>,
  trailers: HeaderFields,
  chunks: readonly Uint8Array[],
  bytes: number,
  complete: boolean,
): HttpResponseRecord {
  const kept = init.exchange.keepBody;
  return Object.freeze({
    status: init.response.statusCode,
    reason: init.response.statusText,
    headers: init.headers,
    trailers,
    body: kept ? new TextDecoder('utf-8').decode(Buffer.concat(chunks)) : '',
    bodyBytes: bytes,
    bodyComplete: complete && kept,
  });
}
