import { afterEach, describe, expect, it } from 'vitest';
import { CIM_ERR_INVALID_CLASS, CIMInstance, CIMInstanceName, MemoryRecorder, WBEMConnection, type PullKind, type UsePull } from '../../src/index.js';
import { cimError, collect, modelRepository, NAMESPACE, pathOf, useServer } from './fixture.js';

const person = (name: string) => pathOf('TST_Person', { name });

/**
 * Labels results by InstanceID or name, so pull and traditional results compare as sets:
 * paths without those keys by class name, query results without a path by their name.
 */
function labels(objects: ReadonlyArray<CIMInstance | CIMInstanceName>): string[] {
  return objects
    .map((object) => {
      const path = object instanceof CIMInstanceName ? object : object.path;
      const key = path?.keybindings.get('InstanceID') ?? path?.keybindings.get('name');
      if (key !== undefined) return String(key);
      return path ? path.className : String((object as CIMInstance).get('name'));
    })
    .sort();
}

interface IterationCase {
  name: string;
  kind: PullKind;
  run: (conn: WBEMConnection, usePull: UsePull) => AsyncGenerator<CIMInstance | CIMInstanceName, void, undefined>;
  open: string;
  pull: string;
  traditional: string;
  expected: string[];
}

const CASES: IterationCase[] = [
  {
    name: 'iterEnumerateInstances',
    kind: 'EnumerateInstances',
    run: (conn, usePull) => conn.iterEnumerateInstances('CIM_Foo_sub', { usePull, maxObjectCount: 2 }),
    open: 'OpenEnumerateInstances',
    pull: 'PullInstancesWithPath',
    traditional: 'EnumerateInstances',
    expected: ['CIM_Foo_sub1', 'CIM_Foo_sub2', 'CIM_Foo_sub3', 'CIM_Foo_sub4', 'CIM_Foo_sub_sub1', 'CIM_Foo_sub_sub2', 'CIM_Foo_sub_sub3'],
  },
  {
    name: 'iterEnumerateInstancePaths',
    kind: 'EnumerateInstancePaths',
    run: (conn, usePull) => conn.iterEnumerateInstancePaths('TST_Person', { usePull, maxObjectCount: 3 }),
    open: 'OpenEnumerateInstancePaths',
    pull: 'PullInstancePaths',
    traditional: 'EnumerateInstanceNames',
    expected: ['Gabi', 'Gabisub', 'Mike', 'Mikesub', 'Saara', 'Saarasub', 'Sofi', 'Sofisub'],
  },
  {
    name: 'iterAssociatorInstances',
    kind: 'AssociatorInstances',
    run: (conn, usePull) => conn.iterAssociatorInstances(person('Mike'), { usePull, maxObjectCount: 1 }),
    open: 'OpenAssociatorInstances',
    pull: 'PullInstancesWithPath',
    traditional: 'Associators',
    expected: ['Family2', 'Gabi', 'Sofi'],
  },
  {
    name: 'iterAssociatorInstancePaths',
    kind: 'AssociatorInstancePaths',
    run: (conn, usePull) => conn.iterAssociatorInstancePaths(person('Mike'), { usePull, maxObjectCount: 1, assocClass: 'TST_Lineage', resultRole: 'child' }),
    open: 'OpenAssociatorInstancePaths',
    pull: 'PullInstancePaths',
    traditional: 'AssociatorNames',
    expected: ['Gabi', 'Sofi'],
  },
  {
    name: 'iterReferenceInstances',
    kind: 'ReferenceInstances',
    run: (conn, usePull) => conn.iterReferenceInstances(person('Sofi'), { usePull, maxObjectCount: 1 }),
    open: 'OpenReferenceInstances',
    pull: 'PullInstancesWithPath',
    traditional: 'References',
    expected: ['MikeSofi', 'SaaraSofi', 'TST_MemberOfFamilyCollection'],
  },
  {
    name: 'iterReferenceInstancePaths',
    kind: 'ReferenceInstancePaths',
    run: (conn, usePull) => conn.iterReferenceInstancePaths(person('Sofi'), { usePull, maxObjectCount: 1, resultClass: 'TST_Lineage', role: 'child' }),
    open: 'OpenReferenceInstancePaths',
    pull: 'PullInstancePaths',
    traditional: 'ReferenceNames',
    expected: ['MikeSofi', 'SaaraSofi'],
  },
  {
    name: 'iterQueryInstances',
    kind: 'QueryInstances',
    run: (conn, usePull) => conn.iterQueryInstances('WQL', 'SELECT name FROM TST_Person WHERE gender = 1', { usePull, maxObjectCount: 4 }),
    open: 'OpenQueryInstances',
    pull: 'PullInstances',
    traditional: 'ExecQuery',
    expected: ['Gabi', 'Gabisub', 'Saara', 'Saarasub', 'Sofi', 'Sofisub'],
  },
];

