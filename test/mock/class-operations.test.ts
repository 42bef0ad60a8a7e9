import { describe, expect, it } from 'vitest';
import { CIMClass } from '../../src/cim/class.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import {
  createClass,
  deleteClass,
  enumerateClasses,
  enumerateClassNames,
  getClass,
  modifyClass,
} from '../../src/mock/operations/class-operations.js';
import { buildRepository, NS } from './model.js';
import { statusOf } from './status-of.js';

describe('class resolution', () => {
  it('marks inherited properties propagated with their origin', () => {
    const stored = buildRepository().getClass(NS, 'TST_SubSub') as CIMClass;
    expect([...stored.properties.keys()]).toEqual(['InstanceID', 'Label', 'Count', 'SubProp', 'Big']);
    expect(stored.properties.get('InstanceID')).toMatchObject({ propagated: true, classOrigin: 'TST_Base' });
    expect(stored.properties.get('Count')).toMatchObject({ propagated: true, classOrigin: 'TST_Sub' });
    expect(stored.properties.get('Big')).toMatchObject({ propagated: false, classOrigin: 'TST_SubSub' });
  });

  it('lets an override replace inherited qualifiers', () => {
    const stored = buildRepository().getClass(NS, 'TST_Sub') as CIMClass;
    const count = stored.properties.get('Count') as CIMProperty;
    expect(count.qualifiers.get('Description')?.value).toBe('Overridden count');
    expect(count.qualifiers.get('Description')?.propagated).toBe(false);
  });

  it('propagates qualifiers unless restricted', () => {
    const repository = buildRepository();
    const abstract = new CIMQualifier('Abstract', true, { type: 'boolean' });
    const description = new CIMQualifier('Description', 'abstract base', { type: 'string' });
    createClass(repository, NS, new CIMClass('TST_Abstract', { qualifiers: [abstract, description] }));
    createClass(repository, NS, new CIMClass('TST_Concrete', { superclass: 'TST_Abstract' }));

    const concrete = repository.getClass(NS, 'TST_Concrete') as CIMClass;
    expect(concrete.qualifiers.has('Abstract')).toBe(false);
    expect(concrete.qualifiers.get('Description')).toMatchObject({ value: 'abstract base', propagated: true });
    const linkSub = repository.getClass(NS, 'TST_LinkSub') as CIMClass;
    expect(linkSub.qualifiers.get('Association')).toMatchObject({ value: true, propagated: true });
  });

  it('marks inherited methods propagated', () => {
    const sub = buildRepository().getClass(NS, 'TST_Sub') as CIMClass;
    expect(sub.methods.get('Add')).toMatchObject({ propagated: true, classOrigin: 'TST_Base' });
  });
});

describe('getClass', () => {
  it.each([
    ['defaults', {}, ['Count', 'SubProp'], 1, null],
    ['localOnly false', { localOnly: false }, ['InstanceID', 'Label', 'Count', 'SubProp'], 1, null],
    ['no qualifiers', { includeQualifiers: false }, ['Count', 'SubProp'], 0, null],
    ['class origin', { includeClassOrigin: true }, ['Count', 'SubProp'], 1, 'TST_Sub'],
    ['property list', { localOnly: false, propertyList: ['count', 'Nope'] }, ['Count'], 1, null],
    ['empty property list', { propertyList: [] }, [], undefined, undefined],
  ])('%s', (_name, options, properties, countQualifiers, countOrigin) => {
    const result = getClass(buildRepository(), NS, 'tst_sub', options);
    expect([...result.properties.keys()]).toEqual(properties);
    expect(result.properties.get('Count')?.qualifiers.size).toBe(countQualifiers);
    expect(result.properties.get('Count')?.classOrigin).toBe(countOrigin);
  });

  it('leaves out inherited methods when localOnly', () => {
    const repository = buildRepository();
    expect(getClass(repository, NS, 'TST_Sub').methods.size).toBe(0);
    expect(getClass(repository, NS, 'TST_Sub', { localOnly: false }).methods.size).toBe(2);
  });

  it('raises CIM_ERR_NOT_FOUND for an unknown class', () => {
    expect(statusOf(() => getClass(buildRepository(), NS, 'Nope'))).toBe(6);
  });
});

