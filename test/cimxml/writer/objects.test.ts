import { describe, expect, it } from 'vitest';
import '../../../src/cimxml/object-methods.js';
import { CIMClass } from '../../../src/cim/class.js';
import { CIMClassName } from '../../../src/cim/class-name.js';
import { CIMDateTime } from '../../../src/cim/datetime.js';
import { CIMInstance } from '../../../src/cim/instance.js';
import { CIMInstanceName } from '../../../src/cim/instance-name.js';
import { CIMMethod } from '../../../src/cim/method.js';
import { CIMParameter } from '../../../src/cim/parameter.js';
import { CIMProperty } from '../../../src/cim/property.js';
import { CIMQualifier } from '../../../src/cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../../src/cim/qualifier-declaration.js';
import { Char16, Real32, Sint64, Uint16, Uint32, Uint64, Uint8 } from '../../../src/cim/typed-value.js';
import { serializeElement, toCIMXML, toCIMXMLString, type CIMXMLWritable } from '../../../src/cimxml/writer/index.js';
import { dtdErrors, normalizeXml } from './helpers.js';

const NS = '<LOCALNAMESPACEPATH><NAMESPACE NAME="root"></NAMESPACE><NAMESPACE NAME="cimv2"></NAMESPACE></LOCALNAMESPACEPATH>';
const NSPATH = `<NAMESPACEPATH><HOST>cimhost.example:5989</HOST>${NS}</NAMESPACEPATH>`;
const FOO_NAME =
  '<INSTANCENAME CLASSNAME="CIM_Foo"><KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string" TYPE="string">a</KEYVALUE></KEYBINDING></INSTANCENAME>';

const fooPath = (options: { namespace?: string; host?: string } = {}) =>
  new CIMInstanceName('CIM_Foo', { Name: 'a' }, options);
const fooInstance = (path: CIMInstanceName | null) =>
  new CIMInstance('CIM_Foo', { path, properties: [new CIMProperty('Name', 'a')] });
const FOO_INSTANCE = '<INSTANCE CLASSNAME="CIM_Foo"><PROPERTY NAME="Name" TYPE="string"><VALUE>a</VALUE></PROPERTY></INSTANCE>';

