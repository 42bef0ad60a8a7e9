import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { EnumerationContextTable, type EnumerationContextTableOptions } from './enumeration-contexts.js';
import type { BasicAuthCredentials } from './http/basic-auth.js';
import { CIM_PATH, createRequestHandler } from './http/request-handler.js';
import { loadBuiltinModel } from './builtin/builtin-model.js';
import type { MockRepository } from './repository.js';

/** Certificate and key of an HTTPS mock server, in PEM. */
export interface MockServerTLSOptions {
  /** Server certificate chain, in PEM. */
  cert: string | Buffer;
  /** Private key of the server certificate, in PEM, unencrypted. */
  key: string | Buffer;
  /** CA certificates that client certificates must chain to. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Ask clients for a certificate (and reject those not signed by `ca`). Default false. */
  requestCert?: boolean;
}

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** The repository to serve. Default: the built-in model, loaded through the cache (see `loadBuiltinModel`). */
  repository?: MockRepository;
  /**
   * Address to listen on. Default 127.0.0.1; another address is used only when given
   * here, so the server is never reachable from other hosts by accident.
   */
  host?: string;
  /** TCP port; default 0, which picks a free port (see `port` of the result). */
  port?: number;
  /** Serve HTTPS with this certificate instead of HTTP. */
  tls?: MockServerTLSOptions;
  /** Require HTTP Basic authentication with these credentials. Default: no authentication. */
  auth?: BasicAuthCredentials;
  /** Largest request body accepted, in bytes; larger requests get 413. Default 16 MiB. */
  maxRequestBytes?: number;
  /** Timeouts of the pull operations' enumeration contexts. */
  enumerationContexts?: EnumerationContextTableOptions;
}

/** A running mock WBEM server. */
export interface MockServer {
  /** Base URL such as `http://127.0.0.1:5988`; CIM requests go to `${url}/cimom`. */
  url: string;
  /** Address the server listens on, as given in `MockServerOptions.host`. */
  host: string;
  /** TCP port the server listens on; the port the system picked when `MockServerOptions.port` was 0. */
  port: number;
  /** Repository the server serves; changes to it show in later responses. */
  repository: MockRepository;
  /** Stops accepting connections, closes idle and open ones, and resolves when the server has stopped. */
  close(): Promise<void>;
}

/** Default maximum size of a request body, in bytes (16 MiB); larger requests get HTTP 413. */
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * Starts a mock WBEM server: DSP0200 CIM operations over HTTP (or HTTPS) on
 * `POST /cimom`, answered from the repository (M-POST is not served, see CIMHeaders). It logs nothing;
 * rejected requests get the HTTP status and CIMError header of DSP0200, and failed
 * operations an ERROR element.
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const repository = options.repository ?? loadBuiltinModel().repository;
  const handler = createRequestHandler({
    repository,
    contexts: new EnumerationContextTable(options.enumerationContexts),
    auth: options.auth ?? null,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
  });

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, ca: options.tls.ca, requestCert: options.tls.requestCert ?? false }, handler)
    : createHttpServer(handler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${scheme}://${urlHost}:${port}`,
    host,
    port,
    repository,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export { CIM_PATH };
