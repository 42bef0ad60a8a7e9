import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockRepository } from '../../src/mock/repository.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import type { Session } from '../../src/shell/session.js';
import { openSession, startTestServer } from './mock-fixture.js';

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

const CASES: ReadonlyArray<[string, string, string]> = [
  ['unknown command', 'frobnicate', 'Unknown command "frobnicate"; "help" lists the commands.'],
  ['unknown subcommand', 'class frob', '"class" has no subcommand "frob"; use one of enumerate, get, tree'],
  ['missing subcommand', 'instance', '"instance" needs a subcommand; use one of enumerate'],
  ['unknown option', 'class get CIM_Foo --frob', 'Unknown option --frob for "class get"; its options are --local-only'],
  ['missing argument', 'class get', 'The command "class get" needs CLASSNAME (name of a class); see "help class get".'],
  ['extra argument', 'class get CIM_Foo CIM_Bar', 'The command "class get" takes no argument "CIM_Bar" there'],
  ['option without value', 'instance enumerate CIM_Foo --pl', 'The option --pl needs a value (NAME[,NAME])'],
  ['unclosed quote', 'instance get CIM_Foo InstanceID="abc', 'The command line has an unclosed " quote'],
  ['unknown class', 'class get CIM_Nope', 'CIM_ERR_NOT_FOUND (6): Class CIM_Nope does not exist in namespace "root/cimv2"; look the class name up with "class find PATTERN".'],
  ['unknown class in path', 'instance get CIM_Nope Id=1', 'The class CIM_Nope does not exist in namespace root/cimv2; look the name up with "class find PATTERN".'],
  ['wrong key name', 'instance get CIM_Foo Name=x', 'Name is not a key of class CIM_Foo; its keys are InstanceID.'],
  ['missing key', 'instance get CIM_Foo', 'The instance path of CIM_Foo is missing the key InstanceID; write CIM_Foo InstanceID=VALUE, or CIM_Foo.? to list the instances.'],
  ['pick list in -c mode', 'instance delete CIM_Foo.?', 'CIM_Foo.? needs an interactive shell to pick an instance; give the keys as CIM_Foo key=value ...'],
  ['bad URI', `instance get 'CIM_Foo.InstanceID="a",'`, 'The instance path is not valid at column 24: expected a key name (letters, digits and "_", not starting with a digit).\n  CIM_Foo.InstanceID="a",\n                         ^'],
  ['bad reference', `instance create TST_Lineage -p InstanceID=x -p 'parent=TST_Person.name='`, 'The value for property parent of TST_Lineage (reference) is not a valid instance path at column 17: expected a value for key "name"'],
  ['array type', 'instance create PyWBEM_AllTypes -p InstanceId=x -p arrayUint16=foo', 'The value "foo" is not valid for property arrayUint16 of PyWBEM_AllTypes (uint16[]); give an integer such as 42 or 0x2A.'],
  ['missing instance', 'instance get CIM_Foo InstanceID=none', 'CIM_ERR_NOT_FOUND (6): Instance CIM_Foo.InstanceID="none" does not exist'],
  ['integer out of range', 'instance create CIM_Foo -p InstanceID=x -p IntegerProp=4294967296', 'The value 4294967296 is out of range for property IntegerProp of CIM_Foo (uint32: 0 to 4294967295); give a value in that range.'],
  ['negative unsigned', 'instance create CIM_Foo -p InstanceID=x -p IntegerProp=-1', 'out of range for property IntegerProp of CIM_Foo (uint32'],
  ['not an integer', 'instance create CIM_Foo -p InstanceID=x -p IntegerProp=abc', 'The value "abc" is not valid for property IntegerProp of CIM_Foo (uint32); give an integer such as 42 or 0x2A.'],
  ['not a boolean', 'instance create PyWBEM_AllTypes -p InstanceId=x -p scalBool=yes', 'The value "yes" is not valid for property scalBool of PyWBEM_AllTypes (boolean); give true or false.'],
  ['not a real', 'instance create PyWBEM_AllTypes -p InstanceId=x -p scalReal64=1.2.3', 'is not valid for property scalReal64 of PyWBEM_AllTypes (real64); give a number'],
  ['bad datetime', 'instance create PyWBEM_AllTypes -p InstanceId=x -p scalDateTime=2024-01-01', 'The value "2024-01-01" is not valid for property scalDateTime of PyWBEM_AllTypes (datetime): Invalid CIM datetime'],
  ['bad array element', 'instance create PyWBEM_AllTypes -p InstanceId=x -p arrayUint8=1,300', 'The value 300 is out of range for property arrayUint8 of PyWBEM_AllTypes (uint8[]: 0 to 255)'],
  ['unknown property', 'instance create CIM_Foo -p Color=red', 'Class CIM_Foo has no property Color; its properties are InstanceID, IntegerProp, cimfoo_emb3.'],
  ['assignment without =', 'instance create CIM_Foo -p InstanceID', 'Expected a property as name=value, not "InstanceID"'],
  ['unknown method', 'instance invoke CIM_Foo InstanceID=CIM_Foo1 Nope', 'Class CIM_Foo has no method Nope; its methods are Fuzzy, FuzzyStatic, DeleteNothing.'],
  ['unknown parameter', 'class invoke CIM_Foo FuzzyStatic -p Nope=1', 'Method CIM_Foo.FuzzyStatic has no parameter Nope; its parameters are'],
  ['bad embedded MOF', `class invoke CIM_Foo FuzzyStatic -p 'cimfoo_emb1=instance of { };'`, '<parameter cimfoo_emb1 of CIM_Foo.FuzzyStatic>:1:'],
  ['bad namespace', 'cd no/such', 'The server has no namespace no/such; list the namespaces with "namespace list".'],
  ['bad setting', 'set output yaml', 'The value "yaml" is not valid for output; use one of mof, xml, json, table, tree.'],
  ['bad timeout', 'set timeout -3', 'The timeout "-3" is not valid; give a positive number of seconds.'],
  ['filter language without query', 'instance enumerate CIM_Foo --fql DMTF:FQL', '--filter-query-language needs --filter-query; give the query too.'],
];

