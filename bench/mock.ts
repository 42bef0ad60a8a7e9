/**
 * Measures the mock server's model loading: compiling the whole DMTF schema and the
 * built-in model without a cache (cold), and starting the server from a warm cache.
 *
 *   npx tsx bench/mock.ts [--json]
 *
 * Prints one line per measurement, or with `--json` one JSON object (bench/mock-result.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { BUILTIN_MOF_FILES, loadBuiltinModel } from '../src/mock/builtin/builtin-model.js';
import { loadModel } from '../src/mock/cache/model-cache.js';
import { startMockServer } from '../src/mock/server.js';
import { parseJsonOption, runCommand } from './command-line.js';
import { formatMockText, type MockResult } from './mock-result.js';

const USAGE = `usage: npx tsx bench/mock.ts [--json]

Measures compiling the DMTF CIM Schema without a cache and starting the mock server
from a warm cache 3 times.

  --json   print one JSON object instead of text
  --help   print this usage`;

const WARM_STARTS = 3;

/** Whole milliseconds since `start`. */
function milliseconds(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 1e6);
}

async function measureMock(cacheDirectory: string): Promise<MockResult> {
  let start = process.hrtime.bigint();
  const cold = loadModel({ mofFiles: [BUILTIN_MOF_FILES[0]!], cacheDirectory: null });
  const coldCompile = {
    classes: cold.repository.namespace('root/cimv2').classes.size,
    files: cold.files.length,
    ms: milliseconds(start),
  };

  start = process.hrtime.bigint();
  loadBuiltinModel({ cacheDirectory });
  const builtinCompileMs = milliseconds(start);

  const warmStarts: MockResult['warmStarts'] = [];
  for (let run = 1; run <= WARM_STARTS; run++) {
    start = process.hrtime.bigint();
    const model = loadBuiltinModel({ cacheDirectory });
    const server = await startMockServer({ repository: model.repository, host: '127.0.0.1', port: 0 });
    warmStarts.push({ cacheStatus: model.cacheStatus, ms: milliseconds(start) });
    await server.close();
  }
  return { coldCompile, builtinCompileMs, warmStarts };
}

async function main(argv: string[]): Promise<void> {
  const options = parseJsonOption(argv);

  const cacheDirectory = mkdtempSync(path.join(tmpdir(), 'wbemshell-bench-cache-'));
  try {
    const result = await measureMock(cacheDirectory);
    process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatMockText(result));
  } finally {
    rmSync(cacheDirectory, { recursive: true, force: true });
  }
}

await runCommand(USAGE, main);
