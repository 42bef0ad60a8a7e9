import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateResponse } from '../../bench/generate-response.js';
import { CIMXMLParseError, XMLParseError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMXMLValueError, CIMXMLVersionError, readResponse, type ResponseMessage } from '../../src/cimxml/index.js';
import type { IReturnItem, OperationResponse } from '../../src/cimxml/reader/message-types.js';
import { collectResponseStream, readResponseStream } from '../../src/cimxml/reader/stream.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const trafficDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');
const liveDir = path.join(trafficDir, 'sfcb-1.3-live');

/** The CIM-XML body of a capture: everything from the XML declaration or CIM start tag on. */
function xmlBody(raw: string): string | null {
  const start = raw.search(/<\?xml|<CIM[\s>]/);
  return start < 0 ? null : raw.slice(start);
}

/** Removes the chunk-size lines that a capture recorded with chunked transfer framing keeps. */
function stripChunkFraming(body: string): string {
  const end = body.lastIndexOf('</CIM>') + '</CIM>'.length;
  return body.slice(0, end).replace(/^[0-9a-fA-F]+\r?\n(?=<)/gm, '');
}

const responseCaptures = [
  ...readdirSync(trafficDir)
    .filter((name) => /\.(xml|OK)$/.test(name) && /rspgood|\.OK$|response|Resp|sblimjava/.test(name))
    .map((name) => path.join(trafficDir, name)),
  ...readdirSync(liveDir)
    .filter((name) => name.endsWith('.response.xml'))
    .map((name) => path.join(liveDir, name)),
]
  .map((file) => ({ name: path.basename(file), body: xmlBody(readFileSync(file, 'utf8')) }))
  .filter((capture): capture is { name: string; body: string } => capture.body !== null)
  .map((capture) => ({ ...capture, body: capture.name.startsWith('50_chunked') ? stripChunkFraming(capture.body) : capture.body }));

/** Deterministic pseudo-random numbers (mulberry32), so that a failing split can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits bytes into chunks of 1 to `maxLength` bytes at pseudo-random boundaries. */
function randomChunks(bytes: Uint8Array, seed: number, maxLength = 200): Uint8Array[] {
  const next = random(seed);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = 1 + Math.floor(next() * maxLength);
    chunks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return chunks;
}