const cases: Array<[string, CIMXMLWritable, string]> = [
  ['INSTANCENAME', fooPath(), FOO_NAME],
  ['LOCALINSTANCEPATH', fooPath({ namespace: 'root/cimv2' }), `<LOCALINSTANCEPATH>${NS}${FOO_NAME}</LOCALINSTANCEPATH>`],
  [
    'INSTANCEPATH',
    fooPath({ namespace: 'root/cimv2', host: 'cimhost.example:5989' }),
    `<INSTANCEPATH>${NSPATH}${FOO_NAME}</INSTANCEPATH>`,
  ],
  ['CLASSNAME', new CIMClassName('CIM_Foo'), '<CLASSNAME NAME="CIM_Foo"></CLASSNAME>'],
  [
    'LOCALCLASSPATH',
    new CIMClassName('CIM_Foo', { namespace: 'root/cimv2' }),
    `<LOCALCLASSPATH>${NS}<CLASSNAME NAME="CIM_Foo"></CLASSNAME></LOCALCLASSPATH>`,
  ],
  [
    'CLASSPATH',
    new CIMClassName('CIM_Foo', { namespace: 'root/cimv2', host: 'cimhost.example:5989' }),
    `<CLASSPATH>${NSPATH}<CLASSNAME NAME="CIM_Foo"></CLASSNAME></CLASSPATH>`,
  ],
  [
    'KEYVALUE types',
    new CIMInstanceName('X_Key', [
      ['S', 'text'],
      ['B', true],
      ['U', new Uint16(7)],
      ['Big', new Uint64(18446744073709551615n)],
      ['C', new Char16('c')],
      ['R', new Real32(1.5)],
      ['D', new CIMDateTime('20241203153000.000000+060')],
    ]),
    '<INSTANCENAME CLASSNAME="X_Key">' +
      '<KEYBINDING NAME="S"><KEYVALUE VALUETYPE="string" TYPE="string">text</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="B"><KEYVALUE VALUETYPE="boolean" TYPE="boolean">TRUE</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="U"><KEYVALUE VALUETYPE="numeric" TYPE="uint16">7</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="Big"><KEYVALUE VALUETYPE="numeric" TYPE="uint64">18446744073709551615</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="C"><KEYVALUE VALUETYPE="string" TYPE="char16">c</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="R"><KEYVALUE VALUETYPE="numeric" TYPE="real32">1.5000000000</KEYVALUE></KEYBINDING>' +
      '<KEYBINDING NAME="D"><KEYVALUE VALUETYPE="string" TYPE="datetime">20241203153000.000000+060</KEYVALUE></KEYBINDING>' +
      '</INSTANCENAME>',
  ],
  [
    'KEYBINDING reference',
    new CIMInstanceName('X_Assoc', { Antecedent: fooPath({ namespace: 'root/cimv2' }) }),
    '<INSTANCENAME CLASSNAME="X_Assoc"><KEYBINDING NAME="Antecedent"><VALUE.REFERENCE>' +
      `<LOCALINSTANCEPATH>${NS}${FOO_NAME}</LOCALINSTANCEPATH></VALUE.REFERENCE></KEYBINDING></INSTANCENAME>`,
  ],
  ['INSTANCE', fooInstance(null), FOO_INSTANCE],
  ['VALUE.NAMEDINSTANCE', fooInstance(fooPath()), `<VALUE.NAMEDINSTANCE>${FOO_NAME}${FOO_INSTANCE}</VALUE.NAMEDINSTANCE>`],
  [
    'VALUE.OBJECTWITHLOCALPATH',
    fooInstance(fooPath({ namespace: 'root/cimv2' })),
    `<VALUE.OBJECTWITHLOCALPATH><LOCALINSTANCEPATH>${NS}${FOO_NAME}</LOCALINSTANCEPATH>${FOO_INSTANCE}</VALUE.OBJECTWITHLOCALPATH>`,
  ],
  [
    'VALUE.INSTANCEWITHPATH',
    fooInstance(fooPath({ namespace: 'root/cimv2', host: 'cimhost.example:5989' })),
    `<VALUE.INSTANCEWITHPATH><INSTANCEPATH>${NSPATH}${FOO_NAME}</INSTANCEPATH>${FOO_INSTANCE}</VALUE.INSTANCEWITHPATH>`,
  ],
  [
    'PROPERTY qualifiers and origin',
    new CIMProperty('Id', new Uint32(5), {
      classOrigin: 'CIM_Foo',
      propagated: true,
      qualifiers: [new CIMQualifier('Key', true, { overridable: false })],
    }),
    '<PROPERTY NAME="Id" TYPE="uint32" CLASSORIGIN="CIM_Foo" PROPAGATED="true">' +
      '<QUALIFIER NAME="Key" TYPE="boolean" OVERRIDABLE="false"><VALUE>TRUE</VALUE></QUALIFIER><VALUE>5</VALUE></PROPERTY>',
  ],
  ['PROPERTY NULL', new CIMProperty('S', null, { type: 'string' }), '<PROPERTY NAME="S" TYPE="string"></PROPERTY>'],
  ['PROPERTY empty string', new CIMProperty('S', ''), '<PROPERTY NAME="S" TYPE="string"><VALUE></VALUE></PROPERTY>'],
  [
    'PROPERTY.ARRAY with NULL',
    new CIMProperty('A', [new Uint8(1), null, new Uint8(3)], { arraySize: 3 }),
    '<PROPERTY.ARRAY NAME="A" TYPE="uint8" ARRAYSIZE="3"><VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL></VALUE.NULL><VALUE>3</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>',
  ],
  ['PROPERTY.ARRAY empty', new CIMProperty('A', [], { type: 'string' }), '<PROPERTY.ARRAY NAME="A" TYPE="string"><VALUE.ARRAY></VALUE.ARRAY></PROPERTY.ARRAY>'],
  [
    'PROPERTY.REFERENCE',
    new CIMProperty('Dependent', fooPath(), { referenceClass: 'CIM_Foo' }),
    `<PROPERTY.REFERENCE NAME="Dependent" REFERENCECLASS="CIM_Foo"><VALUE.REFERENCE>${FOO_NAME}</VALUE.REFERENCE></PROPERTY.REFERENCE>`,
  ],
  [
    'PROPERTY sint64 minimum',
    new CIMProperty('N', new Sint64(-9223372036854775808n)),
    '<PROPERTY NAME="N" TYPE="sint64"><VALUE>-9223372036854775808</VALUE></PROPERTY>',
  ],
  [
    'METHOD with parameters',
    new CIMMethod('Start', 'uint32', {
      classOrigin: 'CIM_Foo',
      parameters: [
        new CIMParameter('Timeout', { type: 'uint32', qualifiers: [new CIMQualifier('In', true)] }),
        new CIMParameter('Names', { type: 'string', isArray: true, arraySize: 4 }),
        new CIMParameter('Job', { type: 'reference', referenceClass: 'CIM_Job' }),
        new CIMParameter('Jobs', { type: 'reference', isArray: true, referenceClass: 'CIM_Job' }),
      ],
    }),
    '<METHOD NAME="Start" TYPE="uint32" CLASSORIGIN="CIM_Foo">' +
      '<PARAMETER NAME="Timeout" TYPE="uint32"><QUALIFIER NAME="In" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER></PARAMETER>' +
      '<PARAMETER.ARRAY NAME="Names" TYPE="string" ARRAYSIZE="4"></PARAMETER.ARRAY>' +
      '<PARAMETER.REFERENCE NAME="Job" REFERENCECLASS="CIM_Job"></PARAMETER.REFERENCE>' +
      '<PARAMETER.REFARRAY NAME="Jobs" REFERENCECLASS="CIM_Job"></PARAMETER.REFARRAY>' +
      '</METHOD>',
  ],
  [
    'CLASS',
    new CIMClass('CIM_Foo', {
      superclass: 'CIM_Base',
      qualifiers: [new CIMQualifier('Description', 'A class')],
      properties: [new CIMProperty('Name', null, { type: 'string' })],
      methods: [new CIMMethod('Stop', null)],
    }),
    '<CLASS NAME="CIM_Foo" SUPERCLASS="CIM_Base"><QUALIFIER NAME="Description" TYPE="string"><VALUE>A class</VALUE></QUALIFIER>' +
      '<PROPERTY NAME="Name" TYPE="string"></PROPERTY><METHOD NAME="Stop"></METHOD></CLASS>',
  ],
  [
    'QUALIFIER array flavors',
    new CIMQualifier('ValueMap', ['1', '2'], { toSubclass: false, translatable: true, propagated: false }),
    '<QUALIFIER NAME="ValueMap" TYPE="string" PROPAGATED="false" TOSUBCLASS="false" TRANSLATABLE="true">' +
      '<VALUE.ARRAY><VALUE>1</VALUE><VALUE>2</VALUE></VALUE.ARRAY></QUALIFIER>',
  ],
  [
    'QUALIFIER.DECLARATION',
    new CIMQualifierDeclaration('Key', 'boolean', {
      value: false,
      scopes: { property: true, reference: true },
      overridable: false,
    }),
    '<QUALIFIER.DECLARATION NAME="Key" TYPE="boolean" ISARRAY="false" OVERRIDABLE="false">' +
      '<SCOPE REFERENCE="true" PROPERTY="true"></SCOPE><VALUE>FALSE</VALUE></QUALIFIER.DECLARATION>',
  ],
  [
    'QUALIFIER.DECLARATION any scope',
    new CIMQualifierDeclaration('Description', 'string', { scopes: { any: true }, translatable: true }),
    '<QUALIFIER.DECLARATION NAME="Description" TYPE="string" ISARRAY="false" TRANSLATABLE="true">' +
      '<SCOPE CLASS="true" ASSOCIATION="true" REFERENCE="true" PROPERTY="true" METHOD="true" PARAMETER="true" INDICATION="true"></SCOPE>' +
      '</QUALIFIER.DECLARATION>',
  ],
  [
    'QUALIFIER.DECLARATION array',
    new CIMQualifierDeclaration('Values', 'string', { isArray: true, arraySize: 2, scopes: { property: true } }),
    '<QUALIFIER.DECLARATION NAME="Values" TYPE="string" ISARRAY="true" ARRAYSIZE="2"><SCOPE PROPERTY="true"></SCOPE></QUALIFIER.DECLARATION>',
  ],
  ['VALUE boolean', false, '<VALUE>FALSE</VALUE>'],
  ['VALUE datetime', new CIMDateTime('00000001020304.000005:000'), '<VALUE>00000001020304.000005:000</VALUE>'],
  ['VALUE.NULL', null, '<VALUE.NULL></VALUE.NULL>'],
  ['VALUE.ARRAY', ['a', null], '<VALUE.ARRAY><VALUE>a</VALUE><VALUE.NULL></VALUE.NULL></VALUE.ARRAY>'],
  [
    'VALUE.REFARRAY',
    [fooPath(), null, new CIMClassName('CIM_Foo')],
    `<VALUE.REFARRAY><VALUE.REFERENCE>${FOO_NAME}</VALUE.REFERENCE><VALUE.NULL></VALUE.NULL>` +
      '<VALUE.REFERENCE><CLASSNAME NAME="CIM_Foo"></CLASSNAME></VALUE.REFERENCE></VALUE.REFARRAY>',
  ],
];

