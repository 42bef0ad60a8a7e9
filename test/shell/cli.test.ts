import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { buildRepository, modelsDir, repoRoot, startTestServer, tempConfigDirectory, withoutPort } from './mock-fixture.js';

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/wbemshell.js` with its own settings, cache, home and working folders. */
function wbemshell(args: readonly string[], options: { input?: string; cwd?: string } = {}): Promise<ChildResult> {
  const folder = tempConfigDirectory();
  const env = { ...process.env, HOME: folder, WBEMSHELL_CONFIG_DIR: folder, XDG_CACHE_HOME: folder, COLUMNS: '100' };
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'wbemshell.js'), ...args], { cwd: options.cwd ?? folder, env, stdio: 'pipe' });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: MockServer;
let secured: MockServer;

beforeAll(async () => {
  server = await startTestServer();
  secured = await startMockServer({ repository: buildRepository(), host: '127.0.0.1', port: 0, auth: { user: 'alice', password: 'pa ss' } });
});

afterAll(async () => {
  await server.close();
  await secured.close();
});

describe('wbemshell command', () => {
  it('prints its version', async () => {
    const result = await wbemshell(['--version']);
    expect(result).toEqual({ code: 0, stdout: 'wbemshell 0.1.0\n', stderr: '' });
  });

  it('prints help', async () => {
    const result = await wbemshell(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: wbemshell [URL] [OPTIONS]');
    expect(result.stdout).toContain('--password-stdin');
  });

  it.each([
    [['--password', 'x'], 'Passwords are not accepted as arguments'],
    [['--frob'], 'Unknown option --frob; see wbemshell --help.'],
    [['-o', 'yaml'], 'The value "yaml" of -o is not valid; use one of mof, xml, json, table, tree.'],
    [['--cert', 'c.pem'], '--cert and --key go together; give both files.'],
    [['--timeout', 'never'], 'The value "never" of --timeout is not valid'],
  ])('rejects %j with exit status 2', async (args, message) => {
    const result = await wbemshell(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('runs -c commands', async () => {
    const result = await wbemshell([server.url, '-c', 'class find CIM_Foo_s*; instance get CIM_Foo InstanceID=CIM_Foo2', '-c', 'namespace list']);
    expect(result).toEqual({
      code: 0,
      stdout: 'CIM_Foo_sub\nCIM_Foo_sub2\nCIM_Foo_sub_sub\ninstance of CIM_Foo {\n   InstanceID = "CIM_Foo2";\n   IntegerProp = 2;\n   cimfoo_emb3 = NULL;\n};\nNamespace\n----------\ninterop\nroot/cimv2\n',
      stderr: '',
    });
  });

  it('exits with 1 when a command fails', async () => {
    const result = await wbemshell([server.url, '-c', 'class get CIM_Nope; class find CIM_Foo']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('CIM_Foo\n');
    expect(result.stderr).toBe('Error: CIM_ERR_NOT_FOUND (6): Class CIM_Nope does not exist in namespace "root/cimv2"; look the class name up with "class find PATTERN".\n');
  });

  it('applies --output and --namespace', async () => {
    const result = await wbemshell([server.url, '--namespace', 'interop', '--output', 'json', '-c', 'instance enumerate CIM_Namespace --names-only --pl Name']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
  });

  it('runs a script from standard input', async () => {
    const script = '# list the subclasses\nclass find CIM_Foo_sub*\n\nset output table\ninstance enumerate CIM_Foo_sub_sub --pl IntegerProp\nexit\nclass get CIM_Nope\n';
    const result = await wbemshell([server.url], { input: script });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(withoutPort(result.stdout, server.url)).toBe(
      'CIM_Foo_sub\nCIM_Foo_sub2\nCIM_Foo_sub_sub\noutput = table\nInstanceID        IntegerProp\n----------------  -----------\nCIM_Foo_sub_sub1  8\nCIM_Foo_sub_sub2  9\nCIM_Foo_sub_sub3  10\n',
    );
  });

  it('reads the password from standard input', async () => {
    const good = await wbemshell([secured.url, '--user', 'alice', '--password-stdin', '-c', 'class find CIM_Foo'], { input: 'pa ss\n' });
    expect(good).toEqual({ code: 0, stdout: 'CIM_Foo\n', stderr: '' });

    const bad = await wbemshell([secured.url, '--user', 'alice', '--password-stdin', '-c', 'class find CIM_Foo'], { input: 'wrong\n' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('401');
    expect(bad.stderr).not.toContain('wrong');
  });

  it('asks for --password-stdin when standard input is not a terminal', async () => {
    const result = await wbemshell([secured.url, '--user', 'alice', '-c', 'class find CIM_Foo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give it on the first line of standard input with --password-stdin');
  });

  it('reports rc file problems and still starts', async () => {
    const cwd = tempConfigDirectory();
    writeFileSync(path.join(cwd, '.wbemshellrc'), `server = ${server.url}\noutput = yaml\ncolour = red\n`);
    const result = await wbemshell(['-c', 'class find CIM_Foo'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('CIM_Foo\n');
    expect(result.stderr).toBe(
      `Warning: ${cwd}/.wbemshellrc:2: output: invalid value "yaml": use one of mof, xml, json, table, tree; the default is used.\n` +
        `Warning: ${cwd}/.wbemshellrc:3: colour: unknown key; the keys are server, user, namespace, output, timeout, pull, verify, ca-certs, pane, pane-width, key.ACTION; the line is ignored.\n`,
    );
  });

  it('starts the built-in mock server with MOF files', async () => {
    const result = await wbemshell(['--mock', path.join(modelsDir, 'complex_assoc_model.mof'), '-c', 'instance count TST_*; server info']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('TST_A3     3\nTST_EP     4\n');
    expect(result.stdout).toContain('Brand              wbemshell mock');
  });
});
