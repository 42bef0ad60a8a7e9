import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
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

describe('instance create, modify and delete', () => {
  it('creates, modifies and deletes an instance', async () => {
    const created = await run('instance create CIM_Foo -p InstanceID=NewFoo -p IntegerProp=42');
    expect(created).toEqual({ ok: true, text: 'Created /root/cimv2:CIM_Foo.InstanceID="NewFoo".' });

    expect((await run('instance modify CIM_Foo InstanceID=NewFoo -p IntegerProp=43')).ok).toBe(true);
    expect((await run('instance get CIM_Foo InstanceID=NewFoo')).text).toContain('IntegerProp = 43;');

    expect(await run('instance delete CIM_Foo InstanceID=NewFoo')).toEqual({ ok: true, text: 'Deleted /root/cimv2:CIM_Foo.InstanceID="NewFoo".' });
    expect((await run('instance get CIM_Foo InstanceID=NewFoo')).text).toContain('CIM_ERR_NOT_FOUND');
  });

  it('types every CIM type from the class', async () => {
    const values = [
      'InstanceId=typed',
      'scalBool=TRUE',
      'scalUint8=255',
      'scalSint8=-128',
      'scalUint64=18446744073709551615',
      'scalSint64=-9223372036854775808',
      'scalReal32=1.5',
      'scalReal64=-2e-3',
      'scalString="a \\"quoted\\" text"',
      'scalDateTime=20240102030405.000000+000',
      'arrayUint64=[0,18446744073709551615]',
      'arrayString=a,"b,c",null',
      'arrayBool=true,false',
    ];
    const created = await run(`instance create PyWBEM_AllTypes ${values.map((value) => `-p '${value}'`).join(' ')}`);
    expect(created.ok).toBe(true);

    await run('set output json');
    const json = (await run('instance get PyWBEM_AllTypes InstanceId=typed')).text;
    expect(json).toContain('"value": 18446744073709551615');
    expect(json).toContain('"value": -9223372036854775808');
    expect(json).toContain('"value": "a \\"quoted\\" text"');
    expect(json).toContain('"20240102030405.000000+000"');

    await run('set output mof');
    const mof = (await run('instance get PyWBEM_AllTypes InstanceId=typed')).text;
    expect(mof).toContain('arrayUint64 = {0, 18446744073709551615};');
    expect(mof).toContain('arrayString = {"a", "b,c", NULL};');
    expect(mof).toContain('scalReal32 = 1.5000000000;');
    expect(mof).toContain('arrayBool = {true, false};');
  });

  it('sets an embedded instance from MOF', async () => {
    const created = await run(`instance create CIM_Foo -p InstanceID=Emb -p 'cimfoo_emb3=instance of CIM_FooEmb3 { };'`);
    expect(created.ok).toBe(true);
    await run('set output json');
    const json = (await run('instance get CIM_Foo InstanceID=Emb')).text;
    expect(json).toContain('"embeddedObject": "instance"');
    expect(json).toContain('"className": "CIM_FooEmb3"');
    expect((await run('instance delete CIM_Foo InstanceID=Emb')).ok).toBe(true);
  });

  it('rejects an embedded instance of two objects', async () => {
    const result = await run(`instance create CIM_Foo -p InstanceID=Emb2 -p 'cimfoo_emb3=instance of CIM_FooEmb3 { }; instance of CIM_FooEmb3 { };'`);
    expect(result.text).toContain('must be the MOF of one instance');
  });

  it('creates and reads a keyless instance', async () => {
    expect(await run('instance create CIM_FooEmb1')).toEqual({ ok: true, text: 'Created /root/cimv2:CIM_FooEmb1=@.' });

    for (const word of ['CIM_FooEmb1=@', '/root/cimv2:CIM_FooEmb1=@', `'${server.url}/root/cimv2:CIM_FooEmb1=@'`]) {
      const result = await run(`instance get ${word}`);
      expect(result).toEqual({ ok: true, text: 'instance of CIM_FooEmb1 {\n};' });
    }
    expect(await run('instance delete CIM_FooEmb1=@')).toEqual({ ok: true, text: 'Deleted /root/cimv2:CIM_FooEmb1=@.' });
  });

  it('rejects an abstract class', async () => {
    const result = await run('instance create CIM_BaseEmb');
    expect(result.ok).toBe(false);
    expect(result.text).toBe(
      'error: CIM_ERR_FAILED (1): Class CIM_BaseEmb is abstract and cannot have instances of its own; create an instance of a concrete subclass of CIM_BaseEmb instead.',
    );
  });

  it('prints the path object as json', async () => {
    const created = await run('instance create CIM_Foo -p InstanceID=JsonFoo -o json');
    expect(JSON.parse(created.text)).toMatchObject([{ className: 'CIM_Foo' }]);
    expect((await run('instance delete CIM_Foo InstanceID=JsonFoo')).ok).toBe(true);
  });

  it('sets a reference property from a URI', async () => {
    const line = `instance create TST_Lineage -p InstanceID=New -p 'parent=TST_Person.name="Mike"' -p 'child=TST_Person.name="Saara"'`;
    expect((await run(line)).ok).toBe(true);
    const text = (await run('instance get TST_Lineage InstanceID=New')).text;
    expect(text).toContain('parent = "/root/cimv2:TST_Person.name=\\"Mike\\"";');
  });
});

