import type { X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContext, type SecureVersion } from 'node:tls';
import { TLSOptionError } from '../errors.js';
import { loadCACertificates, readFileText } from './ca-certs.js';

/** Client certificate and private key for 2-way TLS, as PEM file paths. */
export interface X509Options {
  /** PEM file with the client certificate, optionally followed by its intermediate CA certificates. */
  certFile: string;
  /** PEM file with the private key of the client certificate. */
  keyFile: string;
  /** Passphrase of an encrypted private key; default none. Used once to decrypt the key and not kept. */
  passphrase?: string;
}

/**
 * Check run after the built-in checks on each new TLS connection, with the server's
 * certificate chain (leaf first) and the host name of the URL. Returning false, or
 * throwing, fails the connection with TLSCertificateError.
 */
export type VerifyCallback = (certificateChain: readonly X509Certificate[], hostname: string) => boolean | Promise<boolean>;

/** TLS options of a connection; they apply to https URLs only. */
export interface TLSOptions {
  /**
   * PEM file, or directory of PEM files, with the CA certificates that verify the server.
   * Default: the first existing entry of DEFAULT_CA_CERT_PATHS, else Node's bundled root certificates.
   */
  caCerts?: string | null;
  /** Switches off every check of the server certificate (issuer, validity dates, host name); default false. */
  noVerification?: boolean;
  /** Client certificate for TLS client authentication; default none. */
  x509?: X509Options | null;
  /**
   * Further check of the server certificate chain after the built-in ones, run even when
   * `noVerification` is set; false fails with TLSCertificateError. Default none.
   */
  verifyCallback?: VerifyCallback | null;
  /** Lowest TLS version offered, such as `TLSv1` for old servers; default Node's (`TLSv1.2`). */
  minVersion?: SecureVersion | null;
  /** OpenSSL cipher list, such as `DEFAULT@SECLEVEL=0` for legacy ciphers; default Node's list. */
  ciphers?: string | null;
}

/** TLS options as the connector uses them. The passphrase is not kept. */
export interface TLSSettings {
  readonly secureContext: SecureContext;
  readonly noVerification: boolean;
  readonly verifyCallback: VerifyCallback | null;
  /** Origin of the trusted CA certificates, for error messages. */
  readonly caSource: string;
  /** Whether a client certificate is configured. */
  readonly clientCertificate: boolean;
  readonly minVersion: SecureVersion | null;
  readonly ciphers: string | null;
}

/**
 * Reads the CA certificates and the client certificate and key, and builds the TLS
 * context. Raises TLSOptionError for a file that cannot be read, a key that does not
 * decrypt or match its certificate, and a minVersion or cipher list OpenSSL rejects.
 */
export function resolveTLSOptions(options: TLSOptions = {}): TLSSettings {
  const noVerification = options.noVerification ?? false;
  const ca = noVerification ? { pem: null, source: 'no CA certificates (noVerification is set)' } : loadCACertificates(options.caCerts ?? null);
  const x509 = options.x509 ?? null;
  const minVersion = options.minVersion ?? null;
  const ciphers = options.ciphers ?? null;

  const contextOptions = {
    ...(ca.pem !== null ? { ca: [...ca.pem] } : {}),
    ...(x509 !== null ? clientCertificate(x509) : {}),
    ...(minVersion !== null ? { minVersion } : {}),
    ...(ciphers !== null ? { ciphers } : {}),
  };

  let secureContext: SecureContext;
  try {
    secureContext = createSecureContext(contextOptions);
  } catch (error) {
    throw contextError(error, x509, minVersion, ciphers);
  }

  return Object.freeze({
    secureContext,
    noVerification,
    verifyCallback: options.verifyCallback ?? null,
    caSource: ca.source,
    clientCertificate: x509 !== null,
    minVersion,
    ciphers,
  });
}

function clientCertificate(x509: X509Options): { cert: string; key: string; passphrase?: string } {
  const cert = readFileText(x509.certFile, 'x509.certFile');
  const key = readFileText(x509.keyFile, 'x509.keyFile');
  return x509.passphrase === undefined ? { cert, key } : { cert, key, passphrase: x509.passphrase };
}

/** Explains an error of `createSecureContext`; the message never contains the passphrase. */
function contextError(error: unknown, x509: X509Options | null, minVersion: string | null, ciphers: string | null): TLSOptionError {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  const detail = error instanceof Error ? error.message : String(error);

  if (x509 !== null && /BAD_DECRYPT|INTERRUPTED_OR_CANCELLED|bad decrypt|bad password/i.test(`${code} ${detail}`)) {
    const given = x509.passphrase === undefined ? 'is encrypted and no x509.passphrase was given' : 'does not decrypt with x509.passphrase';
    return new TLSOptionError(`The private key in x509.keyFile ${JSON.stringify(x509.keyFile)} ${given}.`, 'x509.passphrase', error);
  }
  if (x509 !== null && /KEY_VALUES_MISMATCH|key values mismatch/i.test(`${code} ${detail}`)) {
    return new TLSOptionError(
      `The private key in x509.keyFile ${JSON.stringify(x509.keyFile)} does not belong to the certificate in x509.certFile ${JSON.stringify(x509.certFile)}.`,
      'x509.keyFile',
      error,
    );
  }
  if (minVersion !== null && /PROTOCOL_VERSION/.test(code)) {
    return new TLSOptionError(`The minVersion ${JSON.stringify(minVersion)} is not a TLS version; use TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3.`, 'minVersion', error);
  }
  if (ciphers !== null && /CIPHER/i.test(`${code} ${detail}`)) {
    return new TLSOptionError(`The ciphers list ${JSON.stringify(ciphers)} matches no cipher OpenSSL knows (${detail}).`, 'ciphers', error);
  }

  const option = x509 !== null ? 'x509' : 'caCerts';
  return new TLSOptionError(`The TLS options cannot be used: ${detail}. Check that the files are PEM certificates and keys.`, option, error);
}
