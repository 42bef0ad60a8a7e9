import { CIMClassName } from '../cim/class-name.js';
import { CIMXMLParseError, WBEMError } from '../cim/errors.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { cimObjectText, percentEncodeHeader, toCIMObject, type XmlElement } from '../cimxml/index.js';
import { parseXml } from '../cimxml/xml/tree.js';
import type { HttpExchange, HttpResponseRecord } from './http-record.js';
import type { InvokeContext } from './invoke.js';
import { recordOperation } from './recorders/operation-record.js';

/** The CIM headers that route a request: the operation or method, and its target. */
export interface DerivedCIMHeaders {
  /** Intrinsic operation or extrinsic method name, percent-encoded. */
  readonly CIMMethod: string;
  /** Namespace, or `namespace:Class[.keys]` for a method call, percent-encoded. */
  readonly CIMObject: string;
}

/** Options of `WBEMConnection.rawRequest`. */
export interface RawRequestOptions {
  /**
   * Headers that replace the derived or default ones (names compare case-insensitively)
   * or are added, such as `CIMObject`, `CIMProtocolVersion` or `Pragma`. An `NN-` prefix
   * of M-POST style is removed, and framing headers (`Host`, `Content-Length`,
   * `Transfer-Encoding`, `Connection`, `Man`, `Authorization`) are ignored. With both
   * `CIMMethod` and `CIMObject` given, the body is sent without being parsed.
   */
  headers?: Readonly<Record<string, string>>;
  /** Aborts the request; raises AbortedError. */
  signal?: AbortSignal;
  /** Time limit in milliseconds; default the connection's timeout. */
  timeout?: number;
}

/** The response to a raw request, as received. */
export interface RawResponse {
  /** HTTP status code, such as 200. */
  readonly status: number;
  /** HTTP reason phrase, such as `OK`; empty when the server sent none. */
  readonly reason: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Trailer fields (such as `CIMStatusCode`) by lower-case name; empty when there are none. */
  readonly trailers: Readonly<Record<string, string>>;
  /** Body decoded as UTF-8; for a rejected request, the part the client kept (up to 1 MiB). */
  readonly body: string;
  /**
   * The error this response stands for, as an operation would raise it: HTTPError or
   * AuthError for a rejected request, CIMError from trailers, HeaderParseError for a body
   * that is not CIM-XML; null for a 200 response. An ERROR element in the body is not
   * read, because the body is returned as it is.
   */
  readonly error: Error | null;
}

/** Operation name of raw requests in records and statistics. */
export const RAW_REQUEST_OPERATION = 'RawRequest';

const IGNORED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'man', 'opt', 'authorization', 'expect']);

const CANONICAL_NAMES = new Map(
  ['CIMOperation', 'CIMMethod', 'CIMObject', 'CIMProtocolVersion', 'CIMBatch', 'Content-Type', 'Accept', 'TE'].map((name) => [name.toLowerCase(), name]),
);

/**
 * Sends a hand-written CIM-XML request, as OpenPegasus' wbemexec does, through the
 * connection's transport and recorders. The `CIMMethod` and `CIMObject` headers are
 * derived from the body unless `options.headers` gives them. Returns the response for
 * any HTTP status; raises only when no response arrived (ConnectionError, TimeoutError,
 * AbortedError) or the headers cannot be derived (CIMXMLParseError).
 */
export async function sendRawRequest(context: InvokeContext, body: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const overrides = headerOverrides(options.headers ?? {});
  const cimMethod = overrides.get('CIMMethod');
  const cimObject = overrides.get('CIMObject');
  const derived = cimMethod !== undefined && cimObject !== undefined ? null : deriveCIMHeaders(body);
  overrides.delete('CIMMethod');
  overrides.delete('CIMObject');

  const request = {
    cimMethod: cimMethod ?? (derived as DerivedCIMHeaders).CIMMethod,
    cimObject: cimObject ?? (derived as DerivedCIMHeaders).CIMObject,
    body,
    headers: Object.fromEntries(overrides),
    signal: options.signal,
    timeout: options.timeout,
  };
  const args = { CIMMethod: request.cimMethod, CIMObject: request.cimObject, headers: request.headers };

  let exchange: HttpExchange | null = null;
  try {
    return await recordOperation(context.operationContext, RAW_REQUEST_OPERATION, args, async (started) => {
      exchange = started;
      const response = await context.transport.send({ ...request, exchange: started });
      const record = started.response;
      return {
        status: response.status,
        reason: record?.reason ?? '',
        headers: response.headers,
        trailers: response.trailers,
        body: new TextDecoder().decode(response.body),
        error: null,
      };
    });
  } catch (error) {
    const record = responseOf(error) ?? (exchange as HttpExchange | null)?.response ?? null;
    if (record === null || !(error instanceof WBEMError)) throw error;
    return { status: record.status, reason: record.reason, headers: record.headers, trailers: record.trailers, body: record.body, error };
  }
}

