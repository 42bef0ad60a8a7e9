import type { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WBEMConnection } from '../../../src/client/connection.js';
import type { WBEMConnectionOptions } from '../../../src/client/connection-options.js';
import { TLSCertificateError, TLSHandshakeError } from '../../../src/client/errors.js';
import { createTestPKI, pem, type CertificateFiles, type TestPKI } from './certificates.js';
import { NS, startFixedHttpsServer, startWbemServer } from './servers.js';

let pki: TestPKI;
beforeAll(() => {
  pki = createTestPKI();
});
afterAll(() => pki.remove());

async function failureAgainst(certificate: CertificateFiles, options: WBEMConnectionOptions, clientCA?: string): Promise<Error> {
  const server = await startWbemServer({ certificate, ...(clientCA === undefined ? {} : { clientCA }) });
  const connection = new WBEMConnection(server.url, { timeout: 10_000, defaultNamespace: NS, ...options });
  try {
    await connection.enumerateInstanceNames('TST_Base');
  } catch (error) {
    return error as Error;
  } finally {
    await connection.close();
    await server.close();
  }
  throw new Error('the operation succeeded');
}

async function fixedServerFailure(serverOptions: Parameters<typeof startFixedHttpsServer>[0], options: WBEMConnectionOptions): Promise<Error> {
  const server = await startFixedHttpsServer(serverOptions);
  const connection = new WBEMConnection(server.url, { timeout: 10_000, ...options });
  try {
    await connection.enumerateInstances('TST_Base');
  } catch (error) {
    return error as Error;
  } finally {
    await connection.close();
    await server.close();
  }
  throw new Error('the operation succeeded');
}

