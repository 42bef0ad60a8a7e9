import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../src/cim/class.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { Sint64, Uint8, Uint32 } from '../../src/cim/typed-value.js';
import { MockRepository } from '../../src/mock/repository.js';
import { basePath, buildRepository, NS, otherPath } from './model.js';
import { statusOf } from './status-of.js';

describe('MockRepository namespaces', () => {
  it('adds and lists namespaces without slashes', () => {
    const repository = new MockRepository();
    repository.addNamespace('/root/cimv2/');
    expect(repository.namespaceNames()).toEqual(['root/cimv2']);
    expect(repository.hasNamespace('ROOT/CIMV2')).toBe(true);
  });

  it.each([
    ['add existing namespace', (r: MockRepository) => r.addNamespace('ROOT/test'), 11],
    ['remove non-empty namespace', (r: MockRepository) => r.removeNamespace(NS), 20],
    ['remove unknown namespace', (r: MockRepository) => r.removeNamespace('nowhere'), 3],
    ['class in unknown namespace', (r: MockRepository) => r.getClass('nowhere', 'TST_Base'), 3],
    ['empty namespace name', (r: MockRepository) => r.addNamespace('/'), 4],
  ])('%s', (_name, action, code) => {
    expect(statusOf(() => action(buildRepository()))).toBe(code);
  });

  it('notifies listeners of added and removed namespaces', () => {
    const repository = new MockRepository();
    const changes: string[] = [];
    const stop = repository.onNamespaceChange((change) => changes.push(`${change.kind}:${change.namespace}`));
    repository.addNamespace('a');
    repository.removeNamespace('A');
    stop();
    repository.addNamespace('b');
    expect(changes).toEqual(['added:a', 'removed:a']);
  });
});

describe('MockRepository classes', () => {
  it('stores resolved classes with a class path', () => {
    const repository = buildRepository();
    const stored = repository.getClass(NS, 'tst_sub');
    expect(stored?.className).toBe('TST_Sub');
    expect(stored?.path?.namespace).toBe(NS);
    expect(stored?.superclass).toBe('TST_Base');
  });

  it('returns copies that do not change the store', () => {
    const repository = buildRepository();
    const copy = repository.getClass(NS, 'TST_Base') as CIMClass;
    copy.properties.delete('Label');
    expect(repository.getClass(NS, 'TST_Base')?.properties.has('Label')).toBe(true);
  });

  it.each([
    ['duplicate class', (r: MockRepository) => r.createClass(NS, new CIMClass('tst_base')), 11],
    ['missing superclass', (r: MockRepository) => r.createClass(NS, new CIMClass('X', { superclass: 'Nope' })), 10],
    ['delete class with subclasses', (r: MockRepository) => r.deleteClass(NS, 'TST_Base'), 8],
    ['delete class with instances', (r: MockRepository) => r.deleteClass(NS, 'TST_SubSub'), 9],
    ['modify class with instances', (r: MockRepository) => r.modifyClass(NS, new CIMClass('TST_Other')), 9],
    ['modify class with subclasses', (r: MockRepository) => r.modifyClass(NS, new CIMClass('TST_Sub', { superclass: 'TST_Base' })), 8],
    ['modify unknown class', (r: MockRepository) => r.modifyClass(NS, new CIMClass('Nope')), 5],
    ['delete unknown class', (r: MockRepository) => r.deleteClass(NS, 'Nope'), 5],
  ])('%s', (_name, action, code) => {
    expect(statusOf(() => action(buildRepository()))).toBe(code);
  });

  it('deletes a class without subclasses or instances', () => {
    const repository = buildRepository();
    repository.createClass(NS, new CIMClass('TST_Empty', { superclass: 'TST_Base' }));
    repository.deleteClass(NS, 'tst_empty');
    expect(repository.getClass(NS, 'TST_Empty')).toBeUndefined();
    expect(repository.namespace(NS).directSubclassNames('TST_Base')).not.toContain('TST_Empty');
  });
});

