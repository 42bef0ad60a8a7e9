import { XMLParseError } from '../../cim/errors.js';
import { compareXmlText, type XmlDifference } from '../../cimxml/compare/xml-diff.js';
import type { RawRequestOptions, RawResponse } from '../raw-request.js';
import type { RecordedExchange } from './recorded-exchange.js';

/** The part of a connection that replay uses: sending a raw request. */
export interface RawRequestSender {
  /** Sends a CIM-XML request body and returns the response as received. */
  rawRequest(body: string, options?: RawRequestOptions): Promise<RawResponse>;
  /** Server URL; when given, `HOST` elements that name the recorded server match this server's `host:port`. */
  readonly url?: string;
}

/** Options of `replayExchanges`. */
export interface ReplayOptions {
  /** Cancels the replay between and during requests. */
  signal?: AbortSignal;
  /** Most differences listed per exchange; default 50. */
  maxDifferences?: number;
  /** Attributes not compared, as `ELEMENT@ATTRIBUTE`; default none. */
  ignoreAttributes?: readonly string[];
  /** Called with each result as soon as it is known. */
  onResult?: (result: ReplayResult) => void;
}

/** A difference in the HTTP part of a replayed response. */
export interface HttpDifference {
  /** `status`, or a header name in lower case such as `cimerror`. */
  readonly field: string;
  /** Value in the recording; null when absent there. */
  readonly expected: string | null;
  /** Value in the replayed response; null when absent there. */
  readonly actual: string | null;
}

/** Outcome of re-sending one recorded request. */
export interface ReplayResult {
  /** Name of the recorded exchange, such as `GetClass3`. */
  readonly name: string;
  /** False when the replayed response differs from the recorded one, or when either could not be compared. */
  readonly same: boolean;
  /** Differences of the HTTP status and CIM headers. */
  readonly http: readonly HttpDifference[];
  /** Differences of the response bodies as XML trees, by element path. */
  readonly xml: readonly XmlDifference[];
  /** Reason the bodies could not be compared as XML (not recorded, not well-formed), or null. */
  readonly note: string | null;
  /** The replayed response. */
  readonly response: RawResponse;
}

/** HTTP fields compared besides the body: the status and the header that names an HTTP-level CIM error. */
const COMPARED_HEADERS = ['cimerror'];

/**
 * Re-sends each recorded request through `connection.rawRequest` (with the recorded CIM
 * headers) and compares each response with the recorded one: status, `CIMError` header,
 * and the body as canonical XML trees. Requests are sent one after the other.
 */
export async function replayExchanges(
  connection: RawRequestSender,
  exchanges: readonly RecordedExchange[],
  options: ReplayOptions = {},
): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const replayedHost = connection.url === undefined ? null : new URL(connection.url).host;
  for (const exchange of exchanges) {
    options.signal?.throwIfAborted();
    const response = await connection.rawRequest(exchange.request.body, { headers: exchange.request.headers, signal: options.signal });
    const result = compareExchange(exchange, response, options, replayedHost);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

function compareExchange(exchange: RecordedExchange, response: RawResponse, options: ReplayOptions, replayedHost: string | null): ReplayResult {
  const recorded = exchange.response;
  const base = { name: exchange.name, response };
  if (recorded === null) return { ...base, same: false, http: [], xml: [], note: 'no response was recorded for this request' };

  const http: HttpDifference[] = [];
  if (recorded.status !== null && recorded.status !== response.status) {
    http.push({ field: 'status', expected: String(recorded.status), actual: String(response.status) });
  }
  for (const name of COMPARED_HEADERS) {
    const before = headerValue(recorded.headers, name);
    const after = headerValue(response.headers, name);
    if (before !== after) http.push({ field: name, expected: before, actual: after });
  }

  const hosts = replayedHost === null ? null : { recorded: recordedHost(exchange), replayed: replayedHost };
  const { xml, note } = compareBodies(recorded.body, response.body, options, hosts);
  return { ...base, same: http.length === 0 && xml.length === 0 && note === null, http, xml, note };
}

/** The `host:port` of the recorded server and of the replaying server. `recorded` is null when the recording does not store it. */
interface HostPair {
  readonly recorded: string | null;
  readonly replayed: string;
}

function compareBodies(
  recorded: string,
  replayed: string,
  options: ReplayOptions,
  hosts: HostPair | null,
): { xml: XmlDifference[]; note: string | null } {
  if (recorded.trim() === '' && replayed.trim() === '') return { xml: [], note: null };
  try {
    // Differences are limited after the HOST differences are dropped, so that those cannot hide others.
    const compareOptions = { maxDifferences: Number.MAX_SAFE_INTEGER, ignoreAttributes: options.ignoreAttributes ?? [] };
    const differences = compareXmlText(recorded, replayed, compareOptions).filter((difference) => !isServerHost(difference, hosts));
    return { xml: differences.slice(0, options.maxDifferences ?? 50), note: null };
  } catch (error) {
    if (!(error instanceof XMLParseError)) throw error;
    if (recorded === replayed) return { xml: [], note: null };
    return { xml: [], note: `the bodies differ and cannot be compared as XML: ${error.message}` };
  }
}

/**
 * Returns whether a difference is only the server's own address in a `HOST` element, which
 * changes when a recording is replayed against a server on another port. A recording
 * without the server address (a folder of XML files) matches any recorded `HOST`.
 * NOTE: for such recordings, a HOST that named a different server is then not reported.
 */
function isServerHost(difference: XmlDifference, hosts: HostPair | null): boolean {
  if (hosts === null || difference.kind !== 'text' || !/\/HOST(\[\d+\])?$/.test(difference.path)) return false;
  if (difference.actual !== hosts.replayed) return false;
  return hosts.recorded === null || difference.expected === hosts.recorded;
}

/** Returns `host:port` of the recorded server: from an absolute request URL, else from the `Host` header. */
function recordedHost(exchange: RecordedExchange): string | null {
  const url = exchange.request.url;
  if (url !== null && /^https?:\/\//i.test(url)) return new URL(url).host;
  return headerValue(exchange.request.headers, 'host');
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | null {
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name || header.toLowerCase().endsWith(`-${name}`));
  return key === undefined ? null : (headers[key] as string);
}
