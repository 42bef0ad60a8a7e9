import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTEGER_RANGES, INTEGER_TYPES, is64BitType, type CIMType } from '../../src/cim/cim-type.js';
import { CIMClass } from '../../src/cim/class.js';
import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMMethod } from '../../src/cim/method.js';
import { CIMParameter } from '../../src/cim/parameter.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIMQualifierDeclaration } from '../../src/cim/qualifier-declaration.js';
import {
  Char16,
  INTEGER_CLASSES,
  Real32,
  Real64,
  Sint64,
  Uint64,
} from '../../src/cim/typed-value.js';
import type { CIMScalar, CIMValue, KeyBindingValue } from '../../src/cim/value.js';
import { TextSink, toCIMObject, toCIMXML, toCIMXMLString } from '../../src/cimxml/index.js';
import { writeValueObjectWithPath } from '../../src/cimxml/writer/object-writer.js';
import { MOFCompiler } from '../../src/mof/compiler.js';
import { MOFRepository } from '../../src/mof/memory-target.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-schema', 'cim_schema_2.49.0.mof');

type Writable = Parameters<typeof toCIMXMLString>[0];

/** Writes the object as CIM-XML text and reads it back. */
function viaText(object: Writable): unknown {
  return toCIMObject(toCIMXMLString(object));
}

/** Writes the object as an element tree and reads it back. */
function viaElement(object: Writable): unknown {
  return toCIMObject(toCIMXML(object));
}

/** Compares what `valuesEqual` misses: the sign of zero, element by element. */
function zeroSigns(value: CIMValue): boolean[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((element) => Object.is(element, -0));
}

// Values at the edges of each type, as [label, value].
const REAL32_VALUES: Array<[string, number]> = [
  ['0.1', Math.fround(0.1)],
  ['zero', 0],
  ['negative zero', -0],
  ['max', Math.fround(3.4028234663852886e38)],
  ['min normal', Math.fround(1.1754943508222875e-38)],
  ['min subnormal', Math.fround(1.401298464324817e-45)],
  ['negative', Math.fround(-123.456)],
  ['INF', Infinity],
  ['-INF', -Infinity],
  ['NaN', Number.NaN],
];

const REAL64_VALUES: Array<[string, number]> = [
  ['0.1', 0.1],
  ['zero', 0],
  ['negative zero', -0],
  ['max', Number.MAX_VALUE],
  ['min normal', 2.2250738585072014e-308],
  ['min subnormal', 5e-324],
  ['subnormal', 2.2250738585072009e-308],
  ['one third', 1 / 3],
  ['1e21', 1e21],
  ['INF', Infinity],
  ['-INF', -Infinity],
  ['NaN', Number.NaN],
];

const STRING_VALUES: Array<[string, string]> = [
  ['empty', ''],
  ['plain', 'plain text'],
  ['quotes', 'say "hi" and \'bye\''],
  ['backslashes', 'C:\\path\\to\\file\\'],
  ['commas and equals', 'a,b=c.d:e;f'],
  ['markup', '<INSTANCE CLASSNAME="x"> &amp; ]]> &'],
  ['non-ASCII', 'ümlaut ß 中文 😀'],
  ['controls', 'tab\there\nnewline\r\ncrlf\rcr'],
  ['surrounding spaces', '  padded  '],
  ['only whitespace', ' \n\t '],
];

const DATETIME_VALUES: Array<[string, string]> = [
  ['timestamp', '20241203153000.123456+060'],
  ['negative offset', '19991231235959.999999-720'],
  ['interval', '12345678235959.999999:000'],
  ['zero interval', '00000000000000.000000:000'],
  ['wildcard microseconds', '20241203153000.123***+000'],
  ['wildcard time', '20241203******.******+000'],
  ['wildcard interval', '00000001******.******:000'],
];

