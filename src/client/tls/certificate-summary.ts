import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';

/** The fields of a certificate that diagnostics and `verifyCallback` callers need. */
export interface CertificateSummary {
  /** Subject distinguished name, such as `CN=server.example, O=Example`. */
  readonly subject: string;
  /** Issuer distinguished name. */
  readonly issuer: string;
  /** Subject alternative names as OpenSSL prints them, such as `DNS:server.example, IP Address:127.0.0.1`; null when absent. */
  readonly subjectAltName: string | null;
  /** Start of the validity period, such as `Jan  1 00:00:00 2020 GMT`. */
  readonly validFrom: string;
  /** End of the validity period. */
  readonly validTo: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint256: string;
}

/** Summarizes a certificate. */
export function summarizeCertificate(certificate: X509Certificate): CertificateSummary {
  return Object.freeze({
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    subjectAltName: certificate.subjectAltName ?? null,
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    fingerprint256: certificate.fingerprint256,
  });
}

/**
 * Returns the peer's certificate chain, leaf first, as `X509Certificate` objects. The
 * chain ends at the first self-issued certificate or where the peer sent no issuer.
 */
export function peerCertificateChain(peer: PeerCertificate | null): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: PeerCertificate | null = peer;

  while (current !== null && current.raw !== undefined && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    const issuer: PeerCertificate | undefined = (current as { issuerCertificate?: PeerCertificate }).issuerCertificate;
    current = issuer ?? null;
  }
  return chain;
}

/** Names the certificate's subject alternative names, or its subject when it has none. */
export function certificateNames(summary: CertificateSummary): string {
  if (summary.subjectAltName !== null) return `the subject alternative names ${summary.subjectAltName}`;
  return `no subject alternative names (subject ${summary.subject})`;
}

/** Joins the lines of Node's distinguished name text (one `key=value` per line) with commas. */
function distinguishedName(text: string): string {
  return text.split('\n').filter((part) => part !== '').join(', ');
}