function responseOf(error: unknown): HttpResponseRecord | null {
  if (typeof error !== 'object' || error === null || !('response' in error)) return null;
  const response = (error as { response: unknown }).response;
  return typeof response === 'object' && response !== null ? (response as HttpResponseRecord) : null;
}

/** Maps header overrides to their canonical names, removing `NN-` prefixes and framing headers. */
function headerOverrides(headers: Readonly<Record<string, string>>): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.replace(/^\d\d-/, '');
    const lower = name.toLowerCase();
    if (IGNORED_HEADERS.has(lower)) continue;
    overrides.set(CANONICAL_NAMES.get(lower) ?? name, value.trim());
  }
  return overrides;
}

/**
 * Derives `CIMMethod` and `CIMObject` from a request body as DSP0200 requires: the NAME of
 * IMETHODCALL or METHODCALL, and the namespace of LOCALNAMESPACEPATH or the path of
 * LOCALCLASSPATH or LOCALINSTANCEPATH, percent-encoded as UTF-8. Raises XMLParseError for
 * a body that is not well-formed and CIMXMLParseError for one without a single call.
 */
export function deriveCIMHeaders(body: string): DerivedCIMHeaders {
  const root = parseXml(body);
  const call = findCall(root);
  const name = call.attributes['NAME'];
  if (name === undefined) throw notDerivable(`${call.name} has no NAME attribute`, `CIM/MESSAGE/SIMPLEREQ/${call.name}`);

  const target = call.children.find((child) => ['LOCALNAMESPACEPATH', 'LOCALCLASSPATH', 'LOCALINSTANCEPATH'].includes(child.name));
  if (target === undefined) throw notDerivable(`${call.name} has no local path`, `CIM/MESSAGE/SIMPLEREQ/${call.name}`);

  return { CIMMethod: percentEncodeHeader(name, 'CIMMethod header'), CIMObject: percentEncodeHeader(targetText(target), 'CIMObject header') };
}

function findCall(root: XmlElement): XmlElement {
  const message = root.name === 'CIM' ? root.children.find((child) => child.name === 'MESSAGE') : undefined;
  const simple = message?.children.find((child) => child.name === 'SIMPLEREQ');
  if (simple === undefined) {
    const kind = message?.children[0]?.name ?? root.name;
    throw notDerivable(`the message carries ${kind}, not SIMPLEREQ`, 'CIM/MESSAGE');
  }

  const call = simple.children.find((child) => child.name === 'IMETHODCALL' || child.name === 'METHODCALL');
  if (call === undefined) throw notDerivable('SIMPLEREQ has no IMETHODCALL or METHODCALL', 'CIM/MESSAGE/SIMPLEREQ');
  return call;
}

function targetText(target: XmlElement): string {
  if (target.name === 'LOCALNAMESPACEPATH') return namespaceOf(target);

  const namespacePath = target.children.find((child) => child.name === 'LOCALNAMESPACEPATH');
  const pathElement = target.children.find((child) => child.name === 'CLASSNAME' || child.name === 'INSTANCENAME');
  if (namespacePath === undefined || pathElement === undefined) {
    throw notDerivable(`${target.name} lacks LOCALNAMESPACEPATH or its class or instance name`, target.name);
  }

  const path = toCIMObject(pathElement);
  if (!(path instanceof CIMClassName) && !(path instanceof CIMInstanceName)) {
    throw notDerivable(`${pathElement.name} is not a class or instance name`, target.name);
  }
  return cimObjectText(namespaceOf(namespacePath), path);
}

function namespaceOf(element: XmlElement): string {
  return element.children
    .filter((child) => child.name === 'NAMESPACE')
    .map((child) => child.attributes['NAME'] ?? '')
    .join('/');
}

function notDerivable(problem: string, elementPath: string): CIMXMLParseError {
  return new CIMXMLParseError(
    `Cannot derive the CIMMethod and CIMObject headers from the request body: ${problem}. Give both headers explicitly.`,
    { elementPath },
  );
}