function integerValues(type: (typeof INTEGER_TYPES)[number]): Array<[string, number | bigint]> {
  const [min, max] = INTEGER_RANGES[type];
  const plain = (value: bigint) => (is64BitType(type) ? value : Number(value));
  return [
    ['min', plain(min)],
    ['max', plain(max)],
    ['zero', plain(0n)],
  ];
}

const SCALAR_CASES: Array<[CIMType, string, CIMScalar]> = [
  ['boolean', 'true', true],
  ['boolean', 'false', false],
  ...STRING_VALUES.map(([label, value]): [CIMType, string, CIMScalar] => ['string', label, value]),
  ['char16', 'letter', 'a'],
  ['char16', 'quote', '"'],
  ['char16', 'less-than', '<'],
  ['char16', 'CR', '\r'],
  ['char16', 'space', ' '],
  ['char16', 'BMP character', '\u4e2d'],
  ...DATETIME_VALUES.map(([label, text]): [CIMType, string, CIMScalar] => ['datetime', label, new CIMDateTime(text)]),
  ...INTEGER_TYPES.flatMap((type) => integerValues(type).map(([label, value]): [CIMType, string, CIMScalar] => [type, label, value])),
  ...REAL32_VALUES.map(([label, value]): [CIMType, string, CIMScalar] => ['real32', label, value]),
  ...REAL64_VALUES.map(([label, value]): [CIMType, string, CIMScalar] => ['real64', label, value]),
];

/** One sample value per non-reference type, for NULL and array cases. */
const SAMPLES: Array<[CIMType, CIMScalar, CIMScalar]> = [
  ['boolean', true, false],
  ['string', 'a"b', '<c>'],
  ['char16', 'x', '&'],
  ['datetime', new CIMDateTime('20241203153000.000000+060'), new CIMDateTime('00000001000000.000000:000')],
  ...INTEGER_TYPES.map((type): [CIMType, CIMScalar, CIMScalar] => {
    const [min, max] = INTEGER_RANGES[type];
    return is64BitType(type) ? [type, min, max] : [type, Number(min), Number(max)];
  }),
  ['real32', Math.fround(0.1), -0],
  ['real64', Number.NaN, 5e-324],
];

const nestedKey = new CIMInstanceName('CIM_System', { Name: 'sys "1"', Id: new Uint64(18446744073709551615n) }, { namespace: 'root/cimv2' });
const middleKey = new CIMInstanceName('CIM_Service', { Name: 'svc\\a,b=c', System: nestedKey });

const REFERENCES: Array<[string, CIMInstanceName | CIMClassName]> = [
  ['instance name', new CIMInstanceName('CIM_Foo', { Id: 'a' })],
  ['local instance path', new CIMInstanceName('CIM_Foo', { Id: 'a' }, { namespace: 'root/cimv2' })],
  ['instance path', new CIMInstanceName('CIM_Foo', { Id: 'a' }, { namespace: 'root/cimv2', host: 'cimhost.example:5989' })],
  ['nested reference keys', new CIMInstanceName('CIM_Dependency', { Antecedent: middleKey, Dependent: nestedKey }, { namespace: 'interop' })],
  ['keyless instance name', new CIMInstanceName('CIM_Singleton', {})],
  ['class name', new CIMClassName('CIM_Foo')],
  ['local class path', new CIMClassName('CIM_Foo', { namespace: 'root/cimv2' })],
  ['class path', new CIMClassName('CIM_Foo', { namespace: 'root/cimv2', host: '[::1]:5989' })],
];

