import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WBEMConnection } from '../../../src/client/connection.js';
import { LogOperationRecorder } from '../../../src/client/recorders/log-recorder.js';
import { MemoryRecorder } from '../../../src/client/recorders/memory-recorder.js';
import { TestClientRecorder } from '../../../src/client/recorders/test-client-recorder.js';
import { createTestPKI, type TestPKI } from './certificates.js';
import { NS, startWbemServer } from './servers.js';

const USER = 'operator';
const PASSWORD = 'Pa55-secret-0b7d';
const AUTHORIZATION_VALUE = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

let pki: TestPKI;
let yamlDirectory: string;
beforeAll(() => {
  pki = createTestPKI();
  yamlDirectory = mkdtempSync(path.join(tmpdir(), 'wbem-yaml-'));
});
afterAll(() => {
  pki.remove();
  rmSync(yamlDirectory, { recursive: true, force: true });
});

/** Everything a session with credentials leaves behind, as text. */
async function sessionTraces(): Promise<Record<string, string>> {
  const server = await startWbemServer({ certificate: pki.server, clientCA: pki.ca, auth: { user: USER, password: PASSWORD } });
  const memory = new MemoryRecorder();
  const logLines: string[] = [];
  const log = new LogOperationRecorder({ log: (line) => logLines.push(line) });
  const yamlFile = path.join(yamlDirectory, 'session.yaml');
  const yaml = new TestClientRecorder(yamlFile);
  const x509 = { certFile: pki.encryptedClient.cert, keyFile: pki.encryptedClient.key, passphrase: pki.clientPassphrase };
  const errors: unknown[] = [];

  const connection = new WBEMConnection(server.url, {
    caCerts: pki.ca,
    x509,
    credentials: { user: USER, password: PASSWORD },
    defaultNamespace: NS,
    recorders: [memory, log, yaml],
  });
  await connection.enumerateInstanceNames('TST_Base');
  await connection.getClass('TST_NoSuchClass').catch((error: unknown) => errors.push(error));

  const wrong = new WBEMConnection(server.url, {
    caCerts: pki.ca,
    x509,
    credentials: { user: USER, password: `${PASSWORD}-old` },
    defaultNamespace: NS,
    recorders: [memory, log, yaml],
  });
  await wrong.enumerateInstanceNames('TST_Base').catch((error: unknown) => errors.push(error));

  const unverified = new WBEMConnection(server.url, { x509, credentials: { user: USER, password: PASSWORD }, recorders: [memory, log, yaml] });
  await unverified.enumerateInstanceNames('TST_Base', { namespace: NS }).catch((error: unknown) => errors.push(error));

  const traces = {
    records: inspect(memory.records, { depth: null, showHidden: true }),
    recordsJson: JSON.stringify(memory.records, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)),
    log: logLines.join('\n'),
    yaml: readFileSync(yamlFile, 'utf8'),
    errorMessages: errors.map((error) => (error as Error).message).join('\n'),
    errors: inspect(errors, { depth: null, showHidden: true }),
    connection: inspect(connection, { depth: 20, showHidden: true }),
  };
  await Promise.all([connection.close(), wrong.close(), unverified.close()]);
  await server.close();

  expect(errors).toHaveLength(3);
  expect(memory.records).toHaveLength(4);
  return traces;
}

describe('secrets in session traces', () => {
  let traces: Record<string, string>;
  beforeAll(async () => {
    traces = await sessionTraces();
  });

  it.each(['records', 'recordsJson', 'log', 'yaml', 'errorMessages', 'errors', 'connection'])('%s without password', (name) => {
    expect(traces[name]).not.toContain(PASSWORD);
  });

  it.each(['records', 'recordsJson', 'log', 'yaml', 'errorMessages', 'errors', 'connection'])('%s without Authorization value', (name) => {
    expect(traces[name]).not.toContain(AUTHORIZATION_VALUE);
  });

  it.each(['records', 'recordsJson', 'log', 'yaml', 'errorMessages', 'errors', 'connection'])('%s without key passphrase', (name) => {
    expect(traces[name]).not.toContain(pki.clientPassphrase);
  });

  it('log shows the user and redaction', () => {
    expect(traces['log']).toContain('[redacted]');
    expect(traces['yaml']).toContain(USER);
  });
});
