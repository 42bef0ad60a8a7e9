import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** PEM file paths of one certificate and its key. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

/** A test PKI generated with the openssl command: two CAs and certificates for each test case. */
export interface TestPKI {
  directory: string;
  /** CA that issued every certificate below except `selfSigned`. */
  ca: string;
  /** A second CA that issued nothing the servers use. */
  otherCA: string;
  /** Directory with `ca` and `otherCA` as separate PEM files plus a file that is no certificate. */
  caDirectory: string;
  /** Server certificate for IP 127.0.0.1 and DNS localhost. */
  server: CertificateFiles;
  /** Server certificate for DNS otherhost.example only. */
  otherHost: CertificateFiles;
  /** Server certificate for 127.0.0.1 that expired on 1 January 2021. */
  expired: CertificateFiles;
  /** Server certificate for 127.0.0.1 valid from 1 January 2099. */
  notYetValid: CertificateFiles;
  /** Self-signed certificate with CN=localhost.localdomain and no subject alternative names. */
  selfSigned: CertificateFiles;
  /** Client certificate issued by `ca`. */
  client: CertificateFiles;
  /** Client certificate whose key is encrypted with `clientPassphrase`. */
  encryptedClient: CertificateFiles;
  clientPassphrase: string;
  /** Client certificate issued by `otherCA`, which the servers do not trust. */
  untrustedClient: CertificateFiles;
  /** Removes the directory. */
  remove(): void;
}

const CA_CONFIG = (directory: string) => `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${directory}
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
[ policy_any ]
commonName = supplied
`;

/** Generates the test PKI in a new temporary directory; takes about a second. */
export function createTestPKI(): TestPKI {
  const directory = mkdtempSync(path.join(tmpdir(), 'wbem-tls-'));
  const file = (name: string) => path.join(directory, name);

  const ca = selfSignedCA(directory, 'ca', 'Test CA');
  const otherCA = selfSignedCA(directory, 'other-ca', 'Other CA');
  const issue = (name: string, subject: string, issuer: string, extra: { san?: string; validity?: string[]; passphrase?: string } = {}) =>
    issueCertificate(directory, name, subject, issuer, extra);

  const caDirectory = file('ca-directory');
  mkdirSync(caDirectory);
  writeFileSync(path.join(caDirectory, 'test-ca.pem'), readFileSync(`${ca}.pem`));
  writeFileSync(path.join(caDirectory, 'other-ca.pem'), readFileSync(`${otherCA}.pem`));
  writeFileSync(path.join(caDirectory, 'README'), 'not a certificate\n');

  const passphrase = 'key-passphrase-8d1f';
  const selfSigned = { cert: file('self-signed.pem'), key: file('self-signed.key') };
  openssl(['req', '-x509', ...EC_KEY, '-nodes', '-keyout', selfSigned.key, '-out', selfSigned.cert, '-days', '2', '-subj', '/CN=localhost.localdomain']);

  return {
    directory,
    ca: `${ca}.pem`,
    otherCA: `${otherCA}.pem`,
    caDirectory,
    server: issue('server', '/CN=wbem server', ca, { san: 'IP:127.0.0.1,DNS:localhost' }),
    otherHost: issue('other-host', '/CN=otherhost.example', ca, { san: 'DNS:otherhost.example' }),
    expired: issue('expired', '/CN=expired server', ca, { san: 'IP:127.0.0.1', validity: ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z'] }),
    notYetValid: issue('future', '/CN=future server', ca, { san: 'IP:127.0.0.1', validity: ['-startdate', '20990101000000Z', '-enddate', '20991231000000Z'] }),
    selfSigned,
    client: issue('client', '/CN=wbem client', ca),
    encryptedClient: issue('encrypted-client', '/CN=wbem client with passphrase', ca, { passphrase }),
    clientPassphrase: passphrase,
    untrustedClient: issue('untrusted-client', '/CN=untrusted client', otherCA),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

/** Creates a CA certificate and key as `<directory>/<name>.pem` and `.key`, with its own `openssl ca` database. */
function selfSignedCA(directory: string, name: string, commonName: string): string {
  const base = path.join(directory, name);
  openssl([
    'req', '-x509', ...EC_KEY, '-nodes', '-keyout', `${base}.key`, '-out', `${base}.pem`, '-days', '3', '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);

  const database = `${base}-db`;
  mkdirSync(path.join(database, 'issued'), { recursive: true });
  writeFileSync(path.join(database, 'index.txt'), '');
  writeFileSync(path.join(database, 'serial'), '1000\n');
  writeFileSync(path.join(database, 'ca.cnf'), CA_CONFIG(database));
  return base;
}

/** Issues a certificate with `openssl ca`, which accepts explicit validity dates (also ones in the past). */
function issueCertificate(
  directory: string,
  name: string,
  subject: string,
  issuer: string,
  extra: { san?: string; validity?: string[]; passphrase?: string },
): CertificateFiles {
  const base = path.join(directory, name);
  const keyProtection = extra.passphrase === undefined ? ['-nodes'] : ['-passout', `pass:${extra.passphrase}`];
  const san = extra.san === undefined ? [] : ['-addext', `subjectAltName=${extra.san}`];
  openssl(['req', ...EC_KEY, ...keyProtection, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subject, ...san]);

  const validity = extra.validity ?? ['-days', '2'];
  openssl([
    'ca', '-batch', '-notext', '-config', `${issuer}-db/ca.cnf`, '-cert', `${issuer}.pem`, '-keyfile', `${issuer}.key`,
    '-in', `${base}.csr`, '-out', `${base}.pem`, ...validity,
  ]);
  return { cert: `${base}.pem`, key: `${base}.key` };
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Reads a PEM file. */
export function pem(file: string): string {
  return readFileSync(file, 'utf8');
}
