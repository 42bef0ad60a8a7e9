import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WBEMConnection } from '../../../src/client/connection.js';
import type { WBEMConnectionOptions } from '../../../src/client/connection-options.js';
import { TLSCertificateError, TLSHandshakeError } from '../../../src/client/errors.js';
import { createTestPKI, pem, type TestPKI } from './certificates.js';
import { NS, startFixedHttpsServer, startWbemServer } from './servers.js';

let pki: TestPKI;
beforeAll(() => {
  pki = createTestPKI();
});
afterAll(() => pki.remove());

async function enumerate(url: string, options: WBEMConnectionOptions): Promise<unknown> {
  const connection = new WBEMConnection(url, { timeout: 10_000, defaultNamespace: NS, ...options });
  try {
    return await connection.enumerateInstances('TST_Base');
  } catch (error) {
    return error;
  } finally {
    await connection.close();
  }
}

describe('old endpoint, self-signed certificate without SAN', () => {
  let server: Awaited<ReturnType<typeof startWbemServer>>;
  beforeAll(async () => {
    server = await startWbemServer({ certificate: pki.selfSigned });
  });
  afterAll(() => server.close());

  it('default fails as self-signed', async () => {
    const outcome = await enumerate(server.url, {});
    expect(outcome).toBeInstanceOf(TLSCertificateError);
    expect((outcome as TLSCertificateError).reason).toBe('self-signed');
    expect((outcome as TLSCertificateError).message).toContain('CN=localhost.localdomain');
  });

  it('trusted certificate fails on the IP address', async () => {
    const outcome = await enumerate(server.url, { caCerts: pki.selfSigned.cert });
    expect(outcome).toBeInstanceOf(TLSCertificateError);
    expect((outcome as TLSCertificateError).reason).toBe('hostname-mismatch');
    expect((outcome as TLSCertificateError).message).toContain('127.0.0.1');
  });

  it('noVerification succeeds', async () => {
    const outcome = await enumerate(server.url, { noVerification: true });
    expect(outcome).toBeInstanceOf(Array);
  });
});

describe('old endpoint, TLS 1.0 only', () => {
  let server: Awaited<ReturnType<typeof startFixedHttpsServer>>;
  beforeAll(async () => {
    server = await startFixedHttpsServer({
      cert: pem(pki.server.cert),
      key: pem(pki.server.key),
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
  });
  afterAll(() => server.close());

  it('default fails on the protocol version', async () => {
    const outcome = await enumerate(server.url, { caCerts: pki.ca });
    expect(outcome).toBeInstanceOf(TLSHandshakeError);
    expect((outcome as TLSHandshakeError).reason).toBe('protocol-version');
    expect((outcome as TLSHandshakeError).message).toContain('minVersion');
    expect((outcome as TLSHandshakeError).message).not.toContain('socket hang up');
  });

  it('minVersion TLSv1 with legacy ciphers succeeds', async () => {
    const outcome = await enumerate(server.url, { caCerts: pki.ca, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
    expect(outcome).toEqual([]);
  });
});

describe('old endpoint, certificate for another host', () => {
  it('fails as hostname mismatch', async () => {
    const server = await startWbemServer({ certificate: pki.otherHost });
    const outcome = await enumerate(server.url, { caCerts: pki.ca });
    await server.close();

    expect(outcome).toBeInstanceOf(TLSCertificateError);
    expect((outcome as TLSCertificateError).reason).toBe('hostname-mismatch');
    expect((outcome as TLSCertificateError).message).toContain('DNS:otherhost.example');
  });
});

describe('old endpoint, mutual TLS', () => {
  let server: Awaited<ReturnType<typeof startWbemServer>>;
  beforeAll(async () => {
    server = await startWbemServer({ certificate: pki.server, clientCA: pki.ca });
  });
  afterAll(() => server.close());

  it('client certificate succeeds', async () => {
    const outcome = await enumerate(server.url, { caCerts: pki.ca, x509: { certFile: pki.client.cert, keyFile: pki.client.key } });
    expect(outcome).toBeInstanceOf(Array);
  });

  it('missing client certificate fails clearly', async () => {
    const outcome = await enumerate(server.url, { caCerts: pki.ca });
    expect(outcome).toBeInstanceOf(TLSCertificateError);
    expect((outcome as TLSCertificateError).reason).toBe('client-certificate-required');
    expect((outcome as TLSCertificateError).message).toContain('x509');
  });
});
