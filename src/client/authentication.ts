import type { Rejection } from './rejection.js';

/** User name and password for HTTP Basic authentication. */
export interface Credentials {
  /** User name; it must not contain a colon, which HTTP Basic authentication cannot carry. */
  user: string;
  /** Password; it is sent with each request and redacted in every record and error. */
  password: string;
}

/**
 * Builds the `Authorization` value of HTTP Basic authentication (RFC 7617): user and
 * password joined by a colon, encoded as UTF-8, then base64. Raises TypeError for a user
 * name with a colon, which the scheme cannot carry.
 */
export function basicAuthorization(credentials: Credentials): string {
  if (credentials.user.includes(':')) {
    throw new TypeError(`The user name ${JSON.stringify(credentials.user)} contains ":", which HTTP Basic authentication cannot carry.`);
  }
  // btoa would reject characters outside Latin-1, so Buffer encodes the UTF-8 bytes.
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/**
 * Returns whether a rejected response is a 401 that one retry with Basic credentials can
 * satisfy, because the server offers Basic and the request carried no credentials. A 401
 * to a request that had credentials means they were wrong, so it is never retried.
 */
export function answersWithBasic(rejection: Rejection | null, credentialsSent: boolean): boolean {
  if (rejection === null || rejection.kind !== 'auth' || credentialsSent) return false;
  return rejection.schemes.some((scheme) => scheme.toLowerCase() === 'basic');
}