describe('MockRepository instances', () => {
  it('finds instances by case-insensitive names', () => {
    const repository = buildRepository();
    const path = new CIMInstanceName('tst_base', { instanceid: 'b1' });
    expect(repository.getInstance(NS, path).get('Label')).toBe('one');
  });

  it('finds instances whatever the keybinding order', () => {
    const repository = new MockRepository();
    repository.addNamespace('ns');
    repository.createClass(
      'ns',
      new CIMClass('Two', {
        properties: ['A', 'B'].map((name) => new CIMProperty(name, null, { type: 'string', qualifiers: [keyQualifier()] })),
      }),
    );
    repository.createInstance('ns', new CIMInstance('Two').set('A', 'x').set('B', 'y'));
    const reversed = new CIMInstanceName('Two', [['b', 'y'], ['a', 'x']]);
    expect(repository.getInstance('ns', reversed).get('A')).toBe('x');
  });

  it.each([
    ['plain number', 1],
    ['bigint', 1n],
    ['typed wrapper', new Uint8(1)],
  ])('matches numeric keys given as %s', (_name, value) => {
    const repository = buildRepository();
    const path = new CIMInstanceName('TST_Other', { Id: value });
    expect(repository.getInstance(NS, path).get('Flag')).toBe(true);
  });

  it('does not match key values of other case', () => {
    const repository = buildRepository();
    expect(statusOf(() => repository.getInstance(NS, basePath('TST_Base', 'B1')))).toBe(6);
  });

  it('fills class defaults and converts values to declared types', () => {
    const repository = buildRepository();
    const stored = repository.getInstance(NS, basePath('TST_Base', 'b2'));
    expect(stored.get('Label')).toBe('none');
    expect(stored.properties.get('Count')?.type).toBe('uint32');
    expect(stored.path?.namespace).toBe(NS);
  });

  it('returns the path of a created instance', () => {
    const repository = buildRepository();
    const path = repository.createInstance(NS, new CIMInstance('TST_Other').set('Id', new Uint32(7)));
    expect(path.className).toBe('TST_Other');
    expect(path.keybindings.get('Id')).toBe(7);
    expect(path.namespace).toBe(NS);
  });

  it.each([
    ['unknown class', () => new CIMInstance('Nope').set('Id', 'x'), 5],
    ['duplicate path', () => new CIMInstance('TST_Other').set('Id', new Uint32(1)), 11],
    ['unknown property', () => new CIMInstance('TST_Other').set('Id', new Uint32(9)).set('Colour', 'red'), 12],
    ['NULL key', () => new CIMInstance('TST_Other').set('Flag', true), 4],
    ['string for uint32', () => new CIMInstance('TST_Other').set('Id', 'nine'), 13],
    ['out of range', () => new CIMInstance('TST_Other').set('Id', new Sint64(-1)), 13],
    ['array for scalar', () => new CIMInstance('TST_Other').set('Id', new Uint32(9)).set('Flag', [true]), 13],
    ['scalar for array', () => new CIMInstance('TST_Other').set('Id', new Uint32(9)).set('Tags', 'a'), 13],
    [
      'reference to wrong class',
      () => new CIMInstance('TST_Link').set('Source', otherPath(1)).set('Target', basePath('TST_Base', 'b1')),
      13,
    ],
  ])('create with %s', (_name, build, code) => {
    const repository = buildRepository();
    expect(statusOf(() => repository.createInstance(NS, build()))).toBe(code);
  });

  it('accepts references to other classes when the check is off', () => {
    const repository = buildRepository({ checkReferenceClasses: false });
    const link = new CIMInstance('TST_Link').set('Source', otherPath(1)).set('Target', basePath('TST_Base', 'b1'));
    expect(repository.createInstance(NS, link).className).toBe('TST_Link');
  });

  it.each([
    ['missing instance', basePath('TST_Base', 'zz'), 6],
    ['unknown class', new CIMInstanceName('Nope', { InstanceID: 'b1' }), 5],
    ['missing keybinding', new CIMInstanceName('TST_Base', {}), 4],
    ['extra keybinding', new CIMInstanceName('TST_Base', { InstanceID: 'b1', Label: 'one' }), 4],
  ])('get with %s', (_name, path, code) => {
    expect(statusOf(() => buildRepository().getInstance(NS, path))).toBe(code);
  });

  it('deletes an instance', () => {
    const repository = buildRepository();
    repository.deleteInstance(NS, basePath('TST_Base', 'b1'));
    expect(statusOf(() => repository.getInstance(NS, basePath('TST_Base', 'b1')))).toBe(6);
    expect(statusOf(() => repository.deleteInstance(NS, basePath('TST_Base', 'b1')))).toBe(6);
  });

  it('returns instance copies that do not change the store', () => {
    const repository = buildRepository();
    repository.getInstance(NS, basePath('TST_Base', 'b1')).set('Label', 'changed');
    expect(repository.getInstance(NS, basePath('TST_Base', 'b1')).get('Label')).toBe('one');
  });
});

function keyQualifier(): CIMQualifier {
  return new CIMQualifier('Key', true, { type: 'boolean' });
}
