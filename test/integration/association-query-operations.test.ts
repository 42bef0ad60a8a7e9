import { describe, expect, it } from 'vitest';
import {
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_INVALID_QUERY,
  CIM_ERR_NOT_FOUND,
  CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED,
  CIMClass,
  CIMClassName,
  CIMInstance,
  CIMInstanceName,
} from '../../src/index.js';
import { cimError, keyValues, modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const person = (name: string) => pathOf('TST_Person', { name });
/** Labels association paths by InstanceID, or by class name for a class without that key. */
const labels = (paths: readonly CIMInstanceName[]) => paths.map((path) => String(path.keybindings.get('InstanceID') ?? path.className)).sort();
const classNames = (objects: ReadonlyArray<CIMClass | CIMClassName>) => objects.map((object) => object.className).sort();

describe('instance associations', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it.each([
    ['no filter', {}, ['Family2', 'Gabi', 'Sofi']],
    ['assocClass', { assocClass: 'TST_Lineage' }, ['Gabi', 'Sofi']],
    ['assocClass and role', { assocClass: 'TST_Lineage', role: 'parent' }, ['Gabi', 'Sofi']],
    ['wrong role', { assocClass: 'TST_Lineage', role: 'child' }, []],
    ['resultRole', { resultRole: 'child' }, ['Gabi', 'Sofi']],
    ['resultClass', { resultClass: 'TST_FamilyCollection' }, ['Family2']],
    ['resultClass as path', { resultClass: new CIMClassName('TST_FamilyCollection') }, ['Family2']],
  ] as const)('associatorNames %s', async (_name, options, expected) => {
    const paths = await conn().associatorNames(person('Mike'), options);
    expect(keyValues(paths, 'name')).toEqual(expected);
    for (const path of paths) {
      expect(path).toBeInstanceOf(CIMInstanceName);
      expect(path.namespace).toBe(NAMESPACE);
    }
  });

  it('associators return instances with paths', async () => {
    const instances = await conn().associators(person('Mike'), { assocClass: 'TST_Lineage', resultRole: 'child' });
    expect(keyValues(instances, 'name')).toEqual(['Gabi', 'Sofi']);
    const gabi = instances.find((instance) => instance.get('name') === 'Gabi')!;
    expect(gabi).toBeInstanceOf(CIMInstance);
    expect(gabi.get('likes')).toEqual([2]);
    expect(gabi.get('gender')).toBe(1);
    expect(gabi.path?.className).toBe('TST_Person');
  });

  it('associators with propertyList and class origin', async () => {
    const instances = await conn().associators(person('Mike'), { resultClass: 'TST_Person', propertyList: ['gender'], includeClassOrigin: true });
    expect(instances).toHaveLength(2);
    for (const instance of instances) {
      expect([...instance.properties.keys()]).toEqual(['gender']);
      expect(instance.properties.get('gender')!.classOrigin).toBe('TST_Person');
    }
  });

  it.each([
    ['no filter', {}, ['MikeSofi', 'SaaraSofi', 'TST_MemberOfFamilyCollection']],
    ['resultClass', { resultClass: 'TST_Lineage' }, ['MikeSofi', 'SaaraSofi']],
    ['role child', { role: 'child' }, ['MikeSofi', 'SaaraSofi']],
    ['role member', { role: 'member' }, ['TST_MemberOfFamilyCollection']],
    ['role parent', { role: 'parent' }, []],
  ] as const)('referenceNames %s', async (_name, options, expected) => {
    const paths = await conn().referenceNames(person('Sofi'), options);
    expect(labels(paths)).toEqual(expected);
  });

  it('references return association instances', async () => {
    const [member] = await conn().references(person('Sofi'), { resultClass: 'TST_MemberOfFamilyCollection', includeClassOrigin: true });
    expect(member!.className).toBe('TST_MemberOfFamilyCollection');
    const family = member!.get('family') as CIMInstanceName;
    expect(family.className).toBe('TST_FamilyCollection');
    expect(family.keybindings.get('name')).toBe('family1');
    expect((member!.get('member') as CIMInstanceName).keybindings.get('name')).toBe('Sofi');
    expect(member!.properties.get('family')!.classOrigin).toBe('TST_MemberOfFamilyCollection');
    expect(member!.path?.keybindings.get('member')).toEqual(person('Sofi'));
  });

  it('references with propertyList', async () => {
    const lineages = await conn().references(person('Sofi'), { resultClass: 'TST_Lineage', propertyList: ['parent'] });
    expect(lineages.map((lineage) => [...lineage.properties.keys()])).toEqual([['parent'], ['parent']]);
    expect(lineages.map((lineage) => (lineage.get('parent') as CIMInstanceName).keybindings.get('name')).sort()).toEqual(['Mike', 'Saara']);
  });

  it('association of simple model', async () => {
    const source = pathOf('CIM_FooRef1', { InstanceID: 'CIM_FooRef11' });
    expect(keyValues(await conn().associatorNames(source), 'InstanceID')).toEqual(['CIM_FooRef21']);
    const [assoc] = await conn().referenceNames(source, { role: 'Ref1' });
    expect(assoc!.className).toBe('CIM_FooAssoc');
    expect((assoc!.keybindings.get('Ref2') as CIMInstanceName).keybindings.get('InstanceID')).toBe('CIM_FooRef21');
  });
});