describe('toCIMXMLString', () => {
  it.each(cases)('%s golden', (_name, value, expected) => {
    expect(toCIMXMLString(value)).toBe(normalizeXml(expected));
  });

  it.each(cases)('%s is DTD-valid', (_name, value) => {
    expect(dtdErrors(toCIMXMLString(value))).toEqual([]);
  });

  it.each(cases)('%s element serialises the same', (_name, value) => {
    expect(serializeElement(toCIMXML(value))).toBe(toCIMXMLString(value));
  });

  it('ignorePath writes INSTANCE', () => {
    expect(toCIMXMLString(fooInstance(fooPath()), { ignorePath: true })).toBe(FOO_INSTANCE);
  });
});

describe('object methods', () => {
  it.each(cases.filter(([, value]) => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof CIMDateTime)))(
    '%s method matches function',
    (_name, value) => {
      const object = value as CIMInstance;
      expect(object.toCIMXMLString()).toBe(toCIMXMLString(value));
      expect(object.toCIMXML()).toEqual(toCIMXML(value));
    },
  );
});

describe('toCIMXML element', () => {
  it('instance element tree', () => {
    const root = toCIMXML(fooInstance(null));
    expect(root.name).toBe('INSTANCE');
    expect(root.attributes).toEqual({ CLASSNAME: 'CIM_Foo' });
    expect(root.children[0]?.name).toBe('PROPERTY');
    expect(root.children[0]?.children[0]?.text).toBe('a');
  });

  it('element text is unescaped', () => {
    const root = toCIMXML(new CIMProperty('S', 'a<b&c'));
    expect(root.children[0]?.text).toBe('a<b&c');
  });
});
