/**
 * Measures the interactive shell. The first figure is the time from spawning
 * `bin/wbemshell.js --mock` to the first frame with the prompt, on a pseudo-terminal from
 * util-linux `script` with a warm model cache. The second is the Tab completion latency over
 * the DMTF class names, from the Tab key to the rendered list, with the real completion
 * provider and the real Ink components writing to an in-memory terminal.
 *
 *   npx tsx bench/shell.ts [--json]
 *
 * Prints a table, or with `--json` one JSON object (bench/shell-result.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TARGET } from '../src/shell/connection-target.js';
import { Session } from '../src/shell/session.js';
import { parseJsonOption, runCommand } from './command-line.js';
import { FIRST_PROMPT_GOAL_MS, FRAME_GOAL_MS, formatShellText, type ShellResult } from './shell-result.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROMPT = 'root/cimv2> ';
const STARTS = 5;
const COMPLETIONS = 100;
const START_TIMEOUT = 60_000;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

const USAGE = `usage: npx tsx bench/shell.ts [--json]

Measures the time to the first prompt of bin/wbemshell.js --mock (median of ${STARTS} starts)
and the latency of Tab completion over the DMTF class names (${COMPLETIONS} completions).

  --json   print one JSON object instead of a table
  --help   print this usage`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Starts the shell on a pseudo-terminal and returns the milliseconds until the prompt appears. */
function timeFirstPrompt(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const command = 'stty cols 160 rows 50; exec node bin/wbemshell.js --mock';
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    let screen = '';
    let elapsed: number | null = null;
    let leave: NodeJS.Timeout | null = null;

    const timer = setTimeout(() => child.kill(), START_TIMEOUT);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      if (elapsed !== null || !screen.replace(ANSI, '').includes(PROMPT)) return;
      elapsed = performance.now() - start;
      // Ctrl-D on the empty line leaves the shell. The first frame can appear before Ink puts
      // the terminal in raw mode, when Ctrl-D would only end the input, so it is repeated.
      child.stdin.write('\u0004');
      leave = setInterval(() => child.stdin.write('\u0004'), 250);
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (leave !== null) clearInterval(leave);
      if (elapsed === null) reject(new Error(`The shell showed no prompt within ${START_TIMEOUT} ms. Output:\n${screen.slice(-2000)}`));
      else resolve(elapsed);
    });
  });
}

/** In-memory terminal output that reports each frame Ink writes, with the time it arrived. */
class FrameRecorder extends Writable {
  readonly isTTY = true;
  readonly columns = 160;
  readonly rows = 50;
  onFrame: ((text: string, time: number) => void) | null = null;

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const time = performance.now();
    this.onFrame?.(chunk.toString().replace(ANSI, ''), time);
    callback();
  }
}

/** Terminal input that Ink reads keys from. */
class KeyInput extends PassThrough {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** Resolves with the arrival time of the first frame that satisfies `predicate`. */
function nextFrame(output: FrameRecorder, predicate: (text: string) => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No frame showed ${what} within 10 s.`)), 10_000);
    output.onFrame = (text, time) => {
      if (!predicate(text)) return;
      clearTimeout(timer);
      output.onFrame = null;
      resolve(time);
    };
  });
}

/** Returns up to `count` prefixes of class names that each match two or more names, spread over the sorted list. */
function completionPrefixes(names: readonly string[], count: number): string[] {
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  const prefixes = new Set<string>();
  for (let length = 6; length <= 12 && prefixes.size < count; length++) {
    const step = Math.max(1, Math.floor(sorted.length / count));
    for (let index = 0; index < sorted.length && prefixes.size < count; index += step) {
      const prefix = sorted[index]!.slice(0, length);
      const matches = sorted.filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase())).length;
      if (matches >= 2) prefixes.add(prefix);
    }
  }
  return [...prefixes];
}

/** Measures Tab completion latency in milliseconds for each prefix. */
async function timeCompletions(): Promise<{ names: number; latencies: number[] }> {
  // The wbemshell command uses the production builds of React and Ink. They read NODE_ENV
  // when they load, so it is set before the imports.
  process.env['NODE_ENV'] ??= 'production';
  const { render } = await import('ink');
  const { createElement } = await import('react');
  const { ShellRoot } = await import('../src/shell/tui/app.js');

  const session = await Session.open({ target: DEFAULT_TARGET, interactive: true });
  const input = new KeyInput();
  const output = new FrameRecorder();
  const instance = render(createElement(ShellRoot, { session, env: {} }), {
    stdin: input as unknown as NodeJS.ReadStream,
    stdout: output as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });

  try {
    const names = (await session.classes.classNames(session.state.namespace)).names;
    const prefixes = completionPrefixes(names, COMPLETIONS);

    const latencies: number[] = [];
    for (const [index, prefix] of ['CIM_Comp', ...prefixes].entries()) {
      const line = `class get ${prefix}`;
      const typed = nextFrame(output, (text) => text.includes(`${PROMPT}${line}`), `the line ${line}`);
      input.write(line);
      await typed;

      const listed = nextFrame(output, (text) => text.includes('candidates'), `the candidates of ${prefix}`);
      const start = performance.now();
      input.write('\t');
      const end = await listed;
      // The first completion warms up the code paths and is not counted.
      if (index > 0) latencies.push(end - start);

      const cleared = nextFrame(output, (text) => !text.includes('candidates') && text.includes(`${PROMPT} `), 'the cleared line');
      input.write('\u001b');
      await new Promise((resolve) => setImmediate(resolve));
      input.write('\u0015');
      await cleared;
    }
    return { names: names.length, latencies };
  } finally {
    instance.unmount();
    await session.close();
  }
}

/** Returns whether bin/wbemshell.js starts the esbuild bundle, which it does unless a file under src/ is newer. */
function bundleIsCurrent(): boolean {
  const bundle = path.join(REPO_ROOT, 'dist', 'wbemshell.mjs');
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const sources = readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true });
  return sources.every((entry) => !entry.isFile() || statSync(path.join(entry.parentPath, entry.name)).mtimeMs <= built);
}

function hasScript(): boolean {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(argv: string[]): Promise<void> {
  const options = parseJsonOption(argv);

  let starts: number[] | null = null;
  const bundle = bundleIsCurrent();
  if (hasScript()) {
    // One start first so the model cache is warm.
    await timeFirstPrompt();
    starts = [];
    for (let run = 0; run < STARTS; run++) starts.push(await timeFirstPrompt());
  }
  const completion = await timeCompletions();

  const result: ShellResult = {
    firstPrompt:
      starts === null
        ? null
        : {
            runs: starts.length,
            medianMs: Math.round(median(starts)),
            startsMs: starts.map((value) => Math.round(value)),
            goalMs: FIRST_PROMPT_GOAL_MS,
            bundle,
          },
    tabCompletion: {
      classNames: completion.names,
      completions: completion.latencies.length,
      medianMs: Number(median(completion.latencies).toFixed(1)),
      maxMs: Number(Math.max(...completion.latencies).toFixed(1)),
      goalMs: FRAME_GOAL_MS,
    },
  };
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatShellText(result));
}

await runCommand(USAGE, main);
