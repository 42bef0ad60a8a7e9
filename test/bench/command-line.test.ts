import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import {
  checkReadableFile,
  InputError,
  parsePositiveInteger,
  parsePositiveIntegerList,
  parsePositiveNumber,
} from '../../bench/command-line.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const directory = mkdtempSync(path.join(tmpdir(), 'wbemshell-bench-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('parsePositiveInteger', () => {
  it.each([
    ['1', 1],
    ['3', 3],
    ['0010', 10],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('accepts %s', (text, expected) => {
    expect(parsePositiveInteger('--runs', text, '--runs 3')).toBe(expected);
  });

  it.each([
    [undefined, '--runs needs a value, such as --runs 3'],
    ['0', '--runs "0" is not a positive integer; write decimal digits, such as --runs 3'],
    ['-1', '--runs "-1" is not a positive integer'],
    ['1.5', '--runs "1.5" is not a positive integer'],
    ['1e3', '--runs "1e3" is not a positive integer'],
    ['0x10', '--runs "0x10" is not a positive integer'],
    [' 3', '--runs " 3" is not a positive integer'],
    ['', '--runs "" is not a positive integer'],
    ['9007199254740992', '--runs "9007199254740992" is too large'],
  ])('rejects %j', (text, message) => {
    expect(() => parsePositiveInteger('--runs', text, '--runs 3')).toThrow(InputError);
    expect(() => parsePositiveInteger('--runs', text, '--runs 3')).toThrow(message);
  });
});

describe('parsePositiveIntegerList', () => {
  it.each([
    ['1000', [1000]],
    ['1000,10000,50000', [1000, 10000, 50000]],
  ])('accepts %s', (text, expected) => {
    expect(parsePositiveIntegerList('--sizes', text, '--sizes 1000,10000')).toEqual(expected);
  });

  it.each([
    [undefined, '--sizes needs a value'],
    ['0', '--sizes "0" is not a positive integer; write decimal digits separated by commas, such as --sizes 1000,10000'],
    ['abc', '--sizes "abc" is not a positive integer'],
    ['1e3,0x10', '--sizes "1e3,0x10" contains "1e3", which is not a positive integer'],
    ['1000,0x10', '--sizes "1000,0x10" contains "0x10", which is not a positive integer'],
    ['1000,,2000', '--sizes "1000,,2000" contains "", which is not a positive integer'],
  ])('rejects %j', (text, message) => {
    expect(() => parsePositiveIntegerList('--sizes', text, '--sizes 1000,10000')).toThrow(message);
  });
});

describe('parsePositiveNumber', () => {
  it.each([
    ['64', 64],
    ['0.5', 0.5],
  ])('accepts %s', (text, expected) => {
    expect(parsePositiveNumber('--mb', text, '--mb 64')).toBe(expected);
  });

  it.each([
    [undefined, '--mb needs a value, such as --mb 64'],
    ['0', '--mb "0" is not a positive number; write decimal digits, such as --mb 64'],
    ['0.0', '--mb "0.0" is not a positive number'],
    ['abc', '--mb "abc" is not a positive number'],
    ['1e2', '--mb "1e2" is not a positive number'],
    ['.5', '--mb ".5" is not a positive number'],
  ])('rejects %j', (text, message) => {
    expect(() => parsePositiveNumber('--mb', text, '--mb 64')).toThrow(message);
  });
});

describe('checkReadableFile', () => {
  it('accepts a file', () => {
    const file = path.join(directory, 'response.xml');
    writeFileSync(file, '<CIM/>');
    expect(() => checkReadableFile(file)).not.toThrow();
  });

  it.each([
    ['missing file', path.join(directory, 'missing.xml'), 'no such file'],
    ['directory', directory, 'is a directory'],
  ])('rejects %s', (_name, file, reason) => {
    expect(() => checkReadableFile(file)).toThrow(InputError);
    expect(() => checkReadableFile(file)).toThrow(`cannot read ${file}: ${reason}`);
  });
});

/** Runs a bench script through tsx, as `npx tsx bench/<script>` does. */
function runBenchScript(script: string, args: readonly string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('bench entry points', () => {
  it.each([
    ['run.ts', ['--sizes', '1e3,0x10'], 'error: --sizes "1e3,0x10" contains "1e3", which is not a positive integer'],
    ['run.ts', ['--runs'], 'error: --runs needs a value, such as --runs 3'],
    ['tokenizer.ts', ['--mb', 'abc'], 'error: --mb "abc" is not a positive number'],
    ['parse-worker.ts', ['collect', path.join(directory, 'missing.xml')], `error: cannot read ${path.join(directory, 'missing.xml')}: no such file`],
    ['e2e-server.ts', ['0'], 'error: COUNT "0" is not a positive integer'],
    ['e2e-client.ts', ['not-a-url', 'collect'], 'error: URL "not-a-url" is not an http or https URL'],
    ['mock.ts', ['--bogus'], 'error: unknown argument "--bogus"; use --json or --help'],
    ['shell.ts', ['--bogus'], 'error: unknown argument "--bogus"; use --json or --help'],
  ])('%s %j prints one error line', (script, args, expected) => {
    const result = runBenchScript(script, args);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr.startsWith(expected)).toBe(true);
  });

  it.each(['run.ts', 'tokenizer.ts', 'parse-worker.ts', 'e2e-server.ts', 'e2e-client.ts', 'mock.ts', 'shell.ts'])('%s --help prints usage', (script) => {
    const result = runBenchScript(script, ['--help']);

    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('usage: ')).toBe(true);
    expect(result.stdout).toContain(`bench/${script}`);
    expect(result.stderr).toBe('');
  });
});
