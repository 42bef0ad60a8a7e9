import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import libxmljs from 'libxmljs2';
import { describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import type { XmlElement } from '../../../src/cimxml/xml/element.js';
import { XmlTokenizer } from '../../../src/cimxml/xml/tokenizer.js';
import { parseXml, XmlTreeBuilder } from '../../../src/cimxml/xml/tree.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');
const trafficDir = path.join(referenceDir, 'cim-xml', 'traffic');

interface ElementCase {
  desc: string;
  xml_str: string;
  exp_exc: string[] | null;
}

const elementCases = (
  JSON.parse(readFileSync(path.join(referenceDir, 'cim-xml', 'conformance', 'element-cases.json'), 'utf8')) as {
    cases: ElementCase[];
  }
).cases;

/** XML documents of the traffic captures; an HTTP header in front of the body is cut off. */
const trafficDocuments: [string, Buffer][] = readdirSync(trafficDir)
  .filter((name) => name.endsWith('.xml'))
  .map((name): [string, Buffer] => [name, xmlBody(readFileSync(path.join(trafficDir, name)))])
  .filter(([, bytes]) => bytes.includes('<'));

function xmlBody(capture: Buffer): Buffer {
  if (!/^(HTTP|M-POST|POST)/.test(capture.toString('latin1', 0, 8))) return capture;

  const text = capture.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  return match === null ? Buffer.alloc(0) : capture.subarray(match.index + match[0].length);
}