describe('property round trip', () => {
  it.each(SCALAR_CASES)('%s %s', (type, _label, value) => {
    const property = new CIMProperty('P', value, { type, classOrigin: 'CIM_Foo', propagated: false });

    for (const back of [viaText(property), viaElement(property)]) {
      expect(back).toBeInstanceOf(CIMProperty);
      expect((back as CIMProperty).equals(property)).toBe(true);
      expect(zeroSigns((back as CIMProperty).value)).toEqual(zeroSigns(property.value));
    }
  });

  it.each(SAMPLES)('%s NULL scalar', (type) => {
    const property = new CIMProperty('P', null, { type, propagated: true });
    expect((viaText(property) as CIMProperty).equals(property)).toBe(true);
  });

  it.each(SAMPLES)('%s NULL array', (type) => {
    const property = new CIMProperty('P', null, { type, isArray: true, arraySize: 4, propagated: false });
    expect((viaText(property) as CIMProperty).equals(property)).toBe(true);
  });

  it.each(SAMPLES)('%s empty array', (type) => {
    const property = new CIMProperty('P', [], { type, isArray: true, propagated: false });
    const back = viaText(property) as CIMProperty;
    expect(back.value).toEqual([]);
    expect(back.equals(property)).toBe(true);
  });

  it.each(SAMPLES)('%s array with NULL elements', (type, first, second) => {
    const property = new CIMProperty('P', [null, first, null, second, null], { type, isArray: true, propagated: false });
    const back = viaText(property) as CIMProperty;
    expect(back.equals(property)).toBe(true);
    expect(zeroSigns(back.value)).toEqual(zeroSigns(property.value));
  });

  it.each(REFERENCES)('reference to %s', (_label, reference) => {
    const property = new CIMProperty('Ref', reference, { referenceClass: 'CIM_Foo', classOrigin: 'CIM_Assoc', propagated: true });
    for (const back of [viaText(property), viaElement(property)]) {
      expect((back as CIMProperty).equals(property)).toBe(true);
    }
  });

  it('NULL reference', () => {
    const property = new CIMProperty('Ref', null, { type: 'reference', referenceClass: 'CIM_Foo', propagated: false });
    expect((viaText(property) as CIMProperty).equals(property)).toBe(true);
  });

  it('unset flags read as DTD defaults', () => {
    const property = new CIMProperty('P', 'x', { qualifiers: [new CIMQualifier('Description', 'd', { propagated: false })] });
    const back = viaText(property) as CIMProperty;

    expect(property.propagated).toBeNull();
    expect(back.propagated).toBe(false);
    expect(back.qualifiers.get('Description')).toMatchObject({ overridable: true, toSubclass: true, toInstance: false, translatable: false });
    expect(back.qualifiers.get('Description')?.equals(property.qualifiers.get('Description'))).toBe(true);
  });
});

describe('plain value round trip', () => {
  it.each(STRING_VALUES)('string %s', (_label, value) => {
    expect(viaText(value)).toBe(value);
  });

  it.each(REFERENCES)('reference %s', (_label, reference) => {
    expect((viaText(reference) as CIMInstanceName).equals(reference)).toBe(true);
  });

  it('reference array with NULL elements', () => {
    const references = [null, ...REFERENCES.map(([, reference]) => reference), null];
    const back = viaText(references) as unknown[];
    expect(back).toHaveLength(references.length);
    back.forEach((element, index) => {
      const original = references[index];
      if (original === null || original === undefined) expect(element).toBeNull();
      else expect(original.equals(element)).toBe(true);
    });
  });
});

// Keybinding values of every kind, as [label, value].
const KEY_VALUES: Array<[string, KeyBindingValue]> = [
  ...INTEGER_TYPES.flatMap((type) =>
    integerValues(type).map(([label, value]): [string, KeyBindingValue] => [`${type} ${label}`, new INTEGER_CLASSES[type](value)]),
  ),
  ['real32', new Real32(0.1)],
  ['real32 negative zero', new Real32(-0)],
  ['real64', new Real64(0.1)],
  ['real64 subnormal', new Real64(5e-324)],
  ['real64 INF', new Real64(Infinity)],
  ['real64 NaN', new Real64(Number.NaN)],
  ['char16', new Char16(',')],
  ['char16 quote', new Char16('"')],
  ...STRING_VALUES.map(([label, value]): [string, KeyBindingValue] => [`string ${label}`, value]),
  ['boolean true', true],
  ['boolean false', false],
  ['plain integer', 42],
  ['plain negative', -7],
  ['plain real', 0.1],
  ['plain bigint', 9007199254740993n],
  ['datetime timestamp', new CIMDateTime('20241203153000.000000+060')],
  ['datetime interval', new CIMDateTime('00000001020304.000005:000')],
  ['reference', nestedKey],
  ['nested reference', middleKey],
];

