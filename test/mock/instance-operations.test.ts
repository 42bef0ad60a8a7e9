import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../src/cim/class.js';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { CIM_ERR_FAILED } from '../../src/cim/status-codes.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import { createClass } from '../../src/mock/operations/class-operations.js';
import {
  createInstance,
  deleteInstance,
  enumerateInstanceNames,
  enumerateInstances,
  getInstance,
  getProperty,
  modifyInstance,
  setProperty,
} from '../../src/mock/operations/instance-operations.js';
import { basePath, buildRepository, ids, NS, otherPath } from './model.js';
import { statusOfAsync } from './status-of.js';

describe('getInstance', () => {
  it.each([
    ['defaults (LocalOnly false)', {}, ['InstanceID', 'Label', 'Count', 'SubProp', 'Big']],
    ['localOnly true', { localOnly: true }, ['Big']],
    ['localOnly false', { localOnly: false }, ['InstanceID', 'Label', 'Count', 'SubProp', 'Big']],
    ['property list', { localOnly: false, propertyList: ['big', 'LABEL', 'Nope'] }, ['Label', 'Big']],
    ['empty property list', { localOnly: false, propertyList: [] }, []],
  ])('%s', (_name, options, expected) => {
    const result = getInstance(buildRepository(), NS, basePath('TST_SubSub', 'ss1'), options);
    expect([...result.properties.keys()]).toEqual(expected);
    expect(result.path?.keybindings.get('InstanceID')).toBe('ss1');
  });

  it('adds class origin when asked', () => {
    const result = getInstance(buildRepository(), NS, basePath('TST_SubSub', 'ss1'), { localOnly: false, includeClassOrigin: true });
    expect(result.properties.get('Label')?.classOrigin).toBe('TST_Base');
    expect(result.properties.get('Count')?.classOrigin).toBe('TST_Sub');
    const plain = getInstance(buildRepository(), NS, basePath('TST_SubSub', 'ss1'), { localOnly: false });
    expect(plain.properties.get('Label')?.classOrigin).toBeNull();
  });

  it('adds qualifiers only when asked', () => {
    const repository = buildRepository();
    const path = basePath('TST_Base', 'b1');
    expect(getInstance(repository, NS, path, { includeQualifiers: true }).properties.get('InstanceID')?.qualifiers.has('Key')).toBe(true);
    expect(getInstance(repository, NS, path, { includeQualifiers: false }).properties.get('InstanceID')?.qualifiers.size).toBe(0);
  });

  it('keeps uint64 values as bigint', () => {
    const result = getInstance(buildRepository(), NS, basePath('TST_SubSub', 'ss1'));
    expect(result.get('Big')).toBe(2n ** 60n);
  });
});

describe('enumerateInstances', () => {
  it.each([
    ['deep, all properties', { deepInheritance: true, localOnly: false }, ['InstanceID', 'Label', 'Count', 'SubProp', 'Big']],
    ['shallow, all properties', { deepInheritance: false, localOnly: false }, ['InstanceID', 'Label', 'Count', 'SubProp']],
    ['deep, local only', { deepInheritance: true, localOnly: true }, ['Count', 'SubProp', 'Big']],
    ['shallow, local only', { deepInheritance: false, localOnly: true }, ['Count', 'SubProp']],
    ['defaults (deep, LocalOnly false)', {}, ['InstanceID', 'Label', 'Count', 'SubProp', 'Big']],
    ['property list', { localOnly: false, propertyList: ['Big', 'SubProp'] }, ['SubProp', 'Big']],
  ])('%s', (_name, options, subSubProperties) => {
    const results = enumerateInstances(buildRepository(), NS, 'TST_Sub', options);
    expect(ids(results)).toEqual(['s1', 'ss1']);
    const subSub = results.find((instance) => instance.className === 'TST_SubSub') as CIMInstance;
    expect([...subSub.properties.keys()]).toEqual(subSubProperties);
  });

  it('includes subclass instances of the class named', () => {
    expect(ids(enumerateInstances(buildRepository(), NS, 'tst_base'))).toEqual(['b1', 'b2', 's1', 'ss1']);
  });

  it('returns paths with the namespace', () => {
    const names = enumerateInstanceNames(buildRepository(), NS, 'TST_Base');
    expect(ids(names)).toEqual(['b1', 'b2', 's1', 'ss1']);
    expect(names.every((name) => name.namespace === NS)).toBe(true);
  });

  it.each([
    ['unknown class', () => enumerateInstances(buildRepository(), NS, 'Nope'), 5],
    ['unknown class for names', () => enumerateInstanceNames(buildRepository(), NS, 'Nope'), 5],
    ['unknown namespace', () => enumerateInstances(buildRepository(), 'nowhere', 'TST_Base'), 3],
  ])('%s', async (_name, action, code) => {
    expect(await statusOfAsync(action)).toBe(code);
  });
});

