import { inspect } from 'node:util';
import { queryObjects } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty, TYPED_VALUE } from '../../src/cim/property.js';
import { PropertyLayout, PropertyLayoutBuilder, type PropertyDescription } from '../../src/cim/property-layout.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import type { CIMValue } from '../../src/cim/value.js';

/** Creates a string description with every other attribute null or false, changed by `overrides`. */
function description(name: string, overrides: Partial<PropertyDescription> = {}): PropertyDescription {
  return {
    name,
    type: 'string',
    isArray: false,
    arraySize: null,
    referenceClass: null,
    embeddedObject: null,
    classOrigin: null,
    propagated: false,
    ...overrides,
  };
}

/** Describes properties of most kinds: scalars, a NULL, fixed and variable arrays, a reference, an embedded instance. */
function sampleDescriptions(): PropertyDescription[] {
  return [
    description('InstanceID', { classOrigin: 'Test_Sample', propagated: true }),
    description('Count', { type: 'uint32' }),
    description('Missing', { type: 'uint64' }),
    description('Levels', { type: 'uint16', isArray: true, arraySize: 3 }),
    description('Notes', { isArray: true }),
    description('Owner', { type: 'reference', referenceClass: 'Test_Account', propagated: null }),
    description('Setting', { embeddedObject: 'instance' }),
    description('Installed', { type: 'datetime' }),
  ];
}

function sampleValues(index: number): CIMValue[] {
  const setting = new CIMInstance('Test_Setting', { properties: [new CIMProperty('Limit', new Uint32(index))] });
  return [
    `sample:${index}`,
    index * 10,
    null,
    [1, null, index],
    ['a', null],
    new CIMInstanceName('Test_Account', { UserID: `user${index}` }),
    setting,
    new CIMDateTime('20240101123045.123456+060'),
  ];
}

/** Builds the layout of the sample as the reader builds it, from descriptions that are new objects. */
function sampleLayout(): PropertyLayout {
  const builder = new PropertyLayoutBuilder();
  for (const item of sampleDescriptions()) builder.add(item);
  return builder.build();
}

function lazyInstance(index = 1): CIMInstance {
  return CIMInstance.fromLayout('Test_Sample', sampleLayout(), sampleValues(index));
}

/** Builds the same instance as `lazyInstance(index)` from `CIMProperty` objects. */
function eagerInstance(index = 1): CIMInstance {
  const values = sampleValues(index);
  const properties = sampleDescriptions().map(
    (item, position) => new CIMProperty(item.name, values[position]!, { ...item, [TYPED_VALUE]: true }),
  );
  return new CIMInstance('Test_Sample', { properties });
}

function liveProperties(): number {
  return queryObjects(CIMProperty, { format: 'count' });
}

describe('PropertyLayoutBuilder', () => {
  it('equal descriptions share a layout', () => {
    expect(sampleLayout()).toBe(sampleLayout());
  });

  it('other class in between still shares', () => {
    const first = sampleLayout();
    const other = new PropertyLayoutBuilder();
    other.add(description('Other'));
    other.build();

    expect(sampleLayout()).toBe(first);
  });

  it.each<[string, Partial<PropertyDescription>]>([
    ['name spelling', { name: 'COUNT' }],
    ['type', { type: 'uint64' }],
    ['isArray', { isArray: true }],
    ['arraySize', { arraySize: 4 }],
    ['referenceClass', { referenceClass: 'Test_Other' }],
    ['embeddedObject', { embeddedObject: 'object' }],
    ['classOrigin', { classOrigin: 'Test_Base' }],
    ['propagated', { propagated: true }],
  ])('different %s gets own layout', (_attribute, change) => {
    const shared = sampleLayout();
    const builder = new PropertyLayoutBuilder();
    sampleDescriptions().forEach((item, position) => builder.add(position === 1 ? { ...item, ...change } : item));
    const changed = builder.build();

    expect(changed).not.toBe(shared);
    expect(changed.descriptions[1]).toMatchObject(change);
    expect(changed.descriptions[0]).toBe(shared.descriptions[0]);
  });

  it.each([
    ['shorter', sampleDescriptions().slice(0, 5)],
    ['longer', [...sampleDescriptions(), description('Extra')]],
  ])('%s list gets own layout', (_case, descriptions) => {
    const shared = sampleLayout();
    const builder = new PropertyLayoutBuilder();
    for (const item of descriptions) builder.add(item);
    const layout = builder.build();

    expect(layout).not.toBe(shared);
    expect(layout.descriptions.map((item) => item.name)).toEqual(descriptions.map((item) => item.name));
  });

  it('layout keeps attributes only', () => {
    const builder = new PropertyLayoutBuilder();
    builder.add({ ...description('Unique'), value: 'kept by the reader' } as PropertyDescription);
    const layout = builder.build();

    expect(Object.isFrozen(layout.descriptions)).toBe(true);
    expect(Object.isFrozen(layout.descriptions[0])).toBe(true);
    expect(layout.descriptions[0]).not.toHaveProperty('value');
  });
});

