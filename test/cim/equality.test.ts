import { describe, expect, it } from 'vitest';
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
import { Char16, Real64, Sint64, Uint32, Uint64, Uint8 } from '../../src/cim/typed-value.js';
import { valuesEqual } from '../../src/cim/value-equality.js';

describe('valuesEqual', () => {
  it.each([
    ['Uint32 and number', new Uint32(5), 5, true],
    ['Uint32 and bigint', new Uint32(5), 5n, true],
    ['number and bigint', 5, 5n, true],
    ['Uint8 and Uint64', new Uint8(5), new Uint64(5), true],
    ['bigint beyond 2^53', 9007199254740993n, new Uint64('9007199254740993'), true],
    ['bigint and rounded number', 9007199254740993n, 9007199254740992, false],
    ['fraction and bigint', 1.5, 1n, false],
    ['different numbers', 5, 6, false],
    ['NaN and NaN', Number.NaN, Number.NaN, true],
    ['NaN and Real64 NaN', Number.NaN, new Real64(Number.NaN), true],
    ['strings case-sensitive', 'abc', 'ABC', false],
    ['same strings', 'abc', 'abc', true],
    ['Char16 and string', new Char16('a'), 'a', true],
    ['string and number', '5', 5, false],
    ['null and null', null, null, true],
    ['null and empty string', null, '', false],
    ['empty string and empty array', '', [], false],
    ['arrays', [1, null, 3], [1, null, 3], true],
    ['arrays differ in order', [1, 2], [2, 1], false],
    ['arrays differ in length', [1], [1, 1], false],
    ['arrays with bigints', [1n, 2n], [new Sint64(1), 2], true],
    ['booleans', true, true, true],
    ['boolean and number', true, 1, false],
    ['datetimes same instant', new CIMDateTime('20241203153000.000000+060'), new CIMDateTime('20241203143000.000000+000'), true],
    ['datetime and string', new CIMDateTime('20241203153000.000000+060'), '20241203153000.000000+060', false],
    ['instance and class path', new CIMInstanceName('CIM_Foo'), new CIMClassName('CIM_Foo'), false],
  ])('%s', (_name, a, b, expected) => {
    expect(valuesEqual(a, b)).toBe(expected);
    expect(valuesEqual(b, a)).toBe(expected);
  });
});

function instanceName(): CIMInstanceName {
  return new CIMInstanceName(
    'CIM_Foo',
    { Name: 'a', Id: new Uint32(5), Ref: new CIMInstanceName('CIM_Bar', { Key: 'k' }) },
    { namespace: 'root/cimv2', host: 'Server.example.com' },
  );
}

function property(): CIMProperty {
  return new CIMProperty('Values', [1, null, 3], {
    type: 'uint32',
    qualifiers: [new CIMQualifier('Description', 'd')],
    classOrigin: 'CIM_Foo',
  });
}

function method(): CIMMethod {
  return new CIMMethod('Go', 'uint32', {
    parameters: [new CIMParameter('P', { type: 'string', qualifiers: [new CIMQualifier('In', true)] })],
    qualifiers: [new CIMQualifier('Description', 'm')],
  });
}

function embedded(): CIMInstance {
  return new CIMInstance('CIM_Inner', { properties: [new CIMProperty('Text', 'x')] });
}

function instance(): CIMInstance {
  return new CIMInstance('CIM_Foo', {
    properties: [
      new CIMProperty('Name', 'a'),
      new CIMProperty('Big', 18446744073709551615n, { type: 'uint64' }),
      new CIMProperty('When', new CIMDateTime('20241203153000.000000+060')),
      new CIMProperty('Inner', embedded()),
      new CIMProperty('Values', [1, 2], { type: 'uint8' }),
    ],
    path: instanceName(),
  });
}

function cimClass(): CIMClass {
  return new CIMClass('CIM_Foo', {
    superclass: 'CIM_Base',
    properties: [property()],
    methods: [method()],
    qualifiers: [new CIMQualifier('Abstract', true)],
  });
}