const PATH_FORMS: Array<[string, { namespace?: string; host?: string }]> = [
  ['INSTANCENAME', {}],
  ['LOCALINSTANCEPATH', { namespace: 'root/cimv2' }],
  ['INSTANCEPATH', { namespace: 'root/cimv2', host: 'cimhost.example' }],
];

/** Compares keybinding values strictly: the wrapper class and value, and the sign of zero. */
function describeKey(value: KeyBindingValue | undefined): unknown {
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) return value.toWBEMURI();
  if (value instanceof CIMDateTime) return ['CIMDateTime', value.text];
  if (typeof value === 'object' && value !== null) {
    return [value.constructor.name, Object.is(value.value, -0) ? '-0' : value.value];
  }
  return [typeof value, value];
}

describe('instance name round trip', () => {
  it.each(KEY_VALUES)('key %s', (_label, value) => {
    const name = new CIMInstanceName('CIM_Foo', [['Key', value], ['Other', 'x']], { namespace: 'root/cimv2', host: 'cimhost.example' });
    const back = viaText(name) as CIMInstanceName;

    expect(back.equals(name)).toBe(true);
    expect(describeKey(back.keybindings.get('Key'))).toEqual(describeKey(value));
  });

  it.each(PATH_FORMS)('all keys as %s', (element, options) => {
    const name = new CIMInstanceName('CIM_Foo', KEY_VALUES.map(([label, value]) => [label.replace(/\W/g, '_'), value]), options);
    const text = toCIMXMLString(name);
    expect(text.startsWith(`<${element}>`) || text.startsWith(`<${element} `)).toBe(true);

    for (const back of [viaText(name), viaElement(name)]) {
      expect((back as CIMInstanceName).equals(name)).toBe(true);
      expect([...(back as CIMInstanceName).keybindings.keys()]).toEqual([...name.keybindings.keys()]);
    }
  });
});

function allTypesInstance(className: string): CIMInstance {
  const properties = SAMPLES.flatMap(([type, first, second]) => [
    new CIMProperty(`S_${type}`, first, { type, propagated: false }),
    new CIMProperty(`A_${type}`, [first, null, second], { type, isArray: true, propagated: false }),
  ]);
  properties.push(new CIMProperty('R', middleKey, { referenceClass: 'CIM_Service', propagated: false }));
  return new CIMInstance(className, { properties });
}

function embeddedInstance(depth: number): CIMInstance {
  const instance = allTypesInstance(`CIM_Level${depth}`);
  if (depth > 0) {
    instance.properties.set('Inner', new CIMProperty('Inner', embeddedInstance(depth - 1), { propagated: false }));
    instance.properties.set(
      'Inners',
      new CIMProperty('Inners', [embeddedInstance(depth - 1), null, new CIMInstance('CIM_Empty')], { isArray: true, propagated: false }),
    );
  }
  return instance;
}

