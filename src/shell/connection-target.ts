import type { WBEMConnection, WBEMConnectionOptions } from '../index.js';
import type { EmbeddedMock } from './embedded-mock.js';

/** Where and how the shell connects. */
export interface ConnectionTarget {
  /** Server URL such as `https://host:5989`; null starts the built-in mock server. */
  readonly url: string | null;
  /** MOF files the built-in mock server loads instead of its default model; used when `url` is null. */
  readonly mockFiles: readonly string[];
  readonly user: string | null;
  /** Password of `user`; kept in memory only. */
  readonly password: string | null;
  /** Namespace the session starts in. */
  readonly namespace: string;
  /** Operation timeout in seconds. */
  readonly timeout: number;
  /** Skip verification of the server certificate. */
  readonly noVerify: boolean;
  /** PEM file or directory of CA certificates; null for the system store. */
  readonly caCerts: string | null;
  /** Client certificate and key files for TLS client authentication. */
  readonly certFile: string | null;
  readonly keyFile: string | null;
  /** Name of the connection profile these settings came from, or null. */
  readonly profile: string | null;
}

export const DEFAULT_TARGET: ConnectionTarget = {
  url: null,
  mockFiles: [],
  user: null,
  password: null,
  namespace: 'root/cimv2',
  timeout: 30,
  noVerify: false,
  caCerts: null,
  certFile: null,
  keyFile: null,
  profile: null,
};

/** An open connection and the embedded mock server behind it, if any. */
export interface OpenedConnection {
  readonly connection: WBEMConnection;
  readonly mock: EmbeddedMock | null;
}

/** Opens a connection to the target, starting the built-in mock server when it has no URL. */
export async function openConnection(target: ConnectionTarget): Promise<OpenedConnection> {
  // Loaded on use: the shell's first frame needs DEFAULT_TARGET but neither the client nor the mock server.
  const { WBEMConnection } = await import('../index.js');
  const { startEmbeddedMock } = await import('./embedded-mock.js');

  const mock = target.url === null ? await startEmbeddedMock(target.mockFiles) : null;
  const options: WBEMConnectionOptions = {
    defaultNamespace: target.namespace,
    timeout: target.timeout * 1000,
    statistics: true,
    noVerification: target.noVerify,
  };
  if (target.user !== null) options.credentials = { user: target.user, password: target.password ?? '' };
  if (target.caCerts !== null) options.caCerts = target.caCerts;
  if (target.certFile !== null && target.keyFile !== null) options.x509 = { certFile: target.certFile, keyFile: target.keyFile };

  const connection = new WBEMConnection(mock?.url ?? target.url!, options);
  return { connection, mock };
}
