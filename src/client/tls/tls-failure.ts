import { TLSCertificateError, TLSHandshakeError, type ClientErrorContext } from '../errors.js';
import { certificateNames, type CertificateSummary } from './certificate-summary.js';
import { isHandshakeError, PeerVerificationError, VERIFY_CALLBACK_CODE, type TLSConnector } from './tls-connector.js';
import type { TLSSettings } from './tls-options.js';

/** The TLS check that failed. */
export type TLSFailureReason =
  | 'unknown-issuer'
  | 'self-signed'
  | 'self-signed-in-chain'
  | 'expired'
  | 'not-yet-valid'
  | 'hostname-mismatch'
  | 'revoked'
  | 'certificate-invalid'
  | 'verify-callback'
  | 'client-certificate-required'
  | 'client-certificate-rejected'
  | 'protocol-version'
  | 'cipher-mismatch'
  | 'weak-security'
  | 'not-tls'
  | 'handshake-closed'
  | 'handshake-failed';

/** The TLS part of TLSCertificateError and TLSHandshakeError. */
export interface TLSFailureDetails {
  /** The failed check, such as `self-signed` or `hostname-mismatch`. */
  readonly reason: TLSFailureReason;
  /** Node.js or OpenSSL error code, such as `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  readonly tlsCode: string;
  /** The server certificate, when the handshake delivered one. */
  readonly certificate: CertificateSummary | null;
}

/** Facts from which a table entry builds its message. */
interface FailureFacts {
  readonly code: string;
  readonly certificate: CertificateSummary | null;
  readonly hostname: string;
  readonly settings: TLSSettings;
  /** OpenSSL's own text of the failure. */
  readonly detail: string;
}

/** One row of the table: the reason, the error class, what failed and which option changes it. */
interface FailureEntry {
  readonly reason: TLSFailureReason;
  /** `certificate` raises TLSCertificateError (an AuthError); `handshake` raises TLSHandshakeError (a ConnectionError). */
  readonly kind: 'certificate' | 'handshake';
  describe(facts: FailureFacts): string;
  advise(facts: FailureFacts): string;
}

const SKIP_CHECKS = 'or set noVerification to skip all checks of the server certificate';

const UNKNOWN_ISSUER: FailureEntry = {
  reason: 'unknown-issuer',
  kind: 'certificate',
  describe: (f) => `the issuer ${quoted(f.certificate?.issuer)} of the server certificate ${quoted(f.certificate?.subject)} is not among the trusted certificates (${f.settings.caSource})`,
  advise: () => `Pass the PEM file of the issuing CA as caCerts, ${SKIP_CHECKS}.`,
};

const CERTIFICATE_INVALID: FailureEntry = {
  reason: 'certificate-invalid',
  kind: 'certificate',
  describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} is not valid: ${f.detail}`,
  advise: () => `Have the server certificate reissued, ${SKIP_CHECKS}.`,
};

const PROTOCOL_VERSION: FailureEntry = {
  reason: 'protocol-version',
  kind: 'handshake',
  describe: (f) => `the server and the client share no TLS protocol version; the client offers ${f.settings.minVersion ?? 'TLSv1.2'} to TLSv1.3`,
  advise: () =>
    "If the server supports only an older version, set minVersion (such as 'TLSv1'); old versions usually also need ciphers 'DEFAULT@SECLEVEL=0'.",
};

const CIPHER_MISMATCH: FailureEntry = {
  reason: 'cipher-mismatch',
  kind: 'handshake',
  describe: () =>
    'the server ended the handshake with a handshake_failure alert: the server and the client share no cipher suite, or the server requires a client certificate',
  advise: (f) =>
    `Set ciphers to a list the server supports (such as 'DEFAULT@SECLEVEL=0' for legacy ciphers)` +
    (f.settings.clientCertificate ? ', and check that the server trusts the issuer of the x509 certificate.' : ', or set x509 if the server requires a client certificate.'),
};

const CLIENT_CERTIFICATE_REQUIRED: FailureEntry = {
  reason: 'client-certificate-required',
  kind: 'certificate',
  describe: () => 'the server requires a client certificate and the client sent none',
  advise: () => 'Set x509 to the certFile and keyFile of a client certificate that the server trusts.',
};

const CLIENT_CERTIFICATE_REJECTED: FailureEntry = {
  reason: 'client-certificate-rejected',
  kind: 'certificate',
  describe: (f) => `the server rejected the client certificate: ${f.detail}`,
  advise: () => 'Check that the x509 certificate is valid, and that the server trusts its issuer.',
};

const CLOSED_AFTER_CLIENT_CERTIFICATE: FailureEntry = {
  ...CLIENT_CERTIFICATE_REJECTED,
  describe: () => 'the server asked for a client certificate and closed the connection after the handshake, so it probably rejected the x509 certificate',
};

const WEAK_SECURITY: FailureEntry = {
  reason: 'weak-security',
  kind: 'handshake',
  describe: (f) => `the server uses a key, digest or protocol feature below OpenSSL's security level: ${f.detail}`,
  advise: () => "For an old server that cannot be upgraded, set ciphers 'DEFAULT@SECLEVEL=0'.",
};

