/**
 * One parse measurement in its own process, so that its peak RSS is its own:
 *
 *   npx tsx bench/parse-worker.ts collect|collect-read|stream|tree FILE
 *
 * `collect` keeps every instance (collectResponseStream); `collect-read` does the same and
 * then reads every property object of every instance. `stream` converts and drops one
 * instance at a time (readResponseStream), `tree` builds the whole element tree and reads
 * it with readResponse. The file is read in 64 KiB chunks. Prints one JSON line with
 * wall and CPU seconds, the number of instances and the peak RSS in bytes.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { CIMInstance } from '../src/cim/instance.js';
import { readResponse } from '../src/cimxml/reader/read.js';
import { collectResponseStream, readResponseStream } from '../src/cimxml/reader/stream.js';
import type { OperationResponse } from '../src/cimxml/reader/message-types.js';
import { parseXml } from '../src/cimxml/xml/tree.js';

const CHUNK_BYTES = 64 * 1024;

export interface WorkerResult {
  seconds: number;
  cpuSeconds: number;
  items: number;
  maxRssBytes: number;
}

function itemCount(response: unknown): number {
  return (response as OperationResponse).intrinsicReturnValue?.items.length ?? 0;
}

/**
 * Reads the property objects of every collected instance and of the instances embedded in
 * them, as a caller that displays each instance would. The reader creates them on first access.
 */
function readEveryProperty(response: unknown): number {
  let properties = 0;
  const visit = (instance: CIMInstance): void => {
    for (const property of instance.properties.values()) {
      properties++;
      if (property.value instanceof CIMInstance) visit(property.value);
    }
  };
  for (const item of (response as OperationResponse).intrinsicReturnValue?.items ?? []) {
    if (item instanceof CIMInstance) visit(item);
  }
  return properties;
}

async function parse(mode: string, file: string): Promise<number> {
  if (mode === 'collect') {
    const message = await collectResponseStream(createReadStream(file, { highWaterMark: CHUNK_BYTES }));
    return itemCount(message.response);
  }
  if (mode === 'collect-read') {
    const message = await collectResponseStream(createReadStream(file, { highWaterMark: CHUNK_BYTES }));
    readEveryProperty(message.response);
    return itemCount(message.response);
  }
  if (mode === 'stream') {
    let items = 0;
    for await (const item of readResponseStream(createReadStream(file, { highWaterMark: CHUNK_BYTES }))) {
      void item;
      items++;
    }
    return items;
  }
  if (mode === 'tree') {
    return itemCount(readResponse(parseXml(readFileSync(file))).response);
  }
  throw new Error(`unknown mode ${mode}; use collect, collect-read, stream or tree`);
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === undefined || file === undefined) throw new Error('usage: parse-worker.ts collect|collect-read|stream|tree FILE');

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const items = await parse(mode, file);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);

  const result: WorkerResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    items,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