describe('iter operations', () => {
  const handle = useServer(modelRepository);
  let conn: WBEMConnection | null = null;
  let recorder: MemoryRecorder;

  /** Opens a new connection, so that the pull support learned in 'auto' mode starts empty. */
  function connect(): WBEMConnection {
    recorder = new MemoryRecorder();
    conn = new WBEMConnection(handle.server.url, { defaultNamespace: NAMESPACE, recorders: [recorder] });
    return conn;
  }
  const operations = () => recorder.records.map((record) => record.operation);

  afterEach(async () => {
    await conn?.close();
    conn = null;
  });

  it.each(CASES)('$name with pull', async (entry) => {
    const results = await collect(entry.run(connect(), true));
    expect(labels(results)).toEqual(entry.expected);

    const sent = operations();
    expect(sent[0]).toBe(entry.open);
    expect(sent.length).toBeGreaterThan(1);
    expect(new Set(sent.slice(1))).toEqual(new Set([entry.pull]));
  });

  it.each(CASES)('$name without pull', async (entry) => {
    const results = await collect(entry.run(connect(), false));
    expect(labels(results)).toEqual(entry.expected);
    expect(operations()).toEqual([entry.traditional]);
  });

  it.each(CASES)('$name with auto', async (entry) => {
    const connection = connect();
    const results = await collect(entry.run(connection, 'auto'));
    expect(labels(results)).toEqual(entry.expected);
    expect(operations()[0]).toBe(entry.open);
    expect(connection.pullSupport.get(entry.kind)).toBe(true);
  });

  it('break closes enumeration', async () => {
    const connection = connect();
    for await (const instance of connection.iterEnumerateInstances('CIM_Foo', { maxObjectCount: 2 })) {
      expect(instance.path?.namespace).toBe(NAMESPACE);
      break;
    }
    expect(operations()).toEqual(['OpenEnumerateInstances', 'CloseEnumeration']);
    expect(recorder.records[1]!.error).toBeNull();
  });

  it('auto raises other errors', async () => {
    const connection = connect();
    const error = await cimError(collect(connection.iterEnumerateInstances('TST_Nothing', { usePull: 'auto' })));
    expect(error.statusCode).toBe(CIM_ERR_INVALID_CLASS);
    expect(operations()).toEqual(['OpenEnumerateInstances']);
    expect(connection.pullSupport.has('EnumerateInstances')).toBe(false);
  });

  it('iterEnumerateInstances keeps options', async () => {
    const pulled = await collect(connect().iterEnumerateInstances('CIM_Foo_sub_sub', { propertyList: ['IntegerProp'], includeClassOrigin: true, maxObjectCount: 1 }));
    const traditional = await collect(connect().iterEnumerateInstances('CIM_Foo_sub_sub', { propertyList: ['IntegerProp'], includeClassOrigin: true, usePull: false }));
    for (const instances of [pulled, traditional]) {
      expect(instances.map((instance) => instance.get('IntegerProp')).sort()).toEqual([10, 8, 9]);
      for (const instance of instances) {
        expect([...instance.properties.keys()]).toEqual(['IntegerProp']);
        expect(instance.properties.get('IntegerProp')!.classOrigin).toBe('CIM_Foo');
      }
    }
  });
});
