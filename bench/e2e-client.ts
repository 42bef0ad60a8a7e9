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
import { BENCH_CLASS, BENCH_NAMESPACE } from './bench-model.js';

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
  throw new Error(`unknown mode ${mode}; use collect or stream`);
}

function responseBytes(connection: WBEMConnection): number {
  let bytes = 0;
  for (const statistic of connection.statistics.snapshot()) bytes += statistic.responseBytes.avg * statistic.count;
  return Math.round(bytes);
}

async function main(): Promise<void> {
  const [url, mode] = process.argv.slice(2);
  if (url === undefined || mode === undefined) throw new Error('usage: e2e-client.ts URL collect|stream');

  const connection = new WBEMConnection(url, { defaultNamespace: BENCH_NAMESPACE, statistics: true, timeout: 30 * 60 * 1000 });
  try {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const items = await enumerate(connection, mode);
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

await main();
