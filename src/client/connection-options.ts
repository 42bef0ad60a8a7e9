import type { ParseWarning } from '../cimxml/index.js';
import type { OperationRecorder } from './recorders/operation-record.js';
import type { SecureVersion } from 'node:tls';
import type { TLSOptions } from './tls/tls-options.js';
import type { Credentials, HttpMethodOption } from './transport.js';

export type { VerifyCallback, X509Options } from './tls/tls-options.js';

/** Options of `new WBEMConnection(url, options)`; the TLS options apply to https URLs only. */
export interface WBEMConnectionOptions extends TLSOptions {
  /** Namespace of operations that name none; default `root/cimv2`. */
  defaultNamespace?: string;
  /** User name and password sent with HTTP Basic authentication; default none. */
  credentials?: Credentials | null;
  /** Whether credentials go with every request (true) or only after a 401 offering Basic (false); default true. */
  preemptiveAuth?: boolean;
  /** Time limit of one operation in milliseconds, from sending the request to the end of the response; default 30000. */
  timeout?: number;
  /** Maximum response body size in bytes; default 1 GiB. */
  maxResponseBytes?: number;
  /** Recorders that receive one record per operation; default none. */
  recorders?: readonly OperationRecorder[];
  /** Whether `statistics` collects samples from the start; default false. */
  statistics?: boolean;
  /** Id of the connection in records and errors; default a generated `conn-N`. */
  connectionId?: string;
  /** Called for each tolerated deviation from DSP0201 found in a response; default none. */
  onWarning?: (warning: ParseWarning) => void;
  /**
   * HTTP method of requests; default `POST`, as pywbem sends and current servers accept.
   * `M-POST` sends the RFC 2774 form with `NN-` prefixed CIM headers. `auto` tries M-POST
   * and, when the server rejects it (405, or 501 or 510 without CIMError), resends as POST
   * and keeps POST for this connection.
   */
  httpMethod?: HttpMethodOption;
}

/** TLS settings of a connection as given, without the passphrase of the client key. */
export interface TlsSettings {
  /** The `caCerts` option; null when not given. */
  readonly caCerts: string | null;
  /** The `noVerification` option. */
  readonly noVerification: boolean;
  /** Paths of the client certificate and key; null without a client certificate. */
  readonly x509: {
    /** PEM file with the client certificate. */
    readonly certFile: string;
    /** PEM file with the private key of the client certificate. */
    readonly keyFile: string;
  } | null;
  /** The `minVersion` option; null for Node's default. */
  readonly minVersion: SecureVersion | null;
  /** The `ciphers` option; null for Node's default. */
  readonly ciphers: string | null;
}

export const DEFAULT_NAMESPACE = 'root/cimv2';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '5988', 'https:': '5989' };

/**
 * Completes a server URL: a bare host (`server` or `server:1234`) means https, and a URL
 * without a port gets the WBEM default port (5988 for http, 5989 for https).
 */
export function serverUrl(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (error) {
    throw new TypeError(`The server URL ${JSON.stringify(text)} is not valid; write it as http://host:port or host.`, {
      cause: error,
    });
  }

  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    throw new TypeError(`The server URL ${JSON.stringify(text)} has the scheme ${url.protocol}; use http: or https:.`);
  }
  // URL drops the port when it is the scheme's default (80, 443), so read it from the text.
  const explicitPort = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):(\d+)/i.exec(withScheme)?.[1];
  return `${url.protocol}//${url.hostname}:${explicitPort ?? defaultPort}`;
}
