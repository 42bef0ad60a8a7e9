import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import type { Session } from '../../src/shell/session.js';
import type { OutputFormat } from '../../src/shell/session-types.js';
import { expectGolden, openSession, resultText, startTestServer, withoutPort } from './mock-fixture.js';

const FORMATS: readonly OutputFormat[] = ['mof', 'xml', 'json', 'table', 'tree'];

/** Commands that return objects; each is checked in every output format. */
const OBJECT_COMMANDS: ReadonlyArray<[string, string]> = [
  ['class-enumerate', 'class enumerate CIM_BaseRef --di'],
  ['class-enumerate-names', 'class enumerate --names-only --di'],
  ['class-get', 'class get CIM_Foo'],
  ['class-get-local', 'class get CIM_Foo_sub --local-only --no-qualifiers'],
  ['class-tree', 'class tree'],
  ['class-tree-root', 'class tree CIM_Foo'],
  ['class-find', 'class find cim_foo*'],
  ['class-associators', 'class associators TST_Person --names-only'],
  ['class-references', 'class references TST_Person'],
  ['instance-enumerate', 'instance enumerate CIM_Foo'],
  ['instance-enumerate-pl', 'instance enumerate CIM_Foo --pl IntegerProp'],
  ['instance-enumerate-names', 'instance enumerate TST_Person --names-only'],
  ['instance-get', 'instance get CIM_Foo InstanceID=CIM_Foo1'],
  ['instance-get-uri', `instance get 'root/cimv2:CIM_Foo.InstanceID="CIM_Foo2"'`],
  ['instance-get-all-types', 'instance enumerate PyWBEM_AllTypes'],
  ['instance-count', 'instance count CIM_Foo* TST_*'],
  ['instance-associators', 'instance associators TST_Person name=Mike'],
  ['instance-associators-names', 'instance associators TST_Person name=Mike --names-only --assoc-class TST_Lineage'],
  ['instance-references', 'instance references TST_Person name=Mike --names-only'],
  ['instance-query', 'instance query "SELECT * FROM CIM_Foo WHERE IntegerProp = 2"'],
  ['instance-invoke', 'instance invoke CIM_Foo InstanceID=CIM_Foo1 Fuzzy -p TestInOutParameter=abc -p OutputRtnValue=7'],
  ['class-invoke', `class invoke CIM_Foo FuzzyStatic -p TestInOutParameter="a b" -p 'cimfoo_emb1=instance of CIM_FooEmb1 { };'`],
  ['qualifier-enumerate', 'qualifier enumerate'],
  ['qualifier-get', 'qualifier get Key'],
  ['server-info', 'server info'],
  ['namespace-list', 'namespace list'],
];

describe('commands in -c mode against the mock server', () => {
  let server: MockServer;
  let session: Session;

  beforeAll(async () => {
    server = await startTestServer();
    session = await openSession(server.url);
  });

  afterAll(async () => {
    await session.close();
    await server.close();
  });

  const cases = OBJECT_COMMANDS.flatMap(([name, line]) => FORMATS.map((format) => [`${name}.${format}`, line, format] as const));

  it.each(cases)('%s', async (name, line, format) => {
    expect((await session.execute(`set output ${format}`)).ok).toBe(true);
    const result = await session.execute(line);
    const text = withoutPort(resultText(result), server.url);

    expect(result.output.filter((block) => block.kind === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expectGolden(name, text);
  });
});