async function* asyncChunks(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/** A JSON form of a message that compares CIM objects by content and errors by class and text. */
function snapshot(message: ResponseMessage): unknown {
  const text = JSON.stringify(message, (_key, value: unknown) => {
    if (typeof value === 'bigint') return `${value}n`;
    if (value instanceof Error) return { error: value.constructor.name, message: value.message };
    return value;
  });
  const plain = JSON.parse(text) as ResponseMessage;
  // The streaming reader reports the envelope's warnings after those of the items.
  plain.warnings.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return plain;
}

async function errorOf(run: () => Promise<unknown> | unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readResponseStream', () => {
  it.each(responseCaptures.map((capture) => [capture.name, capture] as const))('%s matches readResponse', async (_name, capture) => {
    const bytes = Buffer.from(capture.body, 'utf8');
    const expected = await errorOf(() => readResponse(capture.body)).catch(() => null);

    if (expected !== null) {
      const actual = await errorOf(() => collectResponseStream(asyncChunks(randomChunks(bytes, 7))));
      expect(actual.constructor).toBe(expected.constructor);
      expect(actual.message).toBe(expected.message);
      return;
    }
    const streamed = await collectResponseStream(asyncChunks(randomChunks(bytes, 7)));
    expect(snapshot(streamed)).toEqual(snapshot(readResponse(capture.body)));
  });

  it.each([1, 2, 3, 4])('generated response split with seed %i', async (seed) => {
    const bytes = generateResponse(40);
    const streamed = await collectResponseStream(asyncChunks(randomChunks(bytes, seed, 3000)));
    expect(snapshot(streamed)).toEqual(snapshot(readResponse(bytes.toString('utf8'))));
  });

  it('generated response one byte at a time', async () => {
    const bytes = generateResponse(3);
    const streamed = await collectResponseStream(asyncChunks(randomChunks(bytes, 11, 1)));
    expect(snapshot(streamed)).toEqual(snapshot(readResponse(bytes.toString('utf8'))));
  });

  it('yields instances before the body ends', async () => {
    const chunks = randomChunks(generateResponse(20), 5, 4096);
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const chunk of chunks) {
        pulled++;
        yield chunk;
      }
    }

    const stream = readResponseStream(source());
    const first = await stream.next();
    expect(first.value).toBeInstanceOf(CIMInstance);
    expect(pulled).toBeLessThan(chunks.length / 2);
    await stream.return(undefined as never);
  });

  it('returns envelope with output parameters', async () => {
    const body =
      '<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLERSP>' +
      '<IMETHODRESPONSE NAME="OpenEnumerateInstancePaths"><IRETURNVALUE>' +
      '<INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/></LOCALNAMESPACEPATH></NAMESPACEPATH>' +
      '<INSTANCENAME CLASSNAME="C"><KEYBINDING NAME="K"><KEYVALUE>1</KEYVALUE></KEYBINDING></INSTANCENAME></INSTANCEPATH>' +
      '</IRETURNVALUE><PARAMVALUE NAME="EndOfSequence" PARAMTYPE="boolean"><VALUE>FALSE</VALUE></PARAMVALUE>' +
      '<PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string"><VALUE>ctx-9</VALUE></PARAMVALUE>' +
      '</IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>';
    const items: IReturnItem[] = [];
    const stream = readResponseStream(asyncChunks(randomChunks(Buffer.from(body), 3, 50)));
    let next = await stream.next();
    while (next.done !== true) {
      items.push(next.value);
      next = await stream.next();
    }

    const response = next.value.response as OperationResponse;
    expect(items).toHaveLength(1);
    expect(response.intrinsicReturnValue).toEqual({ elementName: 'INSTANCEPATH', items: [] });
    expect(response.outputParameters.map((parameter) => parameter.value)).toEqual([false, 'ctx-9']);
  });
});

describe('readResponseStream early stop', () => {
  it('break releases the chunk source', async () => {
    const chunks = randomChunks(generateResponse(20), 9, 4096);
    let pulled = 0;
    let released = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (const chunk of chunks) {
          pulled++;
          yield chunk;
        }
      } finally {
        released = true;
      }
    }

    let seen = 0;
    for await (const item of readResponseStream(source())) {
      expect(item).toBeInstanceOf(CIMInstance);
      seen++;
      if (seen === 2) break;
    }
    expect(released).toBe(true);
    expect(pulled).toBeLessThan(chunks.length);
  });

  it('error in the source propagates', async () => {
    const chunks = randomChunks(generateResponse(5), 2, 4096);
    async function* source(): AsyncGenerator<Uint8Array> {
      yield chunks[0]!;
      throw new Error('connection reset');
    }
    const error = await errorOf(() => collectResponseStream(source()));
    expect(error.message).toBe('connection reset');
  });
});

const ENVELOPE_START =
  '<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLERSP>' +
  '<IMETHODRESPONSE NAME="EnumerateInstances"><IRETURNVALUE>';
const ENVELOPE_END = '</IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>';

function instanceXml(name: string, count = '1'): string {
  return (
    `<VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME="C"><KEYBINDING NAME="Name"><KEYVALUE>${name}</KEYVALUE></KEYBINDING></INSTANCENAME>` +
    `<INSTANCE CLASSNAME="C"><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY>` +
    `<PROPERTY NAME="Count" TYPE="uint8"><VALUE>${count}</VALUE></PROPERTY></INSTANCE></VALUE.NAMEDINSTANCE>`
  );
}

