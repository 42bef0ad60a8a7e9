// Measures the mock server's model loading: compiling the whole DMTF schema and the
// built-in model without a cache (cold), and starting the server from a warm cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_MOF_FILES, loadBuiltinModel } from '../src/mock/builtin/builtin-model.js';
import { loadModel } from '../src/mock/cache/model-cache.js';
import { startMockServer } from '../src/mock/server.js';

function milliseconds(start: bigint): string {
  return (Number(process.hrtime.bigint() - start) / 1e6).toFixed(0);
}

const cacheDirectory = mkdtempSync(path.join(tmpdir(), 'wbemshell-bench-cache-'));
try {
  let start = process.hrtime.bigint();
  const cold = loadModel({ mofFiles: [BUILTIN_MOF_FILES[0]!], cacheDirectory: null });
  const classes = cold.repository.namespace('root/cimv2').classes.size;
  console.log(`mock: compile DMTF CIM Schema 2.49.0 (${classes} classes, ${cold.files.length} files), cold: ${milliseconds(start)} ms`);

  start = process.hrtime.bigint();
  loadBuiltinModel({ cacheDirectory });
  console.log(`mock: compile built-in model and write cache: ${milliseconds(start)} ms`);

  for (let run = 1; run <= 3; run++) {
    start = process.hrtime.bigint();
    const model = loadBuiltinModel({ cacheDirectory });
    const server = await startMockServer({ repository: model.repository });
    console.log(`mock: start server with warm cache (run ${run}, cache ${model.cacheStatus}): ${milliseconds(start)} ms`);
    await server.close();
  }
} finally {
  rmSync(cacheDirectory, { recursive: true, force: true });
}