describe('instance round trip', () => {
  it('every type', () => {
    const instance = allTypesInstance('CIM_AllTypes');
    expect((viaText(instance) as CIMInstance).equals(instance)).toBe(true);
    expect((viaElement(instance) as CIMInstance).equals(instance)).toBe(true);
  });

  it('embedded instances nested twice', () => {
    const instance = embeddedInstance(2);
    const back = viaText(instance) as CIMInstance;

    expect(back.equals(instance)).toBe(true);
    const inner = back.get('Inner') as CIMInstance;
    expect(inner).toBeInstanceOf(CIMInstance);
    expect(inner.get('Inner')).toBeInstanceOf(CIMInstance);
    expect((back.get('Inners') as unknown[])[1]).toBeNull();
  });

  it('embedded object holding a class', () => {
    const embedded = new CIMClass('CIM_Embedded', { superclass: 'CIM_Base', methods: [allKindsMethod()], properties: [new CIMProperty('S', 'v', { propagated: false })] });
    const instance = new CIMInstance('CIM_Holder', {
      properties: [
        new CIMProperty('Object', embedded, { propagated: false }),
        new CIMProperty('Objects', [embedded, embeddedInstance(1), null], { type: 'string', isArray: true, embeddedObject: 'object', propagated: false }),
        new CIMProperty('NullObject', null, { type: 'string', embeddedObject: 'instance', propagated: false }),
      ],
    });
    const back = viaText(instance) as CIMInstance;

    expect(back.equals(instance)).toBe(true);
    expect(back.get('Object')).toBeInstanceOf(CIMClass);
    expect(back.properties.get('Objects')?.embeddedObject).toBe('object');
  });

  it('instance qualifiers', () => {
    const instance = new CIMInstance('CIM_Foo', {
      properties: [new CIMProperty('S', 'x', { propagated: false })],
      qualifiers: [new CIMQualifier('Description', 'instance level', { propagated: false, translatable: true })],
    });
    expect((viaText(instance) as CIMInstance).equals(instance)).toBe(true);
  });

  it.each([
    ['VALUE.NAMEDINSTANCE', new CIMInstanceName('CIM_AllTypes', { Key: 'k' })],
    ['VALUE.OBJECTWITHLOCALPATH', new CIMInstanceName('CIM_AllTypes', { Key: 'k' }, { namespace: 'root/cimv2' })],
    ['VALUE.INSTANCEWITHPATH', new CIMInstanceName('CIM_AllTypes', { Key: 'k', Ref: middleKey }, { namespace: 'root/cimv2', host: 'cimhost.example' })],
  ])('with path as %s', (element, path) => {
    const instance = allTypesInstance('CIM_AllTypes');
    instance.path = path;
    const text = toCIMXMLString(instance);
    expect(text.startsWith(`<${element}>`)).toBe(true);

    const back = viaText(instance) as CIMInstance;
    expect(back.equals(instance)).toBe(true);
    expect(back.path?.equals(path)).toBe(true);
  });

  it('with path as VALUE.OBJECTWITHPATH', () => {
    const instance = allTypesInstance('CIM_AllTypes');
    instance.path = new CIMInstanceName('CIM_AllTypes', { Key: 'k' }, { namespace: 'root/cimv2', host: 'cimhost.example' });
    const sink = new TextSink();
    writeValueObjectWithPath(sink, instance);
    const text = sink.take();
    expect(text.startsWith('<VALUE.OBJECTWITHPATH>')).toBe(true);

    expect((toCIMObject(text) as CIMInstance).equals(instance)).toBe(true);
  });
});

function flavoredQualifiers(): CIMQualifier[] {
  const flavors = [
    { overridable: false, toSubclass: true, toInstance: false, translatable: false },
    { overridable: true, toSubclass: false, toInstance: true, translatable: true },
  ];
  return SAMPLES.flatMap(([type, first, second], index) => {
    const flavor = flavors[index % 2]!;
    return [
      new CIMQualifier(`Q_${type}`, first, { type, propagated: false, ...flavor }),
      new CIMQualifier(`QA_${type}`, [first, second], { type, propagated: true, ...flavor }),
      new CIMQualifier(`QN_${type}`, null, { type, propagated: false, ...flavor }),
    ];
  });
}

