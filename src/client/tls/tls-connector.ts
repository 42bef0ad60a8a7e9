import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { peerCertificateChain, summarizeCertificate, type CertificateSummary } from './certificate-summary.js';
import type { TLSSettings } from './tls-options.js';

/** Facts about a TLS connection that the client learned in its handshake. */
export interface HandshakeFacts {
  /** Negotiated protocol, such as `TLSv1.3`. */
  readonly protocol: string | null;
  /** Whether the server asked for a client certificate. */
  readonly certificateRequested: boolean;
  /** Whether a client certificate was configured, so that the client sent one on request. */
  readonly clientCertificate: boolean;
}

/** Code of the failure raised when `verifyCallback` returns false or throws. */
export const VERIFY_CALLBACK_CODE = 'ERR_WBEM_TLS_VERIFY_CALLBACK';

/** A server certificate that failed a check after the handshake; the transport turns it into TLSCertificateError. */
export class PeerVerificationError extends Error {
  /** OpenSSL verification code, `ERR_TLS_CERT_ALTNAME_INVALID` or VERIFY_CALLBACK_CODE. */
  readonly code: string;
  readonly certificate: CertificateSummary | null;
  /** Host name that the certificate was checked against. */
  readonly hostname: string;

  constructor(code: string, certificate: CertificateSummary | null, hostname: string, cause?: unknown) {
    super(`The server certificate failed verification (${code}).`, { cause });
    this.name = 'PeerVerificationError';
    this.code = code;
    this.certificate = certificate;
    this.hostname = hostname;
  }
}

/** Facts kept per local port; old entries are dropped beyond this count. */
const MAX_KEPT_FACTS = 256;

/** Errors raised while a TLS connection was being set up, before any request was sent on it. */
const handshakeErrors = new WeakSet<object>();

/** Returns whether an error happened while the connector set up a TLS connection. */
export function isHandshakeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && handshakeErrors.has(error);
}

/**
 * An undici connector for https that verifies the server itself once the handshake is
 * complete and before the socket is handed to undici, so no request byte is sent to an
 * unverified server. OpenSSL runs with `rejectUnauthorized: false`, which keeps the
 * server certificate readable for the error message. The connector then rejects the
 * socket unless Node marked it authorized and the host name matches.
 */
export class TLSConnector {
  readonly connect: buildConnector.connector;

  readonly #settings: TLSSettings;
  readonly #facts = new Map<number, HandshakeFacts>();

  constructor(settings: TLSSettings) {
    this.#settings = settings;
    const base = buildConnector({ secureContext: settings.secureContext, rejectUnauthorized: false });

    this.connect = (options, callback) => {
      base(options, (error, socket) => {
        if (error !== null) {
          handshakeErrors.add(error);
          callback(error, null);
          return;
        }
        if (options.protocol !== 'https:') {
          callback(null, socket);
          return;
        }

        const tlsSocket = socket as TLSSocket;
        const hostname = options.servername || options.hostname;
        this.#remember(tlsSocket);
        this.#verify(tlsSocket, hostname).then(
          (failure) => {
            if (failure === null) {
              callback(null, tlsSocket);
              return;
            }
            handshakeErrors.add(failure);
            tlsSocket.destroy();
            callback(failure, null);
          },
          (unexpected: unknown) => {
            tlsSocket.destroy();
            callback(unexpected instanceof Error ? unexpected : new Error(String(unexpected)), null);
          },
        );
      });
    };
  }

  /** Returns the handshake facts of the connection that used a local port, or null. */
  factsFor(localPort: number | undefined): HandshakeFacts | null {
    if (localPort === undefined) return null;
    return this.#facts.get(localPort) ?? null;
  }

  async #verify(socket: TLSSocket, hostname: string): Promise<PeerVerificationError | null> {
    const peer = socket.getPeerCertificate(true);
    const chain = peerCertificateChain(peer.raw === undefined ? null : peer);
    const leaf = chain[0] === undefined ? null : summarizeCertificate(chain[0]);

    if (!this.#settings.noVerification) {
      const code = verificationFailure(socket, hostname, peer);
      if (code !== null) return new PeerVerificationError(code, leaf, hostname);
    }

    const callback = this.#settings.verifyCallback;
    if (callback === null) return null;
    try {
      const accepted = await callback(chain, hostname);
      return accepted === true ? null : new PeerVerificationError(VERIFY_CALLBACK_CODE, leaf, hostname);
    } catch (error) {
      return new PeerVerificationError(VERIFY_CALLBACK_CODE, leaf, hostname, error);
    }
  }

  #remember(socket: TLSSocket): void {
    // Reading localPort now makes Node cache it, so undici's error for a closed socket still carries it.
    const port = socket.localPort;
    if (port === undefined) return;

    // NOTE: OpenSSL fills the shared signature algorithms on the client only when it
    // processes a CertificateRequest, so a non-empty list is taken as "the server asked
    // for a client certificate". Node documents no direct way to learn this.
    const facts = {
      protocol: socket.getProtocol(),
      certificateRequested: socket.getSharedSigalgs().length > 0,
      clientCertificate: this.#settings.clientCertificate,
    };
    this.#facts.delete(port);
    this.#facts.set(port, Object.freeze(facts));
    if (this.#facts.size > MAX_KEPT_FACTS) this.#facts.delete(this.#facts.keys().next().value as number);
  }
}

/**
 * Returns the code of the first failed check of the server certificate, or null. Node
 * skips the host name check on a resumed TLS session, so it is repeated here for every
 * connection.
 */
function verificationFailure(socket: TLSSocket, hostname: string, peer: ReturnType<TLSSocket['getPeerCertificate']>): string | null {
  if (!socket.authorized) {
    const code: unknown = socket.authorizationError;
    return typeof code === 'string' && code !== '' ? code : 'CERT_REJECTED';
  }

  const identityError = checkServerIdentity(hostname, peer);
  if (identityError !== undefined) return (identityError as { code?: string }).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
  return null;
}
