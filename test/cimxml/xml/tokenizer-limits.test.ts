import { describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import { XmlTokenizer, type XmlTokenizerOptions } from '../../../src/cimxml/xml/tokenizer.js';
import { parseXml } from '../../../src/cimxml/xml/tree.js';
import { EventRecorder } from './record-events.js';

function nested(depth: number): string {
  return '<e>'.repeat(depth) + '</e>'.repeat(depth);
}

const WITHIN: [string, string, XmlTokenizerOptions][] = [
  ['depth at limit', nested(3), { maxDepth: 3 }],
  ['default depth 1000', nested(1000), {}],
  ['name at limit', '<abcd/>', { maxNameLength: 4 }],
  ['attributes at limit', '<a x="1" y="2"/>', { maxAttributes: 2 }],
  ['attribute value at limit', '<a x="12&amp;"/>', { maxAttributeLength: 7 }],
  ['text at limit', '<a>1234<b/>12&amp;</a>', { maxTextLength: 7 }],
  ['white space at limit', '<a>\n\t <b/></a>', { maxTextLength: 3 }],
  ['comment at limit', '<!--1--><a/>', { maxTextLength: 8 }],
];

const BEYOND: [string, string, XmlTokenizerOptions, RegExp][] = [
  ['depth', nested(4), { maxDepth: 3 }, /<e> is nested deeper than the maxDepth limit of 3/],
  ['default depth', nested(1001), {}, /maxDepth limit of 1000/],
  ['element name', '<abcde/>', { maxNameLength: 4 }, /name 'abcde\.\.\.' is longer than 4 bytes; raise the maxNameLength option/],
  ['attribute name', '<a abcde="1"/>', { maxNameLength: 4 }, /maxNameLength/],
  ['end tag name', '<a></abcde>', { maxNameLength: 4 }, /maxNameLength/],
  ['entity name', '<a>&abcde;</a>', { maxNameLength: 4 }, /maxNameLength/],
  ['attribute count', '<a x="1" y="2" z="3"/>', { maxAttributes: 2 }, /more than the maxAttributes limit of 2 attributes/],
  ['attribute value', '<a x="12&amp;4"/>', { maxAttributeLength: 7 }, /value of attribute x is longer than the maxAttributeLength limit of 7 bytes/],
  ['text node', '<a>12345678</a>', { maxTextLength: 7 }, /text node is longer than the maxTextLength limit of 7 bytes/],
  ['text with CDATA', '<a>1234<![CDATA[5678]]></a>', { maxTextLength: 7 }, /text node is longer than the maxTextLength limit/],
  ['white space before a tag', '<a>  <b/></a>', { maxTextLength: 1 }, /text node is longer than the maxTextLength limit of 1 bytes/],
  ['indentation before a tag', '<a>\n    \n    <b/></a>', { maxTextLength: 5 }, /text node is longer than the maxTextLength limit of 5 bytes/],
  ['CDATA section', '<a><![CDATA[12345678]]></a>', { maxTextLength: 7 }, /text node is longer than the maxTextLength limit/],
  ['comment', '<!--12--><a/>', { maxTextLength: 8 }, /comment is longer than the maxTextLength limit of 8 bytes/],
  ['processing instruction', '<?p 12345?><a/>', { maxTextLength: 8 }, /processing instruction is longer than the maxTextLength limit/],
  ['DOCTYPE', '<!DOCTYPE a [ ]><a/>', { maxTextLength: 8 }, /DOCTYPE is longer than the maxTextLength limit/],
];

describe('tokenizer limits', () => {
  it.each(WITHIN)('accepts %s', (_name, xml, options) => {
    expect(() => parseXml(xml, options)).not.toThrow();
  });

  it.each(BEYOND)('rejects %s', (_name, xml, options, message) => {
    expect(() => parseXml(xml, options)).toThrow(XMLParseError);
    expect(() => parseXml(xml, options)).toThrow(message);
  });

  it.each([
    ['attribute value', '<a x="', 'y', { maxAttributeLength: 10_000 }, /maxAttributeLength/],
    ['text node', '<a>', 'y', { maxTextLength: 10_000 }, /maxTextLength/],
    ['comment', '<a><!--', 'y', { maxTextLength: 10_000 }, /maxTextLength/],
    ['element name', '<a', 'y', { maxNameLength: 10_000 }, /maxNameLength/],
  ] as const)('unterminated %s fails while streaming', (_name, opening, filler, options, message) => {
    const tokenizer = new XmlTokenizer(new EventRecorder(), options);
    tokenizer.write(Buffer.from(opening));
    const chunk = Buffer.from(filler.repeat(100));

    let written = 0;
    const feed = (): void => {
      for (; written < 1000; written++) tokenizer.write(chunk);
    };

    // Pending bytes are rescanned each time they double, so the error comes by twice the limit.
    expect(feed).toThrow(message);
    expect(written).toBeLessThanOrEqual(200);
  });

  it.each([
    ['zero', { maxDepth: 0 }],
    ['negative', { maxTextLength: -1 }],
    ['fraction', { maxNameLength: 1.5 }],
    ['not a number', { maxAttributes: Number.NaN }],
  ])('rejects %s option', (_name, options) => {
    expect(() => new XmlTokenizer(new EventRecorder(), options)).toThrow(RangeError);
  });
});