describe('createInstance and deleteInstance', () => {
  it('creates and deletes an instance', () => {
    const repository = buildRepository();
    const path = createInstance(repository, NS, new CIMInstance('TST_Sub').set('InstanceID', 's9').set('SubProp', 'z'));
    expect(getInstance(repository, NS, path, { localOnly: false }).get('Label')).toBe('none');
    deleteInstance(repository, NS, path);
    expect(enumerateInstanceNames(repository, NS, 'TST_Sub').map((name) => name.keybindings.get('InstanceID'))).not.toContain('s9');
  });

  it('rejects abstract class', () => {
    const repository = buildRepository();
    const abstract = new CIMQualifier('Abstract', true, { type: 'boolean' });
    createClass(repository, NS, new CIMClass('TST_Abstract', { superclass: 'TST_Base', qualifiers: [abstract] }));
    createClass(repository, NS, new CIMClass('TST_Concrete', { superclass: 'TST_Abstract' }));

    let error: unknown;
    try {
      createInstance(repository, NS, new CIMInstance('TST_Abstract').set('InstanceID', 'a1'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CIMError);
    expect((error as CIMError).statusCode).toBe(CIM_ERR_FAILED);
    expect((error as CIMError).statusDescription).toBe(
      'Class TST_Abstract is abstract and cannot have instances of its own; create an instance of a concrete subclass of TST_Abstract instead.',
    );
    expect(createInstance(repository, NS, new CIMInstance('TST_Concrete').set('InstanceID', 'c1')).className).toBe('TST_Concrete');
  });
});

describe('modifyInstance', () => {
  function modified(values: Record<string, string | Uint32 | null>): CIMInstance {
    const instance = new CIMInstance('TST_Base', { path: basePath('TST_Base', 'b1') });
    for (const [name, value] of Object.entries(values)) {
      instance.properties.set(name, new CIMProperty(name, value, value === null ? { type: 'string' } : {}));
    }
    return instance;
  }

  it.each([
    ['all given properties', { Label: 'new', Count: new Uint32(9) }, null, { Label: 'new', Count: 9 }],
    ['listed properties only', { Label: 'new', Count: new Uint32(9) }, ['count'], { Label: 'one', Count: 9 }],
    ['listed but not given gets default', { Count: new Uint32(9) }, ['Label'], { Label: 'none', Count: 1 }],
    ['NULL value', { Label: null }, null, { Label: null, Count: 1 }],
  ])('%s', (_name, values, propertyList, expected) => {
    const repository = buildRepository();
    modifyInstance(repository, NS, modified(values), { propertyList });
    const result = getInstance(repository, NS, basePath('TST_Base', 'b1'), { localOnly: false });
    expect({ Label: result.get('Label'), Count: result.get('Count') }).toEqual(expected);
  });

  it.each([
    ['missing instance', () => new CIMInstance('TST_Base', { path: basePath('TST_Base', 'zz') }).set('Label', 'x'), null, 6],
    ['no path', () => new CIMInstance('TST_Base').set('Label', 'x'), null, 4],
    ['unknown property', () => modified({ Colour: 'red' }), null, 12],
    ['unknown listed property', () => modified({ Label: 'x' }), ['Colour'], 12],
    ['changed key', () => modified({ InstanceID: 'b9' }), null, 4],
    ['wrong type', () => modified({ Count: 'many' }), null, 13],
  ])('%s', async (_name, build, propertyList, code) => {
    const repository = buildRepository();
    expect(await statusOfAsync(() => modifyInstance(repository, NS, build(), { propertyList }))).toBe(code);
  });
});

describe('getProperty and setProperty', () => {
  it('returns a property with its type', () => {
    const property = getProperty(buildRepository(), NS, otherPath(1), 'tags');
    expect(property).toMatchObject({ name: 'Tags', type: 'string', isArray: true, value: ['a', 'b'] });
  });

  it.each([
    ['string', 'Label', 'set', 'set'],
    ['NULL', 'Label', null, null],
    ['typed integer', 'Count', new Uint32(3), 3],
    ['plain integer', 'Count', 3, 3],
  ])('sets a %s value', (_name, propertyName, value, expected) => {
    const repository = buildRepository();
    setProperty(repository, NS, basePath('TST_Base', 'b1'), propertyName, value);
    expect(getProperty(repository, NS, basePath('TST_Base', 'b1'), propertyName).value).toEqual(expected);
  });

  it.each([
    ['get unknown property', (r: ReturnType<typeof buildRepository>) => getProperty(r, NS, otherPath(1), 'Nope'), 12],
    ['get from missing instance', (r: ReturnType<typeof buildRepository>) => getProperty(r, NS, otherPath(9), 'Flag'), 6],
    ['set unknown property', (r: ReturnType<typeof buildRepository>) => setProperty(r, NS, otherPath(1), 'Nope', 'x'), 12],
    ['set wrong type', (r: ReturnType<typeof buildRepository>) => setProperty(r, NS, otherPath(1), 'Flag', 'yes'), 13],
    ['set key property', (r: ReturnType<typeof buildRepository>) => setProperty(r, NS, otherPath(1), 'Id', new Uint32(5)), 4],
  ])('%s', async (_name, action, code) => {
    expect(await statusOfAsync(() => action(buildRepository()))).toBe(code);
  });
});
