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

import { ParseError } from '../src/cim/errors.js';
import { CIMInstance } from '../src/cim/instance.js';
import { readResponse } from '../src/cimxml/reader/read.js';
import { collectResponseStream, readResponseStream } from '../src/cimxml/reader/stream.js';
import type { OperationResponse } from '../src/cimxml/reader/message-types.js';
import { parseXml } from '../src/cimxml/xml/tree.js';
import { checkReadableFile, InputError, runCommand } from './command-line.js';

const CHUNK_BYTES = 64 * 1024;
const MODES = ['collect', 'collect-read', 'stream', 'tree'];

const USAGE = `usage: npx tsx bench/parse-worker.ts collect|collect-read|stream|tree FILE

Reads the CIM-XML response in FILE in one of these modes and prints one JSON line with
wall and CPU seconds, the number of instances and the peak RSS in bytes.

  collect        keep every instance (collectResponseStream)
  collect-read   the same, then read every property object
  stream         convert and drop one instance at a time (readResponseStream)
  tree           build the whole element tree and read it with readResponse`;

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
  throw new Error(`unknown mode ${mode}`);
}

/** Checks the arguments and the file before anything is measured. */
function parseArguments(argv: readonly string[]): { mode: string; file: string } {
  const [mode, file, ...rest] = argv;
  if (mode === undefined || file === undefined) throw new InputError('parse-worker.ts needs a mode and a FILE; run it with --help for the usage');
  if (!MODES.includes(mode)) throw new InputError(`unknown mode ${JSON.stringify(mode)}; use collect, collect-read, stream or tree`);
  if (rest.length > 0) throw new InputError(`unexpected argument ${JSON.stringify(rest[0])}; give one mode and one FILE`);

  checkReadableFile(file);
  return { mode, file };
}

/** Parses `file`, reporting a file that is not a well-formed CIM-XML response as an input error. */
async function parseInput(mode: string, file: string): Promise<number> {
  try {
    return await parse(mode, file);
  } catch (error) {
    if (error instanceof ParseError) throw new InputError(`cannot parse ${file}: ${error.message}`, { cause: error });
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const { mode, file } = parseArguments(argv);

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const items = await parseInput(mode, file);
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

await runCommand(USAGE, main);
