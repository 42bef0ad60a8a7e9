import type { OperationRecord } from './operation-record.js';

/** An HTTP request as a recording stores it. */
export interface RecordedRequest {
  /** HTTP method, such as `POST` or `M-POST`. */
  readonly method: string;
  /** Full URL or request target, such as `http://127.0.0.1:5988/cimom` or `/cimom`; null when not stored. */
  readonly url: string | null;
  /** Header names as written. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body text, usually CIM-XML; empty when there is none. */
  readonly body: string;
}

/** An HTTP response as a recording stores it. */
export interface RecordedResponse {
  /** HTTP status; null when the format does not store it (raw XML files). */
  readonly status: number | null;
  /** Reason phrase of the status line; empty when not stored. */
  readonly reason: string;
  /** Header names as written. */
  readonly headers: Readonly<Record<string, string>>;
  /** HTTP trailers, such as `CIMStatusCode`; empty when none were sent. */
  readonly trailers: Readonly<Record<string, string>>;
  /** Body text, usually CIM-XML; empty when there is none. */
  readonly body: string;
}

/** One request and the response recorded for it, from any export format. */
export interface RecordedExchange {
  /** Name of the exchange, such as `GetClass3`. */
  readonly name: string;
  /** The request as sent. */
  readonly request: RecordedRequest;
  /** Null when no response was recorded (the connection failed, or the format stores none). */
  readonly response: RecordedResponse | null;
}

/** Converts an operation record into an exchange; null when the operation sent no request. */
export function exchangeFromRecord(record: OperationRecord, index: number): RecordedExchange | null {
  const request = record.request;
  if (request === null) return null;

  const response = record.response;
  return {
    name: `${record.operation}${index}`,
    request: { method: request.method, url: request.url, headers: request.headers, body: request.body },
    response:
      response === null
        ? null
        : { status: response.status, reason: response.reason, headers: response.headers, trailers: response.trailers, body: response.body },
  };
}
