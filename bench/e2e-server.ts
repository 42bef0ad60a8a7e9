/**
 * Mock server for the end-to-end measurement, in its own process:
 *
 *   npx tsx bench/e2e-server.ts COUNT
 *
 * Starts the mock server on 127.0.0.1 (a free port) with COUNT generated instances,
 * prints one JSON line `{"url": ...}` when it listens, and stops when its stdin closes.
 */
import { startMockServer } from '../src/mock/server.js';
import { buildBenchRepository } from './bench-model.js';

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('usage: e2e-server.ts COUNT (a positive integer)');

  const repository = await buildBenchRepository(count);
  const server = await startMockServer({ repository, host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

  process.stdin.resume();
  process.stdin.on('end', () => {
    void server.close();
  });
}

await main();
