/**
 * Measures XML parsing throughput on a generated EnumerateInstances response.
 *
 *   npx tsx bench/tokenizer.ts [--mb 64] [--runs 3] [--skip-slow]
 *
 * Parsers: our tokenizer with a handler that does nothing, our tree builder streaming each
 * instance, saxes (events only), the libxmljs2 SAX push parser, and xmllint --noout and
 * --stream on the same bytes written to a temporary file. `--skip-slow` leaves out libxmljs2.
 * `--mb` sets the size of the generated response in MB (default 64). Throughput is MB/s with
 * 1 MB = 10^6 bytes, from the median wall-clock time of `--runs` runs (default 3) after a
 * warm-up on a small document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import libxmljs from 'libxmljs2';
import { SaxesParser } from 'saxes';

import { XmlTokenizer, type XmlHandler } from '../src/cimxml/xml/tokenizer.js';
import { XmlTreeBuilder } from '../src/cimxml/xml/tree.js';
import { parsePositiveInteger, parsePositiveNumber, runCommand, unknownArgument } from './command-line.js';
import { generateResponse, instanceCountForSize } from './generate-response.js';

const CHUNK_SIZE = 64 * 1024;
const RETURN_PATH = ['CIM', 'MESSAGE', 'SIMPLERSP', 'IMETHODRESPONSE', 'IRETURNVALUE'];

interface Options {
  megabytes: number;
  runs: number;
  skipSlow: boolean;
}

const USAGE = `usage: npx tsx bench/tokenizer.ts [--mb 64] [--runs 3] [--skip-slow]

Measures XML parsers on a generated EnumerateInstances response held in memory.

  --mb N        size of the response in MB (10^6 bytes), such as 64 or 0.5 (default 64)
  --runs N      runs per parser; each figure is the median by wall time (default 3)
  --skip-slow   leave out the libxmljs2 SAX push parser
  --help        print this usage`;

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { megabytes: 64, runs: 3, skipSlow: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--mb') {
      options.megabytes = parsePositiveNumber('--mb', argv[++index], '--mb 64');
    } else if (argument === '--runs') {
      options.runs = parsePositiveInteger('--runs', argv[++index], '--runs 3');
    } else if (argument === '--skip-slow') {
      options.skipSlow = true;
    } else {
      throw unknownArgument(argument, '--mb N, --runs N, --skip-slow or --help');
    }
  }
  return options;
}

/** Splits the document into the chunk size an HTTP body typically arrives in. */
function chunksOf(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) chunks.push(bytes.subarray(offset, offset + CHUNK_SIZE));
  return chunks;
}

class CountingHandler implements XmlHandler {
  elements = 0;

  startElement(): void {
    this.elements++;
  }

  endElement(): void {}

  text(): void {}
}

function runTokenizer(chunks: readonly Buffer[]): number {
  const handler = new CountingHandler();
  const tokenizer = new XmlTokenizer(handler);
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return handler.elements;
}

function runTreeBuilder(chunks: readonly Buffer[]): number {
  let instances = 0;
  const builder = new XmlTreeBuilder({ streamPath: RETURN_PATH, onElement: () => instances++ });
  const tokenizer = new XmlTokenizer(builder);
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return instances;
}

function runSaxes(chunks: readonly Buffer[]): number {
  let elements = 0;
  const parser = new SaxesParser();
  parser.on('opentag', () => elements++);
  parser.on('text', () => undefined);
  parser.on('closetag', () => undefined);
  parser.on('error', (error) => {
    throw error;
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  return elements;
}

function runLibxmlSax(chunks: readonly Buffer[]): number {
  let elements = 0;
  const parser = new libxmljs.SaxPushParser();
  parser.on('startElementNS', () => elements++);
  parser.on('characters', () => undefined);
  parser.on('error', (error: unknown) => {
    throw error;
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const chunk of chunks) parser.push(decoder.decode(chunk, { stream: true }));
  return elements;
}

let runCount = 3;

function measure(name: string, bytes: number, run: () => number): void {
  const times: number[] = [];
  let count = 0;
  for (let attempt = 0; attempt < runCount; attempt++) {
    const start = performance.now();
    count = run();
    times.push((performance.now() - start) / 1000);
  }

  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)]!;
  const rate = bytes / 1e6 / seconds;
  console.log(`${name.padEnd(34)} ${rate.toFixed(1).padStart(8)} MB/s ${seconds.toFixed(2).padStart(8)} s  (${count} counted)`);
}

function measureXmllint(file: string, bytes: number): void {
  const version = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (version.error !== undefined) {
    console.log('xmllint                             missing; install it with apt-get install -y libxml2-utils');
    return;
  }

  for (const mode of ['--noout', '--stream']) {
    const args = mode === '--stream' ? ['--stream', '--noout', file] : ['--noout', file];
    measure(`xmllint ${args.slice(0, -1).join(' ')}`, bytes, () => {
      const result = spawnSync('xmllint', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`xmllint failed: ${result.stderr}`);
      return 0;
    });
  }
}

function main(argv: string[]): void {
  const options = parseArguments(argv);
  runCount = options.runs;
  const instanceCount = instanceCountForSize(options.megabytes * 1e6);
  const document = generateResponse(instanceCount);
  const chunks = chunksOf(document);
  const directory = mkdtempSync(path.join(tmpdir(), 'xml-bench-'));
  const file = path.join(directory, 'response.xml');
  writeFileSync(file, document);

  console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(
    `EnumerateInstances response: ${instanceCount} instances, ${(document.length / 1e6).toFixed(1)} MB, ` +
      `${CHUNK_SIZE / 1024} KiB chunks, median of ${options.runs} runs\n`,
  );

  const warmUp = chunksOf(generateResponse(200));
  runTokenizer(warmUp);
  runTreeBuilder(warmUp);
  runSaxes(warmUp);

  try {
    measure('wbemshell tokenizer (events only)', document.length, () => runTokenizer(chunks));
    measure('wbemshell tree builder (streaming)', document.length, () => runTreeBuilder(chunks));
    measure('saxes (events only)', document.length, () => runSaxes(chunks));
    if (options.skipSlow) {
      console.log('libxmljs2 SAX push parser           skipped (--skip-slow)');
    } else {
      runLibxmlSax(warmUp);
      measure('libxmljs2 SAX push parser', document.length, () => runLibxmlSax(chunks));
    }
    measureXmllint(file, document.length);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await runCommand(USAGE, main);