describe('CIMInstance.fromLayout', () => {
  it.each<[string, (instance: CIMInstance) => unknown]>([
    ['toMOF', (instance) => instance.toMOF()],
    ['toJSON', (instance) => JSON.stringify(instance)],
    ['inspect', (instance) => inspect(instance, { depth: 8 })],
    ['inspect of properties', (instance) => inspect(instance.properties, { depth: 8 })],
    ['toString', (instance) => instance.toString()],
    ['iteration order', (instance) => [...instance.properties].map(([name, property]) => `${name}=${property.name}`)],
    ['values', (instance) => [...instance.properties.values()].map((property) => property.toString())],
    ['keys', (instance) => [...instance.properties.keys()]],
    ['size', (instance) => instance.properties.size],
    ['has', (instance) => [instance.properties.has('owner'), instance.properties.has('Absent')]],
    ['canonicalName', (instance) => instance.properties.canonicalName('NOTES')],
    ['get of instance', (instance) => inspect([instance.get('levels'), instance.get('Absent')])],
    ['get of map', (instance) => instance.properties.get('SETTING')?.toString()],
    ['copy', (instance) => instance.copy().toMOF()],
    ['map copy', (instance) => inspect(instance.properties.copy())],
    ['set existing', (instance) => instance.set('count', 7).toMOF()],
    ['set new', (instance) => instance.set('Added', 'x').toMOF()],
    ['map set new', (instance) => inspect(instance.properties.set('Added', new CIMProperty('Added', true)))],
    ['delete', (instance) => [instance.properties.delete('notes'), instance.toMOF()]],
    [
      'clear',
      (instance) => {
        instance.properties.clear();
        return instance.toMOF();
      },
    ],
  ])('%s as eager instance', (_case, operation) => {
    const lazy = lazyInstance();
    const eager = eagerInstance();

    expect(operation(lazy)).toEqual(operation(eager));
    expect(inspect(lazy, { depth: 8 })).toBe(inspect(eager, { depth: 8 }));
  });

  it.each([
    ['lazy equals eager', () => lazyInstance(), () => eagerInstance(), true],
    ['eager equals lazy', () => eagerInstance(), () => lazyInstance(), true],
    ['lazy equals lazy', () => lazyInstance(), () => lazyInstance(), true],
    ['other values differ', () => lazyInstance(1), () => lazyInstance(2), false],
    ['eager other values differ', () => lazyInstance(1), () => eagerInstance(2), false],
  ])('equals: %s', (_case, left, right, expected) => {
    expect(left().equals(right())).toBe(expected);
  });

  it('get creates no properties', () => {
    const before = liveProperties();
    const instances = [lazyInstance(1), lazyInstance(2)];
    const values = instances.map((instance) => [instance.get('InstanceID'), instance.get('levels'), instance.properties.size]);
    const afterGet = liveProperties();
    instances[0]!.properties.get('Count');
    const afterRead = liveProperties();

    expect(values).toEqual([['sample:1', [1, null, 1], 8], ['sample:2', [1, null, 2], 8]]);
    // Each sample instance keeps one eager property inside its embedded instance.
    expect(afterGet - before).toBe(2);
    expect(afterRead - afterGet).toBe(sampleDescriptions().length);
  });

  it('property objects kept after creation', () => {
    const instance = lazyInstance();
    const first = instance.properties.get('Count');

    expect(instance.properties.get('count')).toBe(first);
    expect([...instance.properties.values()][1]).toBe(first);
  });

  it('mutated property sticks', () => {
    const instance = lazyInstance();
    const property = instance.properties.get('InstanceID')!;
    property.value = 'changed';
    property.qualifiers.set('Key', new CIMQualifier('Key', true));

    expect(instance.get('instanceid')).toBe('changed');
    expect(instance.properties.get('InstanceID')?.qualifiers.has('key')).toBe(true);
    expect(instance.toMOF()).toContain('InstanceID = "changed";');
  });

  it('set leaves other instance of layout', () => {
    const first = lazyInstance(1);
    const second = lazyInstance(1);
    first.set('Count', 99);
    first.properties.get('InstanceID')!.value = 'changed';

    expect(second.get('Count')).toBe(10);
    expect(second.get('InstanceID')).toBe('sample:1');
    expect(second.properties.get('Count')?.value).toBe(10);
    expect(second.properties.get('InstanceID')?.value).toBe('sample:1');
  });

  it('get sees value set before creation', () => {
    const instance = lazyInstance();
    instance.set('Count', 5);

    expect(instance.get('count')).toBe(5);
    expect(instance.properties.get('Count')?.type).toBe('uint32');
  });

  it('keys loop sees name set during it', () => {
    const instance = lazyInstance();
    const names: string[] = [];
    for (const name of instance.properties.keys()) {
      names.push(name);
      if (name === 'Installed') instance.set('Added', 'x');
    }

    expect(names).toEqual([...sampleDescriptions().map((item) => item.name), 'Added']);
  });

  it('repeated name keeps later property', () => {
    const builder = new PropertyLayoutBuilder();
    builder.add(description('Name'));
    builder.add(description('NAME', { type: 'uint8' }));
    const instance = CIMInstance.fromLayout('Test_Repeated', builder.build(), ['first', 2]);

    expect([...instance.properties.keys()]).toEqual(['Name']);
    expect(instance.get('name')).toBe(2);
    expect(instance.properties.get('Name')?.type).toBe('uint8');
  });

  it('no properties gives empty map', () => {
    const instance = CIMInstance.fromLayout('Test_Empty', new PropertyLayoutBuilder().build(), []);

    expect(instance.properties.size).toBe(0);
    expect(instance.equals(new CIMInstance('Test_Empty'))).toBe(true);
  });

  it('qualifiers kept', () => {
    const instance = CIMInstance.fromLayout('Test_Sample', sampleLayout(), sampleValues(1), [new CIMQualifier('Description', 'd')]);

    expect(instance.qualifiers.get('description')?.value).toBe('d');
  });
});