const ERROR_CASES: ReadonlyArray<readonly [string, string, new (...args: never[]) => Error]> = [
  ['malformed XML after items', ENVELOPE_START + instanceXml('a') + instanceXml('b') + '<VALUE.NAMEDINSTANCE></INSTANCE>', XMLParseError],
  ['unknown element in instance', ENVELOPE_START + instanceXml('a') + instanceXml('b').replace('<PROPERTY ', '<BOGUS/><PROPERTY ') + ENVELOPE_END, CIMXMLParseError],
  ['mixed child names', ENVELOPE_START + instanceXml('a') + '<INSTANCENAME CLASSNAME="C"/>' + ENVELOPE_END, CIMXMLParseError],
  ['unexpected child', ENVELOPE_START + '<KEYVALUE>1</KEYVALUE>' + ENVELOPE_END, CIMXMLParseError],
  ['text in IRETURNVALUE', ENVELOPE_START + instanceXml('a') + 'junk' + instanceXml('b') + ENVELOPE_END, CIMXMLParseError],
  ['unsupported CIMVERSION', ENVELOPE_START.replace('CIMVERSION="2.0"', 'CIMVERSION="3.0"') + instanceXml('a') + ENVELOPE_END, CIMXMLVersionError],
  ['unknown attribute on response', ENVELOPE_START.replace('NAME="EnumerateInstances"', 'NAME="EnumerateInstances" X="1"') + instanceXml('a') + ENVELOPE_END, CIMXMLParseError],
  ['bad element after IRETURNVALUE', ENVELOPE_START + instanceXml('a') + '</IRETURNVALUE><BOGUS/></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>', CIMXMLParseError],
  ['value error with throw', ENVELOPE_START + instanceXml('a') + instanceXml('b', '300') + ENVELOPE_END, CIMXMLValueError],
];

describe('readResponseStream errors', () => {
  it.each(ERROR_CASES)('%s matches readResponse', async (_name, body, kind) => {
    const expected = await errorOf(() => readResponse(body, { valueErrors: 'throw' }));
    const actual = await errorOf(() => collectResponseStream(asyncChunks(randomChunks(Buffer.from(body), 4, 40)), { valueErrors: 'throw' }));

    expect(expected).toBeInstanceOf(kind);
    expect(actual).toBeInstanceOf(kind);
    expect(actual.message).toBe(expected.message);
  });

  it('envelope error comes before any item', async () => {
    const body = ENVELOPE_START.replace('PROTOCOLVERSION="1.0"', 'PROTOCOLVERSION="2.0"') + instanceXml('a') + instanceXml('b') + ENVELOPE_END;
    const stream = readResponseStream([Buffer.from(body)]);
    await expect(stream.next()).rejects.toThrow(CIMXMLVersionError);
  });

  it('value error is collected and item skipped', async () => {
    const body = ENVELOPE_START + instanceXml('a') + instanceXml('b', '300') + instanceXml('c') + ENVELOPE_END;
    const items: IReturnItem[] = [];
    const stream = readResponseStream([Buffer.from(body)]);
    let next = await stream.next();
    while (next.done !== true) {
      items.push(next.value);
      next = await stream.next();
    }

    expect(items.map((item) => (item as CIMInstance).get('Name'))).toEqual(['a', 'c']);
    expect(next.value.valueErrors).toHaveLength(1);
    expect(next.value.valueErrors[0]!.message).toBe(readResponse(body).valueErrors[0]!.message);
  });

  it('warnings reach onWarning in order', async () => {
    const body = ENVELOPE_START + instanceXml('a').replace(/<KEYBINDING.*?<\/KEYBINDING>/, '') + ENVELOPE_END;
    const warnings: string[] = [];
    const message = await collectResponseStream([Buffer.from(body)], { onWarning: (warning) => warnings.push(warning.code) });

    expect(warnings).toEqual(['MISSING_KEYBINDINGS']);
    expect(message.warnings.map((warning) => warning.elementPath)).toEqual(readResponse(body).warnings.map((warning) => warning.elementPath));
  });
});
