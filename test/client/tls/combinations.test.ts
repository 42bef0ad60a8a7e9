import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WBEMConnection } from '../../../src/client/connection.js';
import type { WBEMConnectionOptions } from '../../../src/client/connection-options.js';
import { AuthError, ConnectionError, TLSCertificateError } from '../../../src/client/errors.js';
import type { TLSFailureReason } from '../../../src/client/tls/tls-failure.js';
import { createTestPKI, type CertificateFiles, type TestPKI } from './certificates.js';
import { NS, startWbemServer } from './servers.js';

const CREDENTIALS = { user: 'operator', password: 'op-secret-51c2' };

let pki: TestPKI;
beforeAll(() => {
  pki = createTestPKI();
});
afterAll(() => pki.remove());

/** One row of the server side: transport, client-certificate requirement and Basic authentication. */
interface ServerMode {
  name: string;
  https: boolean;
  twoWay: boolean;
  basic: boolean;
}

const MODES: ServerMode[] = [
  { name: 'HTTP', https: false, twoWay: false, basic: false },
  { name: 'HTTP Basic', https: false, twoWay: false, basic: true },
  { name: 'HTTPS 1-way', https: true, twoWay: false, basic: false },
  { name: 'HTTPS 1-way Basic', https: true, twoWay: false, basic: true },
  { name: 'HTTPS 2-way', https: true, twoWay: true, basic: false },
  { name: 'HTTPS 2-way Basic', https: true, twoWay: true, basic: true },
];

/** One client-side case: which server certificate, which client options, and the expected outcome. */
interface Variant {
  name: string;
  serverCertificate: (pki: TestPKI) => CertificateFiles;
  client: (pki: TestPKI) => WBEMConnectionOptions;
  /** The expected TLSCertificateError reason, or null for success. */
  failure: TLSFailureReason | null;
  /** The reason against a 2-way server where it differs: such a server sends its CA in the chain. */
  twoWayFailure?: TLSFailureReason;
  /** Whether the variant applies to 1-way servers too. */
  oneWay: boolean;
}

const clientCertificate = (p: TestPKI) => ({ x509: { certFile: p.client.cert, keyFile: p.client.key } });

const VARIANTS: Variant[] = [
  { name: 'right CA', serverCertificate: (p) => p.server, client: (p) => ({ caCerts: p.ca }), failure: null, oneWay: true },
  { name: 'wrong CA', serverCertificate: (p) => p.server, client: (p) => ({ caCerts: p.otherCA }), failure: 'unknown-issuer', twoWayFailure: 'self-signed-in-chain', oneWay: true },
  { name: 'wrong host name', serverCertificate: (p) => p.otherHost, client: (p) => ({ caCerts: p.ca }), failure: 'hostname-mismatch', oneWay: true },
  { name: 'expired certificate', serverCertificate: (p) => p.expired, client: (p) => ({ caCerts: p.ca }), failure: 'expired', oneWay: true },
  { name: 'noVerification', serverCertificate: (p) => p.expired, client: (p) => ({ caCerts: p.otherCA, noVerification: true }), failure: null, oneWay: true },
  { name: 'missing client certificate', serverCertificate: (p) => p.server, client: (p) => ({ caCerts: p.ca, x509: null }), failure: 'client-certificate-required', oneWay: false },
];

const HTTPS_CASES = MODES.filter((mode) => mode.https).flatMap((mode) =>
  VARIANTS.filter((variant) => mode.twoWay || variant.oneWay).map((variant) => [`${mode.name}, ${variant.name}`, mode, variant] as const),
);

/** Runs one operation against a fresh server and returns its result or error. */
async function runCase(mode: ServerMode, certificate: CertificateFiles | undefined, client: WBEMConnectionOptions): Promise<unknown> {
  const server = await startWbemServer({
    ...(certificate === undefined ? {} : { certificate }),
    ...(mode.twoWay ? { clientCA: pki.ca } : {}),
    ...(mode.basic ? { auth: CREDENTIALS } : {}),
  });
  const connection = new WBEMConnection(server.url, { timeout: 10_000, defaultNamespace: NS, ...client });
  try {
    return await connection.enumerateInstanceNames('TST_Base');
  } catch (error) {
    return error;
  } finally {
    await connection.close();
    await server.close();
  }
}

describe('TLS and authentication combinations', () => {
  it.each(HTTPS_CASES)('%s', async (_name, mode, variant) => {
    const twoWayCertificate = mode.twoWay && variant.failure !== 'client-certificate-required' ? clientCertificate(pki) : {};
    const credentials = mode.basic ? { credentials: CREDENTIALS } : {};
    const outcome = await runCase(mode, variant.serverCertificate(pki), { ...variant.client(pki), ...twoWayCertificate, ...credentials });

    if (variant.failure === null) {
      expect(outcome).toBeInstanceOf(Array);
      expect((outcome as unknown[]).length).toBeGreaterThan(0);
    } else {
      expect(outcome).toBeInstanceOf(TLSCertificateError);
      expect(outcome).toBeInstanceOf(AuthError);
      const expected = mode.twoWay ? (variant.twoWayFailure ?? variant.failure) : variant.failure;
      expect((outcome as TLSCertificateError).reason).toBe(expected);
    }
  });

  it.each(MODES.filter((mode) => !mode.https))('$name, right credentials', async (mode) => {
    const outcome = await runCase(mode, undefined, mode.basic ? { credentials: CREDENTIALS } : {});
    expect(outcome).toBeInstanceOf(Array);
  });

  it.each(MODES.filter((mode) => mode.basic))('$name, wrong password', async (mode) => {
    const certificate = mode.https ? { caCerts: pki.ca } : {};
    const twoWay = mode.twoWay ? clientCertificate(pki) : {};
    const outcome = await runCase(mode, mode.https ? pki.server : undefined, {
      ...certificate,
      ...twoWay,
      credentials: { user: CREDENTIALS.user, password: 'wrong' },
    });
    expect(outcome).toBeInstanceOf(AuthError);
    expect(outcome).not.toBeInstanceOf(TLSCertificateError);
    expect((outcome as AuthError).schemes).toEqual(['Basic']);
  });

  it.each(MODES.filter((mode) => mode.basic))('$name, no credentials', async (mode) => {
    const certificate = mode.https ? { caCerts: pki.ca } : {};
    const twoWay = mode.twoWay ? clientCertificate(pki) : {};
    const outcome = await runCase(mode, mode.https ? pki.server : undefined, { ...certificate, ...twoWay });
    expect(outcome).toBeInstanceOf(AuthError);
    expect((outcome as AuthError).message).toContain('offers Basic');
  });

  it('https URL against an HTTP server', async () => {
    const server = await startWbemServer({});
    const connection = new WBEMConnection(server.url.replace('http:', 'https:'), { caCerts: pki.ca, timeout: 10_000 });
    const outcome = await connection.enumerateInstanceNames('TST_Base', { namespace: NS }).catch((error: unknown) => error);
    await connection.close();
    await server.close();

    expect(outcome).toBeInstanceOf(ConnectionError);
    expect((outcome as { reason?: string }).reason).toBe('not-tls');
  });
});
