import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WBEMConnection } from '../../../src/client/connection.js';
import { TLSOptionError } from '../../../src/client/errors.js';
import { DEFAULT_CA_CERT_PATHS } from '../../../src/client/tls/ca-certs.js';
import { resolveTLSOptions, type TLSOptions } from '../../../src/client/tls/tls-options.js';
import { createTestPKI, type TestPKI } from './certificates.js';

let pki: TestPKI;
beforeAll(() => {
  pki = createTestPKI();
});
afterAll(() => pki.remove());

function optionError(options: (pki: TestPKI) => TLSOptions): TLSOptionError {
  try {
    resolveTLSOptions(options(pki));
  } catch (error) {
    if (error instanceof TLSOptionError) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('TLS options', () => {
  it.each([
    ['missing caCerts path', (p: TestPKI) => ({ caCerts: path.join(p.directory, 'missing.pem') }), 'caCerts', 'does not exist'],
    ['caCerts without certificates', (p: TestPKI) => ({ caCerts: path.join(p.caDirectory, 'README') }), 'caCerts', 'contains no PEM certificate'],
    ['missing certFile', (p: TestPKI) => ({ x509: { certFile: path.join(p.directory, 'none.pem'), keyFile: p.client.key } }), 'x509.certFile', 'cannot be read'],
    ['missing keyFile', (p: TestPKI) => ({ x509: { certFile: p.client.cert, keyFile: path.join(p.directory, 'none.key') } }), 'x509.keyFile', 'cannot be read'],
    ['key of another certificate', (p: TestPKI) => ({ x509: { certFile: p.client.cert, keyFile: p.server.key } }), 'x509.keyFile', 'does not belong'],
    ['wrong passphrase', (p: TestPKI) => ({ x509: { certFile: p.encryptedClient.cert, keyFile: p.encryptedClient.key, passphrase: 'wrong-phrase' } }), 'x509.passphrase', 'does not decrypt'],
    ['missing passphrase', (p: TestPKI) => ({ x509: { certFile: p.encryptedClient.cert, keyFile: p.encryptedClient.key } }), 'x509.passphrase', 'is encrypted'],
    ['unknown cipher', () => ({ ciphers: 'NO-SUCH-CIPHER' }), 'ciphers', 'NO-SUCH-CIPHER'],
    ['invalid minVersion', () => ({ minVersion: 'TLSv9' as 'TLSv1' }), 'minVersion', 'TLSv9'],
  ])('%s', (_name, options, option, text) => {
    const error = optionError(options);
    expect(error.option).toBe(option);
    expect(error.message).toContain(text);
    expect(error.code).toBe('ERR_WBEM_TLS_OPTION');
  });

  it('passphrase stays out of the error', () => {
    const passphrase = 'wrong-phrase-3e9a';
    const error = optionError((p) => ({ x509: { certFile: p.encryptedClient.cert, keyFile: p.encryptedClient.key, passphrase } }));
    expect(inspect(error, { depth: 10 })).not.toContain(passphrase);
  });

  it('caCerts file names its source', () => {
    expect(resolveTLSOptions({ caCerts: pki.ca }).caSource).toBe(`caCerts ${pki.ca}`);
  });

  it('caCerts directory skips other files', () => {
    expect(resolveTLSOptions({ caCerts: pki.caDirectory }).caSource).toBe(`caCerts ${pki.caDirectory}`);
  });

  it('default uses system locations', () => {
    const source = resolveTLSOptions({}).caSource;
    const expected = [...DEFAULT_CA_CERT_PATHS.map((location) => `the system CA certificates in ${location}`), "Node's bundled root certificates"];
    expect(expected).toContain(source);
  });

  it('noVerification loads no CA', () => {
    expect(resolveTLSOptions({ noVerification: true, caCerts: '/nonexistent/ca.pem' }).caSource).toContain('noVerification');
  });

  it('default CA paths list', () => {
    expect(DEFAULT_CA_CERT_PATHS).toEqual([
      '/etc/pki/ca-trust/extracted/openssl/ca-bundle.trust.crt',
      '/etc/ssl/certs/ca-certificates.crt',
      '/etc/ssl/certs',
      '/etc/ssl/certificates',
    ]);
  });

  it('http URL ignores TLS options', async () => {
    const connection = new WBEMConnection('http://127.0.0.1:5988', { caCerts: '/nonexistent/ca.pem' });
    expect(connection.tls.caCerts).toBe('/nonexistent/ca.pem');
    await connection.close();
  });

  it('https connection raises option errors', () => {
    expect(() => new WBEMConnection('https://127.0.0.1:5989', { caCerts: '/nonexistent/ca.pem' })).toThrow(TLSOptionError);
  });

  it('connection settings omit the passphrase', async () => {
    const x509 = { certFile: pki.encryptedClient.cert, keyFile: pki.encryptedClient.key, passphrase: pki.clientPassphrase };
    const connection = new WBEMConnection('https://127.0.0.1:5989', { caCerts: pki.ca, x509 });
    expect(connection.tls.x509).toEqual({ certFile: x509.certFile, keyFile: x509.keyFile });
    expect(inspect(connection, { depth: 20, showHidden: true })).not.toContain(pki.clientPassphrase);
    await connection.close();
  });
});