function allKindsMethod(): CIMMethod {
  const parameterQualifiers = () => [new CIMQualifier('In', true, { propagated: false }), new CIMQualifier('Out', false, { propagated: false })];
  const parameters = SAMPLES.flatMap(([type]) => [
    new CIMParameter(`P_${type}`, { type, qualifiers: parameterQualifiers() }),
    new CIMParameter(`PA_${type}`, { type, isArray: true, qualifiers: parameterQualifiers() }),
    new CIMParameter(`PF_${type}`, { type, isArray: true, arraySize: 3 }),
  ]);
  parameters.push(
    new CIMParameter('Ref', { type: 'reference', referenceClass: 'CIM_Foo', qualifiers: parameterQualifiers() }),
    new CIMParameter('AnyRef', { type: 'reference' }),
    new CIMParameter('Refs', { type: 'reference', isArray: true, referenceClass: 'CIM_Foo' }),
    new CIMParameter('FixedRefs', { type: 'reference', isArray: true, arraySize: 2 }),
    new CIMParameter('Embedded', {
      type: 'string',
      embeddedObject: 'instance',
      qualifiers: [new CIMQualifier('EmbeddedInstance', 'CIM_Foo', { propagated: false })],
    }),
    new CIMParameter('EmbeddedObjects', {
      type: 'string',
      isArray: true,
      embeddedObject: 'object',
      qualifiers: [new CIMQualifier('EmbeddedObject', true, { propagated: false })],
    }),
  );
  return new CIMMethod('DoAll', 'uint32', {
    parameters,
    qualifiers: [new CIMQualifier('Description', 'does all', { propagated: false })],
    classOrigin: 'CIM_AllKinds',
    propagated: false,
  });
}

function allKindsClass(): CIMClass {
  const instance = allTypesInstance('CIM_AllKinds');
  const properties = [...instance.properties.values()].map((property) => {
    property.classOrigin = 'CIM_AllKinds';
    property.qualifiers.set('Description', new CIMQualifier('Description', `about ${property.name}`, { propagated: false }));
    return property;
  });
  properties.push(
    new CIMProperty('Fixed', null, { type: 'uint8', isArray: true, arraySize: 4, propagated: true, classOrigin: 'CIM_Base' }),
    new CIMProperty('Embedded', null, { type: 'string', embeddedObject: 'instance', propagated: false }),
  );
  return new CIMClass('CIM_AllKinds', {
    superclass: 'CIM_Base',
    properties,
    methods: [allKindsMethod(), new CIMMethod('Inherited', 'string', { classOrigin: 'CIM_Base', propagated: true })],
    qualifiers: flavoredQualifiers(),
  });
}

describe('class round trip', () => {
  it('every member kind', () => {
    const cimClass = allKindsClass();
    expect((viaText(cimClass) as CIMClass).equals(cimClass)).toBe(true);
    expect((viaElement(cimClass) as CIMClass).equals(cimClass)).toBe(true);
  });

  it.each(flavoredQualifiers().map((qualifier) => [qualifier.name, qualifier] as const))('qualifier %s', (_name, qualifier) => {
    expect((viaText(qualifier) as CIMQualifier).equals(qualifier)).toBe(true);
  });

  it.each([
    ['VALUE.OBJECTWITHLOCALPATH', new CIMClassName('CIM_AllKinds', { namespace: 'root/cimv2' })],
    ['VALUE.OBJECTWITHPATH', new CIMClassName('CIM_AllKinds', { namespace: 'root/cimv2', host: 'cimhost.example' })],
  ])('with path as %s', (element, path) => {
    const cimClass = allKindsClass();
    cimClass.path = path;
    expect(toCIMXMLString(cimClass).startsWith(`<${element}>`)).toBe(true);

    const back = viaText(cimClass) as CIMClass;
    expect(back.equals(cimClass)).toBe(true);
    expect(back.path?.equals(path)).toBe(true);
  });
});