describe('class and qualifier changes', () => {
  it('creates a class from MOF text and deletes it', async () => {
    const created = await run(`class create --mof "class TST_New : CIM_Foo { string Extra; };"`);
    expect(created).toEqual({ ok: true, text: 'Created class TST_New.' });
    expect((await run('class find TST_N*')).text).toBe('TST_New');
    expect((await run('class get TST_New')).text).toContain('string Extra;');

    expect((await run('class delete TST_New')).text).toBe('Deleted class TST_New.');
    expect((await run('class find TST_N*')).text).toBe('No class in root/cimv2 matches TST_N*.');
  });

  it('reports bad MOF with its position', async () => {
    const result = await run(`class create --mof "class TST_Bad : CIM_Nope { };"`);
    expect(result.ok).toBe(false);
    expect(result.text).toContain('<--mof>:1:');
    expect(result.text).toContain('CIM_Nope');
  });

  it('sets and deletes a qualifier declaration', async () => {
    expect((await run(`qualifier set --mof "Qualifier Note : string = null, Scope(any);"`)).text).toBe('Set qualifier declaration Note.');
    expect((await run('qualifier get Note')).text).toContain('Qualifier Note : string');
    expect((await run('qualifier delete Note')).text).toBe('Deleted qualifier declaration Note.');
    expect((await run('qualifier get Note')).text).toContain('"qualifier enumerate" lists the qualifier declarations');
  });
});

describe('session commands', () => {
  it('changes namespace with cd and cd ..', async () => {
    expect((await run('cd interop')).ok).toBe(true);
    expect(session.state.namespace).toBe('interop');
    expect((await run('cd root/cimv2')).ok).toBe(true);
    expect((await run('cd ..')).ok).toBe(false);
    expect(session.state.namespace).toBe('root/cimv2');
  });

  it('announces setting changes', async () => {
    const seen: string[] = [];
    const stop = session.onChange((state) => seen.push(`${state.output} ${state.pull} ${state.timeout}`));
    await run('set output table; set pull off; set timeout 5');
    stop();
    expect(seen).toEqual(['table auto 30', 'table off 30', 'table off 5']);
  });

  it('enumerates with pull off', async () => {
    await run('set pull off');
    expect((await run('instance enumerate CIM_Foo --names-only')).text.split('\n')).toHaveLength(12);
    const operations = session.connection.statistics.snapshot().map((entry) => entry.name);
    expect(operations).toContain('EnumerateInstanceNames');
    expect(operations).not.toContain('OpenEnumerateInstancePaths');
  });

  it('records operations and saves them as YAML', async () => {
    const file = path.join(tempConfigDirectory(), 'records.yaml');
    const records: string[] = [];
    session.onRecord((record) => records.push(record.operation));

    expect((await run('recorder on')).text).toBe('The recorder is on.');
    expect((await run('class get CIM_Foo')).ok).toBe(true);
    expect((await run(`recorder save ${file}`)).text).toBe(`Saved 1 operations to ${file}.`);
    expect((await run('class get CIM_Foo --no-qualifiers')).ok).toBe(true);
    expect(records).toEqual(['GetClass', 'GetClass']);
    expect(readFileSync(file, 'utf8')).toContain('pywbem_request:');
    expect((await run('recorder clear; recorder off')).text).toBe('Cleared 2 recorded operations.\nThe recorder is off.');
  });

  it('shows statistics and history', async () => {
    await run('class get CIM_Foo');
    expect((await run('stats')).text).toMatch(/^Operation +Count +Errors/);
    expect((await run('history')).text).toBe('1  class get CIM_Foo\n2  stats\n3  history');
  });

  it('generates help from the table', async () => {
    const list = (await run('help')).text;
    expect(list).toContain('instance enumerate');
    expect(list).toContain('qualifier set');
    const one = (await run('help instance get')).text;
    expect(one).toContain('Usage: instance get INSTANCENAME... [OPTIONS]');
    expect(one).toContain('--propertylist, --pl NAME[,NAME]');
  });

  it('stops at exit', async () => {
    const result = await session.execute('exit; class get CIM_Foo');
    expect(result).toEqual({ ok: true, output: [], exit: true });
  });

  it('saves, shows and deletes a connection profile without the password', async () => {
    expect((await run('connection save lab')).ok).toBe(true);
    expect((await run('connection list')).text).toContain('lab');
    expect((await run('connection show lab')).text).toContain('Password            (none)');
    expect((await run('connection select lab')).text).toContain('(profile lab)');
    expect(session.state.profile).toBe('lab');
    expect((await run('connection delete lab')).text).toBe('Deleted profile lab.');
    expect((await run('connection show lab')).text).toContain('No connection profile named "lab"');
  });

  it('clears the class cache', async () => {
    expect((await run('class find CIM_Foo')).text).toBe('CIM_Foo');
    expect((await run('cache clear')).text).toBe('Cleared the cached classes and class names.');
  });
});
