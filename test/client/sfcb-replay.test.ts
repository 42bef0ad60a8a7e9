import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayExchange, type ReplayServer } from '../../scripts/conformance/replay-server.js';
import { CIMClass } from '../../src/cim/class.js';
import { CIMDateTime } from '../../src/cim/datetime.js';
import { CIMError } from '../../src/cim/errors.js';
import { CIMInstance } from '../../src/cim/instance.js';
import { CIMInstanceName } from '../../src/cim/instance-name.js';
import { CIMProperty } from '../../src/cim/property.js';
import { CIMQualifier } from '../../src/cim/qualifier.js';
import { Uint32 } from '../../src/cim/typed-value.js';
import { WBEMConnection } from '../../src/client/connection.js';
import { AuthError, ConnectionError } from '../../src/client/errors.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const LIVE = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic', 'sfcb-1.3-live');
const CIM_HEADERS = ['CIMOperation', 'CIMMethod', 'CIMObject', 'CIMProtocolVersion', 'Authorization'];

/** One live exchange: the request as sent and the raw response as received. */
interface Capture {
  name: string;
  requestBody: string;
  requestHeaders: Record<string, string>;
  /** Status line, headers and body bytes as captured, or null when the server closed the connection. */
  response: Buffer | null;
}

function loadCapture(number: string): Capture {
  const base = readdirSync(LIVE).find((file) => file.startsWith(`${number}_`) && file.endsWith('.txt'))!.slice(0, -4);
  const trace = readFileSync(path.join(LIVE, `${base}.txt`), 'utf8').split('\n');
  const sent = trace.filter((line) => line.startsWith('> ')).map((line) => line.slice(2));
  const received = trace.filter((line) => line.startsWith('< ')).map((line) => line.slice(2).trimEnd());

  const requestHeaders: Record<string, string> = {};
  for (const line of sent.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) requestHeaders[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }

  const body = readFileSync(path.join(LIVE, `${base}.response.xml`));
  const head = received.filter((line) => line !== '').join('\r\n');
  return {
    name: base,
    requestBody: readFileSync(path.join(LIVE, `${base}.request.xml`), 'utf8'),
    requestHeaders,
    response: received.length === 0 ? null : Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]),
  };
}

function exchangeOf(capture: Capture): ReplayExchange {
  const headers = Object.fromEntries(CIM_HEADERS.filter((name) => name in capture.requestHeaders).map((name) => [name, capture.requestHeaders[name]!]));
  // The captured requests were written by hand in the DTD 2.2 form, without the TYPE
  // attribute that DTD 2.4 adds to KEYVALUE and that this client sends.
  return { headers, body: capture.requestBody, ignoreAttributes: ['KEYVALUE/@TYPE'], response: capture.response };
}

let server: ReplayServer | null = null;
let connection: WBEMConnection | null = null;

afterEach(async () => {
  await connection?.close();
  await server?.close();
  connection = null;
  server = null;
});

async function replay(number: string, options: ConstructorParameters<typeof WBEMConnection>[1] = {}): Promise<WBEMConnection> {
  server = await startReplayServer([exchangeOf(loadCapture(number))]);
  connection = new WBEMConnection(server.url, { timeout: 5000, ...options });
  return connection;
}

const OS_NAME = new CIMInstanceName('Linux_OperatingSystem', {
  CSCreationClassName: 'Linux_ComputerSystem',
  CSName: 'vm',
  CreationClassName: 'Linux_OperatingSystem',
  Name: 'vm',
});
const CS_NAME = new CIMInstanceName('Linux_ComputerSystem', { CreationClassName: 'Linux_ComputerSystem', Name: 'vm' });
const WIDGET_NAME = new CIMInstanceName('TST_Widget', { Id: 'w1' });

function widget(): CIMInstance {
  return new CIMInstance('TST_Widget', {
    properties: [
      new CIMProperty('Id', 'w1'),
      new CIMProperty('Count', new Uint32(5)),
      new CIMProperty('Tags', ['a', 'b & c']),
      new CIMProperty('When', new CIMDateTime('20240102030405.123456+060')),
    ],
  });
}

function widgetClass(): CIMClass {
  return new CIMClass('TST_Widget', {
    qualifiers: [new CIMQualifier('Description', 'Test class created over CIM-XML')],
    properties: [
      new CIMProperty('Id', null, { type: 'string', qualifiers: [new CIMQualifier('Key', true)] }),
      new CIMProperty('Count', null, { type: 'uint32' }),
      new CIMProperty('Tags', null, { type: 'string', isArray: true }),
      new CIMProperty('When', null, { type: 'datetime' }),
    ],
  });
}

function countMatches(number: string, pattern: RegExp): number {
  const capture = loadCapture(number);
  const body = capture.response!.toString('utf8');
  return body.match(pattern)?.length ?? 0;
}

type Call = (conn: WBEMConnection) => Promise<unknown>;

