/** The figures of bench/mock.ts, and their text form, which bench/run.ts prints too. */
import type { CacheStatus } from '../src/mock/cache/model-cache.js';

/** Version of the DMTF CIM Schema that the built-in model compiles. */
export const SCHEMA_VERSION = '2.49.0';

/** Figures that bench/mock.ts prints with `--json`. Times are in milliseconds. */
export interface MockResult {
  /** Compiling the DMTF CIM Schema without a cache. */
  coldCompile: { classes: number; files: number; ms: number };
  /** Compiling the built-in model and writing its cache. */
  builtinCompileMs: number;
  /** Loading the model from the warm cache and starting the server, one entry per start. */
  warmStarts: { cacheStatus: CacheStatus; ms: number }[];
}

/** Formats `result` as the lines bench/mock.ts prints without `--json`. */
export function formatMockText(result: MockResult): string {
  const { coldCompile } = result;
  const lines = [
    `mock: compile DMTF CIM Schema ${SCHEMA_VERSION} (${coldCompile.classes} classes, ${coldCompile.files} files), cold: ${coldCompile.ms.toFixed(0)} ms`,
    `mock: compile built-in model and write cache: ${result.builtinCompileMs.toFixed(0)} ms`,
  ];
  for (const [index, start] of result.warmStarts.entries()) {
    lines.push(`mock: start server with warm cache (run ${index + 1}, cache ${start.cacheStatus}): ${start.ms.toFixed(0)} ms`);
  }
  return `${lines.join('\n')}\n`;
}
