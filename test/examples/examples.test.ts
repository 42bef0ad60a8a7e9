import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { createTestPKI, pem, type TestPKI } from '../client/tls/certificates.js';
import { typeCheckFiles } from '../docs/markdown-samples.js';

// Runs each script of examples/ with tsx, as its usage line shows, against the mock server
// with its built-in model.

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const SYSTEM_PATH =
  '/root/cimv2:WBEMShell_ComputerSystem.CreationClassName="WBEMShell_ComputerSystem",Name="wbemshell-demo.example.org"';

interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

let pki: TestPKI;
let httpServer: MockServer;
let httpsServer: MockServer;
let workDirectory: string;

async function runExample(script: string, args: string[]): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync(tsx, [path.join('examples', script), ...args], { cwd: repoRoot });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failure.code !== 'number') throw error;
    return { exitCode: failure.code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

beforeAll(async () => {
  pki = createTestPKI();
  workDirectory = mkdtempSync(path.join(tmpdir(), 'wbemshell-examples-'));
  httpServer = await startMockServer({});
  httpsServer = await startMockServer({
    repository: httpServer.repository,
    tls: { cert: pem(pki.server.cert), key: pem(pki.server.key), ca: pem(pki.ca), requestCert: true },
  });
});

afterAll(async () => {
  await httpsServer?.close();
  await httpServer?.close();
  pki?.remove();
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe('examples', () => {
  it('examples type-check', () => {
    const files = readdirSync(path.join(repoRoot, 'examples'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(repoRoot, 'examples', name));

    expect(files.length).toBeGreaterThan(0);
    expect(typeCheckFiles(files, repoRoot)).toEqual([]);
  }, 120_000);

  it('enumerate lists processes', async () => {
    const result = await runExample('enumerate.ts', [httpServer.url, 'WBEMShell_Process']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('WBEMShell_Process.CSCreationClassName="WBEMShell_ComputerSystem"');
    expect(result.stdout).toMatch(/^\d+ instances of WBEMShell_Process$/m);
  });

  it('enumerate reports CIMError', async () => {
    const result = await runExample('enumerate.ts', [httpServer.url, 'WBEMShell_NoSuchClass']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^CIM_ERR_INVALID_CLASS: /);
  });

  it('modify-instance changes property', async () => {
    const result = await runExample('modify-instance.ts', [httpServer.url, SYSTEM_PATH, 'PrimaryOwnerContact', 'noc@example.org']);

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('PrimaryOwnerContact was ops@example.org\nPrimaryOwnerContact is noc@example.org\n');
  });

  it('modify-instance converts integer', async () => {
    const result = await runExample('modify-instance.ts', [httpServer.url, SYSTEM_PATH, 'HealthState', '10']);

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('HealthState was 5\nHealthState is 10\n');
  });

  it('invoke-method creates process', async () => {
    const result = await runExample('invoke-method.ts', [httpServer.url, 'WBEMShell_Process', 'Create', 'CommandLine=/usr/bin/top -b']);

    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ReturnValue = 0$/m);
    expect(result.stdout).toMatch(/^Process = .*WBEMShell_Process\..*Handle="\d+"/m);
  });

  it('record-yaml writes test case', async () => {
    const file = path.join(workDirectory, 'cases.yaml');
    const result = await runExample('record-yaml.ts', [httpServer.url, 'WBEMShell_ComputerSystem', file]);

    expect(result.stdout).toBe(`Recorded EnumerateInstanceNames (1 paths) in ${file}\n`);
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/^- name: EnumerateInstanceNames1$/m);
    expect(yaml).toContain('pywbem_method: EnumerateInstanceNames');
  });

  it('https-client-certificate connects', async () => {
    const args = [httpsServer.url, pki.ca, pki.client.cert, pki.client.key, 'WBEMShell_ComputerSystem'];
    const result = await runExample('https-client-certificate.ts', args);

    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\/root\/cimv2:WBEMShell_ComputerSystem\..*Name="wbemshell-demo\.example\.org"/m);
  });

  it('https-client-certificate reports untrusted CA', async () => {
    const args = [httpsServer.url, pki.otherCA, pki.client.cert, pki.client.key];
    const result = await runExample('https-client-certificate.ts', args);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^The server certificate failed the check /);
  });
});
