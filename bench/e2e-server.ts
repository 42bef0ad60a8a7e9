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
import { InputError, parsePositiveInteger, runCommand } from './command-line.js';

const USAGE = `usage: npx tsx bench/e2e-server.ts COUNT

Starts the mock server on 127.0.0.1 with COUNT generated instances (a positive integer),
prints one JSON line {"url": ...} when it listens, and stops when its stdin closes.`;

async function main(argv: string[]): Promise<void> {
  const [countText, ...rest] = argv;
  if (countText === undefined) throw new InputError('e2e-server.ts needs COUNT, the number of instances, such as 1000');
  if (rest.length > 0) throw new InputError(`unexpected argument ${JSON.stringify(rest[0])}; give only COUNT`);
  const count = parsePositiveInteger('COUNT', countText, 'e2e-server.ts 1000');

  const repository = await buildBenchRepository(count);
  const server = await startMockServer({ repository, host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

  process.stdin.resume();
  process.stdin.on('end', () => {
    void server.close();
  });
}

await runCommand(USAGE, main);
