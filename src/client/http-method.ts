import type { Rejection } from './rejection.js';

/**
 * HTTP method of CIM operation requests. `POST` (the default) is what pywbem sends and
 * what every current server accepts. `M-POST` sends the extension framework of RFC 2774
 * (DSP0200): `Man: ...;ns=NN` and `NN-` prefixed CIM headers, and reports a server
 * without M-POST support as HTTPError. `auto` sends M-POST first and, when the server
 * rejects the method, resends the request once as POST and uses POST from then on.
 */
export type HttpMethodOption = 'POST' | 'M-POST' | 'auto';

/** HTTP method of one request. */
export type RequestMethod = 'POST' | 'M-POST';

export const HTTP_METHOD_OPTIONS: readonly HttpMethodOption[] = ['POST', 'M-POST', 'auto'];

/** Extension URI of the CIM mapping onto HTTP that the `Man` header of an M-POST names (DSP0200). */
export const CIM_MAPPING_URI = 'http://www.dmtf.org/cim/mapping/http/v1.0';

/**
 * Two-digit header prefix that M-POST requests declare with `ns=`. RFC 2774 lets the
 * client pick any value, and 73 is the one in the examples of DSP0200.
 */
export const EXTENSION_NAMESPACE = '73';

/** Statuses with which a server that lacks M-POST rejects it: 501 Not Implemented, 510 Not Extended, 405 Method Not Allowed. */
const METHOD_REJECTION_STATUSES = new Set([405, 501, 510]);

/** Checks an `httpMethod` option given at run time, so that a wrong value fails at construction. */
export function checkHttpMethod(value: unknown): HttpMethodOption {
  if (HTTP_METHOD_OPTIONS.includes(value as HttpMethodOption)) return value as HttpMethodOption;
  const allowed = HTTP_METHOD_OPTIONS.map((name) => `"${name}"`).join(', ');
  throw new TypeError(`The option httpMethod has the invalid value ${JSON.stringify(value)}. Use one of ${allowed}.`);
}

/**
 * Returns whether a rejected M-POST means that the server does not support the method,
 * so that the same request may go again as POST: 405, 501 or 510 without a `CIMError`
 * header. A 501 with `CIMError` (such as `unsupported-protocol-version`) is a CIM-level
 * rejection that a POST would get as well.
 */
export function rejectsMethod(rejection: Rejection | null): boolean {
  return rejection !== null && rejection.kind === 'http' && METHOD_REJECTION_STATUSES.has(rejection.status) && rejection.cimError === null;
}

/**
 * Turns the headers of a POST request into those of an M-POST: adds `Man` and gives every
 * CIM header (a name starting with `CIM`) the `NN-` prefix. Other headers stay as they are.
 */
export function extensionHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const prefixed: Record<string, string> = { Man: `${CIM_MAPPING_URI};ns=${EXTENSION_NAMESPACE}` };
  for (const [name, value] of Object.entries(headers)) {
    const isCIMHeader = /^cim/i.test(name);
    prefixed[isCIMHeader ? `${EXTENSION_NAMESPACE}-${name}` : name] = value;
  }
  return prefixed;
}
