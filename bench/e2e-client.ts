/**
 * One end-to-end enumeration against a running mock server, in its own process:
 *
 *   npx tsx bench/e2e-client.ts URL collect|stream
 *
 * `collect` runs EnumerateInstances and keeps the result; `stream` iterates with
 * iterEnumerateInstances (pull operations, 1000 instances per response) and drops each
 * instance. Prints one JSON line like bench/parse-worker.ts, plus the response bytes.
 */
import { performance } from 'node:perf_hooks';

import { WBEMConnection } from '../src/client/connection.js';
import { ConnectionError } from '../src/client/errors.js';
import { BENCH_CLASS, BENCH_NAMESPACE } from './bench-model.js';
import { InputError, runCommand } from './command-line.js';

const USAGE = `usage: npx tsx bench/e2e-client.ts URL collect|stream

Enumerates the generated instances of the mock server at URL, as started by
bench/e2e-server.ts, and prints one JSON line with the figures.

  collect   EnumerateInstances, keeping the result
  stream    iterEnumerateInstances, dropping each instance`;

async function enumerate(connection: WBEMConnection, mode: string): Promise<number> {
  if (mode === 'collect') return (await connection.enumerateInstances(BENCH_CLASS)).length;
  if (mode === 'stream') {
    let items = 0;
    for await (const instance of connection.iterEnumerateInstances(BENCH_CLASS)) {
      void instance;
      items++;
    }
    return items;
  }
  throw new Error(`unknown mode ${mode}`);
}

/** Checks that the URL is an http or https URL and the mode is known. */
function parseArguments(argv: readonly string[]): { url: string; mode: string } {
  const [url, mode, ...rest] = argv;
  if (url === undefined || mode === undefined) throw new InputError('e2e-client.ts needs a URL and a mode; run it with --help for the usage');
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
    throw new InputError(`URL ${JSON.stringify(url)} is not an http or https URL; use the URL that bench/e2e-server.ts prints, such as http://127.0.0.1:5988`);
  }
  if (mode !== 'collect' && mode !== 'stream') throw new InputError(`unknown mode ${JSON.stringify(mode)}; use collect or stream`);
  if (rest.length > 0) throw new InputError(`unexpected argument ${JSON.stringify(rest[0])}; give one URL and one mode`);
  return { url, mode };
}

/** Enumerates, reporting a server that cannot be reached as an input error. */
async function enumerateInput(connection: WBEMConnection, mode: string): Promise<number> {
  try {
    return await enumerate(connection, mode);
  } catch (error) {
    if (error instanceof ConnectionError) throw new InputError(error.message, { cause: error });
    throw error;
  }
}

function responseBytes(connection: WBEMConnection): number {
  let bytes = 0;
  for (const statistic of connection.statistics.snapshot()) bytes += statistic.responseBytes.avg * statistic.count;
  return Math.round(bytes);
}

async function main(argv: string[]): Promise<void> {
  const { url, mode } = parseArguments(argv);

  const connection = new WBEMConnection(url, { defaultNamespace: BENCH_NAMESPACE, statistics: true, timeout: 30 * 60 * 1000 });
  try {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const items = await enumerateInput(connection, mode);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);

    const result = {
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      items,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      bytes: responseBytes(connection),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await connection.close();
  }
}

await runCommand(USAGE, main);
