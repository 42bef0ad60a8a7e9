import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import { parseXml } from '../../../src/cimxml/xml/tree.js';
import { catchError } from './record-events.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const hardCases = readFileSync(path.resolve(repoRoot, '..', 'shared', 'reference', 'hard-cases.md'), 'utf8');

/** Text of the hard case with the given id, up to the next case. */
function section(id: string): string {
  const start = hardCases.indexOf(`### ${id} `);
  const end = hardCases.indexOf('\n### ', start + 1);
  return hardCases.slice(start, end < 0 ? undefined : end);
}

/** Turns `\xNN` escapes of a minimal input into raw bytes; other characters are ASCII. */
function escapedBytes(text: string): Buffer {
  return Buffer.from(text.replace(/\\x([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
}

/** Wraps a VALUE fragment into an otherwise valid response, as the surrogate hard case describes its inputs. */
function response(value: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      '<?xml version="1.0" encoding="utf-8"?>\n<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0">' +
        '<SIMPLERSP><IMETHODRESPONSE NAME="GetInstance"><IRETURNVALUE><INSTANCE CLASSNAME="C">' +
        '<PROPERTY NAME="P" TYPE="string">',
    ),
    value,
    Buffer.from('</PROPERTY></INSTANCE></IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>'),
  ]);
}

function findValue(element: ReturnType<typeof parseXml>): string | undefined {
  if (element.name === 'VALUE') return element.text;
  for (const child of element.children) {
    const found = findValue(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Surrogate hard-case inputs: `case a (...): <VALUE>...</VALUE>` lines of the minimal input block. */
const surrogateInputs = [...section('BR-01').matchAll(/^\s*((?:case \w|control)[^:]*):\s*(<VALUE>.*<\/VALUE>)\s*$/gm)].map(
  (match): [string, Buffer] => [match[1]!.trim(), escapedBytes(match[2]!)],
);

describe('surrogates in UTF-8 responses', () => {
  it('inputs found', () => {
    expect(surrogateInputs.map(([name]) => name)).toEqual([
      'case a (lone high surrogate)',
      'case b (U+1F600 as CESU-8)',
      'case c (char ref)',
      'control (correct UTF-8 U+1F600)',
    ]);
  });

  it.each(surrogateInputs.filter(([name]) => name.startsWith('case')))('rejects %s', (_name, value) => {
    const error = catchError(() => parseXml(response(value)));

    expect(error).toBeInstanceOf(XMLParseError);
    expect(error.message).toMatch(/surrogate U\+D8|refers to U\+D800/);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/byte offset \d+/);
  });

  it('accepts control', () => {
    const control = surrogateInputs.find(([name]) => name.startsWith('control'))![1];
    const text = findValue(parseXml(response(control)));

    expect(text).toBe('😀');
    expect(text).toHaveLength(2);
  });
});

describe('ill-formed server XML', () => {
  // The block sits in a list item, so each of its lines is indented by two spaces.
  const minimal = /```xml\n([\s\S]*?)\n *```/.exec(section('BR-02'))![1]!.replace(/^ {2}/gm, '');

  it('rejects unescaped markup in ERROR DESCRIPTION', () => {
    const error = catchError(() => parseXml(minimal));

    expect(error).toBeInstanceOf(XMLParseError);
    // The quote before `a<b` ends the DESCRIPTION value, so `a<b"` reads as the next attribute.
    expect(error.message).toMatch(/missing white space before attribute in the tag <ERROR>/);
    expect(error.line).toBe(4);
    expect(error.column).toBe(55);
  });

  it('rejects lt in attribute value', () => {
    const xml = minimal.replace('"a<b" & more', 'a<b');

    expect(() => parseXml(xml)).toThrow(/'<' is not allowed in the value of attribute DESCRIPTION/);
  });

  it('rejects bare ampersand in attribute value', () => {
    const xml = minimal.replace('"a<b" & more', 'a & more');

    expect(() => parseXml(xml)).toThrow(/'&' does not start a reference/);
  });

  it.each([
    ['char ref', '<VALUE>SPARE&#1;</VALUE>', /'&#1;' refers to U\+0001/],
    ['raw byte', '<VALUE>SPARE\x01</VALUE>', /character U\+0001 is not allowed/],
  ])('rejects control %s', (_name, value, message) => {
    expect(() => parseXml(response(Buffer.from(value, 'latin1')))).toThrow(message);
  });

  it('repaired input parses', () => {
    const repaired = minimal.replace('"a<b" & more', '&quot;a&lt;b&quot; &amp; more');

    expect(parseXml(repaired).name).toBe('CIM');
  });
});