describe('certificate diagnostics', () => {
  it('expired names both dates', async () => {
    const error = (await failureAgainst(pki.expired, { caCerts: pki.ca })) as TLSCertificateError;
    expect(error.tlsCode).toBe('CERT_HAS_EXPIRED');
    expect(error.message).toContain('expired on Jan  1 00:00:00 2021 GMT');
    expect(error.message).toContain('valid from Jan  1 00:00:00 2020 GMT');
    expect(error.message).toContain('noVerification');
    expect(error.certificate?.subject).toBe('CN=expired server');
  });

  it('not yet valid names the start date', async () => {
    const error = (await failureAgainst(pki.notYetValid, { caCerts: pki.ca })) as TLSCertificateError;
    expect(error.reason).toBe('not-yet-valid');
    expect(error.tlsCode).toBe('CERT_NOT_YET_VALID');
    expect(error.message).toContain('not valid before Jan  1 00:00:00 2099 GMT');
  });

  it('hostname mismatch names the certificate names', async () => {
    const error = (await failureAgainst(pki.otherHost, { caCerts: pki.ca })) as TLSCertificateError;
    expect(error.tlsCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(error.message).toContain('DNS:otherhost.example');
    expect(error.message).toContain('the host 127.0.0.1');
  });

  it('unknown issuer names issuer and CA source', async () => {
    const error = (await failureAgainst(pki.server, { caCerts: pki.otherCA })) as TLSCertificateError;
    expect(error.reason).toBe('unknown-issuer');
    expect(error.tlsCode).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(error.message).toContain('"CN=Test CA"');
    expect(error.message).toContain(`caCerts ${pki.otherCA}`);
    expect(error.code).toBe('ERR_WBEM_TLS_CERTIFICATE');
  });

  it('self-signed suggests caCerts', async () => {
    const error = (await failureAgainst(pki.selfSigned, { caCerts: pki.ca })) as TLSCertificateError;
    expect(error.reason).toBe('self-signed');
    expect(error.tlsCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain("Pass the server certificate's PEM file as caCerts");
  });

  it('CA directory verifies the server', async () => {
    const server = await startWbemServer({ certificate: pki.server });
    const connection = new WBEMConnection(server.url, { caCerts: pki.caDirectory, defaultNamespace: NS });
    const names = await connection.enumerateInstanceNames('TST_Base');
    await connection.close();
    await server.close();
    expect(names.length).toBeGreaterThan(0);
  });
});

describe('verifyCallback', () => {
  it('receives chain and host name', async () => {
    const calls: Array<{ subjects: string[]; hostname: string }> = [];
    const verifyCallback = (chain: readonly X509Certificate[], hostname: string) => {
      calls.push({ subjects: chain.map((certificate) => certificate.subject), hostname });
      return true;
    };
    const server = await startWbemServer({ certificate: pki.server });
    const connection = new WBEMConnection(server.url, { caCerts: pki.ca, defaultNamespace: NS, verifyCallback });
    await connection.enumerateInstanceNames('TST_Base');
    await connection.close();
    await server.close();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.subjects[0]).toBe('CN=wbem server');
    expect(calls[0]?.hostname).toBe('127.0.0.1');
  });

  it('false fails with its reason', async () => {
    const error = (await failureAgainst(pki.server, { caCerts: pki.ca, verifyCallback: () => false })) as TLSCertificateError;
    expect(error).toBeInstanceOf(TLSCertificateError);
    expect(error.reason).toBe('verify-callback');
    expect(error.message).toContain(error.certificate?.fingerprint256 ?? 'no fingerprint');
  });

  it('throwing fails with the cause', async () => {
    const thrown = new Error('pin mismatch');
    const verifyCallback = async () => {
      throw thrown;
    };
    const error = (await failureAgainst(pki.server, { caCerts: pki.ca, verifyCallback })) as TLSCertificateError;
    expect(error.reason).toBe('verify-callback');
    expect((error.cause as Error).cause).toBe(thrown);
  });

  it('runs after built-in checks', async () => {
    let called = false;
    const verifyCallback = () => {
      called = true;
      return true;
    };
    const error = (await failureAgainst(pki.expired, { caCerts: pki.ca, verifyCallback })) as TLSCertificateError;
    expect(error.reason).toBe('expired');
    expect(called).toBe(false);
  });

  it('runs with noVerification', async () => {
    const error = (await failureAgainst(pki.expired, { noVerification: true, verifyCallback: () => false })) as TLSCertificateError;
    expect(error.reason).toBe('verify-callback');
  });
});

describe('handshake diagnostics', () => {
  it('cipher mismatch names ciphers', async () => {
    const error = (await fixedServerFailure(
      { cert: pem(pki.server.cert), key: pem(pki.server.key), maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
      { caCerts: pki.ca, ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', minVersion: 'TLSv1.2' },
    )) as TLSHandshakeError;
    expect(error).toBeInstanceOf(TLSHandshakeError);
    expect(error.reason).toBe('cipher-mismatch');
    expect(error.code).toBe('ERR_WBEM_TLS_HANDSHAKE');
    expect(error.message).toContain('Set ciphers');
  });

  it('TLS 1.2 client certificate request hints x509', async () => {
    const error = (await fixedServerFailure(
      { cert: pem(pki.server.cert), key: pem(pki.server.key), ca: pem(pki.ca), requestCert: true, rejectUnauthorized: true, maxVersion: 'TLSv1.2' },
      { caCerts: pki.ca },
    )) as TLSHandshakeError;
    expect(error).toBeInstanceOf(TLSHandshakeError);
    expect(error.tlsCode).toBe('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
    expect(error.message).toContain('set x509');
  });

  it('untrusted client certificate is rejected', async () => {
    const x509 = { certFile: pki.untrustedClient.cert, keyFile: pki.untrustedClient.key };
    const error = (await failureAgainst(pki.server, { caCerts: pki.ca, x509 }, pki.ca)) as TLSCertificateError;
    expect(error).toBeInstanceOf(TLSCertificateError);
    expect(error.reason).toBe('client-certificate-rejected');
  });

  it('encrypted client key with passphrase succeeds', async () => {
    const server = await startWbemServer({ certificate: pki.server, clientCA: pki.ca });
    const x509 = { certFile: pki.encryptedClient.cert, keyFile: pki.encryptedClient.key, passphrase: pki.clientPassphrase };
    const connection = new WBEMConnection(server.url, { caCerts: pki.ca, x509, defaultNamespace: NS });
    const names = await connection.enumerateInstanceNames('TST_Base');
    await connection.close();
    await server.close();
    expect(names.length).toBeGreaterThan(0);
  });
});
