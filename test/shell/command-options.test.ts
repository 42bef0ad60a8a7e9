import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import { COMMANDS } from '../../src/shell/commands/command-table.js';
import type { Session } from '../../src/shell/session.js';
import { ProfileStore } from '../../src/shell/settings/profile-store.js';
import { openSession, resultText, startTestServer, tempConfigDirectory, withoutPort } from './mock-fixture.js';

let server: MockServer;
let session: Session;

beforeAll(async () => {
  process.env['WBEMSHELL_CONFIG_DIR'] = tempConfigDirectory();
  server = await startTestServer();
});

afterAll(async () => {
  await session?.close();
  await server.close();
});

beforeEach(async () => {
  await session?.close();
  session = await openSession(server.url, { profiles: new ProfileStore() });
});

async function run(line: string): Promise<{ ok: boolean; text: string }> {
  const result = await session.execute(line);
  return { ok: result.ok, text: withoutPort(resultText(result), server.url) };
}

/**
 * Runs a command with the recorder on and returns the names of the operations it sent,
 * without the GetClass that types the keys of an instance path.
 */
async function operationsOf(line: string): Promise<string[]> {
  session.recorder.clear();
  session.recorder.enabled = true;
  const result = await session.execute(line);
  expect(resultText(result)).not.toContain('error:');
  return session.recorder.records.map((record) => record.operation).filter((operation) => operation !== 'GetClass');
}

/** Commands that print objects or rows, each with a line that has a non-empty result. */
const PRINTING_COMMANDS: ReadonlyArray<[string, string]> = [
  ['class enumerate', 'class enumerate CIM_Foo'],
  ['class get', 'class get CIM_Foo'],
  ['class tree', 'class tree CIM_Foo'],
  ['class find', 'class find CIM_Foo*'],
  ['class associators', 'class associators TST_Person --names-only'],
  ['class references', 'class references TST_Person'],
  ['class invoke', 'class invoke CIM_Foo FuzzyStatic -p TestInOutParameter=x'],
  ['instance enumerate', 'instance enumerate CIM_Foo'],
  ['instance get', 'instance get CIM_Foo InstanceID=CIM_Foo1'],
  ['instance count', 'instance count CIM_Foo'],
  ['instance create', 'instance create CIM_Foo -p InstanceID=OutputFoo'],
  ['instance associators', 'instance associators TST_Person name=Mike'],
  ['instance references', 'instance references TST_Person name=Mike'],
  ['instance invoke', 'instance invoke CIM_Foo InstanceID=CIM_Foo1 Fuzzy -p TestInOutParameter=x'],
  ['instance query', 'instance query "SELECT * FROM CIM_Foo"'],
  ['qualifier enumerate', 'qualifier enumerate'],
  ['qualifier get', 'qualifier get Key'],
  ['server info', 'server info'],
  ['namespace list', 'namespace list'],
  ['connection show', 'connection show'],
  ['stats', 'class get CIM_Foo; stats'],
];

describe('--output per command', () => {
  it.each(PRINTING_COMMANDS)('%s -o json prints JSON', async (_name, line) => {
    const result = await run(`${line} -o json`);

    expect(result.ok).toBe(true);
    const text = line.endsWith('stats') ? result.text.slice(result.text.indexOf('\n[') + 1) : result.text;
    expect(() => JSON.parse(text)).not.toThrow();
    if (line.startsWith('instance create')) expect((await run('instance delete CIM_Foo InstanceID=OutputFoo')).ok).toBe(true);
  });

  it('every printing command has --output and -o', () => {
    const words = PRINTING_COMMANDS.map(([name]) => name);
    const missing = COMMANDS.filter((command) => words.includes(command.words.join(' '))).filter(
      (command) => !command.options.some((option) => option.name === 'output' && option.aliases?.includes('o')),
    );

    expect(missing.map((command) => command.words.join(' '))).toEqual([]);
    expect(COMMANDS.filter((command) => words.includes(command.words.join(' ')))).toHaveLength(words.length);
  });

  it('overrides set output for one command', async () => {
    await run('set output mof');
    const table = await run('instance enumerate CIM_Foo --pl InstanceID --output table');
    const mof = await run('instance get CIM_Foo InstanceID=CIM_Foo1 --pl InstanceID');

    expect(table.text.split('\n').slice(0, 3)).toEqual(['InstanceID', '----------------', 'CIM_Foo1']);
    expect(mof.text).toBe('instance of CIM_Foo {\n   InstanceID = "CIM_Foo1";\n};');
    expect(session.state.output).toBe('mof');
  });

  it.each([
    ['-o yaml', 'The value "yaml" of --output is not valid; use one of mof, xml, json, table, tree.'],
    ['--output', 'The option --output needs a value (FORMAT)'],
  ])('rejects %s', async (option, message) => {
    const result = await run(`class get CIM_Foo ${option}`);

    expect(result.ok).toBe(false);
    expect(result.text).toContain(message);
  });
});

