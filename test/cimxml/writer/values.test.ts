import { describe, expect, it } from 'vitest';
import { CIMInstance } from '../../../src/cim/instance.js';
import { CIMParameter } from '../../../src/cim/parameter.js';
import { CIMProperty } from '../../../src/cim/property.js';
import { CIMInstanceName } from '../../../src/cim/instance-name.js';
import { Real32, Real64, Uint64 } from '../../../src/cim/typed-value.js';
import {
  CIMXMLWriteError,
  escapeAttribute,
  escapeText,
  methodCallRequest,
  toCIMXML,
  toCIMXMLString,
} from '../../../src/cimxml/writer/index.js';
import { dtdErrors } from './helpers.js';

describe('escapeText', () => {
  it.each([
    ['plain', 'abc', 'abc'],
    ['markup', 'a<b>&"c', 'a&lt;b&gt;&amp;&quot;c'],
    ['CR kept', 'a\r\nb', 'a&#13;\nb'],
    ['tab and LF raw', 'a\tb\nc', 'a\tb\nc'],
    ['astral pair', 'x\u{1F600}', 'x\u{1F600}'],
    ['CDATA end', ']]>', ']]&gt;'],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input, 'test')).toBe(expected);
  });
});

describe('escapeAttribute', () => {
  it.each([
    ['quote', 'a"b', 'a&quot;b'],
    ['whitespace', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
  ])('%s', (_name, input, expected) => {
    expect(escapeAttribute(input, 'test')).toBe(expected);
  });
});

describe('invalid XML characters', () => {
  it.each([
    ['U+0001', 'SPARE\u0001', 'U+0001'],
    ['U+001F', '\u001F', 'U+001F'],
    ['lone high surrogate', 'a\uD800b', 'U+D800'],
    ['lone low surrogate', '\uDC00', 'U+DC00'],
    ['U+FFFE', '\uFFFE', 'U+FFFE'],
    ['U+FFFF', '\uFFFF', 'U+FFFF'],
  ])('%s rejected naming property', (_name, value, code) => {
    const property = new CIMProperty('Caption', value);
    expect(() => toCIMXMLString(property)).toThrow(CIMXMLWriteError);
    expect(() => toCIMXMLString(property)).toThrow(new RegExp(`value of property Caption contains ${code.replace("+", "\\+")} at offset`));
    expect(() => toCIMXML(property)).toThrow(/property Caption/);
  });

  it('attribute value rejected', () => {
    expect(() => toCIMXMLString(new CIMInstance('Bad\u0002Class'))).toThrow(CIMXMLWriteError);
  });
});

describe('real formatting', () => {
  it.each([
    [new Real64(Infinity), 'INF'],
    [new Real64(-Infinity), '-INF'],
    [new Real64(NaN), 'NaN'],
    [new Real64(0.1), '0.10000000000000001'],
    [new Real64(2.2250738585072012e-308), '2.2250738585072014E-308'],
    [new Real64(1e21), '1.0000000000000000E+21'],
    [new Real32(3.4028234664e38), '3.4028234664E+38'],
  ])('%s', (value, expected) => {
    const text = toCIMXMLString(new CIMProperty('r', value));
    expect(text).toContain(`<VALUE>${expected}</VALUE>`);
  });

  it('real64 array keeps specials', () => {
    const property = new CIMProperty('r', [new Real64(Infinity), new Real64(-Infinity), new Real64(NaN)]);
    expect(toCIMXMLString(property)).toBe(
      '<PROPERTY.ARRAY NAME="r" TYPE="real64"><VALUE.ARRAY><VALUE>INF</VALUE><VALUE>-INF</VALUE><VALUE>NaN</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>',
    );
  });
});

describe('64-bit integers', () => {
  it.each([
    [18446744073709551615n, '18446744073709551615'],
    [9007199254740993n, '9007199254740993'],
    [0n, '0'],
  ])('uint64 %s exact', (value, expected) => {
    expect(toCIMXMLString(new CIMProperty('n', new Uint64(value)))).toContain(`<VALUE>${expected}</VALUE>`);
  });
});

describe('type mismatch', () => {
  it('number in string property', () => {
    const property = new CIMProperty('S', 'x');
    property.value = 5;
    expect(() => toCIMXMLString(property)).toThrow(/5 of property S does not fit CIM type string/);
  });

  it('scalar in array property', () => {
    const property = new CIMProperty('A', ['x']);
    property.value = 'x';
    expect(() => toCIMXMLString(property)).toThrow(/declared as an array/);
  });
});

describe('embedded instances', () => {
  const inner = new CIMInstance('X_Param', {
    properties: [new CIMProperty('Size', new Uint64(10000000n))],
  });
  const middle = new CIMInstance('X_Job', { properties: [new CIMProperty('In', inner, { embeddedObject: 'object' })] });

  it('nested embedding escapes twice', () => {
    const text = toCIMXMLString(new CIMProperty('Outer', middle, { embeddedObject: 'object' }));
    expect(text).toBe(
      '<PROPERTY NAME="Outer" TYPE="string" EmbeddedObject="object"><VALUE>&lt;INSTANCE CLASSNAME=&quot;X_Job&quot;&gt;' +
        '&lt;PROPERTY NAME=&quot;In&quot; TYPE=&quot;string&quot; EmbeddedObject=&quot;object&quot;&gt;&lt;VALUE&gt;' +
        '&amp;lt;INSTANCE CLASSNAME=&amp;quot;X_Param&amp;quot;&amp;gt;&amp;lt;PROPERTY NAME=&amp;quot;Size&amp;quot; TYPE=&amp;quot;uint64&amp;quot;&amp;gt;' +
        '&amp;lt;VALUE&amp;gt;10000000&amp;lt;/VALUE&amp;gt;&amp;lt;/PROPERTY&amp;gt;&amp;lt;/INSTANCE&amp;gt;' +
        '&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</VALUE></PROPERTY>',
    );
    expect(dtdErrors(text)).toEqual([]);
  });

  it('embedded array property', () => {
    const text = toCIMXMLString(new CIMProperty('List', [inner, null]));
    expect(text).toMatch(/^<PROPERTY.ARRAY NAME="List" TYPE="string" EmbeddedObject="instance"><VALUE.ARRAY><VALUE>&lt;INSTANCE /);
    expect(text).toContain('<VALUE.NULL></VALUE.NULL>');
  });

  it('embedded parameter drops path', () => {
    const ioGroup = new CIMInstance('X_IOGroup', {
      path: new CIMInstanceName('X_IOGroup', { Name: 'grp-0' }, { namespace: 'root/vendor' }),
      properties: [new CIMProperty('Name', 'grp-0')],
    });
    const request = methodCallRequest(
      'root/vendor',
      'X_StorageConfigurationService',
      'CreateOrModifyElementFromStoragePool',
      [new CIMParameter('IOGroup', { value: ioGroup, type: 'string', embeddedObject: 'instance' })],
      { messageId: '1' },
    );
    expect(request.body).toContain(
      '<PARAMVALUE NAME="IOGroup" PARAMTYPE="string" EmbeddedObject="instance">' +
        '<VALUE>&lt;INSTANCE CLASSNAME=&quot;X_IOGroup&quot;&gt;&lt;PROPERTY NAME=&quot;Name&quot; TYPE=&quot;string&quot;&gt;' +
        '&lt;VALUE&gt;grp-0&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</VALUE></PARAMVALUE>',
    );
    expect(request.body).not.toContain('NAMEDINSTANCE');
    expect(dtdErrors(request.body)).toEqual([]);
  });
});
