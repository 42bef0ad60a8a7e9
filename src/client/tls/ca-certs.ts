import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { TLSOptionError } from '../errors.js';

/**
 * Locations of the system CA certificates, tried in this order when `caCerts` is not
 * given: the bundles of Fedora/RHEL and of Debian/Ubuntu/Alpine, then the directories of
 * Debian-style and SUSE systems. When none exists, Node's bundled root certificates (`tls.rootCertificates`) are used.
 */
export const DEFAULT_CA_CERT_PATHS: readonly string[] = Object.freeze([
  '/etc/pki/ca-trust/extracted/openssl/ca-bundle.trust.crt',
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs',
  '/etc/ssl/certificates',
]);

/** CA certificates in PEM form and the place they came from, for error messages. */
export interface CACertificates {
  /** PEM certificates; null means Node's bundled root certificates. */
  readonly pem: readonly string[] | null;
  /** Their origin, such as `caCerts /etc/wbem/ca.pem`. */
  readonly source: string;
}

const PEM_CERTIFICATE = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]+?-----END (?:TRUSTED )?CERTIFICATE-----/g;

/** Largest file read from a CA directory; bigger files are skipped because they are not certificates. */
const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;

let systemCertificates: CACertificates | null = null;

/**
 * Loads the CA certificates of the `caCerts` option: a PEM file, or a directory whose
 * regular files are read and whose PEM certificates are used (other files are skipped).
 * Without a path, loads the first existing entry of DEFAULT_CA_CERT_PATHS, once per process.
 * Raises TLSOptionError when the path does not exist or contains no PEM certificate.
 */
export function loadCACertificates(caCerts: string | null): CACertificates {
  if (caCerts !== null) return { pem: readCertificates(caCerts, 'caCerts'), source: `caCerts ${caCerts}` };

  systemCertificates ??= loadSystemCertificates();
  return systemCertificates;
}

function loadSystemCertificates(): CACertificates {
  for (const location of DEFAULT_CA_CERT_PATHS) {
    if (statOrNull(location) === null) continue;
    try {
      return { pem: readCertificates(location, 'caCerts'), source: `the system CA certificates in ${location}` };
    } catch {
      // An unreadable or empty system location is skipped like a missing one.
    }
  }
  return { pem: null, source: "Node's bundled root certificates" };
}

function readCertificates(location: string, option: string): string[] {
  const stats = statOrNull(location);
  if (stats === null) {
    throw new TLSOptionError(`The ${option} path ${JSON.stringify(location)} does not exist; give a PEM file or a directory of PEM files.`, option);
  }

  const files = stats.isDirectory() ? directoryFiles(location) : [location];
  const certificates = new Set<string>();
  for (const file of files) {
    for (const pem of readFileText(file, option).match(PEM_CERTIFICATE) ?? []) certificates.add(pem);
  }

  if (certificates.size === 0) {
    throw new TLSOptionError(
      `The ${option} path ${JSON.stringify(location)} contains no PEM certificate (-----BEGIN CERTIFICATE-----); ` +
        'convert DER files with `openssl x509 -inform der -in FILE -out FILE.pem`.',
      option,
    );
  }
  return [...certificates];
}

function directoryFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .map((name) => path.join(directory, name))
    .filter((file) => {
      const stats = statOrNull(file);
      return stats !== null && stats.isFile() && stats.size <= MAX_CA_FILE_BYTES;
    });
}

/** Reads a file as text; raises TLSOptionError naming the option when it cannot be read. */
export function readFileText(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TLSOptionError(`The ${option} file ${JSON.stringify(file)} cannot be read: ${reason}.`, option, error);
  }
}

function statOrNull(location: string): Stats | null {
  try {
    return statSync(location);
  } catch {
    return null;
  }
}
