import { describe, expect, it } from 'vitest';
import {
  CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
  CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_ENUMERATION_CONTEXT,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_NOT_FOUND,
  CIMClass,
  CIMInstance,
  CIMInstanceName,
  type EnumerationContext,
  type PullInstancesResult,
  type PullPathsResult,
} from '../../src/index.js';
import { cimError, keyValues, modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const ALL_FOO_IDS = [
  'CIM_Foo1',
  'CIM_Foo2',
  'CIM_Foo3',
  'CIM_Foo30',
  'CIM_Foo31',
  'CIM_Foo_sub1',
  'CIM_Foo_sub2',
  'CIM_Foo_sub3',
  'CIM_Foo_sub4',
  'CIM_Foo_sub_sub1',
  'CIM_Foo_sub_sub2',
  'CIM_Foo_sub_sub3',
];
const person = (name: string) => pathOf('TST_Person', { name });

type Batch<T> = { items: T[]; eos: boolean; context: EnumerationContext | null };
const instanceBatch = (result: PullInstancesResult): Batch<CIMInstance> => ({ items: result.instances, eos: result.eos, context: result.context });
const pathBatch = (result: PullPathsResult): Batch<CIMInstanceName> => ({ items: result.paths, eos: result.eos, context: result.context });

/** Pulls until EndOfSequence and returns the batch sizes and all objects. */
async function drain<T>(first: Batch<T>, pull: (context: EnumerationContext) => Promise<Batch<T>>): Promise<{ sizes: number[]; items: T[] }> {
  const sizes = [first.items.length];
  const items = [...first.items];
  let batch = first;
  while (!batch.eos) {
    expect(batch.context).not.toBeNull();
    batch = await pull(batch.context!);
    sizes.push(batch.items.length);
    items.push(...batch.items);
  }
  expect(batch.context).toBeNull();
  return { sizes, items };
}

describe('open and pull', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;

  it('openEnumerateInstances in batches', async () => {
    const first = instanceBatch(await conn().openEnumerateInstances('CIM_Foo', { maxObjectCount: 5 }));
    expect(first.eos).toBe(false);
    expect(first.context?.namespace).toBe(NAMESPACE);

    const { sizes, items } = await drain(first, async (context) => instanceBatch(await conn().pullInstancesWithPath(context, 5)));
    expect(sizes).toEqual([5, 5, 2]);
    expect(keyValues(items, 'InstanceID')).toEqual(ALL_FOO_IDS);
    for (const instance of items) expect(instance.path?.namespace).toBe(NAMESPACE);
  });

  it('openEnumerateInstances default count zero', async () => {
    const first = await conn().openEnumerateInstances('CIM_Foo');
    expect(first.instances).toEqual([]);
    expect(first.eos).toBe(false);
    const rest = await conn().pullInstancesWithPath(first.context!, 100);
    expect(rest.eos).toBe(true);
    expect(rest.instances).toHaveLength(12);
  });

  it('openEnumerateInstances whole result', async () => {
    const result = await conn().openEnumerateInstances('CIM_Foo_sub', { maxObjectCount: 100, deepInheritance: false, propertyList: ['IntegerProp', 'cimfoo_sub_sub'] });
    expect(result.eos).toBe(true);
    expect(result.context).toBeNull();
    expect(result.instances).toHaveLength(7);
    for (const instance of result.instances) expect([...instance.properties.keys()]).toEqual(['IntegerProp']);
  });

  it('openEnumerateInstances with class origin', async () => {
    const result = await conn().openEnumerateInstances('CIM_Foo_sub_sub', { maxObjectCount: 1, includeClassOrigin: true });
    expect(result.instances[0]!.properties.get('cimfoo_sub')!.classOrigin).toBe('CIM_Foo_sub');
    await conn().closeEnumeration(result.context!);
  });

  it('openEnumerateInstancePaths in batches', async () => {
    const first = pathBatch(await conn().openEnumerateInstancePaths('CIM_Foo', { maxObjectCount: 4, operationTimeout: 30 }));
    const { sizes, items } = await drain(first, async (context) => pathBatch(await conn().pullInstancePaths(context, 4)));
    expect(sizes).toEqual([4, 4, 4]);
    expect(keyValues(items, 'InstanceID')).toEqual(ALL_FOO_IDS);
  });

  it('openAssociatorInstances in batches', async () => {
    const first = instanceBatch(await conn().openAssociatorInstances(person('Mike'), { maxObjectCount: 1, propertyList: ['name'] }));
    const { sizes, items } = await drain(first, async (context) => instanceBatch(await conn().pullInstancesWithPath(context, 1)));
    expect(sizes.slice(0, 3)).toEqual([1, 1, 1]);
    expect(keyValues(items, 'name')).toEqual(['Family2', 'Gabi', 'Sofi']);
    for (const instance of items) expect([...instance.properties.keys()]).toEqual(['name']);
  });

  it('openAssociatorInstances with filters', async () => {
    const result = await conn().openAssociatorInstances(person('Mike'), {
      assocClass: 'TST_Lineage',
      resultClass: 'TST_Person',
      role: 'parent',
      resultRole: 'child',
      maxObjectCount: 10,
    });
    expect(result.eos).toBe(true);
    expect(keyValues(result.instances, 'name')).toEqual(['Gabi', 'Sofi']);
  });

  it('openAssociatorInstancePaths in batches', async () => {
    const first = pathBatch(await conn().openAssociatorInstancePaths(person('Mike'), { maxObjectCount: 2, resultClass: 'TST_Person' }));
    const { items } = await drain(first, async (context) => pathBatch(await conn().pullInstancePaths(context, 2)));
    expect(keyValues(items, 'name')).toEqual(['Gabi', 'Sofi']);
  });

  it('openReferenceInstances in batches', async () => {
    const first = instanceBatch(await conn().openReferenceInstances(person('Sofi'), { maxObjectCount: 1, resultClass: 'TST_Lineage' }));
    const { items } = await drain(first, async (context) => instanceBatch(await conn().pullInstancesWithPath(context, 1)));
    expect(keyValues(items, 'InstanceID')).toEqual(['MikeSofi', 'SaaraSofi']);
    for (const lineage of items) expect((lineage.get('child') as CIMInstanceName).keybindings.get('name')).toBe('Sofi');
  });

  it('openReferenceInstancePaths with role', async () => {
    const result = await conn().openReferenceInstancePaths(person('Sofi'), { maxObjectCount: 10, role: 'member' });
    expect(result.eos).toBe(true);
    expect(result.paths.map((path) => path.className)).toEqual(['TST_MemberOfFamilyCollection']);
  });

  it('openQueryInstances in batches', async () => {
    const first = await conn().openQueryInstances('WQL', 'SELECT name FROM TST_Person WHERE gender = 2', { maxObjectCount: 1, returnQueryResultClass: true });
    expect(first.queryResultClass).toBeInstanceOf(CIMClass);
    expect(first.queryResultClass!.properties.has('name')).toBe(true);

    const { items } = await drain(instanceBatch(first), async (context) => instanceBatch(await conn().pullInstances(context, 1)));
    expect(items.map((instance) => instance.get('name')).sort()).toEqual(['Mike', 'Mikesub']);
    for (const instance of items) expect([...instance.properties.keys()]).toEqual(['name']);
  });

  it('openQueryInstances without result class', async () => {
    const result = await conn().openQueryInstances('WQL', 'SELECT * FROM TST_FamilyCollection', { maxObjectCount: 5 });
    expect(result.queryResultClass).toBeNull();
    expect(result.eos).toBe(true);
    expect(result.instances.map((instance) => instance.get('name')).sort()).toEqual(['Family2', 'family1']);
  });

  it('closeEnumeration ends context', async () => {
    const first = await conn().openEnumerateInstancePaths('CIM_Foo', { maxObjectCount: 1 });
    await conn().closeEnumeration(first.context!);
    expect((await cimError(conn().pullInstancePaths(first.context!, 1))).statusCode).toBe(CIM_ERR_INVALID_ENUMERATION_CONTEXT);
  });

  it('context ends after EndOfSequence', async () => {
    const first = await conn().openEnumerateInstancePaths('CIM_Foo_sub_sub', { maxObjectCount: 2 });
    const last = await conn().pullInstancePaths(first.context!, 5);
    expect(last.eos).toBe(true);
    expect((await cimError(conn().pullInstancePaths(first.context!, 1))).statusCode).toBe(CIM_ERR_INVALID_ENUMERATION_CONTEXT);
  });
});

