import { Pool, type Dispatcher } from 'undici';
import { answersWithBasic, basicAuthorization, type Credentials } from './authentication.js';
import { extensionPrefix, flattenHeaders, type HeaderFields } from './cim-headers.js';
import { Deadline } from './deadline.js';
import type { ClientErrorContext } from './errors.js';
import { transportFailure } from './failure.js';
import { newHttpExchange, REDACTED, type HttpExchange, type HttpRequestRecord } from './http-record.js';
import { checkHttpMethod, EXTENSION_NAMESPACE, extensionHeaders, rejectsMethod, type HttpMethodOption, type RequestMethod } from './http-method.js';
import { readRejectedBody, rejectionError, responseRejection, type Rejection } from './rejection.js';
import { ResponseStream } from './response-stream.js';
import { TLSConnector } from './tls/tls-connector.js';
import { tlsFailureError } from './tls/tls-failure.js';
import { resolveTLSOptions, type TLSOptions, type TLSSettings } from './tls/tls-options.js';

export type { Credentials } from './authentication.js';
export type { HttpMethodOption } from './http-method.js';

export interface TransportOptions {
  /** Server URL such as `http://127.0.0.1:5988`; its path, if any, is replaced by `cimomPath`. */
  url: string;
  /** Credentials for HTTP Basic authentication; null sends none. */
  credentials?: Credentials | null;
  /**
   * Whether the credentials go with every request; default true. When false, a request
   * goes without them, and a 401 offering Basic gets one retry with them. After that
   * retry succeeds, every request carries them.
   */
  preemptiveAuth?: boolean;
  /** TLS options for an https URL (server verification, client certificate, versions); ignored for http. */
  tls?: TLSOptions | null;
  /** Time limit of one operation in milliseconds, from sending the request to the end of the body; default 30000. */
  timeout?: number;
  /** Maximum response body size in bytes; default 1 GiB. Larger bodies raise ResponseSizeError. */
  maxResponseBytes?: number;
  /** Maximum number of sockets kept open to the server; default 4. */
  connections?: number;
  /** Id of the connection, copied into every error and record; default a generated one. */
  connectionId?: string;
  /** Path of the CIM endpoint; default `/cimom`. */
  cimomPath?: string;
  /** HTTP method of requests: `POST` (default), `M-POST`, or `auto` (M-POST, falling back to POST); see HttpMethodOption. */
  httpMethod?: HttpMethodOption;
}

/** One CIM operation request, built by the operation layer. */
export interface CIMRequest {
  /** `CIMMethod` header: the intrinsic operation or the extrinsic method name, ASCII only. */
  cimMethod: string;
  /** `CIMObject` header: namespace or object path, sent as given; percent-encode non-ASCII characters. */
  cimObject: string;
  /** The CIM-XML request document. */
  body: string;
  /** Further headers, such as `Pragma: UpdateExpiredPassword`. */
  headers?: Readonly<Record<string, string>>;
  /** Aborts the operation; raises AbortedError. */
  signal?: AbortSignal;
  /** Time limit for this request in milliseconds; default the transport's timeout. */
  timeout?: number;
  /** Holder that receives the request and response records for recorders. */
  exchange?: HttpExchange;
}

/** A fully read 200 response. */
export interface CollectedResponse {
  readonly status: number;
  readonly headers: HeaderFields;
  readonly trailers: HeaderFields;
  readonly body: Uint8Array;
}

export const DEFAULT_TIMEOUT = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 ** 3;

/** Bytes of a non-200 or rejected response body kept for the error; the rest is dropped. */
const ERROR_BODY_LIMIT = 1024 * 1024;

const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

let connectionCounter = 0;

/**
 * Sends CIM-XML requests with `POST` or `M-POST` to one WBEM server over a pool of
 * keep-alive connections (undici `Pool`) and checks the HTTP side of each response.
 */
export class WBEMTransport {
  /** Full URL of the CIM endpoint, such as `http://127.0.0.1:5988/cimom`. */
  readonly url: string;
  readonly connectionId: string;
  readonly timeout: number;
  readonly maxResponseBytes: number;
  /** User name of the credentials, or null. The password is kept only inside the private Authorization value. */
  readonly user: string | null;
  /** The `httpMethod` option. */
  readonly httpMethod: HttpMethodOption;

  readonly #pool: Pool;
  readonly #path: string;
  readonly #authorization: string | null;
  /** Whether requests carry the credentials from the first attempt on. */
  #sendCredentials: boolean;
  /** Whether the server rejected an M-POST in `auto` mode, so that every request goes as POST. */
  #fellBackToPost = false;
  readonly #tls: { settings: TLSSettings; connector: TLSConnector } | null;

