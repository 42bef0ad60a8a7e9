import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { startMockServer, type MockServer } from '../../../src/mock/server.js';
import { buildRepository } from '../../mock/model.js';
import { RESPONSE_XML } from '../loopback-server.js';
import { pem, type CertificateFiles } from './certificates.js';

/** Namespace of the model the mock server serves. */
export { NS } from '../../mock/model.js';

export interface WbemServerOptions {
  /** Serve HTTPS with this certificate; default plain HTTP. */
  certificate?: CertificateFiles;
  /** Require a client certificate issued by this CA (PEM file path). */
  clientCA?: string;
  /** Require HTTP Basic authentication with these credentials. */
  auth?: { user: string; password: string };
}

/** Starts the mock WBEM server on 127.0.0.1 with the test model. */
export function startWbemServer(options: WbemServerOptions): Promise<MockServer> {
  const tls =
    options.certificate === undefined
      ? undefined
      : {
          cert: pem(options.certificate.cert),
          key: pem(options.certificate.key),
          ...(options.clientCA === undefined ? {} : { ca: pem(options.clientCA), requestCert: true }),
        };
  return startMockServer({
    repository: buildRepository(),
    ...(tls === undefined ? {} : { tls }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
  });
}

/** An HTTPS server on 127.0.0.1 that returns one fixed EnumerateInstances response to every request. */
export interface FixedHttpsServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a node:https server with the given TLS options (such as TLS 1.0 only) and a fixed CIM-XML response. */
export async function startFixedHttpsServer(options: https.ServerOptions): Promise<FixedHttpsServer> {
  const sockets = new Set<Socket>();
  const server = https.createServer(options, (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/xml; charset="utf-8"', CIMOperation: 'MethodResponse' });
    response.end(RESPONSE_XML);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
