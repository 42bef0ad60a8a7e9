/**
 * One HTTP request as the transport sent it. The `Authorization` value is replaced by
 * `REDACTED` before the record exists, so no record, error or recorder contains credentials.
 */
export interface HttpRequestRecord {
  /** HTTP method: `POST`, or `M-POST` for the extension framework of RFC 2774. */
  readonly method: string;
  /** Full request URL, such as `http://127.0.0.1:5988/cimom`. */
  readonly url: string;
  /** Header names as sent; values as sent, except `Authorization`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Request body (the CIM-XML document). */
  readonly body: string;
  /** Size of the request body in bytes (UTF-8). */
  readonly bodyBytes: number;
}

/** One HTTP response as the transport received it, possibly incomplete. */
export interface HttpResponseRecord {
  /** HTTP status code. */
  readonly status: number;
  /** HTTP reason phrase, such as `OK`. */
  readonly reason: string;
  /** Header names in lower case (as undici delivers them); repeated headers joined by `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** Trailer fields of a chunked response, names in lower case; empty when there were none. */
  readonly trailers: Readonly<Record<string, string>>;
  /** Body decoded as UTF-8 (invalid bytes become U+FFFD); empty when the body was not kept. */
  readonly body: string;
  /** Number of body bytes received. */
  readonly bodyBytes: number;
  /** False when the body ended early: connection closed, timeout, size limit or not kept. */
  readonly bodyComplete: boolean;
}

/** One HTTP request of an operation with the response it received. */
export interface HttpAttemptRecord {
  /** The request as sent, with the `Authorization` value redacted. */
  readonly request: HttpRequestRecord;
  /** The response, or null when no status line arrived. */
  readonly response: HttpResponseRecord | null;
}

/** Placeholder that replaces credentials in every record. */
export const REDACTED = '[redacted]';

/**
 * Mutable holder that the transport fills during one operation and from which the
 * operation wrapper builds the frozen record afterwards.
 */
export interface HttpExchange {
  request: HttpRequestRecord | null;
  response: HttpResponseRecord | null;
  /**
   * Requests sent before the last one, oldest first. Examples are a request without
   * credentials rejected with 401, and an M-POST rejected before the retry as POST.
   */
  earlierAttempts: HttpAttemptRecord[];
  /** Server time in microseconds from the `WBEMServerResponseTime` header, if sent. */
  serverResponseTime: number | null;
  /** Whether the transport keeps a copy of a streamed response body for the record. */
  keepBody: boolean;
}

/** Creates an empty exchange. */
export function newHttpExchange(keepBody = true): HttpExchange {
  return { request: null, response: null, earlierAttempts: [], serverResponseTime: null, keepBody };
}
