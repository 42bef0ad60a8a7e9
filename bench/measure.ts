/**
 * Runs each measurement of bench/run.ts in a child process and reads back its result, so
 * that every peak RSS figure belongs to one measurement alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
/** Runs TypeScript children with the same Node binary through tsx's loader. */
const NODE_ARGS = ['--import', 'tsx'];
const TIME_BINARY = '/usr/bin/time';

/** Result of one measurement; `maxRssBytes` is null where the platform cannot report it. */
export interface Measurement {
  seconds: number;
  cpuSeconds: number | null;
  items: number;
  maxRssBytes: number | null;
  /** Bytes parsed or received. */
  bytes: number;
}

/** Runs a bench script with tsx and returns the JSON object of the last line it prints. */
export async function runScript(script: string, args: readonly string[]): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(BENCH_DIR, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { stdout, stderr, code } = await finished(child);
  if (code !== 0) throw new Error(`bench/${script} ${args.join(' ')} failed with exit code ${code}: ${stderr.trim()}`);

  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

/** Measures the parse of `file` in mode `collect`, `stream` or `tree` (see bench/parse-worker.ts). */
export async function measureParse(mode: string, file: string, bytes: number): Promise<Measurement> {
  const result = await runScript('parse-worker.ts', [mode, file]);
  return { ...(result as unknown as Omit<Measurement, 'bytes'>), bytes };
}

/** Returns the xmllint version line, or null when xmllint is not installed. */
export function xmllintVersion(): string | null {
  const result = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (result.error !== undefined) return null;
  return (result.stderr || result.stdout).split('\n')[0]!.trim();
}

/**
 * Runs `xmllint --noout` (or with `--stream`) on `file`. With GNU time installed, the CPU
 * time and peak RSS come from it; otherwise only the wall time is measured.
 */
export function measureXmllint(file: string, bytes: number, stream: boolean): Measurement {
  const xmllintArgs = stream ? ['--stream', '--noout', file] : ['--noout', file];
  const useTime = existsSync(TIME_BINARY);
  const command = useTime ? TIME_BINARY : 'xmllint';
  const args = useTime ? ['-f', '%U %S %M', 'xmllint', ...xmllintArgs] : xmllintArgs;

  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`xmllint ${xmllintArgs.join(' ')} failed: ${result.stderr}`);
  if (!useTime) return { seconds, cpuSeconds: null, items: 0, maxRssBytes: null, bytes };

  const lines = result.stderr.trim().split('\n');
  const [user, system, maxRssKilobytes] = lines[lines.length - 1]!.split(' ').map(Number);
  return { seconds, cpuSeconds: user! + system!, items: 0, maxRssBytes: maxRssKilobytes! * 1024, bytes };
}

/** A mock server running in a child process (bench/e2e-server.ts). */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the mock server with `count` generated instances and waits until it listens. */
export async function startServerProcess(count: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(BENCH_DIR, 'e2e-server.ts'), String(count)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench/e2e-server.ts exited with code ${code}: ${stderr.trim()}`)));
  });

  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    },
  };
}

/** Measures one enumeration against `url` in mode `collect` or `stream` (see bench/e2e-client.ts). */
export async function measureEndToEnd(url: string, mode: string): Promise<Measurement> {
  return (await runScript('e2e-client.ts', [url, mode])) as unknown as Measurement;
}

function finished(child: ChildProcess): Promise<{ stdout: string; stderr: string; code: number | null }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout, stderr, code }));
  });
}
