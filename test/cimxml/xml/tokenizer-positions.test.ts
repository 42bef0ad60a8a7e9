import { describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import { parseXml } from '../../../src/cimxml/xml/tree.js';
import { catchError } from './record-events.js';

/** Document with `<X` or an error marked by `@`; the expected position is that of `@`. */
const POSITIONS: [string, string][] = [
  ['LF', '<A>\n\n  @<X/></A>'],
  ['CRLF', '<A>\r\n\r\n  @<X/></A>'],
  ['lone CR', '<A>\r\r  @<X/></A>'],
  ['tab counts one', '<A>\t\t@<X/></A>'],
  ['two-byte chars', '<A>éé@<X/></A>'],
  ['four-byte chars', '<A>😀😀@<X/></A>'],
  ['byte order mark', '\uFEFF<A>@<X/></A>'],
  ['after comment lines', '<!--\n\r\n-->\n<A>@<X/></A>'],
  ['after PI lines', '<?p\na\r\n?><A>@<X/></A>'],
  ['after DOCTYPE lines', '<!DOCTYPE A [\n<!ENTITY e "\n">\n]><A>@<X/></A>'],
  ['after CDATA lines', '<A><![CDATA[\r\n\n]]>ü@<X/></A>'],
  ['after attribute lines', '<A a="\n\r\nü"\n>@<X/></A>'],
  ['after references', '<A>&amp;&#x1F600;@<X/></A>'],
];

const ERROR_POSITIONS: [string, string][] = [
  ['text error', '<A>\n  ü@&bad;</A>'],
  ['attribute error', '<A\n  b="1"\n  @b="2"/>'],
  ['value error', '<A b="\r\n é@<"/>'],
  ['end tag error', '<A>\n\n@</B>'],
  ['after root error', '<A/>\n\n  @x'],
];

/** Returns the 1-based line and column of `@`, counting code points, and the document without it. */
function marked(document: string): { xml: string; line: number; column: number } {
  const index = document.indexOf('@');
  const before = [...document.slice(0, index).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')];
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    xml: document.slice(0, index) + document.slice(index + 1),
    line: before.filter((char) => char === '\n').length + 1,
    column: before.length - lineStart + 1,
  };
}

function findX(element: ReturnType<typeof parseXml>): ReturnType<typeof parseXml> | undefined {
  if (element.name === 'X') return element;
  return element.children.map(findX).find((found) => found !== undefined);
}

describe('tokenizer positions', () => {
  it.each(POSITIONS)('start tag after %s', (_name, document) => {
    const { xml, line, column } = marked(document);
    const element = findX(parseXml(xml))!;

    expect([element.line, element.column]).toEqual([line, column]);
  });

  it.each(ERROR_POSITIONS)('%s', (_name, document) => {
    const { xml, line, column } = marked(document);
    const error = catchError(() => parseXml(xml));

    expect(error).toBeInstanceOf(XMLParseError);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('invalid UTF-8 error', () => {
    const input = Buffer.concat([Buffer.from('<A>\n\u00e9\u00e9'), Buffer.from([0x80]), Buffer.from('</A>')]);
    const error = catchError(() => parseXml(input));

    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.message).toContain('byte offset 8');
  });
});