describe('enumerateClasses and enumerateClassNames', () => {
  it.each([
    ['top classes', {}, ['TST_Base', 'TST_Link', 'TST_Other', 'TST_Owns']],
    ['top classes deep', { deepInheritance: true }, ['TST_Base', 'TST_Link', 'TST_LinkSub', 'TST_Other', 'TST_Owns', 'TST_Sub', 'TST_SubSub']],
    ['direct subclasses', { className: 'tst_base' }, ['TST_Sub']],
    ['all subclasses', { className: 'TST_Base', deepInheritance: true }, ['TST_Sub', 'TST_SubSub']],
    ['leaf class', { className: 'TST_SubSub', deepInheritance: true }, []],
  ])('%s', (_name, options, expected) => {
    const repository = buildRepository();
    const names = enumerateClassNames(repository, NS, options);
    expect(names.map((name) => name.className).sort()).toEqual(expected);
    expect(names.every((name) => name.namespace === NS)).toBe(true);
    expect(enumerateClasses(repository, NS, options).map((c) => c.className).sort()).toEqual(expected);
  });

  it('applies class filters to each class', () => {
    const classes = enumerateClasses(buildRepository(), NS, { className: 'TST_Base', localOnly: false, includeQualifiers: false });
    expect(classes[0]?.properties.size).toBe(4);
    expect(classes[0]?.qualifiers.size).toBe(0);
  });

  it('raises CIM_ERR_INVALID_CLASS for an unknown base class', () => {
    expect(statusOf(() => enumerateClassNames(buildRepository(), NS, { className: 'Nope' }))).toBe(5);
  });
});

describe('createClass, modifyClass and deleteClass', () => {
  it('creates a subclass and resolves it', () => {
    const repository = buildRepository();
    createClass(repository, NS, new CIMClass('TST_New', { superclass: 'tst_base', properties: [new CIMProperty('Extra', 'e')] }));
    const created = getClass(repository, NS, 'TST_New', { localOnly: false, includeClassOrigin: true });
    expect(created.superclass).toBe('TST_Base');
    expect(created.properties.get('Label')?.classOrigin).toBe('TST_Base');
    expect(created.properties.get('Extra')?.classOrigin).toBe('TST_New');
  });

  it('leaves the given class unchanged', () => {
    const repository = buildRepository();
    const given = new CIMClass('TST_New', { superclass: 'TST_Base', properties: [new CIMProperty('Extra', 'e')] });
    createClass(repository, NS, given);
    expect(given.properties.get('Extra')?.classOrigin).toBeNull();
    expect(given.properties.has('Label')).toBe(false);
  });

  it('takes back a class as GetClass returned it', () => {
    const repository = buildRepository();
    createClass(repository, NS, new CIMClass('TST_New', { superclass: 'TST_Base' }));
    const full = getClass(repository, NS, 'TST_New', { localOnly: false, includeClassOrigin: true });
    full.properties.set('Added', new CIMProperty('Added', true));
    modifyClass(repository, NS, full);
    const modified = getClass(repository, NS, 'TST_New', { includeClassOrigin: true });
    expect([...modified.properties.keys()]).toEqual(['Added']);
  });

  it.each([
    ['create duplicate', (r: ReturnType<typeof buildRepository>) => createClass(r, NS, new CIMClass('TST_Base')), 11],
    ['create with missing superclass', (r: ReturnType<typeof buildRepository>) => createClass(r, NS, new CIMClass('X', { superclass: 'Nope' })), 10],
    ['modify unknown', (r: ReturnType<typeof buildRepository>) => modifyClass(r, NS, new CIMClass('Nope')), 6],
    ['modify with instances', (r: ReturnType<typeof buildRepository>) => modifyClass(r, NS, new CIMClass('TST_Other')), 9],
    ['delete unknown', (r: ReturnType<typeof buildRepository>) => deleteClass(r, NS, 'Nope'), 6],
    ['delete with subclasses', (r: ReturnType<typeof buildRepository>) => deleteClass(r, NS, 'TST_Link'), 8],
    ['delete with instances', (r: ReturnType<typeof buildRepository>) => deleteClass(r, NS, 'TST_Owns'), 9],
    ['unknown namespace', (r: ReturnType<typeof buildRepository>) => deleteClass(r, 'nowhere', 'TST_Owns'), 3],
    [
      'undeclared qualifier',
      (r: ReturnType<typeof buildRepository>) => createClass(r, NS, new CIMClass('X', { qualifiers: [new CIMQualifier('Nope', true)] })),
      4,
    ],
    [
      'qualifier out of scope',
      (r: ReturnType<typeof buildRepository>) => createClass(r, NS, new CIMClass('X', { qualifiers: [new CIMQualifier('Key', true)] })),
      4,
    ],
  ])('%s', (_name, action, code) => {
    expect(statusOf(() => action(buildRepository()))).toBe(code);
  });
});
