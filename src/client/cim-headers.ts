import { CIMError } from '../cim/errors.js';
import { CIM_ERR_FAILED } from '../cim/status-codes.js';

/** Header or trailer fields with lower-case names, as undici delivers them. */
export type HeaderFields = Readonly<Record<string, string>>;

/** Joins undici's header values (repeated headers arrive as arrays) into single strings. */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    fields[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return fields;
}

/**
 * Returns the `NN-` prefix that a server announced for its CIM headers with
 * `Opt:` or `Man:` `...;ns=NN` in a response to M-POST, or an empty string.
 */
export function extensionPrefix(headers: HeaderFields): string {
  for (const name of ['opt', 'man']) {
    const match = /;\s*ns\s*=\s*(\d+)/i.exec(headers[name] ?? '');
    if (match) return `${match[1]}-`;
  }
  return '';
}

/** Returns a CIM header or trailer by name, with or without the announced `NN-` prefix. */
export function cimField(fields: HeaderFields, name: string, prefix: string): string | undefined {
  const key = name.toLowerCase();
  return (prefix ? fields[prefix + key] : undefined) ?? fields[key];
}

/** Decodes a percent-encoded header value; a value with a broken escape is returned as sent. */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const STATUS_CODE_TRAILERS = ['CIMStatusCode', 'CIMErrorCode'];
const DESCRIPTION_TRAILERS = ['CIMStatusCodeDescription', 'CIMStatusDescription', 'CIMErrorDescription'];

/**
 * Returns the CIMError that the trailers of a chunked response report, or null for
 * success (code 0) and for responses without a status trailer. OpenWBEM names its
 * trailers `CIMStatusDescription`, and older versions `CIMErrorCode` and
 * `CIMErrorDescription`; all are accepted. Descriptions are percent-decoded.
 */
export function trailerStatusError(trailers: HeaderFields, prefix: string): CIMError | null {
  const codeTrailer = STATUS_CODE_TRAILERS.find((name) => cimField(trailers, name, prefix) !== undefined);
  const description = firstField(trailers, DESCRIPTION_TRAILERS, prefix);
  const cimErrorValue = cimField(trailers, 'CIMError', prefix);

  if (codeTrailer === undefined) {
    if (cimErrorValue === undefined) return null;
    const detail = description === null ? '' : `: ${description}`;
    return new CIMError(CIM_ERR_FAILED, `The server reported "${cimErrorValue}" in the CIMError trailer${detail}.`);
  }

  const rawCode = (cimField(trailers, codeTrailer, prefix) ?? '').trim();
  if (!/^\d+$/.test(rawCode)) {
    return new CIMError(
      CIM_ERR_FAILED,
      `The server sent the trailer ${codeTrailer} with the non-numeric value "${rawCode}"` +
        (description === null ? '.' : `; its description is: ${description}`),
    );
  }

  const statusCode = Number(rawCode);
  if (statusCode === 0) return null;
  return new CIMError(statusCode, description);
}

function firstField(fields: HeaderFields, names: readonly string[], prefix: string): string | null {
  for (const name of names) {
    const value = cimField(fields, name, prefix);
    if (value !== undefined) return percentDecode(value);
  }
  return null;
}

/**
 * Returns the authentication schemes of a `WWW-Authenticate` value, such as `Basic` and
 * `Negotiate`. Parameters after a scheme (`realm="x"`, or `"host:port"` as some servers
 * send) are skipped.
 */
export function authenticationSchemes(value: string | undefined): string[] {
  if (value === undefined) return [];
  const schemes: string[] = [];
  for (const part of value.split(',')) {
    // A challenge starts with a token followed by a space or the end; `name=value` continues one.
    const match = /^\s*([A-Za-z][\w!#$&+.^`|~-]*)(?=\s|$)/.exec(part);
    if (match) schemes.push(match[1] as string);
  }
  return schemes;
}