describe('qualifier declaration round trip', () => {
  const scopeSets = [
    { class: true },
    { association: true, indication: true },
    { property: true, reference: true },
    { method: true, parameter: true },
    { any: true },
    { class: true, property: false },
  ];

  const cases = SAMPLES.flatMap(([type, first, second], index) => [
    new CIMQualifierDeclaration(`D_${type}`, type, {
      value: first,
      scopes: scopeSets[index % scopeSets.length],
      overridable: index % 2 === 0,
      toSubclass: index % 3 !== 0,
      translatable: type === 'string',
      toInstance: false,
    }),
    new CIMQualifierDeclaration(`DA_${type}`, type, {
      value: [first, null, second],
      isArray: true,
      scopes: scopeSets[(index + 1) % scopeSets.length],
    }),
    new CIMQualifierDeclaration(`DF_${type}`, type, { isArray: true, arraySize: 2, scopes: { any: true } }),
    new CIMQualifierDeclaration(`DN_${type}`, type, { scopes: { parameter: true }, overridable: false, toSubclass: false }),
  ]);

  it.each(cases.map((declaration) => [declaration.name, declaration] as const))('%s', (_name, declaration) => {
    expect((viaText(declaration) as CIMQualifierDeclaration).equals(declaration)).toBe(true);
    expect((viaElement(declaration) as CIMQualifierDeclaration).equals(declaration)).toBe(true);
  });
});

/** A small deterministic generator (mulberry32), so that a failing case can be reproduced. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters XML can carry, mostly ones that need escaping or are outside ASCII.
const CHAR_POOL = [...'aZ09 ,=."\'\\<>&;:/{}[]\t\n\r', 'ü', '中', '😀', '\u00a0', '\u2028', '\ufffd'];

function randomString(random: () => number, maxLength: number): string {
  const length = Math.floor(random() * maxLength);
  let text = '';
  for (let index = 0; index < length; index++) text += CHAR_POOL[Math.floor(random() * CHAR_POOL.length)];
  return text;
}

function randomBigint(random: () => number, min: bigint, max: bigint): bigint {
  const span = max - min + 1n;
  let value = 0n;
  for (let index = 0; index < 4; index++) value = (value << 16n) | BigInt(Math.floor(random() * 65536));
  return min + (value % span);
}

function randomReal(random: () => number, type: 'real32' | 'real64'): number {
  const specials = [0, -0, Infinity, -Infinity, Number.NaN, 5e-324, Number.MAX_VALUE];
  if (random() < 0.2) {
    const special = specials[Math.floor(random() * specials.length)]!;
    return type === 'real32' ? Math.fround(special) : special;
  }

  const bytes = new DataView(new ArrayBuffer(8));
  bytes.setUint32(0, Math.floor(random() * 4294967296));
  bytes.setUint32(4, Math.floor(random() * 4294967296));
  return type === 'real32' ? bytes.getFloat32(0) : bytes.getFloat64(0);
}

function randomDateTime(random: () => number): CIMDateTime {
  const digits = (count: number, max: number) => String(Math.floor(random() * (max + 1))).padStart(count, '0');
  const time = `${digits(2, 23)}${digits(2, 59)}${digits(2, 59)}.${digits(6, 999999)}`;
  if (random() < 0.5) return new CIMDateTime(`${digits(8, 99999999)}${time}:000`);

  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const sign = random() < 0.5 ? '+' : '-';
  return new CIMDateTime(`${digits(4, 9999)}${month}${day}${time}${sign}${digits(3, 999)}`);
}

function randomScalar(random: () => number, type: CIMType): CIMScalar {
  if (type === 'boolean') return random() < 0.5;
  if (type === 'string') return randomString(random, 30);
  if (type === 'char16') return CHAR_POOL.filter((char) => char.length === 1)[Math.floor(random() * 26)]!;
  if (type === 'datetime') return randomDateTime(random);
  if (type === 'real32' || type === 'real64') return randomReal(random, type);
  const [min, max] = INTEGER_RANGES[type as (typeof INTEGER_TYPES)[number]];
  const value = randomBigint(random, min, max);
  return is64BitType(type) ? value : Number(value);
}

function randomKey(random: () => number): KeyBindingValue {
  const choice = Math.floor(random() * 6);
  if (choice === 0) return randomString(random, 20);
  if (choice === 1) return random() < 0.5;
  if (choice === 2) return new Sint64(randomBigint(random, ...INTEGER_RANGES.sint64));
  if (choice === 3) return new Real64(randomReal(random, 'real64'));
  if (choice === 4) return randomDateTime(random);
  return new CIMInstanceName('CIM_Inner', { Name: randomString(random, 10), Id: new Uint64(randomBigint(random, ...INTEGER_RANGES.uint64)) });
}

describe('random values with a fixed seed', () => {
  const types = SAMPLES.map(([type]) => type);

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('instances, seed %i', (seed) => {
    const random = randomSource(seed);
    for (let round = 0; round < 25; round++) {
      const properties = types.map((type, index) => {
        const isArray = random() < 0.4;
        const value = isArray
          ? Array.from({ length: Math.floor(random() * 4) }, () => (random() < 0.2 ? null : randomScalar(random, type)))
          : random() < 0.1 ? null : randomScalar(random, type);
        return new CIMProperty(`P${index}`, value, { type, isArray, propagated: random() < 0.5 });
      });
      const path = new CIMInstanceName('CIM_Random', { Key: randomKey(random), Other: randomKey(random) }, { namespace: 'root/random' });
      const instance = new CIMInstance('CIM_Random', { properties, path });

      const text = toCIMXMLString(instance);
      const back = toCIMObject(text) as CIMInstance;
      expect(back.equals(instance), `seed ${seed} round ${round}: ${text}`).toBe(true);
      for (const property of properties) {
        expect(zeroSigns(back.properties.get(property.name)!.value), `${property.name} seed ${seed} round ${round}`).toEqual(zeroSigns(property.value));
      }
    }
  });
});

/** Copies the class without the properties and methods it inherits. */
function localMembers(cimClass: CIMClass): CIMClass {
  const local = cimClass.copy();
  for (const [name, property] of [...local.properties]) if (property.propagated === true) local.properties.delete(name);
  for (const [name, method] of [...local.methods]) if (method.propagated === true) local.methods.delete(name);
  return local;
}

