import { WBEMURIError } from '../errors.js';

/** A host string split into its parts. */
export interface HostParts {
  /** Scheme in lower case (`http`, `https`, `cimxml-wbem`, ...), or null when the text has none. */
  scheme: string | null;
  /** Host name, IPv4 address or IPv6 literal without brackets (zone id kept, as in `fe80::1%eth0`). */
  host: string;
  /** TCP port, or null when the text has none. */
  port: number | null;
}

const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const PORT = /^\d{1,5}$/;

// Characters that cannot occur in a host name, an IP address or an IPv6 zone id.
const INVALID_HOST_CHARACTER = /[\s/?#@[\]\\"'<>]/u;

/**
 * Parses a host string as CIM-XML `HOST` elements and WBEM URI authorities carry it:
 * `host`, `host:port`, `[ipv6]`, `[ipv6]:port` or a bare IPv6 literal, optionally behind
 * a scheme such as `https://`. A bare IPv6 literal has no port, because a trailing `:10`
 * belongs to the address. User information (`user:password@`) and a path after the
 * authority are dropped. Throws `WBEMURIError` for an empty host, a bad port or a stray
 * character.
 */
export function parseHost(text: string): HostParts {
  return parseHostParts(text, (reason) => new WBEMURIError(`Invalid host string "${text}": ${reason}.`, { uri: text }));
}

/** Parses a host string like `parseHost`, creating errors from a reason with `fail`. */
export function parseHostParts(text: string, fail: (reason: string) => Error): HostParts {
  let rest = text.trim();

  let scheme: string | null = null;
  const schemeMatch = SCHEME_PREFIX.exec(rest);
  if (schemeMatch) {
    scheme = (schemeMatch[1] ?? '').toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
    const pathAt = rest.indexOf('/');
    if (pathAt >= 0) rest = rest.slice(0, pathAt);
  }

  const userInfoEnd = rest.lastIndexOf('@');
  if (userInfoEnd >= 0) rest = rest.slice(userInfoEnd + 1);

  const parts = rest.startsWith('[') ? splitBracketed(rest, fail) : splitPlain(rest, fail);
  return { scheme, ...parts };
}

function splitBracketed(rest: string, fail: (reason: string) => Error): Omit<HostParts, 'scheme'> {
  const close = rest.indexOf(']');
  if (close < 0) {
    throw fail(`the IPv6 literal "${rest}" has no closing ']'`);
  }

  // RFC 6874 writes the zone id separator inside a URI as "%25".
  const host = rest.slice(1, close).replace(/%25/g, '%');
  checkHostName(host, fail);
  if (!host.includes(':')) {
    throw fail(`"${host}" in brackets is not an IPv6 literal`);
  }

  const after = rest.slice(close + 1);
  if (after === '') return { host, port: null };
  if (!after.startsWith(':')) {
    throw fail(`expected ':port' or nothing after ']', found "${after}"`);
  }
  return { host, port: parsePort(after.slice(1), fail) };
}

function splitPlain(rest: string, fail: (reason: string) => Error): Omit<HostParts, 'scheme'> {
  const colons = rest.split(':').length - 1;

  // Two or more colons make an IPv6 literal without brackets, and such a literal has no port.
  if (colons !== 1) {
    checkHostName(rest, fail);
    return { host: rest, port: null };
  }

  const colonAt = rest.indexOf(':');
  const host = rest.slice(0, colonAt);
  checkHostName(host, fail);
  return { host, port: parsePort(rest.slice(colonAt + 1), fail) };
}

function checkHostName(host: string, fail: (reason: string) => Error): void {
  if (host === '') {
    throw fail('the host name is empty');
  }

  const invalid = INVALID_HOST_CHARACTER.exec(host);
  if (invalid) {
    throw fail(`the host name "${host}" contains the invalid character ${JSON.stringify(invalid[0])}`);
  }
}

function parsePort(port: string, fail: (reason: string) => Error): number {
  const value = PORT.test(port) ? Number(port) : NaN;
  if (!(value >= 0 && value <= 65535)) {
    throw fail(`the port "${port}" is not a decimal number from 0 to 65535`);
  }
  return value;
}

/**
 * Formats host parts as `[scheme://]host[:port]`, putting an IPv6 literal (any host with a
 * colon) in brackets so that a port can follow it. `scheme` and `port` may be left out.
 */
export function formatHost(parts: { host: string; port?: number | null; scheme?: string | null }): string {
  const host = parts.host.includes(':') ? `[${parts.host}]` : parts.host;
  const port = parts.port === null || parts.port === undefined ? '' : `:${parts.port}`;
  const scheme = parts.scheme ? `${parts.scheme}://` : '';
  return `${scheme}${host}${port}`;
}
