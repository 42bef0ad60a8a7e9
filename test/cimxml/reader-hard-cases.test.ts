import { describe, expect, it } from 'vitest';
import { CIMXMLParseError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { Sint32 } from '../../src/cim/typed-value.js';
import { readResponse, toCIMObject, type ParseWarning } from '../../src/cimxml/index.js';

const property = (xml: string) => toCIMObject(xml) as CIMProperty;

describe('KEYVALUE types', () => {
  it.each([
    ['<KEYVALUE VALUETYPE="string" TYPE="">VendorX_ObjectManager</KEYVALUE>', 'VendorX_ObjectManager'],
    ['<KEYVALUE>0042</KEYVALUE>', '0042'],
    ['<KEYVALUE VALUETYPE="boolean">TRUE</KEYVALUE>', true],
    ['<KEYVALUE VALUETYPE="numeric">0x1F</KEYVALUE>', 31],
    ['<KEYVALUE VALUETYPE="numeric">9007199254740993</KEYVALUE>', 9007199254740993n],
  ])('%s', (xml, expected) => {
    expect(toCIMObject(xml)).toEqual(expected);
  });

  it('signed hex with TYPE', () => {
    expect(toCIMObject('<KEYVALUE VALUETYPE="numeric" TYPE="sint32">-0x1F</KEYVALUE>')).toEqual(new Sint32(-31));
  });

  it('unknown TYPE rejected', () => {
    expect(() => toCIMObject('<KEYVALUE TYPE="uint128">1</KEYVALUE>')).toThrow(CIMXMLParseError);
  });
});

describe('integer values', () => {
  it.each([
    ['uint8', ' +0X1f ', 31],
    ['uint8', '017', 17],
    ['uint32', '4293918720', 4293918720],
    ['uint64', '18446744073709551615', 18446744073709551615n],
    ['uint64', '9007199254740993', 9007199254740993n],
    ['sint64', '-9223372036854775808', -9223372036854775808n],
  ])('%s %s', (type, text, expected) => {
    expect(property(`<PROPERTY NAME="p" TYPE="${type}"><VALUE>${text}</VALUE></PROPERTY>`).value).toBe(expected);
  });

  it.each([
    ['uint8', '0b101'],
    ['uint8', '1e2'],
    ['uint8', ''],
    ['uint8', '1234'],
    ['uint64', '18446744073709551616'],
    ['uint16', '-1'],
  ])('%s %s rejected', (type, text) => {
    expect(() => property(`<PROPERTY NAME="p" TYPE="${type}"><VALUE>${text}</VALUE></PROPERTY>`)).toThrow(
      /PROPERTY\(p\)\/VALUE/,
    );
  });
});

describe('real values', () => {
  it('special values and precision', () => {
    const xml =
      '<PROPERTY.ARRAY NAME="r" TYPE="real64"><VALUE.ARRAY><VALUE>INF</VALUE><VALUE>-INF</VALUE><VALUE>NaN</VALUE>' +
      '<VALUE>0.1</VALUE><VALUE>2.2250738585072012e-308</VALUE><VALUE>1.0E21</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>';
    expect(property(xml).value).toEqual([Infinity, -Infinity, NaN, 0.1, 2.2250738585072012e-308, 1e21]);
  });

  it('real32 rounded', () => {
    const value = property('<PROPERTY NAME="f" TYPE="real32"><VALUE>3.4028234664E38</VALUE></PROPERTY>').value;
    expect(value).toBe(Math.fround(3.4028234664e38));
  });
});

describe('empty and NULL values', () => {
  const warnings: ParseWarning[] = [];
  const instance = toCIMObject(
    `<INSTANCE CLASSNAME="X">
      <PROPERTY NAME="A" TYPE="string"><VALUE></VALUE></PROPERTY>
      <PROPERTY NAME="B" TYPE="string"/>
      <PROPERTY NAME="C" TYPE="uint64">
      </PROPERTY>
      <PROPERTY NAME="D" TYPE="string"><VALUE>  two  spaces  </VALUE></PROPERTY>
      <PROPERTY.ARRAY NAME="E" TYPE="uint8"><VALUE.ARRAY/></PROPERTY.ARRAY>
      <PROPERTY.ARRAY NAME="F" TYPE="uint8"/>
      <PROPERTY.ARRAY NAME="G" TYPE="uint8"><VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/><VALUE>3</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
      <PROPERTY NAME="H" TYPE="boolean"><VALUE></VALUE></PROPERTY>
    </INSTANCE>`,
    { onWarning: (warning) => warnings.push(warning) },
  ) as CIMInstance;

  it.each([
    ['A', ''],
    ['B', null],
    ['C', null],
    ['D', '  two  spaces  '],
    ['E', []],
    ['F', null],
    ['G', [1, null, 3]],
    ['H', null],
  ])('property %s', (name, expected) => {
    expect(instance.get(name)).toEqual(expected);
  });

  it('empty boolean warns', () => {
    expect(warnings.map((warning) => warning.code)).toEqual(['EMPTY_BOOLEAN']);
    expect(warnings[0]?.elementPath).toBe('INSTANCE/PROPERTY(H)/VALUE');
  });
});

const response = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLERSP>${inner}</SIMPLERSP></MESSAGE></CIM>`;

describe('responses', () => {
  it('PARAMVALUE with TYPE', () => {
    const message = readResponse(
      response(`<IMETHODRESPONSE NAME="OpenEnumerateInstances"><IRETURNVALUE/>
        <PARAMVALUE NAME="EnumerationContext" TYPE="string"><VALUE>ctx-0001</VALUE></PARAMVALUE>
        <PARAMVALUE NAME="EndOfSequence" TYPE="boolean"><VALUE>FALSE</VALUE></PARAMVALUE></IMETHODRESPONSE>`),
    );
    const params = message.responses[0]!.kind === 'response' ? message.responses[0]!.outputParameters : [];
    expect(params.map((param) => param.value)).toEqual(['ctx-0001', false]);
    expect(message.warnings.map((warning) => warning.code)).toContain('PARAMVALUE_TYPE_ATTRIBUTE');
  });

  it('ERROR with CIM_Error', () => {
    const message = readResponse(
      response(`<IMETHODRESPONSE NAME="EnumerateInstances"><ERROR CODE="2"><INSTANCE CLASSNAME="CIM_Error">
        <PROPERTY NAME="ProbableCause" TYPE="uint16"><VALUE>117</VALUE></PROPERTY></INSTANCE></ERROR></IMETHODRESPONSE>`),
    );
    const error = message.response.error!;
    expect(error.statusCode).toBe(2);
    expect(error.statusCodeName).toBe('CIM_ERR_ACCESS_DENIED');
    expect(error.instances[0]?.get('ProbableCause')).toBe(117);
  });

  it('bad value skips one item', () => {
    const message = readResponse(
      response(`<IMETHODRESPONSE NAME="EnumerateInstances"><IRETURNVALUE>
        <INSTANCE CLASSNAME="X"><PROPERTY NAME="N" TYPE="uint8"><VALUE>1</VALUE></PROPERTY></INSTANCE>
        <INSTANCE CLASSNAME="X"><PROPERTY NAME="N" TYPE="uint8"><VALUE>300</VALUE></PROPERTY></INSTANCE>
        <INSTANCE CLASSNAME="X"><PROPERTY NAME="N" TYPE="uint8"><VALUE>3</VALUE></PROPERTY></INSTANCE>
      </IRETURNVALUE></IMETHODRESPONSE>`),
    );
    const items = message.response.kind === 'response' ? message.response.intrinsicReturnValue!.items : [];
    expect(items.map((item) => (item as CIMInstance).get('N'))).toEqual([1, 3]);
    expect(message.valueErrors[0]?.elementPath).toBe(
      'CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE(EnumerateInstances)/IRETURNVALUE/INSTANCE[2]/PROPERTY(N)/VALUE',
    );
  });
});

describe('paths and embedded objects', () => {
  it('class path as key rejected', () => {
    const xml = `<INSTANCENAME CLASSNAME="X_RedundancySetIdentity"><KEYBINDING NAME="SameElement"><VALUE.REFERENCE><LOCALCLASSPATH>
      <LOCALNAMESPACEPATH><NAMESPACE NAME="vendorns"/></LOCALNAMESPACEPATH><CLASSNAME NAME="X_RedundancySet"/></LOCALCLASSPATH></VALUE.REFERENCE></KEYBINDING></INSTANCENAME>`;
    expect(() => toCIMObject(xml)).toThrow(/SameElement/);
  });

  it('HOST text kept', () => {
    expect(toCIMObject('<HOST>[fe80::1%eth0.100]</HOST>')).toBe('[fe80::1%eth0.100]');
  });

  it('nested escaped instance', () => {
    const xml = `<PROPERTY NAME="Outer" TYPE="string" EmbeddedObject="object"><VALUE>&lt;INSTANCE CLASSNAME=&quot;X_Job&quot;&gt;&lt;PROPERTY NAME=&quot;In&quot; TYPE=&quot;string&quot; EmbeddedObject=&quot;object&quot;&gt;&lt;VALUE&gt;&amp;lt;INSTANCE CLASSNAME=&amp;quot;X_Param&amp;quot;&amp;gt;&amp;lt;PROPERTY NAME=&amp;quot;Size&amp;quot; TYPE=&amp;quot;uint64&amp;quot;&amp;gt;&amp;lt;VALUE&amp;gt;10000000&amp;lt;/VALUE&amp;gt;&amp;lt;/PROPERTY&amp;gt;&amp;lt;/INSTANCE&amp;gt;&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</VALUE></PROPERTY>`;
    const job = property(xml).value as CIMInstance;
    expect((job.get('In') as CIMInstance).get('Size')).toBe(10000000n);
  });

  it('split CDATA instance', () => {
    const xml = `<PROPERTY NAME="Cdata" TYPE="string" EMBEDDEDOBJECT="instance"><VALUE><![CDATA[<INSTANCE CLASSNAME="X_T"><PROPERTY NAME="S" TYPE="str]]><![CDATA[ing"><VALUE>a]]&gt;b &amp; c</VALUE></PROPERTY></INSTANCE>]]></VALUE></PROPERTY>`;
    expect((property(xml).value as CIMInstance).get('S')).toBe('a]]>b & c');
  });

  it('reference key kept', () => {
    const name = toCIMObject(
      '<INSTANCENAME CLASSNAME="A"><KEYBINDING NAME="R"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="B"><KEYBINDING NAME="K"><KEYVALUE>v</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></KEYBINDING></INSTANCENAME>',
    ) as CIMInstanceName;
    expect((name.keybindings.get('r') as CIMInstanceName).keybindings.get('K')).toBe('v');
  });
});

describe('datetime values', () => {
  it.each(['20180911124613.128***:000', '2018091112****.******+060', '**************.******:000', '2018**********.******+120'])(
    '%s accepted',
    (text) => {
      expect(String(property(`<PROPERTY NAME="d" TYPE="datetime"><VALUE>${text}</VALUE></PROPERTY>`).value)).toBe(text);
    },
  );

  it.each(['20180911**4613.128000+000', '20180911124613.12*4**+000', '20180911124613.128000+***', '1234567*******.******:000'])(
    '%s rejected',
    (text) => {
      expect(() => property(`<PROPERTY NAME="d" TYPE="datetime"><VALUE>${text}</VALUE></PROPERTY>`)).toThrow(CIMXMLParseError);
    },
  );
});