function libxmlAccepts(bytes: Buffer): boolean {
  try {
    libxmljs.parseXml(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const acceptedByLibxml = trafficDocuments.filter(([, bytes]) => libxmlAccepts(bytes));
const rejectedByLibxml = trafficDocuments.filter(([, bytes]) => !libxmlAccepts(bytes));

/** The element as libxml2 reports it, in the shape of `XmlElement` without positions. */
function fromLibxml(element: libxmljs.Element): unknown {
  const attributes: Record<string, string> = {};
  for (const attribute of element.attrs()) {
    // libxml2 reports xml:lang as the attribute lang in the XML namespace.
    const prefix = attribute.namespace()?.prefix();
    attributes[prefix ? `${prefix}:${attribute.name()}` : attribute.name()] = attribute.value();
  }

  let text = '';
  const children: unknown[] = [];
  for (const node of element.childNodes()) {
    // The typings leave out 'cdata', which libxml2 reports for CDATA sections.
    const type: string = node.type();
    if (type === 'element') children.push(fromLibxml(node as libxmljs.Element));
    if (type === 'text' || type === 'cdata') text += (node as libxmljs.Text).text();
  }
  return { name: element.name(), attributes, children, text };
}

function withoutPositions(element: XmlElement): unknown {
  return {
    name: element.name,
    attributes: { ...element.attributes },
    children: element.children.map(withoutPositions),
    text: element.text,
  };
}

describe('parseXml', () => {
  it('builds element tree', () => {
    const root = parseXml('<?xml version="1.0"?>\n<A x="1">a<B y="&lt;"/>b<C>c</C>\n</A>');

    expect(root).toEqual({
      name: 'A',
      attributes: { x: '1' },
      children: [
        { name: 'B', attributes: { y: '<' }, children: [], text: '', line: 2, column: 11 },
        { name: 'C', attributes: {}, children: [], text: 'c', line: 2, column: 25 },
      ],
      text: 'ab\n',
      line: 2,
      column: 1,
    });
  });

  it('accepts string with astral characters', () => {
    expect(parseXml('<A b="😀">😀</A>').text).toBe('😀');
  });

  it('rejects string with lone surrogate', () => {
    expect(() => parseXml('<A>\n x\uD800</A>')).toThrow(XMLParseError);
    expect(() => parseXml('<A>\n x\uD800</A>')).toThrow(/unpaired surrogate U\+D800 in the XML string \(line 2, column 3\)/);
  });

  it('traffic documents found', () => {
    expect(acceptedByLibxml.length).toBeGreaterThan(50);
    expect(rejectedByLibxml.map(([name]) => name)).toEqual([
      'openpegasus_BadCharacterReference01.xml',
      'sfcb_ErrorTest01.xml',
    ]);
  });

  it.each(acceptedByLibxml)('agrees with libxml2 on %s', (_name, bytes) => {
    const expected = fromLibxml(libxmljs.parseXml(bytes.toString('utf8')).root()!);

    expect(withoutPositions(parseXml(bytes))).toEqual(expected);
  });

  it.each(rejectedByLibxml)('rejects %s like libxml2', (_name, bytes) => {
    expect(() => parseXml(bytes)).toThrow(XMLParseError);
  });

  it.each(acceptedByLibxml)('parses %s from a string', (_name, bytes) => {
    expect(parseXml(bytes.toString('utf8'))).toEqual(parseXml(bytes));
  });

  it('agrees with libxml2 on element cases', () => {
    const wellFormed = elementCases.filter((testCase) => !testCase.exp_exc?.includes('XMLParseError'));
    expect(wellFormed.length).toBeGreaterThan(500);

    for (const testCase of wellFormed) {
      const expected = fromLibxml(libxmljs.parseXml(testCase.xml_str).root()!);
      expect(withoutPositions(parseXml(testCase.xml_str)), testCase.desc).toEqual(expected);
    }
  });

  it.each(elementCases.filter((testCase) => testCase.exp_exc?.includes('XMLParseError')).map((testCase) => [testCase.desc, testCase.xml_str]))(
    'element case %s',
    (_desc, xml) => {
      // In an embedded instance the ill-formed XML is the escaped text of a VALUE, and the
      // CIM-XML reader parses that text in a second pass. The outer document is well-formed.
      if (xml.includes('&lt;')) {
        const value = findElement(parseXml(xml), 'VALUE')!;
        expect(() => parseXml(value.text)).toThrow(XMLParseError);
        return;
      }
      expect(() => parseXml(xml)).toThrow(XMLParseError);
    },
  );
});

function findElement(element: XmlElement, name: string): XmlElement | undefined {
  if (element.name === name) return element;
  for (const child of element.children) {
    const found = findElement(child, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('XmlTreeBuilder', () => {
  const response = readFileSync(path.join(trafficDir, 'openpegasus_EnumerateInstances51000rspgood.xml'));
  const returnPath = ['CIM', 'MESSAGE', 'SIMPLERSP', 'IMETHODRESPONSE', 'IRETURNVALUE'];

  it('streams children of IRETURNVALUE', () => {
    const streamed: XmlElement[] = [];
    const root = parseXml(response, { streamPath: returnPath, onElement: (element) => streamed.push(element) });

    const full = parseXml(response);
    const fullReturn = findElement(full, 'IRETURNVALUE')!;
    expect(streamed.map((element) => element.name)).toEqual(['VALUE.NAMEDINSTANCE', 'VALUE.NAMEDINSTANCE']);
    expect(streamed).toEqual(fullReturn.children);
    expect(findElement(root, 'IRETURNVALUE')!.children).toEqual([]);
    expect(findElement(root, 'VALUE.NAMEDINSTANCE')).toBeUndefined();
  });

  it('hands out elements before the end', () => {
    const streamed: XmlElement[] = [];
    const builder = new XmlTreeBuilder({ streamPath: returnPath, onElement: (element) => streamed.push(element) });
    const tokenizer = new XmlTokenizer(builder);

    const secondInstance = response.indexOf('<VALUE.NAMEDINSTANCE>', response.indexOf('</VALUE.NAMEDINSTANCE>'));
    tokenizer.write(response.subarray(0, secondInstance));
    expect(streamed).toHaveLength(1);

    tokenizer.write(response.subarray(secondInstance));
    tokenizer.end();
    expect(streamed).toHaveLength(2);
    expect(builder.root.name).toBe('CIM');
  });

  it('ignores a path that does not match', () => {
    const streamed: XmlElement[] = [];
    const xml = '<CIM><MESSAGE><SIMPLERSP><X><IRETURNVALUE><A/></IRETURNVALUE></X></SIMPLERSP></MESSAGE></CIM>';
    const root = parseXml(xml, { streamPath: ['CIM', 'MESSAGE', 'IRETURNVALUE'], onElement: (element) => streamed.push(element) });

    expect(streamed).toEqual([]);
    expect(findElement(root, 'A')).toBeDefined();
  });

  it('streams children of the root', () => {
    const names: string[] = [];
    const root = parseXml('<R><A/><B><A/></B>t</R>', { streamPath: ['R'], onElement: (element) => names.push(element.name) });

    expect(names).toEqual(['A', 'B']);
    expect(root).toMatchObject({ name: 'R', children: [], text: 't' });
  });

  it('root before end is an error', () => {
    const builder = new XmlTreeBuilder();
    new XmlTokenizer(builder).write(Buffer.from('<A><B/>'));

    expect(() => builder.root).toThrow(/root element has not ended/);
  });

  it('streamPath needs onElement', () => {
    expect(() => new XmlTreeBuilder({ streamPath: ['CIM'] })).toThrow(TypeError);
  });
});
