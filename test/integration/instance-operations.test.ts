import { describe, expect, it } from 'vitest';
import {
  CIM_ERR_ALREADY_EXISTS,
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_NO_SUCH_PROPERTY,
  CIM_ERR_NOT_FOUND,
  CIM_ERR_TYPE_MISMATCH,
  CIMInstance,
  CIMInstanceName,
  CIMProperty,
  Uint32,
} from '../../src/index.js';
import { cimError, keyValues, modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const FOO_IDS = ['CIM_Foo1', 'CIM_Foo2', 'CIM_Foo3', 'CIM_Foo30', 'CIM_Foo31'];
const SUB_IDS = ['CIM_Foo_sub1', 'CIM_Foo_sub2', 'CIM_Foo_sub3', 'CIM_Foo_sub4'];
const SUB_SUB_IDS = ['CIM_Foo_sub_sub1', 'CIM_Foo_sub_sub2', 'CIM_Foo_sub_sub3'];

const fooPath = (id: string, className = 'CIM_Foo') => pathOf(className, { InstanceID: id });
const propertyNames = (instance: CIMInstance) => [...instance.properties.keys()];

describe('instance reads', () => {
  const handle = useServer(modelRepository);

  it('enumerateInstances deep returns subclass properties', async () => {
    const instances = await handle.conn.enumerateInstances('CIM_Foo');
    expect(keyValues(instances, 'InstanceID')).toEqual([...FOO_IDS, ...SUB_IDS, ...SUB_SUB_IDS].sort());

    const subSub = instances.find((instance) => instance.get('InstanceID') === 'CIM_Foo_sub_sub2')!;
    expect(subSub.className).toBe('CIM_Foo_sub_sub');
    expect(propertyNames(subSub)).toEqual(['InstanceID', 'IntegerProp', 'cimfoo_emb3', 'cimfoo_sub', 'cimfoo_sub_sub']);
    expect(subSub.get('IntegerProp')).toBe(9);
    expect(subSub.properties.get('IntegerProp')!.type).toBe('uint32');
    expect(subSub.path).toEqual(new CIMInstanceName('CIM_Foo_sub_sub', { InstanceID: 'CIM_Foo_sub_sub2' }, { namespace: NAMESPACE }));
  });

  it('enumerateInstances shallow drops subclass properties', async () => {
    const instances = await handle.conn.enumerateInstances('CIM_Foo', { deepInheritance: false });
    expect(instances).toHaveLength(12);
    for (const instance of instances) expect(propertyNames(instance)).toEqual(['InstanceID', 'IntegerProp', 'cimfoo_emb3']);
    expect(new Set(instances.map((instance) => instance.className))).toEqual(new Set(['CIM_Foo', 'CIM_Foo_sub', 'CIM_Foo_sub_sub']));
  });

  it('enumerateInstances with propertyList', async () => {
    const instances = await handle.conn.enumerateInstances('CIM_Foo_sub', { propertyList: ['IntegerProp', 'cimfoo_sub'] });
    expect(keyValues(instances, 'InstanceID')).toEqual([...SUB_IDS, ...SUB_SUB_IDS]);
    for (const instance of instances) expect(propertyNames(instance)).toEqual(['IntegerProp', 'cimfoo_sub']);
    expect(instances.map((instance) => instance.get('IntegerProp')).sort((a, b) => Number(a) - Number(b))).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('enumerateInstances with empty propertyList', async () => {
    const instances = await handle.conn.enumerateInstances('CIM_Foo_sub_sub', { propertyList: [] });
    expect(instances).toHaveLength(3);
    for (const instance of instances) expect(instance.properties.size).toBe(0);
    expect(keyValues(instances, 'InstanceID')).toEqual(SUB_SUB_IDS);
  });

  it('enumerateInstances with includeClassOrigin', async () => {
    const [withOrigin] = await handle.conn.enumerateInstances('CIM_Foo_sub_sub', { includeClassOrigin: true });
    expect(withOrigin!.properties.get('InstanceID')!.classOrigin).toBe('CIM_Foo');
    expect(withOrigin!.properties.get('cimfoo_sub')!.classOrigin).toBe('CIM_Foo_sub');
    expect(withOrigin!.properties.get('cimfoo_sub_sub')!.classOrigin).toBe('CIM_Foo_sub_sub');

    const [withoutOrigin] = await handle.conn.enumerateInstances('CIM_Foo_sub_sub');
    expect(withoutOrigin!.properties.get('cimfoo_sub')!.classOrigin).toBeNull();
  });

  it('enumerateInstanceNames of class and subclasses', async () => {
    const paths = await handle.conn.enumerateInstanceNames('CIM_Foo_sub');
    expect(keyValues(paths, 'InstanceID')).toEqual([...SUB_IDS, ...SUB_SUB_IDS]);
    for (const path of paths) expect(path.namespace).toBe(NAMESPACE);
    expect(new Set(paths.map((path) => path.className))).toEqual(new Set(['CIM_Foo_sub', 'CIM_Foo_sub_sub']));
  });

  it('enumerateInstanceNames of class case', async () => {
    const paths = await handle.conn.enumerateInstanceNames('tst_personsub');
    expect(keyValues(paths, 'name')).toEqual(['Gabisub', 'Mikesub', 'Saarasub', 'Sofisub']);
  });

  it('getInstance returns path and values', async () => {
    const instance = await handle.conn.getInstance(fooPath('CIM_Foo_sub3', 'CIM_Foo_sub'));
    expect(instance.className).toBe('CIM_Foo_sub');
    expect(instance.get('IntegerProp')).toBe(6);
    expect(instance.get('cimfoo_sub')).toBeNull();
    expect(instance.path).toEqual(fooPath('CIM_Foo_sub3', 'CIM_Foo_sub'));
  });

  it('getInstance with propertyList and class origin', async () => {
    const instance = await handle.conn.getInstance(fooPath('CIM_Foo1'), { propertyList: ['integerprop'], includeClassOrigin: true });
    expect(propertyNames(instance)).toEqual(['IntegerProp']);
    expect(instance.properties.get('IntegerProp')!.classOrigin).toBe('CIM_Foo');
  });

  it('getInstance localOnly keeps declared properties', async () => {
    const instance = await handle.conn.getInstance(pathOf('TST_PersonSub', { name: 'Mikesub' }), { localOnly: true });
    expect(propertyNames(instance)).toEqual(['secondProperty', 'counter']);
    expect(instance.get('secondProperty')).toBe('one');
  });

  it('getInstance with qualifiers', async () => {
    const instance = await handle.conn.getInstance(fooPath('CIM_Foo1'), { includeQualifiers: true });
    expect(instance.properties.get('IntegerProp')!.qualifiers.get('Description')?.value).toBe('This is Uint32 property.');
  });

  it('getProperty returns value text', async () => {
    const path = pathOf('PyWBEM_AllTypes', { InstanceId: 'test_instance' });
    expect(await handle.conn.getProperty(path, 'scalUint64')).toBe('99999');
    expect(await handle.conn.getProperty(path, 'arraySint64')).toEqual(['-99999', '0', '99999']);
    expect(await handle.conn.getProperty(path, 'scalString')).toBe('This is a test string');
    expect(await handle.conn.getProperty(path, 'scalTimeDelta')).toBeNull();
  });

  it('getProperty returns reference path', async () => {
    const path = pathOf('TST_Lineage', { InstanceID: 'MikeSofi' });
    const parent = await handle.conn.getProperty(path, 'parent');
    expect(parent).toBeInstanceOf(CIMInstanceName);
    expect((parent as CIMInstanceName).keybindings.get('name')).toBe('Mike');
  });
});

describe('instance changes', () => {
  const handle = useServer(modelRepository);

  it('createInstance then getInstance', async () => {
    const created = new CIMInstance('CIM_Foo_sub', {
      properties: [new CIMProperty('InstanceID', 'new1'), new CIMProperty('IntegerProp', new Uint32(42)), new CIMProperty('cimfoo_sub', 'extra')],
    });
    const path = await handle.conn.createInstance(created);
    expect(path).toEqual(fooPath('new1', 'CIM_Foo_sub'));

    const read = await handle.conn.getInstance(path);
    expect(read.get('IntegerProp')).toBe(42);
    expect(read.get('cimfoo_sub')).toBe('extra');
    expect(read.get('cimfoo_emb3')).toBeNull();
    expect(keyValues(await handle.conn.enumerateInstanceNames('CIM_Foo_sub'), 'InstanceID')).toContain('new1');
  });

  it('createInstance applies class defaults', async () => {
    const path = await handle.conn.createInstance(new CIMInstance('TST_Person', { properties: [new CIMProperty('name', 'Newton')] }));
    const read = await handle.conn.getInstance(path);
    expect(read.get('extraProperty')).toBe('defaultvalue');
    expect(read.get('gender')).toBeNull();
  });

  it('createInstance in namespace of path', async () => {
    const created = new CIMInstance('CIM_Foo', {
      properties: [new CIMProperty('InstanceID', 'withPath')],
      path: new CIMInstanceName('CIM_Foo', { InstanceID: 'withPath' }, { namespace: NAMESPACE }),
    });
    const path = await handle.conn.createInstance(created);
    expect(path.namespace).toBe(NAMESPACE);
    expect((await handle.conn.getInstance(path)).get('InstanceID')).toBe('withPath');
  });

  it('modifyInstance sets all given properties', async () => {
    const path = fooPath('CIM_Foo2');
    const modified = new CIMInstance('CIM_Foo', { properties: [new CIMProperty('IntegerProp', new Uint32(2000))], path });
    await handle.conn.modifyInstance(modified);
    expect((await handle.conn.getInstance(path)).get('IntegerProp')).toBe(2000);
  });

  it('modifyInstance with propertyList changes listed only', async () => {
    const path = fooPath('CIM_Foo_sub4', 'CIM_Foo_sub');
    const modified = new CIMInstance('CIM_Foo_sub', {
      properties: [new CIMProperty('IntegerProp', new Uint32(77)), new CIMProperty('cimfoo_sub', 'listed')],
      path,
    });
    await handle.conn.modifyInstance(modified, { propertyList: ['cimfoo_sub'] });

    const read = await handle.conn.getInstance(path);
    expect(read.get('cimfoo_sub')).toBe('listed');
    expect(read.get('IntegerProp')).toBe(7);
  });

  it('setProperty then getProperty', async () => {
    const path = fooPath('CIM_Foo3');
    await handle.conn.setProperty(path, 'IntegerProp', new Uint32(303));
    expect(await handle.conn.getProperty(path, 'IntegerProp')).toBe('303');
    expect((await handle.conn.getInstance(path)).get('IntegerProp')).toBe(303);

    await handle.conn.setProperty(path, 'IntegerProp', null);
    expect(await handle.conn.getProperty(path, 'IntegerProp')).toBeNull();
  });

  it('deleteInstance removes it', async () => {
    const path = fooPath('CIM_Foo31');
    await handle.conn.deleteInstance(path);
    expect((await cimError(handle.conn.getInstance(path))).statusCode).toBe(CIM_ERR_NOT_FOUND);
    expect(keyValues(await handle.conn.enumerateInstanceNames('CIM_Foo'), 'InstanceID')).not.toContain('CIM_Foo31');
  });
});

describe('instance errors', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;
  const existing = () => new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', 'CIM_Foo1')] });

  it.each([
    ['enumerateInstances unknown namespace', () => conn().enumerateInstances('CIM_Foo', { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['enumerateInstances unknown class', () => conn().enumerateInstances('CIM_Nothing'), CIM_ERR_INVALID_CLASS],
    ['enumerateInstanceNames unknown class', () => conn().enumerateInstanceNames('CIM_Nothing'), CIM_ERR_INVALID_CLASS],
    ['getInstance unknown class', () => conn().getInstance(fooPath('x', 'CIM_Nothing')), CIM_ERR_INVALID_CLASS],
    ['getInstance missing instance', () => conn().getInstance(fooPath('missing')), CIM_ERR_NOT_FOUND],
    ['getInstance unknown namespace', () => conn().getInstance(fooPath('CIM_Foo1'), { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['createInstance existing', () => conn().createInstance(existing()), CIM_ERR_ALREADY_EXISTS],
    [
      'createInstance unknown property',
      () => conn().createInstance(new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', 'n'), new CIMProperty('Nope', 'x')] })),
      CIM_ERR_NO_SUCH_PROPERTY,
    ],
    [
      'createInstance wrong type',
      () => conn().createInstance(new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', 'n'), new CIMProperty('IntegerProp', 'text')] })),
      CIM_ERR_TYPE_MISMATCH,
    ],
    [
      'modifyInstance key change',
      () => conn().modifyInstance(new CIMInstance('CIM_Foo', { properties: [new CIMProperty('InstanceID', 'other')], path: fooPath('CIM_Foo1') })),
      CIM_ERR_INVALID_PARAMETER,
    ],
    [
      'modifyInstance missing instance',
      () => conn().modifyInstance(new CIMInstance('CIM_Foo', { properties: [new CIMProperty('IntegerProp', new Uint32(1))], path: fooPath('missing') })),
      CIM_ERR_NOT_FOUND,
    ],
    ['deleteInstance missing instance', () => conn().deleteInstance(fooPath('missing')), CIM_ERR_NOT_FOUND],
    ['getProperty unknown property', () => conn().getProperty(fooPath('CIM_Foo1'), 'Nope'), CIM_ERR_NO_SUCH_PROPERTY],
    ['setProperty unknown property', () => conn().setProperty(fooPath('CIM_Foo1'), 'Nope', 'x'), CIM_ERR_NO_SUCH_PROPERTY],
    ['setProperty wrong type', () => conn().setProperty(fooPath('CIM_Foo1'), 'IntegerProp', 'text'), CIM_ERR_TYPE_MISMATCH],
  ] as const)('%s', async (_name, operation, statusCode) => {
    const error = await cimError(operation());
    expect(error.statusCode).toBe(statusCode);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('error leaves instance unchanged', async () => {
    await cimError(conn().setProperty(fooPath('CIM_Foo1'), 'IntegerProp', 'text'));
    expect((await conn().getInstance(fooPath('CIM_Foo1'))).get('IntegerProp')).toBe(1);
  });
});