  constructor(options: TransportOptions) {
    const url = parseServerUrl(options.url);
    this.#path = options.cimomPath ?? '/cimom';
    this.url = url.origin + this.#path;
    this.connectionId = options.connectionId ?? `conn-${++connectionCounter}`;
    this.timeout = positive(options.timeout ?? DEFAULT_TIMEOUT, 'timeout');
    this.maxResponseBytes = positive(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes');
    this.user = options.credentials?.user ?? null;
    this.#authorization = options.credentials ? basicAuthorization(options.credentials) : null;
    this.#sendCredentials = options.preemptiveAuth ?? true;
    this.httpMethod = checkHttpMethod(options.httpMethod ?? 'POST');
    this.#tls = url.protocol === 'https:' ? httpsConnector(options.tls ?? {}) : null;

    this.#pool = new Pool(url.origin, {
      connections: options.connections ?? 4,
      headersTimeout: this.timeout,
      bodyTimeout: this.timeout,
      ...(this.#tls !== null ? { connect: this.#tls.connector.connect } : {}),
    });
  }

  /** HTTP method of the next request: M-POST for `M-POST`, and for `auto` until the server has rejected it. */
  get requestMethod(): RequestMethod {
    if (this.httpMethod === 'POST' || this.#fellBackToPost) return 'POST';
    return 'M-POST';
  }

  /**
   * Sends a request and returns the 200 response with its body still to be read. Raises
   * AuthError for 401, HTTPError for other statuses, HeaderParseError for a response that
   * is not CIM-XML, and ConnectionError, TimeoutError or AbortedError when the exchange fails.
   * The request is sent again at most twice: as POST after an M-POST that the server
   * rejects in `auto` mode, and with credentials after a Basic challenge.
   */
  async stream(request: CIMRequest): Promise<ResponseStream> {
    const exchange = request.exchange ?? newHttpExchange(false);
    const timeout = positive(request.timeout ?? this.timeout, 'timeout');
    const started = performance.now();
    const resend = async (sent: Attempt, method: RequestMethod, withCredentials: boolean): Promise<Attempt> => {
      await readRejectedBody(new ResponseStream({ ...sent.init, maxBytes: ERROR_BODY_LIMIT }));
      if (exchange.request !== null) exchange.earlierAttempts.push({ request: exchange.request, response: exchange.response });
      const remaining = Math.max(1, timeout - (performance.now() - started));
      return this.#attempt(request, exchange, new Deadline(remaining, request.signal), method, withCredentials);
    };


    let method = this.requestMethod;
    let withCredentials = this.#authorization !== null && this.#sendCredentials;
    let authRetried = false;
    let attempt = await this.#attempt(request, exchange, new Deadline(timeout, request.signal), method, withCredentials);

    for (;;) {
      // A server without M-POST support gets the same request once more as POST, and POST from then on.
      if (method === 'M-POST' && this.httpMethod === 'auto' && rejectsMethod(attempt.rejection)) {
        this.#fellBackToPost = true;
        method = 'POST';
        attempt = await resend(attempt, method, withCredentials);
        continue;
      }

      // A Basic challenge to a request sent without credentials gets one retry with them, never more.
      if (!authRetried && this.#authorization !== null && answersWithBasic(attempt.rejection, withCredentials)) {
        authRetried = true;
        withCredentials = true;
        attempt = await resend(attempt, method, withCredentials);
        continue;
      }
      break;
    }
    if (authRetried && attempt.rejection === null) this.#sendCredentials = true;

    const { init, rejection } = attempt;
    if (rejection) {
      await readRejectedBody(new ResponseStream({ ...init, maxBytes: ERROR_BODY_LIMIT }));
      const rejected = { ...init.context, response: exchange.response };
      throw rejectionError(rejection, init.response.statusText, this.user, rejected, this.#rejectionAdvice(method, rejection));
    }
    return new ResponseStream(init);
  }

  /** Advice for an error on a rejected M-POST in `M-POST` mode, where no fallback happens. */
  #rejectionAdvice(method: RequestMethod, rejection: Rejection): string | null {
    if (method !== 'M-POST' || !rejectsMethod(rejection)) return null;
    return 'If the server does not support M-POST, set the option httpMethod to "POST" or "auto".';
  }

  /** Sends a request and reads the whole response body; raises as `stream` does, and CIMError from trailers. */
  async send(request: CIMRequest): Promise<CollectedResponse> {
    const exchange = request.exchange ?? newHttpExchange(true);
    const stream = await this.stream({ ...request, exchange });
    const body = await stream.collect();
    return { status: stream.status, headers: stream.headers, trailers: stream.trailers, body };
  }

  /** Sends the request once and returns the response with the reason it cannot carry a result, if any. */
  async #attempt(
    request: CIMRequest,
    exchange: HttpExchange,
    deadline: Deadline,
    method: RequestMethod,
    withCredentials: boolean,
  ): Promise<Attempt> {
    const postHeaders = this.#requestHeaders(request, withCredentials);
    const headers = method === 'M-POST' ? extensionHeaders(postHeaders) : postHeaders;
    const record = this.#requestRecord(method, headers, request.body);
    exchange.request = record;
    exchange.response = null;
    const context: ClientErrorContext = { connectionId: this.connectionId, url: this.url, request: record };

    let response: Dispatcher.ResponseData;
    try {
      response = await this.#pool.request({
        path: this.#path,
        method,
        headers,
        body: request.body,
        signal: deadline.signal,
        headersTimeout: deadline.timeout,
        bodyTimeout: deadline.timeout,
      });
    } catch (error) {
      deadline.clear();
      throw this.#failure(error, deadline, context);
    }

    const responseHeaders = Object.freeze(flattenHeaders(response.headers));
    // A response to M-POST that announces no prefix with Opt or Man may still use the request's.
    const announced = extensionPrefix(responseHeaders);
    const prefix = announced === '' && method === 'M-POST' ? `${EXTENSION_NAMESPACE}-` : announced;
    exchange.serverResponseTime = serverResponseTime(responseHeaders);
    const init = { response, headers: responseHeaders, prefix, deadline, exchange, context, maxBytes: this.maxResponseBytes };
    return { init, rejection: responseRejection(response.statusCode, responseHeaders, prefix) };
  }

  /** Converts an error of undici into a TLS error where TLS failed, else into a transport error. */
  #failure(error: unknown, deadline: Deadline, context: ClientErrorContext): Error {
    if (this.#tls !== null && !deadline.timedOut && !deadline.callerAborted) {
      const tlsError = tlsFailureError(error, this.#tls.connector, this.#tls.settings, context);
      if (tlsError !== null) return tlsError;
    }
    return transportFailure(error, deadline, 'response', context);
  }

  /** Closes the pooled connections after running requests have finished. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  #requestHeaders(request: CIMRequest, withCredentials: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/xml; charset="utf-8"',
      Accept: 'application/xml, text/xml',
      TE: 'trailers',
      CIMOperation: 'MethodCall',
      CIMMethod: request.cimMethod,
      CIMObject: request.cimObject,
      CIMProtocolVersion: '1.0',
      ...request.headers,
    };
    if (withCredentials && this.#authorization !== null) headers['Authorization'] = this.#authorization;

    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_VALUE.test(value)) {
        throw new TypeError(
          `The ${name} header value ${JSON.stringify(value)} contains characters outside printable ASCII; ` +
            'percent-encode it as UTF-8 (encodeURIComponent).',
        );
      }
    }
    return headers;
  }

  #requestRecord(method: RequestMethod, headers: Record<string, string>, body: string): HttpRequestRecord {
    const shown = { ...headers };
    if ('Authorization' in shown) shown['Authorization'] = REDACTED;
    return Object.freeze({
      method,
      url: this.url,
      headers: Object.freeze(shown),
      body,
      bodyBytes: Buffer.byteLength(body, 'utf8'),
    });
  }
}

/** One sent request: what a ResponseStream needs, and why the response cannot carry a result. */
interface Attempt {
  readonly init: ConstructorParameters<typeof ResponseStream>[0];
  readonly rejection: Rejection | null;
}

function httpsConnector(options: TLSOptions): { settings: TLSSettings; connector: TLSConnector } {
  const settings = resolveTLSOptions(options);
  return { settings, connector: new TLSConnector(settings) };
}

function serverResponseTime(headers: HeaderFields): number | null {
  const value = headers['wbemserverresponsetime'];
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new TypeError(`The server URL ${JSON.stringify(text)} is not a valid URL; write it as http://host:port.`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The server URL ${JSON.stringify(text)} has the scheme ${url.protocol}; use http: or https:.`);
  }
  return url;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`The option ${name} must be a positive number, not ${value}.`);
  }
  return value;
}