describe('--max-object-count', () => {
  it.each([
    ['instance enumerate CIM_Foo --moc 1', 'OpenEnumerateInstances', 'PullInstancesWithPath', 11],
    ['instance enumerate CIM_Foo --max-object-count 5', 'OpenEnumerateInstances', 'PullInstancesWithPath', 2],
    ['instance enumerate CIM_Foo', 'OpenEnumerateInstances', 'PullInstancesWithPath', 0],
    ['instance enumerate CIM_Foo --names-only --moc 4', 'OpenEnumerateInstancePaths', 'PullInstancePaths', 2],
    ['instance associators TST_Person name=Mike --moc 1', 'OpenAssociatorInstances', 'PullInstancesWithPath', 2],
    ['instance references TST_Person name=Mike --names-only --moc 1', 'OpenReferenceInstancePaths', 'PullInstancePaths', 2],
    ['instance query "SELECT * FROM CIM_Foo" --moc 2', 'OpenQueryInstances', 'PullInstances', 5],
  ])('%s: one Open, %s, pulls', async (line, open, pull, pulls) => {
    await run('set pull on');
    const operations = await operationsOf(line);

    expect(operations[0]).toBe(open);
    expect(operations.slice(1)).toEqual(Array.from({ length: pulls }, () => pull));
  });

  it('returns every instance in small portions', async () => {
    await run('set pull on');
    const all = await run('instance enumerate CIM_Foo --names-only');
    const portions = await run('instance enumerate CIM_Foo --names-only --moc 1');

    expect(portions).toEqual(all);
  });

  it('warns when pull operations are off', async () => {
    await run('set pull off');
    const operations = await operationsOf('instance enumerate CIM_Foo --moc 1');
    const result = await run('instance enumerate CIM_Foo --moc 1 --names-only');

    expect(operations).toEqual(['EnumerateInstances']);
    expect(result.text).toContain('warning: --max-object-count applies to pull operations only');
  });

  it.each(['0', 'abc', '1.5', '4294967296', '-1'])('rejects %s', async (value) => {
    const result = await run(`instance enumerate CIM_Foo --moc ${value}`);

    expect(result.ok).toBe(false);
    expect(result.text).toBe(`error: The value "${value}" of --max-object-count is not valid; give a whole number from 1 to 4294967295.`);
  });
});

describe('instance count', () => {
  it.each([
    ['CIM_Foo_sub2', 'Class         Count\n------------  -----\nCIM_Foo_sub2  0'],
    ['CIM_Foo CIM_Foo_sub2', 'Class         Count\n------------  -----\nCIM_Foo       5\nCIM_Foo_sub2  0'],
    ['CIM_Base*', 'No class that matches CIM_Base* in root/cimv2 has instances of its own (2 classes checked).'],
    ['CIM_BaseRef', 'Class        Count\n-----------  -----\nCIM_BaseRef  0'],
  ])('%s', async (patterns, expected) => {
    const result = await run(`instance count ${patterns}`);

    expect(result).toEqual({ ok: true, text: expected });
  });

  it('reports a pattern without classes', async () => {
    const result = await run('instance count CIM_Nope* TST_Nope');

    expect(result).toEqual({ ok: false, text: 'error: No class in root/cimv2 matches CIM_Nope* or TST_Nope; "class find PATTERN" lists the class names.' });
  });

  it('help explains subclass instances', async () => {
    const result = await run('help instance count');

    expect(result.text).toContain('instances of subclasses count for the\nsubclasses');
  });
});

describe('empty results', () => {
  it.each([
    ['instance enumerate CIM_Foo_sub2', 'No instances of CIM_Foo_sub2 in root/cimv2.'],
    ['instance enumerate CIM_Foo_sub2 --names-only', 'No instances of CIM_Foo_sub2 in root/cimv2.'],
    ['instance query "SELECT * FROM CIM_Foo WHERE IntegerProp = 99"', 'The query returned no instances.'],
    ['instance associators TST_Person name=Mike --ac CIM_FooAssoc', 'No instance is associated with /root/cimv2:TST_Person.name="Mike".'],
    ['instance references TST_Person name=Mike --rc CIM_FooAssoc --no', 'No association refers to /root/cimv2:TST_Person.name="Mike".'],
    ['class enumerate CIM_Foo_sub_sub', 'The class CIM_Foo_sub_sub has no subclasses in root/cimv2.'],
    ['class enumerate CIM_Foo_sub_sub --no', 'The class CIM_Foo_sub_sub has no subclasses in root/cimv2.'],
    ['class find XYZ*', 'No class in root/cimv2 matches XYZ*.'],
    ['class associators CIM_Foo', 'No class is associated with CIM_Foo.'],
    ['class references CIM_Foo --no', 'No association class refers to CIM_Foo.'],
    ['connection list', 'No saved connection profiles; save the current connection with "connection save NAME".'],
  ])('%s', async (line, message) => {
    for (const format of ['mof', 'xml', 'table', 'tree']) {
      const result = await run(`${line} -o ${format}`);
      expect(result, format).toEqual({ ok: true, text: message });
    }
    expect(await run(`${line} -o json`)).toEqual({ ok: true, text: '[]' });
  });
});

describe('pywbemcli option aliases', () => {
  const ALIASES: ReadonlyArray<[string, string]> = [
    ['deep-inheritance', 'di'],
    ['names-only', 'no'],
    ['propertylist', 'pl'],
    ['local-only', 'lo'],
    ['include-qualifiers', 'iq'],
    ['no-qualifiers', 'nq'],
    ['include-classorigin', 'ico'],
    ['assoc-class', 'ac'],
    ['result-class', 'rc'],
    ['result-role', 'rr'],
    ['filter-query', 'fq'],
    ['filter-query-language', 'fql'],
    ['max-object-count', 'moc'],
    ['namespace', 'n'],
    ['output', 'o'],
  ];

  it.each(ALIASES)('--%s is --%s on every command', (name, alias) => {
    const commands = COMMANDS.filter((command) => command.options.some((option) => option.name === name));
    const without = commands.filter((command) => !command.options.some((option) => option.name === name && option.aliases?.includes(alias)));

    expect(commands.length).toBeGreaterThan(0);
    expect(without.map((command) => command.words.join(' '))).toEqual([]);
  });
});
