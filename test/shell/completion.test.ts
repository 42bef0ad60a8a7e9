import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import { NameIndex } from '../../src/shell/completion/name-index.js';
import type { Session } from '../../src/shell/session.js';
import { openSession, startTestServer } from './mock-fixture.js';

describe('NameIndex', () => {
  const index = new NameIndex(['CIM_Foo', 'cim_bar', 'CIM_FooBar', 'TST_Person', 'CIM_Foo']);

  it.each([
    ['cim_f', ['CIM_Foo', 'CIM_FooBar']],
    ['CIM_', ['cim_bar', 'CIM_Foo', 'CIM_FooBar']],
    ['tst', ['TST_Person']],
    ['x', []],
    ['', ['cim_bar', 'CIM_Foo', 'CIM_FooBar', 'TST_Person']],
  ])('prefix %s', (prefix, expected) => {
    expect(index.withPrefix(prefix)).toEqual(expected);
  });

  it('limits matches', () => {
    expect(index.withPrefix('cim', 2)).toEqual(['cim_bar', 'CIM_Foo']);
  });

  it('finds a name in any case', () => {
    expect(index.find('cim_foobar')).toBe('CIM_FooBar');
    expect(index.find('CIM_Fo')).toBeUndefined();
  });

  it('searches 20000 names by prefix', () => {
    const names = Array.from({ length: 20000 }, (_, i) => `CIM_Class${String(i).padStart(5, '0')}`);
    const large = new NameIndex(names);
    expect(large.size).toBe(20000);
    expect(large.withPrefix('cim_class1999')).toEqual(names.slice(19990, 20000));
  });
});

describe('session completion', () => {
  let server: MockServer;
  let session: Session;

  beforeAll(async () => {
    server = await startTestServer();
    session = await openSession(server.url, { interactive: true });
  });

  afterAll(async () => {
    await session.close();
    await server.close();
  });

  async function values(line: string, cursor = line.length): Promise<string[]> {
    return (await session.complete(line, cursor)).candidates.map((candidate) => candidate.value);
  }

  it.each([
    ['first word', 'cl', ['class']],
    ['group words', 'instance en', ['enumerate']],
    ['alias', 'class l', ['ls']],
    ['after semicolon', 'cd root/cimv2; q', ['qualifier', 'quit']],
    ['long options', 'class get CIM_Foo --in', ['--include-classorigin']],
    ['class names', 'class get CIM_Foo_s', ['CIM_Foo_sub', 'CIM_Foo_sub2', 'CIM_Foo_sub_sub']],
    ['class names ignore case', 'instance enumerate tst_p', ['TST_Person', 'TST_Personsub']],
    ['option value class', 'instance associators TST_Person name=Mike --assoc-class TST_L', ['TST_Lineage']],
    ['namespaces', 'cd int', ['interop']],
    ['key names', 'instance get CIM_Foo Inst', ['InstanceID=']],
    ['pick list', 'instance get CIM_Foo_sub_sub.?', [`'CIM_Foo_sub_sub.InstanceID="CIM_Foo_sub_sub1"'`, `'CIM_Foo_sub_sub.InstanceID="CIM_Foo_sub_sub2"'`, `'CIM_Foo_sub_sub.InstanceID="CIM_Foo_sub_sub3"'`]],
    ['property assignment', 'instance create CIM_Foo -p Int', ['IntegerProp=']],
    ['property list', 'instance enumerate CIM_Foo --pl InstanceID,Int', ['InstanceID,IntegerProp']],
    ['methods', 'class invoke CIM_Foo Fu', ['Fuzzy', 'FuzzyStatic']],
    ['method after path', 'instance invoke CIM_Foo InstanceID=CIM_Foo1 Fuz', ['Fuzzy', 'FuzzyStatic']],
    ['parameters', 'class invoke CIM_Foo FuzzyStatic -p cim', ['cimfoo_emb1=']],
    ['qualifiers', 'qualifier get Emb', ['EmbeddedInstance', 'EmbeddedObject']],
    ['choices', 'set output t', ['table', 'tree']],
    ['help topics', 'help recor', ['recorder']],
    ['nothing for free text', 'instance query SEL', []],
  ])('%s', async (_name, line, expected) => {
    expect(await values(line)).toEqual(expected);
  });

  it('replaces the word at the cursor', async () => {
    const completion = await session.complete('class get CIM_Fo --lo', 'class get CIM_Fo'.length);
    expect(completion.start).toBe('class get '.length);
    expect(completion.candidates.map((candidate) => candidate.value)).toContain('CIM_FooAssoc');
  });

  it('describes methods with their signature', async () => {
    const completion = await session.complete('class invoke CIM_Foo Del', 'class invoke CIM_Foo Del'.length);
    expect(completion.candidates).toEqual([{ value: 'DeleteNothing', detail: 'string DeleteNothing()' }]);
  });

  it('returns nothing when cancelled', async () => {
    const fresh = await openSession(server.url);
    const controller = new AbortController();
    controller.abort();
    expect(await fresh.complete('class get CIM_', 14, controller.signal)).toEqual({ start: 10, candidates: [] });
    await fresh.close();
  });

  it('refreshes class names after class create and delete', async () => {
    expect(await values('class get TST_Z')).toEqual([]);
    expect((await session.execute('class create --mof "class TST_Zeta { [Key] string Id; };"')).ok).toBe(true);
    expect(await values('class get TST_Z')).toEqual(['TST_Zeta']);
    expect((await session.execute('class delete TST_Zeta')).ok).toBe(true);
    expect(await values('class get TST_Z')).toEqual([]);
  });
});
