import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CIMInstance } from '../../src/cim/instance.js';
import { NocaseMap } from '../../src/cim/nocase-map.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { Uint32 } from '../../src/cim/typed-value.js';

// Instances and properties create their qualifier map on first access.
describe('CIMInstance qualifiers created on access', () => {
  const plain = () => new CIMInstance('CIM_Foo', { properties: [new CIMProperty('Name', 'a')] });

  it('empty without qualifiers', () => {
    const instance = plain();

    expect(instance.qualifiers.size).toBe(0);
    expect(instance.qualifiers).toBe(instance.qualifiers);
  });

  it('set on created map persists', () => {
    const instance = plain();
    instance.qualifiers.set('Description', new CIMQualifier('Description', 'text'));

    expect(instance.qualifiers.get('description')?.value).toBe('text');
    expect(instance.toJSON()).toHaveProperty('qualifiers.Description');
    expect(instance.toMOF()).toContain('[Description ("text")]');
  });

  it('assigned map replaces qualifiers', () => {
    const instance = plain();
    const qualifiers = new NocaseMap<CIMQualifier>([['Deprecated', new CIMQualifier('Deprecated', ['CIM_Bar'])]]);
    instance.qualifiers = qualifiers;

    expect(instance.qualifiers).toBe(qualifiers);
  });

  it('equals ignores an accessed empty map', () => {
    const accessed = plain();
    void accessed.qualifiers.size;

    expect(accessed.equals(plain())).toBe(true);
    expect(plain().equals(accessed)).toBe(true);
  });

  it('equals compares qualifiers', () => {
    const qualified = plain();
    qualified.qualifiers.set('Description', new CIMQualifier('Description', 'text'));

    expect(qualified.equals(plain())).toBe(false);
    expect(plain().equals(qualified)).toBe(false);
  });

  it('copy keeps qualifiers', () => {
    const qualified = plain();
    qualified.qualifiers.set('Description', new CIMQualifier('Description', 'text'));
    const copy = qualified.copy();
    copy.qualifiers.delete('Description');

    expect(qualified.qualifiers.has('Description')).toBe(true);
    expect(plain().copy().qualifiers.size).toBe(0);
  });

  it('toJSON and inspect leave out none', () => {
    const instance = plain();

    expect(instance.toJSON()).not.toHaveProperty('qualifiers');
    expect(inspect(instance)).not.toContain('qualifiers');
  });
});

describe('CIMProperty qualifiers created on access', () => {
  it('equals ignores an accessed empty map', () => {
    const accessed = new CIMProperty('Name', 'a');
    void accessed.qualifiers.size;

    expect(accessed.equals(new CIMProperty('Name', 'a'))).toBe(true);
  });

  it('equals compares qualifiers', () => {
    const qualified = new CIMProperty('Name', 'a', { qualifiers: [new CIMQualifier('Key', true)] });

    expect(qualified.equals(new CIMProperty('Name', 'a'))).toBe(false);
    expect(new CIMProperty('Name', 'a').equals(qualified)).toBe(false);
  });
});

// arraySize, referenceClass, embeddedObject, classOrigin and propagated default to null
// without a field in each object.
describe('CIMProperty optional attributes', () => {
  const attributes = ['arraySize', 'referenceClass', 'embeddedObject', 'classOrigin', 'propagated'] as const;
  const full = () =>
    new CIMProperty('Values', [1, 2], {
      type: 'uint32',
      arraySize: 2,
      classOrigin: 'CIM_Foo',
      propagated: false,
    });

  it.each(attributes)('%s defaults to null', (attribute) => {
    expect(new CIMProperty('Name', 'a')[attribute]).toBeNull();
  });

  it('constructor options are kept', () => {
    const property = full();

    expect(property.arraySize).toBe(2);
    expect(property.classOrigin).toBe('CIM_Foo');
    expect(property.propagated).toBe(false);
    expect(property.referenceClass).toBeNull();
  });

  it('assignment changes one property only', () => {
    const changed = new CIMProperty('Name', 'a');
    changed.classOrigin = 'CIM_Foo';
    changed.propagated = true;
    changed.arraySize = 4;

    const other = new CIMProperty('Other', 'b');
    expect(other.classOrigin).toBeNull();
    expect(other.propagated).toBeNull();
    expect(other.arraySize).toBeNull();
    expect(changed.classOrigin).toBe('CIM_Foo');
  });

  it('assigned null reads as null', () => {
    const property = full();
    property.classOrigin = null;

    expect(property.classOrigin).toBeNull();
    expect(property.equals(new CIMProperty('Values', [1, 2], { type: 'uint32', arraySize: 2, propagated: false }))).toBe(true);
  });

  it('equals compares assigned attributes', () => {
    const changed = new CIMProperty('Name', 'a');
    changed.referenceClass = 'CIM_Bar';

    expect(changed.equals(new CIMProperty('Name', 'a'))).toBe(false);
    expect(new CIMProperty('Name', 'a').equals(changed)).toBe(false);
  });

  it('toEqual compares set attributes', () => {
    expect(full()).toEqual(full());
    expect(new CIMProperty('Name', 'a', { classOrigin: null })).toEqual(new CIMProperty('Name', 'a'));
    expect(full()).not.toEqual(new CIMProperty('Values', [1, 2], { type: 'uint32', arraySize: 2 }));
  });

  it('copy keeps attributes', () => {
    const copy = full().copy();

    expect(copy.arraySize).toBe(2);
    expect(copy.classOrigin).toBe('CIM_Foo');
    expect(copy.propagated).toBe(false);
    expect(copy.equals(full())).toBe(true);
  });

  it('toJSON lists set attributes', () => {
    expect(full().toJSON()).toEqual({
      name: 'Values',
      type: 'uint32',
      isArray: true,
      value: [1, 2],
      arraySize: 2,
      classOrigin: 'CIM_Foo',
      propagated: false,
    });
  });

  it('inspect shows set attributes', () => {
    const text = inspect(full());

    expect(text).toContain("classOrigin: 'CIM_Foo'");
    expect(text).toContain('propagated: false');
    expect(text).not.toContain('referenceClass');
  });

  it('instance set keeps attributes', () => {
    const instance = new CIMInstance('CIM_Foo', { properties: [full()] });
    instance.set('values', [new Uint32(3)]);
    const property = instance.properties.get('Values')!;

    expect(property.value).toEqual([3]);
    expect(property.arraySize).toBe(2);
    expect(property.classOrigin).toBe('CIM_Foo');
    expect(property.propagated).toBe(false);
  });

  it('embedded instance inferred', () => {
    const property = new CIMProperty('Setting', new CIMInstance('CIM_Setting'));

    expect(property.embeddedObject).toBe('instance');
    expect(property.type).toBe('string');
  });
});