function declaration(): CIMQualifierDeclaration {
  return new CIMQualifierDeclaration('ValueMap', 'string', {
    isArray: true,
    value: ['a'],
    scopes: { property: true, method: true },
    overridable: false,
  });
}

describe('object equals', () => {
  it.each([
    ['instance name, same', instanceName(), instanceName(), true],
    ['instance name, key order and case', instanceName(), new CIMInstanceName(
      'cim_foo',
      { REF: new CIMInstanceName('cim_bar', { key: 'k' }), id: 5n, name: 'a' },
      { namespace: 'ROOT/CIMV2', host: 'server.example.com' },
    ), true],
    ['instance name, key value case', new CIMInstanceName('CIM_Foo', { Name: 'a' }), new CIMInstanceName('CIM_Foo', { Name: 'A' }), false],
    ['instance name, namespace', new CIMInstanceName('CIM_Foo', {}, { namespace: 'a' }), new CIMInstanceName('CIM_Foo', {}, { namespace: 'b' }), false],
    ['instance name, missing namespace', new CIMInstanceName('CIM_Foo', {}, { namespace: 'a' }), new CIMInstanceName('CIM_Foo'), false],
    ['instance name, extra key', new CIMInstanceName('CIM_Foo', { A: 1 }), new CIMInstanceName('CIM_Foo', { A: 1, B: 2 }), false],
    ['class name, case', new CIMClassName('CIM_Foo', { namespace: 'root/cimv2' }), new CIMClassName('cim_foo', { namespace: 'Root/CIMv2' }), true],
    ['class name, host', new CIMClassName('CIM_Foo', { host: 'a' }), new CIMClassName('CIM_Foo', { host: 'b' }), false],
    ['qualifier, name case', new CIMQualifier('Key', true), new CIMQualifier('KEY', true), true],
    ['qualifier, value case', new CIMQualifier('D', 'x'), new CIMQualifier('D', 'X'), false],
    ['qualifier, flavor', new CIMQualifier('D', 'x', { overridable: false }), new CIMQualifier('D', 'x'), false],
    ['qualifier, type', new CIMQualifier('N', 5, { type: 'uint8' }), new CIMQualifier('N', 5, { type: 'uint16' }), false],
    ['property, same', property(), property(), true],
    ['property, qualifier differs', property(), new CIMProperty('Values', [1, null, 3], {
      type: 'uint32', qualifiers: [new CIMQualifier('Description', 'other')], classOrigin: 'CIM_Foo',
    }), false],
    ['property, element differs', property(), new CIMProperty('Values', [1, 2, 3], {
      type: 'uint32', qualifiers: [new CIMQualifier('Description', 'd')], classOrigin: 'CIM_Foo',
    }), false],
    ['property, real NaN', new CIMProperty('R', Number.NaN, { type: 'real64' }), new CIMProperty('r', Number.NaN, { type: 'real64' }), true],
    ['property, array flag', new CIMProperty('S', null, { type: 'string', isArray: true }), new CIMProperty('S', null, { type: 'string' }), false],
    ['parameter, case', new CIMParameter('P', { type: 'string' }), new CIMParameter('p', { type: 'string' }), true],
    ['parameter, value', new CIMParameter('P', { value: new Uint32(1) }), new CIMParameter('P', { value: new Uint32(2) }), false],
    ['method, same', method(), method(), true],
    ['method, return type', method(), new CIMMethod('Go', 'uint16', {
      parameters: [new CIMParameter('P', { type: 'string', qualifiers: [new CIMQualifier('In', true)] })],
      qualifiers: [new CIMQualifier('Description', 'm')],
    }), false],
    ['method, parameter qualifier', method(), new CIMMethod('Go', 'uint32', {
      parameters: [new CIMParameter('P', { type: 'string' })],
      qualifiers: [new CIMQualifier('Description', 'm')],
    }), false],
    ['class, same', cimClass(), cimClass(), true],
    ['class, superclass case', cimClass(), new CIMClass('cim_foo', {
      superclass: 'cim_base', properties: [property()], methods: [method()], qualifiers: [new CIMQualifier('abstract', true)],
    }), true],
    ['class, no methods', cimClass(), new CIMClass('CIM_Foo', {
      superclass: 'CIM_Base', properties: [property()], qualifiers: [new CIMQualifier('Abstract', true)],
    }), false],
    ['instance, same', instance(), instance(), true],
    ['instance, embedded differs', instance(), instance().set('Inner', new CIMInstance('CIM_Inner', {
      properties: [new CIMProperty('Text', 'y')],
    })), false],
    ['instance, path differs', instance(), new CIMInstance('CIM_Foo', { properties: instance().properties.values() }), false],
    ['instance, property order', new CIMInstance('X', { properties: [new CIMProperty('A', 'a'), new CIMProperty('B', 'b')] }),
      new CIMInstance('x', { properties: [new CIMProperty('b', 'b'), new CIMProperty('a', 'a')] }), true],
    ['declaration, same', declaration(), declaration(), true],
    ['declaration, scopes with false', declaration(), new CIMQualifierDeclaration('valuemap', 'string', {
      isArray: true, value: ['a'], scopes: { method: true, property: true, class: false }, overridable: false,
    }), true],
    ['declaration, scope differs', declaration(), new CIMQualifierDeclaration('ValueMap', 'string', {
      isArray: true, value: ['a'], scopes: { property: true }, overridable: false,
    }), false],
  ])('%s', (_name, a, b, expected) => {
    expect(a.equals(b)).toBe(expected);
    expect(b.equals(a)).toBe(expected);
  });

  it.each([
    ['instance name', instanceName()],
    ['class name', new CIMClassName('CIM_Foo')],
    ['qualifier', new CIMQualifier('Key', true)],
    ['property', property()],
    ['method', method()],
    ['class', cimClass()],
    ['instance', instance()],
    ['declaration', declaration()],
  ])('%s not equal to other kinds', (_name, object) => {
    expect(object.equals(null)).toBe(false);
    expect(object.equals({ ...object })).toBe(false);
  });
});

