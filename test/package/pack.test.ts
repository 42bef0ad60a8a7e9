import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the package as `npm pack` does for a release and installs the tarball into an empty
// folder, as a user would.
//
// The pack runs in a copy of the sources, because its prepack script (the build) writes
// dist/, and bin/wbemshell.js prefers dist/ to the sources, so a dist/ left in the checkout
// would make the command run stale code.
//
// The install runs with --offline: every dependency comes from the npm cache that the
// project's own `npm ci` filled, so the test needs no network. It also runs with
// --ignore-scripts, because the install script of libxmljs2 compiles libxml2 from source,
// which takes over a minute on a two-core machine. The test copies the native module that
// the project's own install compiled instead; it is the same libxmljs2 version for the same
// Node.js.

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

const SOURCE_ENTRIES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts', 'bin', 'models', 'README.md', 'LICENSE', 'NOTICE', 'CHANGELOG.md'];
const NATIVE_MODULE = path.join('node_modules', 'libxmljs2', 'build', 'Release', 'xmljs.node');

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let workDirectory = '';
let installDirectory = '';
let packedFiles: string[] = [];

/** Runs a command with the environment of a user's shell: without the npm_* variables of an enclosing `npm test`. */
async function run(command: string, args: string[], cwd: string): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  const { stdout } = await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

function copySources(target: string): void {
  mkdirSync(target);
  for (const entry of SOURCE_ENTRIES) {
    cpSync(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(target, 'node_modules'), 'dir');
}

beforeAll(async () => {
  workDirectory = mkdtempSync(path.join(tmpdir(), 'wbemshell-pack-'));
  const sourceDirectory = path.join(workDirectory, 'source');
  installDirectory = path.join(workDirectory, 'install');
  copySources(sourceDirectory);

  const packOutput = await run('npm', ['pack', '--json', '--pack-destination', workDirectory], sourceDirectory);
  const [packed] = JSON.parse(packOutput) as PackResult[];
  if (packed === undefined) throw new Error(`npm pack printed no package: ${packOutput}`);
  packedFiles = packed.files.map((file) => file.path);

  mkdirSync(installDirectory);
  const tarball = path.join(workDirectory, packed.filename);
  await run('npm', ['install', '--prefix', installDirectory, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], workDirectory);

  const nativeTarget = path.join(installDirectory, NATIVE_MODULE);
  mkdirSync(path.dirname(nativeTarget), { recursive: true });
  cpSync(path.join(repoRoot, NATIVE_MODULE), nativeTarget);
}, 180_000);

afterAll(() => {
  if (workDirectory !== '') rmSync(workDirectory, { recursive: true, force: true });
});

describe('npm package', () => {
  it.each([
    'dist/index.js',
    'dist/index.d.ts',
    'dist/shell/main.js',
    'dist/wbemshell.mjs',
    'bin/wbemshell.js',
    'models/dmtf-cim-schema-2.49.0/cim_schema_2.49.0.mof',
    'models/dmtf-cim-schema-2.49.0/README.md',
    'models/dtd/DSP0203_2.4.0.dtd',
    'models/dtd/README.md',
    'models/wbemshell/wbemshell.mof',
    'models/wbemshell/README.md',
    'README.md',
    'LICENSE',
    'NOTICE',
    'CHANGELOG.md',
    'package.json',
  ])('tarball contains %s', (file) => {
    expect(packedFiles).toContain(file);
  });

  it.each([
    ['sources', /^src\//],
    ['tests', /^test\//],
    ['source maps', /\.map$/],
    ['benchmarks', /^bench\//],
    ['scripts', /^scripts\//],
    ['tarballs', /\.tgz$/],
  ])('tarball leaves out %s', (_kind, pattern) => {
    expect(packedFiles.filter((file) => pattern.test(file))).toEqual([]);
  });

  it('ESM import gives WBEMConnection', async () => {
    const script = "import('wbemshell').then((m) => console.log(typeof m.WBEMConnection, typeof m.CIMInstanceName))";
    const output = await run(process.execPath, ['-e', script], installDirectory);
    expect(output.trim()).toBe('function function');
  });

  it('installed types file exists', () => {
    const typesFile = path.join(installDirectory, 'node_modules', packageJson.name, 'dist', 'index.d.ts');
    expect(existsSync(typesFile)).toBe(true);
    expect(readFileSync(typesFile, 'utf8')).toContain('WBEMConnection');
  });

  it('bin prints version', async () => {
    const output = await run(path.join(installDirectory, 'node_modules', '.bin', 'wbemshell'), ['--version'], installDirectory);
    expect(output).toContain(packageJson.version);
  });
});