const SUCCESS_CASES: Array<[string, Call, (result: unknown) => void]> = [
  ['00', (c) => c.enumerateClassNames(), (r) => expect(r).toHaveLength(countMatches('00', /<CLASSNAME /g))],
  ['01', (c) => c.enumerateClassNames(null, { deepInheritance: true }), (r) => expect(r).toHaveLength(countMatches('01', /<CLASSNAME /g))],
  ['02', (c) => c.enumerateClassNames(), (r) => expect((r as string[])).toContain('CIM_ManagedElement')],
  ['03', (c) => c.enumerateClassNames(null, { namespace: 'root/interop', deepInheritance: true }), (r) => expect(r).toHaveLength(countMatches('03', /<CLASSNAME /g))],
  ['04', (c) => c.enumerateClassNames('CIM_OperatingSystem', { deepInheritance: true }), (r) => expect(r).toEqual(['Linux_OperatingSystem'])],
  ['05', (c) => c.getClass('CIM_ManagedElement', { localOnly: false, includeQualifiers: true, includeClassOrigin: true }), (r) => {
    expect(r).toBeInstanceOf(CIMClass);
    expect((r as CIMClass).className).toBe('CIM_ManagedElement');
    expect((r as CIMClass).properties.has('ElementName')).toBe(true);
  }],
  ['06', (c) => c.getClass('Linux_OperatingSystem', { localOnly: false, includeQualifiers: true }), (r) => {
    expect((r as CIMClass).superclass).toBe('CIM_OperatingSystem');
    expect((r as CIMClass).methods.size).toBeGreaterThan(0);
  }],
  ['07', (c) => c.enumerateClasses('CIM_Process', { deepInheritance: true, localOnly: false, includeQualifiers: false }), (r) => {
    expect(r).toHaveLength(countMatches('07', /<CLASS /g));
  }],
  ['10', (c) => c.enumerateInstanceNames('Linux_ComputerSystem'), (r) => {
    const [name] = r as CIMInstanceName[];
    expect(name!.equals(new CIMInstanceName('Linux_ComputerSystem', CS_NAME.keybindings, { namespace: 'root/cimv2' }))).toBe(true);
  }],
  ['11', (c) => c.enumerateInstances('Linux_OperatingSystem', { localOnly: false, deepInheritance: true }), (r) => {
    const instances = r as CIMInstance[];
    expect(instances).toHaveLength(1);
    expect(instances[0]!.path!.namespace).toBe('root/cimv2');
    expect(instances[0]!.get('CSName')).toBe('vm');
  }],
  ['12', (c) => c.getInstance(CS_NAME, { localOnly: false }), (r) => {
    const instance = r as CIMInstance;
    expect(instance.get('PrimaryOwnerName')).toBe('root');
    expect(instance.get('LPARID')).toBeNull();
    expect(instance.path!.equals(new CIMInstanceName('Linux_ComputerSystem', CS_NAME.keybindings, { namespace: 'root/cimv2' }))).toBe(true);
  }],
  ['14', (c) => c.enumerateInstances('CIM_Processor', { deepInheritance: true, propertyList: ['DeviceID', 'CurrentClockSpeed', 'Family'] }), (r) => {
    expect(r).toHaveLength(countMatches('14', /<VALUE\.NAMEDINSTANCE>/g));
  }],
  ['15', (c) => c.associatorNames(OS_NAME, { assocClass: 'Linux_RunningOS' }), (r) => {
    const [name] = r as CIMInstanceName[];
    expect(name!.host).toBe('vm');
    expect(name!.equals(new CIMInstanceName('Linux_ComputerSystem', CS_NAME.keybindings, { namespace: 'root/cimv2', host: 'vm' }))).toBe(true);
  }],
  ['16', (c) => c.associators(OS_NAME, { assocClass: 'Linux_RunningOS', resultRole: 'Dependent' }), (r) => {
    const [instance] = r as CIMInstance[];
    expect(instance!.className).toBe('Linux_ComputerSystem');
    expect(instance!.path!.host).toBe('vm');
  }],
  ['17', (c) => c.referenceNames(CS_NAME), (r) => {
    const [name] = r as CIMInstanceName[];
    expect(name!.className).toBe('Linux_RunningOS');
    expect(name!.keybindings.get('Antecedent')).toBeInstanceOf(CIMInstanceName);
  }],
  ['18', (c) => c.references(OS_NAME, { resultClass: 'Linux_OperatingSystemStatistics' }), (r) => {
    expect((r as CIMInstance[]).every((instance) => instance.className === 'Linux_OperatingSystemStatistics')).toBe(true);
  }],
  ['19', (c) => c.enumerateInstances('CIM_Namespace', { namespace: 'root/interop' }), (r) => {
    const instances = r as CIMInstance[];
    expect(instances).toHaveLength(countMatches('19', /<VALUE\.NAMEDINSTANCE>/g));
    expect(instances.every((instance) => instance.path!.namespace === 'root/interop')).toBe(true);
  }],
  ['20', (c) => c.enumerateInstances('CIM_ObjectManager', { namespace: 'root/interop' }), (r) => expect(r).toHaveLength(1)],
  ['21', (c) => c.enumerateInstances('CIM_RegisteredProfile', { namespace: 'root/interop' }), (r) => expect(r).toHaveLength(1)],
  ['22', (c) => c.getQualifier('Description'), (r) => expect(r).toMatchObject({ name: 'Description', type: 'string' })],
  ['23', (c) => c.enumerateQualifiers(), (r) => expect(r).toHaveLength(countMatches('23', /<QUALIFIER\.DECLARATION /g))],
  ['24', (c) => c.execQuery('WQL', 'SELECT Name, Version, NumberOfProcesses FROM Linux_OperatingSystem'), (r) => {
    const [instance] = r as CIMInstance[];
    expect(instance!.get('Name')).toBe('vm');
    expect(instance!.path!.namespace).toBe('root/cimv2');
  }],
  ['30', (c) => c.createClass(widgetClass()), (r) => expect(r).toBeUndefined()],
  ['31', (c) => c.createInstance(widget()), (r) => {
    expect((r as CIMInstanceName).equals(new CIMInstanceName('TST_Widget', { Id: 'w1' }, { namespace: 'root/cimv2' }))).toBe(true);
  }],
  ['33', (c) => c.getInstance(WIDGET_NAME), (r) => {
    expect((r as CIMInstance).get('Count')).toBe(5);
    expect((r as CIMInstance).get('Tags')).toEqual(['a', 'b & c']);
  }],
  ['34', (c) => c.enumerateInstances('TST_Widget'), (r) => expect(r).toHaveLength(1)],
  ['35', (c) => {
    const modified = new CIMInstance('TST_Widget', {
      properties: [new CIMProperty('Id', 'w1'), new CIMProperty('Count', new Uint32(6))],
      path: WIDGET_NAME,
    });
    return c.modifyInstance(modified, { propertyList: ['Count'] });
  }, (r) => expect(r).toBeUndefined()],
  ['36', (c) => c.getInstance(WIDGET_NAME), (r) => expect((r as CIMInstance).get('Count')).toBe(6)],
  ['37', (c) => c.deleteInstance(WIDGET_NAME), (r) => expect(r).toBeUndefined()],
  ['39', (c) => c.deleteClass('TST_Widget'), (r) => expect(r).toBeUndefined()],
  ['50', (c) => c.enumerateInstances('Linux_Processor'), (r) => expect(r).toHaveLength(countMatches('50', /<VALUE\.NAMEDINSTANCE>/g))],
];