describe('class associations', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('referenceNames of class', async () => {
    const paths = await conn().referenceNames('TST_Person');
    expect(classNames(paths)).toEqual(['TST_Lineage', 'TST_MemberOfFamilyCollection']);
    for (const path of paths) {
      expect(path).toBeInstanceOf(CIMClassName);
      expect(path.namespace).toBe(NAMESPACE);
    }
  });

  it('referenceNames of class with role', async () => {
    expect(classNames(await conn().referenceNames('TST_Person', { role: 'member' }))).toEqual(['TST_MemberOfFamilyCollection']);
    expect(classNames(await conn().referenceNames('TST_Person', { resultClass: 'TST_Lineage' }))).toEqual(['TST_Lineage']);
  });

  it('associatorNames of class', async () => {
    expect(classNames(await conn().associatorNames('TST_Person', { assocClass: 'TST_Lineage' }))).toEqual(['TST_Person']);
    expect(classNames(await conn().associatorNames('CIM_FooRef1'))).toEqual(['CIM_FooRef2']);
    expect(classNames(await conn().associatorNames('CIM_FooRef1', { resultRole: 'Ref1' }))).toEqual([]);
  });

  it('associators of class return classes', async () => {
    const [related] = await conn().associators(new CIMClassName('CIM_FooRef1', { namespace: NAMESPACE }));
    expect(related).toBeInstanceOf(CIMClass);
    expect(related!.className).toBe('CIM_FooRef2');
    expect(related!.path?.className).toBe('CIM_FooRef2');
    expect(related!.path?.namespace).toBe(NAMESPACE);
  });

  it('references of class return classes', async () => {
    const [association] = await conn().references('CIM_FooRef1', { includeQualifiers: true });
    expect(association!.className).toBe('CIM_FooAssoc');
    expect(association!.qualifiers.get('Association')?.value).toBe(true);
    expect(association!.properties.get('Ref1')!.type).toBe('reference');
    expect(association!.properties.get('Ref1')!.referenceClass).toBe('CIM_FooRef1');
  });
});

describe('queries', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('execQuery with WHERE and select list', async () => {
    const instances = await conn().execQuery('WQL', 'SELECT name, gender FROM TST_Person WHERE gender = 1');
    expect(instances.map((instance) => instance.get('name')).sort()).toEqual(['Gabi', 'Gabisub', 'Saara', 'Saarasub', 'Sofi', 'Sofisub']);
    for (const instance of instances) expect([...instance.properties.keys()]).toEqual(['name', 'gender']);
    expect(instances[0]!.path?.namespace).toBe(NAMESPACE);
  });

  it('execQuery with LIKE', async () => {
    const instances = await conn().execQuery('WQL', "SELECT * FROM CIM_Foo WHERE InstanceID LIKE '%sub_sub%'");
    expect(instances.map((instance) => instance.get('InstanceID')).sort()).toEqual(['CIM_Foo_sub_sub1', 'CIM_Foo_sub_sub2', 'CIM_Foo_sub_sub3']);
    expect(instances[0]!.get('cimfoo_sub_sub')).toBeNull();
  });

  it('execQuery with numeric comparison', async () => {
    const instances = await conn().execQuery('WQL', 'SELECT InstanceID FROM CIM_Foo WHERE IntegerProp >= 8');
    expect(instances.map((instance) => instance.get('InstanceID')).sort()).toEqual(['CIM_Foo_sub_sub1', 'CIM_Foo_sub_sub2', 'CIM_Foo_sub_sub3']);
  });
});

describe('association and query errors', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it.each([
    ['associatorNames missing source', () => conn().associatorNames(person('Nobody')), CIM_ERR_NOT_FOUND],
    ['associators unknown class', () => conn().associators(pathOf('TST_Nobody', { name: 'x' })), CIM_ERR_INVALID_CLASS],
    ['associatorNames unknown assocClass', () => conn().associatorNames(person('Mike'), { assocClass: 'TST_Nothing' }), CIM_ERR_INVALID_PARAMETER],
    ['referenceNames unknown resultClass', () => conn().referenceNames(person('Mike'), { resultClass: 'TST_Nothing' }), CIM_ERR_INVALID_PARAMETER],
    ['references unknown namespace', () => conn().references(person('Mike'), { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['execQuery syntax', () => conn().execQuery('WQL', 'SELEC * FROM'), CIM_ERR_INVALID_QUERY],
    ['execQuery language', () => conn().execQuery('DMTF:CQL', 'SELECT * FROM TST_Person'), CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED],
    ['execQuery unknown class', () => conn().execQuery('WQL', 'SELECT * FROM TST_Nothing'), CIM_ERR_INVALID_CLASS],
  ] as const)('%s', async (_name, operation, statusCode) => {
    expect((await cimError(operation())).statusCode).toBe(statusCode);
  });
});