describe('object copy', () => {
  it.each([
    ['instance name', instanceName()],
    ['class name', new CIMClassName('CIM_Foo', { namespace: 'root' })],
    ['qualifier', new CIMQualifier('ValueMap', ['1', '2'])],
    ['property', property()],
    ['parameter', new CIMParameter('P', { value: [new Uint32(1)] })],
    ['method', method()],
    ['class', cimClass()],
    ['instance', instance()],
    ['declaration', declaration()],
  ])('%s copy equals original', (_name, object) => {
    const copy = object.copy();

    expect(copy).not.toBe(object);
    expect(copy.equals(object)).toBe(true);
  });

  it('instance copy is deep', () => {
    const original = instance();
    const copy = original.copy();

    (copy.get('Values') as number[]).push(3);
    (copy.get('Inner') as CIMInstance).set('Text', 'changed');
    copy.path?.keybindings.set('Name', 'changed');
    (copy.path?.keybindings.get('Ref') as CIMInstanceName).keybindings.set('Key', 'changed');

    expect(original.get('Values')).toEqual([1, 2]);
    expect((original.get('Inner') as CIMInstance).get('Text')).toBe('x');
    expect(original.path?.keybindings.get('Name')).toBe('a');
    expect((original.path?.keybindings.get('Ref') as CIMInstanceName).keybindings.get('Key')).toBe('k');
  });

  it('class copy is deep', () => {
    const original = cimClass();
    const copy = original.copy();

    copy.methods.get('Go')?.parameters.delete('P');
    copy.qualifiers.set('Version', new CIMQualifier('Version', '1'));
    copy.properties.get('Values')?.qualifiers.set('Key', new CIMQualifier('Key', true));

    expect(original.methods.get('Go')?.parameters.size).toBe(1);
    expect(original.qualifiers.has('Version')).toBe(false);
    expect(original.properties.get('Values')?.qualifiers.has('Key')).toBe(false);
  });

  it('copy shares the immutable datetime', () => {
    const original = instance();

    expect(original.copy().get('When')).toBe(original.get('When'));
  });
});