const ERROR_CASES: Array<[string, Call, number]> = [
  ['08', (c) => c.getClass('CIM_NoSuchClass'), 6],
  ['09', (c) => c.enumerateClassNames(null, { namespace: 'root/nosuchns' }), 3],
  ['13', (c) => c.getInstance(new CIMInstanceName('Linux_ComputerSystem', { CreationClassName: 'Linux_ComputerSystem', Name: 'no-such-host' })), 6],
  ['25', (c) => c.getProperty(OS_NAME, 'Version'), 1],
  ['26', (c) => c.openEnumerateInstances('Linux_ComputerSystem', { maxObjectCount: 10 }), 1],
  ['27', (c) => c.invokeMethod('SetPowerState', CS_NAME, { PowerState: new Uint32(1) }), 1],
  ['32', (c) => c.createInstance(widget()), 11],
  ['38', (c) => c.deleteInstance(WIDGET_NAME), 6],
];

describe('WBEMConnection against SFCB 1.3 captures', () => {
  it.each(SUCCESS_CASES)('capture %s result', async (number, call, check) => {
    const conn = await replay(number);
    const result = await call(conn);
    expect(server!.mismatches).toEqual([]);
    check(result);
  });

  it.each(ERROR_CASES)('capture %s CIM error', async (number, call, statusCode) => {
    const conn = await replay(number);
    const error = await call(conn).catch((caught: unknown) => caught);
    expect(server!.mismatches).toEqual([]);
    expect(error).toBeInstanceOf(CIMError);
    expect((error as CIMError).statusCode).toBe(statusCode);
  });

  it('capture 50 reads the chunked body and its trailer', async () => {
    const conn = await replay('50');
    const [instance] = await conn.enumerateInstances('Linux_Processor');
    expect(instance!.path!.keybindings.get('SystemName')).toBe('vm');
  });

  it('capture 51 connection closed without response', async () => {
    server = await startReplayServer([{ response: null }]);
    connection = new WBEMConnection(server.url, { timeout: 5000 });
    await expect(connection.enumerateClassNames()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('capture 90 no credentials', async () => {
    const conn = await replay('90');
    const error = await conn.enumerateClassNames().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).schemes).toEqual(['Basic']);
    expect(server!.received[0]!.headers['authorization']).toBeUndefined();
  });

  it('capture 91 wrong password', async () => {
    const conn = await replay('91', { credentials: { user: 'testuser', password: 'wrong' } });
    await expect(conn.enumerateClassNames()).rejects.toBeInstanceOf(AuthError);
    expect(server!.mismatches).toEqual([]);
  });

  it('capture 92 right credentials', async () => {
    const conn = await replay('92', { credentials: { user: 'testuser', password: 'testpass' } });
    const names = await conn.enumerateClassNames();
    expect(server!.mismatches).toEqual([]);
    expect(names).toHaveLength(countMatches('92', /<CLASSNAME /g));
  });
});
