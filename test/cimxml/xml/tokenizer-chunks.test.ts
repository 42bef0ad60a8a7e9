import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { bytesOf, tokenize } from './record-events.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const trafficDir = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');

/** A document that uses every construct the tokenizer handles, with multi-byte characters at several places. */
const ALL_CONSTRUCTS =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n' +
  '<!DOCTYPE CIM [<!ENTITY e "]>"><!-- > --><?p ?>]>\n' +
  '<!-- comment ü -->\n<?target data ?>\r' +
  '<CIM CIMVERSION="2.0" a=\'x&amp;y&#10;z\t\r\n€\'>\r\n' +
  '  <VALUE>a&lt;b&#x1F600;c &#252; é\u{10348}]]&gt;]] ]x</VALUE>\n' +
  '  <VALUE><![CDATA[<INSTANCE/>]]]]><![CDATA[> \r\n ]]></VALUE>' +
  '<Größe  Maß = "1" /><E></E\n>\n' +
  '</CIM>\r\n<!-- end -->\n';

/** Ill-formed documents whose error (message, line and column) must not depend on chunking. */
const ILL_FORMED = [
  '<A>\n  <B x="1" x="2"/>\n</A>',
  '<A>ab\r\ncd]]>ef</A>',
  '<A>\xC3\xA9&#1;</A>',
  '<A>\xED\xA0\x80</A>',
  '<A>\n<!-- a -- b --></A>',
  '<A>&undefined;</A>',
  '<A>\n\n  </B>',
  '<A>x</A>y',
  '<A/><B/>',
  '<A><![CDATA[x]]>',
  '<A x="\n\n<"/>',
  '<\xC3\x83>\n</\xC3>',
  '<AB>\n</A>',
  '<A>&quox;</A>',
];

function splitAt(bytes: Buffer, ...points: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let previous = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(previous, point));
    previous = point;
  }
  chunks.push(bytes.subarray(previous));
  return chunks;
}

function byteByByte(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let index = 0; index < bytes.length; index++) chunks.push(bytes.subarray(index, index + 1));
  return chunks;
}

const DOCUMENTS: [string, Buffer][] = [
  ['all constructs', bytesOf(ALL_CONSTRUCTS)],
  ...[
    'sblimjava-via-gowbem_EmbObjMethodRsp.xml',
    'openpegasus_Associators33000.xml',
    'openpegasus_GoodCIMObjectValueEncoding01.xml',
    'sfcb_ErrorTest11.xml',
    'openpegasus_GetInstance52004rspgood.xml',
  ].map((name): [string, Buffer] => [name, stripHttpHeader(readFileSync(path.join(trafficDir, name)))]),
];

/** Some captures start with the HTTP request or response header; the XML follows the blank line. */
function stripHttpHeader(bytes: Buffer): Buffer {
  const start = bytes.indexOf('<');
  const text = bytes.toString('latin1', 0, start);
  if (!/^(HTTP|M-POST|POST)/.test(text)) return bytes;
  return bytes.subarray(start);
}

describe('tokenizer chunk boundaries', () => {
  it.each(DOCUMENTS)('%s parses whole', (_name, bytes) => {
    const events = tokenize([bytes]);

    expect(Array.isArray(events), String(events)).toBe(true);
    expect(events.length).toBeGreaterThan(4);
  });

  it.each(DOCUMENTS)('%s at every split point', (_name, bytes) => {
    const whole = tokenize([bytes]);
    for (let point = 0; point <= bytes.length; point++) {
      expect(tokenize(splitAt(bytes, point)), `split at ${point}`).toEqual(whole);
    }
  });

  it.each(DOCUMENTS)('%s byte by byte', (_name, bytes) => {
    expect(tokenize(byteByByte(bytes))).toEqual(tokenize([bytes]));
  });

  it('all constructs at every pair of split points', () => {
    const bytes = bytesOf(ALL_CONSTRUCTS);
    const whole = tokenize([bytes]);
    for (let first = 1; first < bytes.length; first += 3) {
      for (let second = first; second <= bytes.length; second += 2) {
        expect(tokenize(splitAt(bytes, first, second)), `split at ${first}, ${second}`).toEqual(whole);
      }
    }
  });

  it('all constructs events', () => {
    expect(tokenize([bytesOf(ALL_CONSTRUCTS)])).toEqual([
      'start CIM [["CIMVERSION","2.0"],["a","x&y\\nz  €"]] 5:1',
      'text \n  ',
      'start VALUE [] 7:3',
      'text a<b😀c ü é\u{10348}]]>]] ]x',
      'end VALUE',
      'text \n  ',
      'start VALUE [] 8:3',
      'text <INSTANCE/>]]> \n ',
      'end VALUE',
      'start Größe [["Maß","1"]] 9:13',
      'end Größe',
      'start E [] 9:33',
      'end E',
      'text \n',
      'end CIM',
    ]);
  });

  it.each(ILL_FORMED)('error is the same at every split of %j', (xml) => {
    const bytes = bytesOf(xml, 'latin1');
    const whole = tokenize([bytes]);

    expect(typeof whole).toBe('string');
    for (let point = 0; point <= bytes.length; point++) {
      expect(tokenize(splitAt(bytes, point)), `split at ${point}`).toBe(whole);
    }
    expect(tokenize(byteByByte(bytes))).toBe(whole);
  });

  it('empty chunks are ignored', () => {
    const bytes = bytesOf('<A>x</A>');
    const empty = new Uint8Array(0);

    expect(tokenize([empty, bytes.subarray(0, 4), empty, bytes.subarray(4), empty])).toEqual(tokenize([bytes]));
  });

  it('plain Uint8Array chunks', () => {
    const bytes = bytesOf('<A b="ü">€</A>');
    const copy = new Uint8Array(bytes);

    expect(tokenize([copy.subarray(0, 7), copy.subarray(7)])).toEqual(tokenize([bytes]));
  });

  it('long text in small chunks', () => {
    const text = 'abc&amp;é'.repeat(20_000);
    const bytes = bytesOf(`<A x="${text}">${text}<![CDATA[${text}]]></A>`);
    const chunks: Buffer[] = [];
    for (let index = 0; index < bytes.length; index += 7) chunks.push(bytes.subarray(index, index + 7));

    expect(tokenize(chunks)).toEqual(tokenize([bytes]));
  });
});
