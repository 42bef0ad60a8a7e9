import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinModel } from '../../src/mock/builtin/builtin-model.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { testCacheDirectory } from './server-helpers.js';

const run = promisify(execFile);
let server: MockServer;
let base: string;

/** Runs wbemcli; fails with an install hint when it is missing. */
async function wbemcli(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('wbemcli', args, { timeout: 20_000 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('wbemcli is not installed; install the Debian package sblim-wbemcli (apt-get install sblim-wbemcli).');
    }
    throw error;
  }
}

const SYSTEM = 'WBEMShell_ComputerSystem.CreationClassName="WBEMShell_ComputerSystem",Name="wbemshell-demo.example.org"';
const PORT = 'WBEMShell_NetworkPort.SystemCreationClassName="WBEMShell_ComputerSystem",SystemName="wbemshell-demo.example.org",CreationClassName="WBEMShell_NetworkPort",DeviceID="eth1"';

beforeAll(async () => {
  const model = loadBuiltinModel({ cacheDirectory: testCacheDirectory });
  server = await startMockServer({ repository: model.repository });
  base = `http://127.0.0.1:${server.port}/root/cimv2`;
});

afterAll(async () => {
  await server.close();
});

describe('wbemcli against the mock server', () => {
  it('ecn lists subclasses', async () => {
    const output = await wbemcli('ecn', '-nl', `${base}:CIM_Process`);
    expect(output).toContain(`127.0.0.1:${server.port}/root/cimv2:WBEMShell_Process`);
  });

  it('gc shows a class', async () => {
    const output = await wbemcli('gc', `${base}:WBEMShell_Process`);
    expect(output).toMatch(/CommandLine=/);
    expect(output).toMatch(/Handle=/);
  });

  it('ei lists instances', async () => {
    const output = await wbemcli('ei', `${base}:WBEMShell_FileSystem`);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(output).toContain('Root="/srv/backup"');
  });

  it('gi gets an instance', async () => {
    const output = await wbemcli('gi', `${base}:${SYSTEM}`);
    expect(output).toContain('ElementName="wbemshell-demo"');
  });

  it('ain lists associated names', async () => {
    const output = await wbemcli('ain', '-ac', 'CIM_SystemDevice', `${base}:${SYSTEM}`);
    expect(output.trim().split('\n')).toHaveLength(8);
    expect(output).toContain('DeviceID="/dev/sdb"');
  });

  it('rin lists reference names', async () => {
    const output = await wbemcli('rin', '-arc', 'CIM_InstalledSoftwareIdentity', `${base}:${SYSTEM}`);
    expect(output.trim().split('\n')).toHaveLength(6);
    expect(output).toContain('WBEMShell_InstalledSoftwareIdentity');
  });

  it('cm changes port state', async () => {
    const output = await wbemcli('cm', `${base}:${PORT}`, 'RequestStateChange.RequestedState=3');
    expect(output).toMatch(/RequestStateChange: 0/);
    const after = await wbemcli('gi', `${base}:${PORT}`);
    expect(after).toMatch(/EnabledState=3\b/);
  });
});
