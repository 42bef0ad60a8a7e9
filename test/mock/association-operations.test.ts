import { describe, expect, it } from 'vitest';
import { CIMClassName } from '../../src/cim/class-name.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import {
  associatorNames,
  associators,
  referenceNames,
  references,
} from '../../src/mock/operations/association-operations.js';
import { basePath, buildRepository, ids, NS, otherPath } from './model.js';
import { statusOf } from './status-of.js';

const s1 = basePath('TST_Sub', 's1');

describe('associators of instances', () => {
  it.each([
    ['no filters', s1, {}, ['b1', 'ss1']],
    ['association class', s1, { assocClass: 'TST_LinkSub' }, ['ss1']],
    ['association superclass', s1, { assocClass: 'tst_link' }, ['b1', 'ss1']],
    ['role', s1, { role: 'source' }, ['ss1']],
    ['other role', s1, { role: 'Target' }, ['b1']],
    ['result role', s1, { resultRole: 'SOURCE' }, ['b1']],
    ['result class with subclasses', s1, { resultClass: 'TST_Sub' }, ['ss1']],
    ['result class without match', s1, { resultClass: 'TST_Other' }, []],
    ['role and result role', s1, { role: 'Source', resultRole: 'Target' }, ['ss1']],
    ['through other association', basePath('TST_Base', 'b2'), {}, ['1']],
    ['reverse direction', otherPath(1), { resultClass: 'TST_Base' }, ['b2']],
    ['unassociated instance', otherPath(2), {}, []],
  ])('%s', (_name, source, filters, expected) => {
    const repository = buildRepository();
    const objects = associators(repository, NS, source, filters);
    expect(ids(objects)).toEqual(expected);
    const names = associatorNames(repository, NS, source, filters) as CIMInstanceName[];
    expect(ids(names)).toEqual(expected);
    expect(names.every((name) => name.namespace === NS)).toBe(true);
  });

  it('applies the property list and class origin', () => {
    const [found] = associators(buildRepository(), NS, s1, { role: 'Source', propertyList: ['Big'], includeClassOrigin: true });
    expect([...(found?.properties.keys() ?? [])]).toEqual(['Big']);
    expect(found?.properties.get('Big')?.classOrigin).toBe('TST_SubSub');
  });
});

describe('references of instances', () => {
  it.each([
    ['no filters', s1, {}, ['TST_Link', 'TST_LinkSub']],
    ['result class', s1, { resultClass: 'TST_LinkSub' }, ['TST_LinkSub']],
    ['result superclass', s1, { resultClass: 'TST_Link' }, ['TST_Link', 'TST_LinkSub']],
    ['role', s1, { role: 'target' }, ['TST_Link']],
    ['role without match', s1, { role: 'Owner' }, []],
    ['other association', otherPath(1), {}, ['own1']],
  ])('%s', (_name, source, filters, expected) => {
    const repository = buildRepository();
    expect(ids(references(repository, NS, source, filters))).toEqual(expected);
    expect(ids(referenceNames(repository, NS, source, filters) as CIMInstanceName[])).toEqual(expected);
  });

  it('returns association instances with their references', () => {
    const [link] = references(buildRepository(), NS, s1, { role: 'Target' });
    expect((link?.get('Source') as CIMInstanceName).keybindings.get('InstanceID')).toBe('b1');
  });
});

describe('associators and references of classes', () => {
  const sub = new CIMClassName('tst_sub');

  it.each([
    ['associators', {}, ['TST_Base', 'TST_Other']],
    ['associators by association class', { assocClass: 'TST_Owns' }, ['TST_Other']],
    ['associators by result class', { resultClass: 'TST_Base' }, ['TST_Base']],
    ['associators by role', { role: 'Owned' }, ['TST_Other']],
    ['associators by result role', { resultRole: 'target' }, ['TST_Base']],
  ])('%s', (_name, filters, expected) => {
    const repository = buildRepository();
    expect(associators(repository, NS, sub, filters).map((c) => c.className).sort()).toEqual(expected);
    const names = associatorNames(repository, NS, sub, filters);
    expect(names.map((name) => name.className).sort()).toEqual(expected);
    expect(names.every((name) => name instanceof CIMClassName && name.namespace === NS)).toBe(true);
  });

  it.each([
    ['references', sub, {}, ['TST_Link', 'TST_LinkSub', 'TST_Owns']],
    ['references by result class', sub, { resultClass: 'TST_Link' }, ['TST_Link', 'TST_LinkSub']],
    ['references by role', sub, { role: 'Owner' }, []],
    ['references of other class', new CIMClassName('TST_Other'), {}, ['TST_Owns']],
  ])('%s', (_name, source, filters, expected) => {
    const repository = buildRepository();
    expect(references(repository, NS, source, filters).map((c) => c.className).sort()).toEqual(expected);
    expect(referenceNames(repository, NS, source, filters).map((name) => name.className).sort()).toEqual(expected);
  });

  it('returns classes with paths and without qualifiers by default', () => {
    const [found] = references(buildRepository(), NS, new CIMClassName('TST_Other'));
    expect(found?.path?.namespace).toBe(NS);
    expect(found?.qualifiers.size).toBe(0);
  });
});

describe('association errors', () => {
  it.each([
    ['unknown association class', () => associators(buildRepository(), NS, s1, { assocClass: 'Nope' }), 4],
    ['unknown result class', () => references(buildRepository(), NS, s1, { resultClass: 'Nope' }), 4],
    ['missing instance', () => associatorNames(buildRepository(), NS, basePath('TST_Base', 'zz')), 6],
    ['missing class', () => referenceNames(buildRepository(), NS, new CIMClassName('Nope')), 6],
    ['unknown namespace', () => references(buildRepository(), 'nowhere', s1), 3],
  ])('%s', (_name, action, code) => {
    expect(statusOf(action)).toBe(code);
  });
});
