import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HTTPRejection } from './rejection.js';

/** User name and password that clients must send with HTTP Basic authentication. */
export interface BasicAuthCredentials {
  /** User name, compared case-sensitively. */
  user: string;
  /** Password, compared case-sensitively. */
  password: string;
}

/** Realm named in the WWW-Authenticate challenge. */
export const AUTH_REALM = 'wbemshell';

/**
 * Checks the Authorization header against the credentials (RFC 7617 Basic, user and
 * password as UTF-8). Raises a 401 HTTPRejection with a Basic challenge when the header
 * is missing, is not Basic, or carries other credentials.
 */
export function checkBasicAuth(headers: IncomingHttpHeaders, expected: BasicAuthCredentials): void {
  const header = headers.authorization;
  const match = header === undefined ? null : /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) throw unauthorized(header === undefined ? 'Authentication is required; send HTTP Basic credentials.' : 'Only HTTP Basic authentication is supported.');

  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);

  // Both comparisons always run, and on digests of equal length, so timing reveals neither.
  const userMatches = sameText(user, expected.user);
  const passwordMatches = sameText(password, expected.password);
  if (!userMatches || !passwordMatches) throw unauthorized('The user name or password is wrong.');
}

function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

function unauthorized(message: string): HTTPRejection {
  return new HTTPRejection(401, null, message, { headers: { 'WWW-Authenticate': `Basic realm="${AUTH_REALM}"` } });
}