const NOT_TLS: FailureEntry = {
  reason: 'not-tls',
  kind: 'handshake',
  describe: () => 'the server did not respond with TLS; it probably serves plain HTTP on this port',
  advise: () => 'Use an http:// URL for this port, or the HTTPS port of the server (5989 by default).',
};

/**
 * Node.js and OpenSSL error codes with what they mean. Verification codes come from
 * the server certificate check; `ERR_SSL_*` codes are TLS alerts and handshake errors.
 */
const TLS_FAILURES: Readonly<Record<string, FailureEntry>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    reason: 'self-signed',
    kind: 'certificate',
    describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} is self-signed and not among the trusted certificates (${f.settings.caSource})`,
    advise: () => `Pass the server certificate's PEM file as caCerts to trust it, ${SKIP_CHECKS}.`,
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    reason: 'self-signed-in-chain',
    kind: 'certificate',
    describe: (f) => `the certificate chain of ${quoted(f.certificate?.subject)} ends in a self-signed root CA that is not among the trusted certificates (${f.settings.caSource})`,
    advise: () => `Pass the PEM file of that root CA as caCerts, ${SKIP_CHECKS}.`,
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNKNOWN_ISSUER,
  UNABLE_TO_GET_ISSUER_CERT: UNKNOWN_ISSUER,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNKNOWN_ISSUER,
  CERT_HAS_EXPIRED: {
    reason: 'expired',
    kind: 'certificate',
    describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} expired on ${f.certificate?.validTo ?? '(unknown date)'}${validity(f.certificate)}`,
    advise: () => `Renew the server certificate, check the clock of this machine, ${SKIP_CHECKS}.`,
  },
  CERT_NOT_YET_VALID: {
    reason: 'not-yet-valid',
    kind: 'certificate',
    describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} is not valid before ${f.certificate?.validFrom ?? '(unknown date)'}${validity(f.certificate)}`,
    advise: () => `Check the clocks of this machine and of the server, ${SKIP_CHECKS}.`,
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    reason: 'hostname-mismatch',
    kind: 'certificate',
    describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} has ${f.certificate === null ? 'no names' : certificateNames(f.certificate)}, which do not match the host ${f.hostname}`,
    advise: (f) => `Connect with a host name the certificate names, have it reissued with ${f.hostname} as a subject alternative name, ${SKIP_CHECKS}.`,
  },
  CERT_REVOKED: {
    reason: 'revoked',
    kind: 'certificate',
    describe: (f) => `the server certificate ${quoted(f.certificate?.subject)} has been revoked`,
    advise: () => 'Have the server certificate replaced.',
  },
  CERT_SIGNATURE_FAILURE: CERTIFICATE_INVALID,
  CERT_UNTRUSTED: CERTIFICATE_INVALID,
  CERT_REJECTED: CERTIFICATE_INVALID,
  INVALID_CA: CERTIFICATE_INVALID,
  INVALID_PURPOSE: CERTIFICATE_INVALID,
  PATH_LENGTH_EXCEEDED: CERTIFICATE_INVALID,
  CERT_CHAIN_TOO_LONG: CERTIFICATE_INVALID,
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: CERTIFICATE_INVALID,
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: CERTIFICATE_INVALID,
  ERROR_IN_CERT_NOT_BEFORE_FIELD: CERTIFICATE_INVALID,
  ERROR_IN_CERT_NOT_AFTER_FIELD: CERTIFICATE_INVALID,
  [VERIFY_CALLBACK_CODE]: {
    reason: 'verify-callback',
    kind: 'certificate',
    describe: (f) => `verifyCallback rejected the server certificate ${quoted(f.certificate?.subject)} (SHA-256 ${f.certificate?.fingerprint256 ?? 'unknown'})`,
    advise: () => 'Check the certificate that verifyCallback expects.',
  },

  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: PROTOCOL_VERSION,
  ERR_SSL_UNSUPPORTED_PROTOCOL: PROTOCOL_VERSION,
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: PROTOCOL_VERSION,
  ERR_SSL_VERSION_TOO_LOW: PROTOCOL_VERSION,
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: CIPHER_MISMATCH,
  ERR_SSL_NO_SHARED_CIPHER: CIPHER_MISMATCH,
  ERR_SSL_NO_CIPHERS_AVAILABLE: CIPHER_MISMATCH,
  ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY: CIPHER_MISMATCH,
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: CLIENT_CERTIFICATE_REQUIRED,
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: CLIENT_CERTIFICATE_REJECTED,
  ERR_SSL_DH_KEY_TOO_SMALL: WEAK_SECURITY,
  ERR_SSL_EE_KEY_TOO_SMALL: WEAK_SECURITY,
  ERR_SSL_CA_MD_TOO_WEAK: WEAK_SECURITY,
  ERR_SSL_CA_KEY_TOO_SMALL: WEAK_SECURITY,
  ERR_SSL_WRONG_VERSION_NUMBER: NOT_TLS,
  ERR_SSL_PACKET_LENGTH_TOO_LONG: NOT_TLS,
  ERR_SSL_RECORD_LAYER_FAILURE: NOT_TLS,
};

const HANDSHAKE_CLOSED: FailureEntry = {
  reason: 'handshake-closed',
  kind: 'handshake',
  describe: () => 'the server closed the connection during the TLS handshake',
  advise: (f) =>
    'Servers do this when they reject the client certificate' +
    (f.settings.clientCertificate ? '' : ' (set x509 if the server requires one)') +
    ', the TLS version or the ciphers (see minVersion and ciphers).',
};

const HANDSHAKE_FAILED: FailureEntry = {
  reason: 'handshake-failed',
  kind: 'handshake',
  describe: (f) => `the TLS handshake failed: ${f.detail}`,
  advise: () => 'Check minVersion, ciphers and x509 against what the server supports.',
};

/** Socket errors that mean the peer closed or reset the connection. */
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Returns TLSCertificateError or TLSHandshakeError for an error of an https request,
 * or null when the error is not about TLS. A connection that the server closed right
 * after a handshake in which it asked for a client certificate counts as a rejected
 * client certificate, because TLS 1.3 servers check it only after the handshake.
 */
export function tlsFailureError(error: unknown, connector: TLSConnector, settings: TLSSettings, context: ClientErrorContext): Error | null {
  const code = errorCode(error);
  const facts: FailureFacts = {
    code,
    certificate: error instanceof PeerVerificationError ? error.certificate : null,
    hostname: error instanceof PeerVerificationError ? error.hostname : hostOf(context.url),
    settings,
    detail: openSSLDetail(error),
  };

  const entry = failureEntry(error, code, connector);
  if (entry === null) return null;

  const details: TLSFailureDetails = { reason: entry.reason, tlsCode: code, certificate: facts.certificate };
  const message = `The TLS connection to ${context.url} failed: ${entry.describe(facts)} (${code}). ${entry.advise(facts)}`;
  const full = { ...context, cause: error };
  return entry.kind === 'certificate' ? new TLSCertificateError(message, details, full) : new TLSHandshakeError(message, details, full);
}

function failureEntry(error: unknown, code: string, connector: TLSConnector): FailureEntry | null {
  const known = TLS_FAILURES[code];
  if (known !== undefined) return known;

  if (error instanceof PeerVerificationError) return CERTIFICATE_INVALID;
  if (code.startsWith('ERR_SSL_')) return HANDSHAKE_FAILED;
  if (!CLOSED_CODES.has(code)) return null;

  if (isHandshakeError(error)) return HANDSHAKE_CLOSED;
  const facts = connector.factsFor(socketLocalPort(error));
  if (facts === null || !facts.certificateRequested) return null;
  return facts.clientCertificate ? CLOSED_AFTER_CLIENT_CERTIFICATE : CLIENT_CERTIFICATE_REQUIRED;
}

function quoted(text: string | undefined): string {
  return text === undefined ? '(unknown)' : `"${text}"`;
}

function validity(certificate: CertificateSummary | null): string {
  if (certificate === null) return '';
  return ` (valid from ${certificate.validFrom} to ${certificate.validTo}; now ${new Date().toUTCString()})`;
}

function hostOf(url: string | null): string {
  if (url === null) return '(unknown host)';
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Returns the reason text of an OpenSSL error, such as `tlsv1 alert protocol version`, without the source position. */
function openSSLDetail(error: unknown): string {
  if (error instanceof PeerVerificationError) {
    const cause = error.cause;
    return cause instanceof Error ? cause.message : error.code;
  }
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string' && reason !== '') return reason;
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function socketLocalPort(error: unknown): number | undefined {
  const port = (error as { socket?: { localPort?: unknown } } | null)?.socket?.localPort;
  return typeof port === 'number' ? port : undefined;
}
