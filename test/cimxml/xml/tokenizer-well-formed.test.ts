import { describe, expect, it } from 'vitest';

import { XMLParseError } from '../../../src/cim/errors.js';
import { parseXml } from '../../../src/cimxml/xml/tree.js';
import { XmlTokenizer } from '../../../src/cimxml/xml/tokenizer.js';
import { bytesOf, catchError, EventRecorder, tokenize } from './record-events.js';

const WELL_FORMED: [string, string, string[]][] = [
  ['empty element', '<A/>', ['start A [] 1:1', 'end A']],
  ['declaration', '<?xml version="1.0" encoding="utf-8"?><A/>', ['start A [] 1:39', 'end A']],
  ['declaration upper UTF-8', "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<A/>", ['start A [] 2:1', 'end A']],
  ['declaration without encoding', '<?xml version="1.0"?><A/>', ['start A [] 1:22', 'end A']],
  ['byte order mark', '\uFEFF<?xml version="1.0"?><A/>', ['start A [] 1:22', 'end A']],
  ['attributes both quotes', `<A x="1" y='2' z = "'" w='"'/>`, ['start A [["x","1"],["y","2"],["z","\'"],["w","\\""]] 1:1', 'end A']],
  ['attribute normalisation', '<A x="a\tb\nc\r\nd\re"/>', ['start A [["x","a b c d e"]] 1:1', 'end A']],
  ['attribute char refs kept', '<A x="a&#10;b&#9;c&#x20;d"/>', ['start A [["x","a\\nb\\tc d"]] 1:1', 'end A']],
  ['attribute entities', '<A x="&lt;&gt;&amp;&apos;&quot;"/>', ['start A [["x","<>&\'\\""]] 1:1', 'end A']],
  ['attribute with > and ]]>', '<A x="a>b]]>c"/>', ['start A [["x","a>b]]>c"]] 1:1', 'end A']],
  ['attribute named like prototype keys', '<A __proto__="1" constructor="2" toString="3"/>', ['start A [["__proto__","1"],["constructor","2"],["toString","3"]] 1:1', 'end A']],
  ['text entities', '<A>&lt;b&gt; &amp; &apos;&quot;</A>', ['start A [] 1:1', `text <b> & '"`, 'end A']],
  ['decimal and hex char refs', '<A>&#65;&#x42;&#x00043;&#128512;&#x1F600;</A>', ['start A [] 1:1', 'text ABC😀😀', 'end A']],
  ['cdata', '<A><![CDATA[<B>&amp;]]]]><![CDATA[>]]></A>', ['start A [] 1:1', 'text <B>&amp;]]>', 'end A']],
  ['empty cdata', '<A><![CDATA[]]></A>', ['start A [] 1:1', 'end A']],
  ['cdata line ends', '<A><![CDATA[a\r\nb\rc]]></A>', ['start A [] 1:1', 'text a\nb\nc', 'end A']],
  ['text line ends', '<A>a\r\nb\rc\nd</A>', ['start A [] 1:1', 'text a\nb\nc\nd', 'end A']],
  ['greater-than and brackets in text', '<A>a>b]c]]d]>e</A>', ['start A [] 1:1', 'text a>b]c]]d]>e', 'end A']],
  ['comments and PIs everywhere', '<!--x--><?p d?><A><!-- - --><?q?>t</A><!----><?r x?>', ['start A [] 1:16', 'text t', 'end A']],
  ['whitespace outside root', ' \r\n\t<A/> \n', ['start A [] 2:2', 'end A']],
  ['end tag with whitespace', '<A></A \n>', ['start A [] 1:1', 'end A']],
  ['names with punctuation', '<VALUE.ARRAY xml:lang="en" a-b.c_d="1"/>', ['start VALUE.ARRAY [["xml:lang","en"],["a-b.c_d","1"]] 1:1', 'end VALUE.ARRAY']],
  ['non-ASCII names', '<Größe Maß="1">é</Größe>', ['start Größe [["Maß","1"]] 1:1', 'text é', 'end Größe']],
  ['nested', '<A><B><C/></B>x<D/></A>', ['start A [] 1:1', 'start B [] 1:4', 'start C [] 1:7', 'end C', 'end B', 'text x', 'start D [] 1:16', 'end D', 'end A']],
  ['doctype skipped', '<!DOCTYPE A SYSTEM "a.dtd"><A/>', ['start A [] 1:28', 'end A']],
  ['doctype internal subset', '<!DOCTYPE A [<!ELEMENT A ANY><!-- ] > \' --><?p ]>?><!ENTITY e "]>">]><A/>', ['start A [] 1:70', 'end A']],
  ['indentation between tags', '<A>\n  <B/> <C/>\t\n\t<D/>\n</A>', ['start A [] 1:1', 'text \n  ', 'start B [] 2:3', 'end B', 'text  ', 'start C [] 2:8', 'end C', 'text \t\n\t', 'start D [] 3:2', 'end D', 'text \n', 'end A']],
  ['line ends and references in one text', '<A>a\r\n&amp;\rb&#13;c&#x0A;</A>', ['start A [] 1:1', 'text a\n&\nb\rc\n', 'end A']],
  ['non-ASCII text with references', '<A>ü&#252;&#x20AC;\r\n€&#x1F600;</A>', ['start A [] 1:1', 'text üü€\n€😀', 'end A']],
  ['non-ASCII attribute with references', '<A x="é&#233;\t&#x1F600;&amp;"/>', ['start A [["x","éé 😀&"]] 1:1', 'end A']],
  ['seventeen attributes', `<A ${Array.from({ length: 17 }, (_unused, index) => `a${index}="${index}"`).join(' ')}/>`, [`start A ${JSON.stringify(Array.from({ length: 17 }, (_unused, index) => [`a${index}`, String(index)]))} 1:1`, 'end A']],
  ['four-byte UTF-8', '<A>\u{10FFFF}\u{1F600}</A>', ['start A [] 1:1', 'text \u{10FFFF}\u{1F600}', 'end A']],
];