describe('DMTF schema classes round trip', () => {
  const target = new MOFRepository();

  beforeAll(() => {
    new MOFCompiler({ target }).compileFile(schemaFile);
  });

  // Inherited members repeat the superclass declarations and make the classes about five
  // times larger in CIM-XML, so every class is written with its own members only.
  it('every class, local members', () => {
    const classes = [...target.namespace('root/cimv2').classes.values()].map(localMembers);
    expect(classes.length).toBeGreaterThan(1000);
    const differing = classes.filter((cimClass) => !(viaText(cimClass) as CIMClass).equals(cimClass)).map((cimClass) => cimClass.className);
    expect(differing).toEqual([]);
  });

  it.each(['CIM_ComputerSystem', 'CIM_Capabilities', 'CIM_EnabledLogicalElementCapabilities', 'CIM_ElementConformsToProfile', 'CIM_Error'])(
    '%s with inherited members',
    (className) => {
      const cimClass = target.getClass('root/cimv2', className)!;
      expect((viaText(cimClass) as CIMClass).equals(cimClass)).toBe(true);
    },
  );

  it('every qualifier declaration', () => {
    const declarations = [...target.namespace('root/cimv2').qualifierDeclarations.values()];
    expect(declarations.length).toBeGreaterThan(50);
    const differing = declarations.filter((declaration) => !(viaText(declaration) as CIMQualifierDeclaration).equals(declaration));
    expect(differing.map((declaration) => declaration.name)).toEqual([]);
  });
});