describe('pull errors', () => {
  const handle = useServer(modelRepository);
  const conn = () => handle.conn;
  const unknownContext: EnumerationContext = { id: 'no-such-context', namespace: NAMESPACE };

  it.each([
    ['pull unknown context', () => conn().pullInstancesWithPath(unknownContext, 5), CIM_ERR_INVALID_ENUMERATION_CONTEXT],
    ['close unknown context', () => conn().closeEnumeration(unknownContext), CIM_ERR_INVALID_ENUMERATION_CONTEXT],
    ['open unknown class', () => conn().openEnumerateInstances('TST_Nothing', { maxObjectCount: 1 }), CIM_ERR_INVALID_CLASS],
    ['open unknown namespace', () => conn().openEnumerateInstancePaths('CIM_Foo', { namespace: 'root/nothing' }), CIM_ERR_INVALID_NAMESPACE],
    ['open missing source', () => conn().openReferenceInstances(person('Nobody'), { maxObjectCount: 1 }), CIM_ERR_NOT_FOUND],
    [
      'open with filter query',
      () => conn().openEnumerateInstances('CIM_Foo', { filterQueryLanguage: 'DMTF:FQL', filterQuery: 'IntegerProp > 5' }),
      CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
    ],
    ['open with continueOnError', () => conn().openEnumerateInstancePaths('CIM_Foo', { continueOnError: true }), CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED],
  ] as const)('%s', async (_name, operation, statusCode) => {
    expect((await cimError(operation())).statusCode).toBe(statusCode);
  });

  it('pull of other kind rejected', async () => {
    const first = await conn().openEnumerateInstancePaths('CIM_Foo', { maxObjectCount: 0 });
    expect((await cimError(conn().pullInstancesWithPath(first.context!, 1))).statusCode).toBe(CIM_ERR_INVALID_ENUMERATION_CONTEXT);
  });
});