/** Name, document, expected message, and `latin1` where each char of the document is one raw byte. */
const ILL_FORMED: [string, string, RegExp, ('utf8' | 'latin1')?][] = [
  ['missing root', '', /no root element/],
  ['only whitespace', ' \n', /no root element/],
  ['missing slash on end tag', '<HOST>abc<HOST>', /ends inside element <HOST>/],
  ['missing bracket on start tag', '<HOSTabc</HOST>', /unexpected '<' in the tag <HOSTabc>/],
  ['mismatched end tag', '<HOST>abc</HOST2>', /end tag <\/HOST2> does not match the start tag <HOST> at line 1, column 1/],
  ['end tag without start', '</HOST>', /no matching start tag/],
  ['missing opening bracket', 'HOST/>', /text 'HOST\/>' before the root element/],
  ['missing attribute value', '<NAMESPACE NAME=/>', /must be quoted/],
  ['attribute without =', '<A b/>', /attribute b in the tag <A> has no value/],
  ['unquoted attribute', '<A b=1/>', /must be quoted/],
  ['unclosed attribute', '<A b="1/>', /document ends inside markup/],
  ['attributes without space', '<A b="1"c="2"/>', /missing white space before attribute/],
  ['duplicate attribute', '<A b="1" b="2"/>', /duplicate attribute b/],
  ['lt in attribute', '<ERROR DESCRIPTION="a<b"/>', /'<' is not allowed in the value of attribute DESCRIPTION/],
  ['bare amp in attribute', '<ERROR DESCRIPTION="a & b"/>', /'&' does not start a reference/],
  ['bare amp in text', '<A>a & b</A>', /'&' does not start a reference/],
  ['amp without semicolon', '<A>&amp</A>', /'&' does not start a reference/],
  ['lt in text', '<A>a < b</A>', /unexpected ' ' after '<'/],
  ['undefined entity', '<A>&nbsp;</A>', /undefined entity '&nbsp;'/],
  ['entity name case', '<A>&LT;</A>', /undefined entity '&LT;'/],
  ['empty char ref', '<A>&#;</A>', /invalid character reference '&#;'/],
  ['bad decimal char ref', '<A>&#1a;</A>', /invalid character reference '&#1a'/],
  ['upper X char ref', '<A>&#X41;</A>', /invalid character reference/],
  ['char ref U+0001', '<VALUE>SPARE&#1;</VALUE>', /'&#1;' refers to U\+0001/],
  ['char ref NUL', '<A>&#0;</A>', /refers to U\+0000/],
  ['char ref surrogate', '<A>&#xD800;</A>', /refers to U\+D800/],
  ['char ref surrogate pair', '<A>&#55357;&#56911;</A>', /refers to U\+D83D/],
  ['char ref FFFE', '<A>&#xFFFE;</A>', /refers to U\+FFFE/],
  ['char ref above max', '<A>&#x110000;</A>', /refers to a value above U\+10FFFF/],
  ['char ref huge', '<A>&#99999999999999999999;</A>', /refers to a value above U\+10FFFF/],
  ['char ref in attribute', '<A b="&#1;"/>', /refers to U\+0001/],
  ['raw control char', '<VALUE>SPARE\x01</VALUE>', /character U\+0001 is not allowed/],
  ['raw control in attribute', '<A b="\x1F"/>', /character U\+001F is not allowed/],
  ['raw NUL in comment', '<!--\x00--><A/>', /character U\+0000 is not allowed/],
  ['raw FFFF', '<A>\uFFFF</A>', /character U\+FFFF/],
  ['cdata end in text', '<A>a]]>b</A>', /']]>' is not allowed in character data/],
  ['double dash in comment', '<A><!-- a -- b --></A>', /'--' is not allowed inside a comment/],
  ['comment ending with dash', '<A><!-- a ---></A>', /'--' is not allowed inside a comment/],
  ['unclosed comment', '<A/><!-- a', /document ends inside markup that starts here \(line 1/],
  ['document cut inside a tag', '<A>\n <B>\n  <C x="1"', /document ends inside markup that starts here, inside element <B> opened at line 2, column 2 \(line 3, column 3/],
  ['second root', '<A/><B/>', /second root element <B>/],
  ['text after root', '<A/>x', /text 'x' after the end of the root element/],
  ['text before root', 'x<A/>', /text 'x<A\/>' before the root element/],
  ['reference before root', '&amp;<A/>', /before the root element/],
  ['cdata outside root', '<![CDATA[x]]><A/>', /CDATA section is allowed only inside the root element/],
  ['unclosed root', '<A><B></B>', /ends inside element <A> opened at line 1, column 1/],
  ['invalid name start', '<1A/>', /unexpected '1' after '<'/],
  ['invalid attribute name', '<A -b="1"/>', /unexpected '-' in the tag <A>/],
  ['invalid non-ASCII name', '<A\u00D7B/>', /invalid XML name 'A×B'/],
  ['slash without gt', '<A/ >', /expected '>' after '\/'/],
  ['end tag shorter than the start tag', '<AB></A>', /end tag <\/A> does not match the start tag <AB>/],
  ['end tag longer than the start tag', '<A></AB>', /end tag <\/AB> does not match the start tag <A>/],
  ['end tag with the lone lead byte of a name', '<\xC3\x83></\xC3>', /invalid UTF-8 byte sequence C3 3E/, 'latin1'],
  ['duplicate attribute among many', `<A ${Array.from({ length: 20 }, (_unused, index) => `a${index}="1"`).join(' ')} a3="2"/>`, /duplicate attribute a3 in the tag <A>/],
  ['duplicate attribute after many', `<A ${Array.from({ length: 20 }, (_unused, index) => `a${index}="1"`).join(' ')} a19="2"/>`, /duplicate attribute a19 in the tag <A>/],
  ['entity name that extends a predefined one', '<A>&ampx;</A>', /undefined entity '&ampx;'/],
  ['predefined entity in upper case', '<A>&LT;</A>', /undefined entity '&LT;'/],
  ['junk in end tag', '<A></A x>', /unexpected 'x' in the end tag <\/A>/],
  ['declaration not at start', ' <?xml version="1.0"?><A/>', /reserved for the XML declaration/],
  ['declaration in content', '<A><?xml version="1.0"?></A>', /reserved for the XML declaration/],
  ['declaration upper case', '<?XML version="1.0"?><A/>', /'<\?XML' is reserved/],
  ['declaration without version', '<?xml encoding="utf-8"?><A/>', /invalid XML declaration/],
  ['declaration wrong order', '<?xml version="1.0" standalone="yes" encoding="utf-8"?><A/>', /invalid XML declaration/],
  ['declaration version 2', '<?xml version="2.0"?><A/>', /invalid XML declaration/],
  ['declaration version 1.1', '<?xml version="1.1"?><A/>', /XML version 1.1 is not supported/],
  ['declaration latin1', '<?xml version="1.0" encoding="ISO-8859-1"?><A/>', /encoding 'ISO-8859-1', but only UTF-8 is supported/],
  ['declaration utf--8', '<?xml version="1.0" encoding="utf--8"?><A/>', /encoding 'utf--8'/],
  ['PI without target', '<A><? x?></A>', /without a target name/],
  ['PI target without space', '<A><?p-x\x01?></A>', /target 'p-x' must be followed by white space/],
  ['control char in PI', '<A><?p \x01?></A>', /character U\+0001/],
  ['second doctype', '<!DOCTYPE A><!DOCTYPE A><A/>', /only one DOCTYPE/],
  ['doctype after root', '<A><!DOCTYPE A></A>', /DOCTYPE is allowed only before the root element/],
  ['invalid bang markup', '<A><!ELEMENT A ANY></A>', /invalid markup '<!ELEMENT A '/],
  ['UTF-16 BOM', '\xFF\xFE<\x00A\x00/\x00>\x00', /UTF-16 byte order mark/, 'latin1'],
  ['lone continuation byte', '<A>\x80</A>', /invalid UTF-8 byte sequence 80/, 'latin1'],
  ['truncated sequence', '<A>\xC3</A>', /invalid UTF-8 byte sequence C3 3C/, 'latin1'],
  ['truncated at end', '<A/>\xE2\x82', /invalid UTF-8/, 'latin1'],
  ['overlong two-byte', '<A>\xC0\xBC</A>', /bytes C0 BC are an overlong encoding/, 'latin1'],
  ['overlong three-byte', '<A>\xE0\x80\xBC</A>', /bytes E0 80 BC are an overlong encoding/, 'latin1'],
  ['overlong four-byte', '<A>\xF0\x80\x80\xBC</A>', /overlong encoding/, 'latin1'],
  ['above U+10FFFF', '<A>\xF4\x90\x80\x80</A>', /invalid UTF-8 byte sequence F4 90 80 80/, 'latin1'],
  ['F5 lead byte', '<A>\xF5\x80\x80\x80</A>', /invalid UTF-8 byte sequence F5/, 'latin1'],
  ['encoded surrogate in attribute', '<A b="\xED\xBF\xBF"/>', /surrogate U\+DFFF/, 'latin1'],
  ['encoded surrogate in name', '<A\xED\xA0\x80/>', /surrogate U\+D800/, 'latin1'],
  ['encoded surrogate in comment', '<!--\xED\xA0\x80--><A/>', /surrogate U\+D800/, 'latin1'],
  ['encoded surrogate in cdata', '<A><![CDATA[\xED\xA0\x80]]></A>', /surrogate U\+D800/, 'latin1'],
];

describe('tokenizer well-formedness', () => {
  it.each(WELL_FORMED)('accepts %s', (_name, xml, expected) => {
    expect(tokenize([bytesOf(xml)])).toEqual(expected);
  });

  it.each(ILL_FORMED)('rejects %s', (_name, xml, message, encoding) => {
    const input = bytesOf(xml, encoding ?? 'utf8');

    expect(() => parseXml(input)).toThrow(XMLParseError);
    expect(() => parseXml(input)).toThrow(message);
  });

  it('error carries line and column', () => {
    const error = catchError(() => parseXml('<A>\n  <B x="1" x="2"/>\n</A>'));

    expect(error).toBeInstanceOf(XMLParseError);
    expect(error.code).toBe('ERR_XML_PARSE');
    expect(error.line).toBe(2);
    expect(error.column).toBe(12);
    expect(error.message).toContain('(line 2, column 12, byte offset 15)');
  });

  it('tokenizer repeats its error', () => {
    const tokenizer = new XmlTokenizer(new EventRecorder());
    const first = catchError(() => tokenizer.write(bytesOf('<A>&bad;</A>')));

    expect(first.message).toMatch(/undefined entity/);
    expect(catchError(() => tokenizer.write(bytesOf('<B/>')))).toBe(first);
    expect(catchError(() => tokenizer.end())).toBe(first);
  });

  it('tokenizer rejects write after end', () => {
    const tokenizer = new XmlTokenizer(new EventRecorder());
    tokenizer.write(bytesOf('<A/>'));
    tokenizer.end();

    expect(() => tokenizer.write(bytesOf(' '))).toThrow(/already ended/);
  });
});
