import { describe, expect, it } from 'vitest';
import { CIMInstance } from '../../../src/cim/instance.js';
import { CIMInstanceName } from '../../../src/cim/instance-name.js';
import { CIMProperty } from '../../../src/cim/property.js';
import { Uint32 } from '../../../src/cim/typed-value.js';
import {
  ByteSink,
  intrinsicResponse,
  intrinsicResponseBytes,
  TextSink,
  type XmlSink,
} from '../../../src/cimxml/writer/index.js';
import { writeValueNamedInstance } from '../../../src/cimxml/writer/object-writer.js';
import { RESPONSE_CHUNK_LENGTH } from '../../../src/cimxml/writer/responses.js';

/** Values that exercise every escape, every UTF-8 length and the long-value path. */
const VALUES: [string, string][] = [
  ['empty', ''],
  ['plain ASCII', 'host-1.example.org'],
  ['markup characters', `a < b > c & "d" 'e'`],
  ['tab, LF and CR', 'one\ttwo\nthree\r\nfour\rfive'],
  ['two-byte UTF-8', 'Größe ünd Maß'],
  ['three-byte UTF-8', 'rack 7 – slot ✓ €'],
  ['surrogate pairs', '😀 𐍈 \u{10FFFF}'],
  ['mixed escapes and non-ASCII', '<Größe> & "😀"\r\n'],
  ['long ASCII value', 'x&'.repeat(10_000)],
  ['long non-ASCII value', 'é<'.repeat(10_000)],
];

/** Writes the same element with `value` as an attribute and as text. */
function write(sink: XmlSink & { raw(text: string): void }, value: string): void {
  sink.raw('<?xml version="1.0" encoding="utf-8" ?>\n');
  sink.start('VALUE');
  sink.attribute('NAME', value);
  sink.text(value, 'the test value');
  sink.start('VALUE.NULL');
  sink.end('VALUE.NULL');
  sink.end('VALUE');
}

function errorOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

const instance = (id: number, name: string) =>
  new CIMInstance('CIM_Foo', {
    path: new CIMInstanceName('CIM_Foo', { Id: new Uint32(id) }, { namespace: 'root/cimv2', host: 'cimhost.example' }),
    properties: [new CIMProperty('Id', new Uint32(id)), new CIMProperty('Name', name)],
  });

describe('ByteSink', () => {
  it.each(VALUES)('writes the bytes of TextSink: %s', (_name, value) => {
    const text = new TextSink();
    const bytes = new ByteSink();
    write(text, value);
    write(bytes, value);

    expect(bytes.take().equals(Buffer.from(text.take(), 'utf8'))).toBe(true);
  });

  it.each([
    ['control character in text', 'a\u0001b', 'text'],
    ['control character in attribute', 'a\u001fb', 'attribute'],
    ['lone high surrogate', 'a\uD800b', 'text'],
    ['lone low surrogate', 'a\uDC00', 'attribute'],
    ['U+FFFE', 'a\uFFFE', 'text'],
    ['U+FFFF', '\uFFFF', 'attribute'],
  ])('raises the error of TextSink: %s', (_name, value, where) => {
    const use = (sink: XmlSink) => {
      sink.start('VALUE');
      if (where === 'text') sink.text(value, 'property Name');
      else sink.attribute('NAME', value, 'property Name');
    };
    const expected = errorOf(() => use(new TextSink()));

    expect(expected).toMatch(/which XML 1.0 cannot carry/);
    expect(errorOf(() => use(new ByteSink()))).toBe(expected);
  });

  it('counts and hands out bytes', () => {
    const sink = new ByteSink();
    sink.start('A');
    sink.text('é', 'text');
    sink.end('A');

    expect(sink.length).toBe('<A>é</A>'.length + 1);
    const first = sink.take();
    expect(first.toString('utf8')).toBe('<A>é</A>');
    expect(sink.length).toBe(0);

    sink.start('B');
    sink.end('B');
    expect(sink.take().toString('utf8')).toBe('<B></B>');
    expect(first.toString('utf8')).toBe('<A>é</A>');
  });

  it('grows past its first buffer', () => {
    const text = new TextSink();
    const bytes = new ByteSink();
    for (let id = 0; id < 2000; id++) {
      writeValueNamedInstance(text, instance(id, `name ${id} – 😀 <${id}>`));
      writeValueNamedInstance(bytes, instance(id, `name ${id} – 😀 <${id}>`));
    }

    expect(bytes.length).toBeGreaterThan(200_000);
    expect(bytes.take().toString('utf8')).toBe(text.take());
  });
});

describe('intrinsicResponseBytes', () => {
  it('joins to the text response', () => {
    const many = Array.from({ length: 2500 }, (_unused, id) => instance(id, `näme ${id} & "x"`));
    const chunks = [...intrinsicResponseBytes('1001', 'EnumerateInstances', many)];

    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(intrinsicResponse('1001', 'EnumerateInstances', many));
  });

  it('cuts chunks after whole objects', () => {
    const many = Array.from({ length: 2500 }, (_unused, id) => instance(id, 'name'));
    const chunks = [...intrinsicResponseBytes('1001', 'EnumerateInstances', many)];

    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(RESPONSE_CHUNK_LENGTH);
      expect(chunk.toString('utf8').endsWith('</VALUE.NAMEDINSTANCE>')).toBe(true);
    }
  });
});