describe('bad input', () => {
  it.each(CASES)('%s', async (_name, line, message) => {
    const result = await session.execute(line);
    expect(result.ok).toBe(false);
    expect(result.output).toHaveLength(1);
    expect(result.output[0]!.kind).toBe('error');
    expect(result.output[0]!.text).toContain(message);

    expect(session.state.namespace).toBe('root/cimv2');
    expect((await session.execute('instance get CIM_Foo InstanceID=CIM_Foo1')).ok).toBe(true);
  });
});

describe('server problems', () => {
  let hanging: Server;

  beforeAll(async () => {
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it('shows server info without an interop namespace', async () => {
    const repository = new MockRepository();
    repository.addNamespace('root/cimv2');
    const bare = await startMockServer({ repository, host: '127.0.0.1', port: 0 });
    const bareSession = await openSession(bare.url);

    const result = await bareSession.execute('server info');
    expect(result.ok).toBe(true);
    expect(result.output[0]!.text).toContain('Brand              (unknown)');
    expect(result.output[1]).toEqual({ kind: 'warning', text: 'No interop namespace found (tried interop, root/interop, root/PG_Interop, root/pg_interop, root/cimv2).' });

    const namespaces = await bareSession.execute('namespace list');
    expect(namespaces.ok).toBe(false);
    expect(namespaces.output[0]!.text).toContain('change namespace with "cd NAMESPACE" if you know the name');
    await bareSession.close();
    await bare.close();
  });

  const ADVICE_MODES: ReadonlyArray<[string, boolean, string, string]> = [
    ['interactive', true, 'To use another server, run "connect URL".', 'Raise the limit with "set timeout SECONDS" if the server needs longer.'],
    ['-c mode', false, 'To use another server, give its URL as the argument of wbemshell.', 'Raise the limit with --timeout SECONDS if the server needs longer.'],
  ];

  it.each(ADVICE_MODES)('server down advice %s', async (_mode, interactive, advice) => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise((resolve) => down.close(resolve));

    const offline = await openSession(`http://127.0.0.1:${port}`, { interactive });
    const result = await offline.execute('class get CIM_Foo');
    expect(result.ok).toBe(false);
    expect(result.output[0]!.text).toContain('connection was refused');
    expect(result.output[0]!.text).toMatch(new RegExp(`${escapeRegExp(advice)}$`));
    expect((await offline.execute('set output json')).ok).toBe(true);
    await offline.close();
  });

  it.each(ADVICE_MODES)('timeout advice once %s', async (_mode, interactive, _connectAdvice, advice) => {
    const port = (hanging.address() as AddressInfo).port;
    const slow = await openSession(`http://127.0.0.1:${port}`, { interactive });
    await slow.execute('set timeout 0.2');
    const result = await slow.execute('class get CIM_Foo');
    const text = result.output[0]!.text;
    expect(result.ok).toBe(false);
    expect(text).toMatch(/timed out after 200 ms while waiting for the response\. /);
    expect(text).toMatch(new RegExp(`${escapeRegExp(advice)}$`));
    expect(text.match(/Raise the/g)).toHaveLength(1);
    expect(slow.state.timeout).toBe(0.2);
    await slow.close();
  });

  it('cancels a command through its signal', async () => {
    const port = (hanging.address() as AddressInfo).port;
    const slow = await openSession(`http://127.0.0.1:${port}`);
    const controller = new AbortController();
    const running = slow.execute('instance enumerate CIM_Foo', { signal: controller.signal });
    setImmediate(() => controller.abort());
    const result = await running;
    expect(result.ok).toBe(false);
    expect(result.output[0]!.text).toBe('Cancelled.');
    await slow.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
