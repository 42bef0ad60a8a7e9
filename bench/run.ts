/**
 * Measures reading large CIM-XML responses, side by side with xmllint, and end to end
 * against the mock server:
 *
 *   npm run bench -- [--sizes 1000,10000,50000] [--runs 3] [--json] [--skip-tree]
 *
 * For each size it writes a generated EnumerateInstances response (bench/generate-response.ts)
 * to a temporary file. Then it measures each of these in its own child process: collecting all
 * instances, collecting them and reading every property object, streaming them one at a time, reading a whole element tree with readResponse
 * (up to 20,000 instances, and not with --skip-tree), `xmllint --noout` and `xmllint --stream --noout`, then
 * EnumerateInstances (collect) and iterEnumerateInstances (stream) over loopback against
 * the mock server holding the same instances. Each figure is the median of `--runs` runs
 * by wall time. MB/s uses 1 MB = 10^6 bytes. bench/mock.ts and bench/shell.ts run too, each
 * in its own process with `--json`, and their goals are judged with the others.
 *
 * `npm run bench -- --json` prints npm's banner before the JSON document. For output that
 * JSON.parse accepts, run `npm run --silent bench -- --json` or `npx tsx bench/run.ts --json`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';

import { parsePositiveInteger, parsePositiveIntegerList, runCommand, unknownArgument } from './command-line.js';
import { generateResponseChunks } from './generate-response.js';
import {
  measureEndToEnd,
  measureParse,
  measureXmllint,
  runScript,
  startServerProcess,
  xmllintVersion,
  type Measurement,
} from './measure.js';
import type { MockResult } from './mock-result.js';
import { sizeRatios } from './ratios.js';
import { printReport, type BenchReport, type ScriptFailure, type SizeReport } from './report.js';
import type { ShellResult } from './shell-result.js';

/**
 * Largest size whose whole element tree is measured: the tree of 50,000 instances takes
 * several GiB and adds nothing about the streaming reader.
 */
const MAX_TREE_INSTANCES = 20_000;

interface Options {
  sizes: number[];
  runs: number;
  json: boolean;
  skipTree: boolean;
}

const USAGE = `usage: npm run bench -- [--sizes 1000,10000,50000] [--runs 3] [--json] [--skip-tree]
       npx tsx bench/run.ts [options]

Measures reading generated EnumerateInstances responses against xmllint and end to end
against the mock server, then runs bench/mock.ts and bench/shell.ts.

  --sizes N,N,...  response sizes in instances, decimal digits separated by commas
                   (default 1000,10000,50000)
  --runs N         runs per measurement; each figure is the median by wall time (default 3)
  --json           print one JSON document instead of tables; with npm, use
                   npm run --silent bench -- --json so that npm prints no banner
  --skip-tree      leave out the whole-tree reader (readResponse)
  --help           print this usage`;

const ACCEPTED_ARGUMENTS = '--sizes N,N,..., --runs N, --json, --skip-tree or --help';

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 10000, 50000], runs: 3, json: false, skipTree: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--json') options.json = true;
    else if (argument === '--skip-tree') options.skipTree = true;
    else if (argument === '--sizes') options.sizes = parsePositiveIntegerList('--sizes', argv[++index], '--sizes 1000,10000');
    else if (argument === '--runs') options.runs = parsePositiveInteger('--runs', argv[++index], '--runs 3');
    else throw unknownArgument(argument, ACCEPTED_ARGUMENTS);
  }
  return options;
}

/** Writes the generated response for `count` instances to `file`; returns its size in bytes. */
function writeResponse(file: string, count: number): number {
  const descriptor = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of generateResponseChunks(count)) bytes += writeSync(descriptor, chunk);
  } finally {
    closeSync(descriptor);
  }
  return bytes;
}

/** Runs `measure` `runs` times and returns the run with the median wall time. */
async function median(runs: number, measure: () => Promise<Measurement> | Measurement): Promise<Measurement> {
  const results: Measurement[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure());
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor((results.length - 1) / 2)]!;
}

async function measureSize(count: number, directory: string, options: Options, xmllint: boolean): Promise<SizeReport> {
  const file = path.join(directory, `response-${count}.xml`);
  const bytes = writeResponse(file, count);
  const rows: SizeReport['rows'] = {};

  rows.parseCollect = await median(options.runs, () => measureParse('collect', file, bytes));
  rows.parseCollectRead = await median(options.runs, () => measureParse('collect-read', file, bytes));
  rows.parseStream = await median(options.runs, () => measureParse('stream', file, bytes));
  if (!options.skipTree && count <= MAX_TREE_INSTANCES) {
    rows.parseTree = await median(options.runs, () => measureParse('tree', file, bytes));
  }
  if (xmllint) {
    rows.xmllintNoout = await median(options.runs, () => measureXmllint(file, bytes, false));
    rows.xmllintStream = await median(options.runs, () => measureXmllint(file, bytes, true));
  }

  const server = await startServerProcess(count);
  try {
    rows.endToEndCollect = await median(options.runs, () => measureEndToEnd(server.url, 'collect'));
    rows.endToEndStream = await median(options.runs, () => measureEndToEnd(server.url, 'stream'));
  } finally {
    await server.stop();
  }

  rmSync(file, { force: true });
  return { instances: count, bytes, rows, ratios: sizeRatios(rows) };
}

/** Runs a bench script with `--json` and returns its JSON object, or the error that stopped it. */
async function runJsonScript<T>(script: string): Promise<T | ScriptFailure> {
  try {
    return (await runScript(script, ['--json'])) as T;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Returns the command line as the user typed it, through npm or tsx. */
function commandLine(argv: readonly string[]): string {
  const viaNpm = process.env['npm_lifecycle_event'] === 'bench';
  if (argv.length === 0) return viaNpm ? 'npm run bench' : 'npx tsx bench/run.ts';
  return viaNpm ? `npm run bench -- ${argv.join(' ')}` : `npx tsx bench/run.ts ${argv.join(' ')}`;
}

async function main(argv: string[]): Promise<void> {
  const options = parseArguments(argv);
  const xmllint = xmllintVersion();
  const directory = mkdtempSync(path.join(tmpdir(), 'wbemshell-bench-'));

  const report: BenchReport = {
    date: new Date().toISOString(),
    command: commandLine(argv),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      xmllint,
    },
    runs: options.runs,
    sizes: [],
    mock: null,
    shell: null,
  };

  try {
    for (const count of options.sizes) report.sizes.push(await measureSize(count, directory, options, xmllint !== null));
    report.mock = await runJsonScript<MockResult>('mock.ts');
    report.shell = await runJsonScript<ShellResult>('shell.ts');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  printReport(report, options.json);
}

await runCommand(USAGE, main);
