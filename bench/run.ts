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
 * by wall time. MB/s uses 1 MB = 10^6 bytes. bench/mock.ts and bench/shell.ts run too when
 * they exist, each in its own process, and their output is shown as they print it.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';

import { generateResponseChunks } from './generate-response.js';
import {
  measureEndToEnd,
  measureParse,
  measureXmllint,
  runScriptText,
  scriptExists,
  startServerProcess,
  xmllintVersion,
  type Measurement,
} from './measure.js';
import { printReport, type BenchReport, type SizeReport } from './report.js';

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

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 10000, 50000], runs: 3, json: false, skipTree: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--json') options.json = true;
    else if (argument === '--skip-tree') options.skipTree = true;
    else if (argument === '--sizes') options.sizes = (argv[++index] ?? '').split(',').map(Number);
    else if (argument === '--runs') options.runs = Number(argv[++index]);
    else throw new Error(`unknown argument ${argument}; use --sizes N,N,..., --runs N, --json or --skip-tree`);
  }

  if (options.sizes.length === 0 || options.sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
    throw new Error('--sizes needs a comma-separated list of positive instance counts, such as 1000,10000');
  }
  if (!Number.isSafeInteger(options.runs) || options.runs < 1) throw new Error('--runs needs a positive integer');
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
  return { instances: count, bytes, rows };
}

/** Runs bench/mock.ts and bench/shell.ts where they exist; returns their output by script name. */
async function otherScripts(): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  for (const script of ['mock.ts', 'shell.ts']) {
    if (!scriptExists(script)) continue;
    try {
      outputs[script] = await runScriptText(script, []);
    } catch (error) {
      outputs[script] = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return outputs;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const xmllint = xmllintVersion();
  const directory = mkdtempSync(path.join(tmpdir(), 'wbemshell-bench-'));

  const report: BenchReport = {
    date: new Date().toISOString(),
    command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(' ')}` : 'npm run bench',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      xmllint,
    },
    runs: options.runs,
    sizes: [],
    other: {},
  };

  try {
    for (const count of options.sizes) report.sizes.push(await measureSize(count, directory, options, xmllint !== null));
    report.other = await otherScripts();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  printReport(report, options.json);
}

await main();
