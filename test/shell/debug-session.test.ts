import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestClientCases, runTestClientCases } from '../../scripts/conformance/test-client-yaml.js';
import { repoRoot, tempConfigDirectory } from './mock-fixture.js';

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const traffic = path.resolve(repoRoot, '..', 'shared', 'reference', 'cim-xml', 'traffic');

/** Runs a program in `cwd`, with HOME, the settings and the model cache in `home`. */
function run(program: string, args: readonly string[], cwd: string, home: string): Promise<ChildResult> {
  const env = { ...process.env, HOME: home, WBEMSHELL_CONFIG_DIR: home, XDG_CACHE_HOME: home, COLUMNS: '160', NO_COLOR: '1' };
  const child = spawn(program, args, { cwd, env, stdio: 'pipe' });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let folder: string;
let home: string;

/** Runs `wbemshell --mock -c COMMANDS` in the test folder; each run starts a fresh mock server. */
const mockShell = (commands: string) => run(process.execPath, [path.join(repoRoot, 'bin', 'wbemshell.js'), '--mock', '-c', commands], folder, home);

const COMPUTER_SYSTEM = 'WBEMShell_ComputerSystem CreationClassName=WBEMShell_ComputerSystem Name=wbemshell-demo.example.org';
const PROCESS =
  'WBEMShell_Process CSCreationClassName=WBEMShell_ComputerSystem CSName=wbemshell-demo.example.org ' +
  'OSCreationClassName=WBEMShell_OperatingSystem "OSName=Debian GNU/Linux 12 (bookworm)" CreationClassName=WBEMShell_Process Handle=1';

/** The recorded session: operations of many kinds, with pull operations and without, then the three export formats. */
const SESSION = [
  'recorder on',
  'class get WBEMShell_Process',
  'class enumerate CIM_ComputerSystem --names-only',
  'qualifier get Key',
  'instance enumerate WBEMShell_DiskDrive',
  `instance get ${COMPUTER_SYSTEM}`,
  `instance associators ${COMPUTER_SYSTEM} --names-only`,
  `instance references ${COMPUTER_SYSTEM} --rc WBEMShell_SystemDevice`,
  `instance invoke ${PROCESS} RequestStateChange -p RequestedState=3`,
  'class invoke WBEMShell_Process Create -p CommandLine=/usr/bin/top',
  "instance query 'SELECT * FROM WBEMShell_Processor'",
  'set pull off',
  'instance enumerate WBEMShell_Processor --names-only',
  `instance associators ${COMPUTER_SYSTEM} --rc WBEMShell_OperatingSystem`,
  'set pull on',
  'instance enumerate WBEMShell_Process --pl Name',
  'recorder save session.yaml --format yaml',
  'recorder save session.http --format http',
  'recorder save session-xml --format xml',
].join('; ');

/** The operations the session sends, in order. `instance get` and `instance invoke` fetch the class first. */
const OPERATIONS = [
  'GetClass',
  'EnumerateClassNames',
  'GetQualifier',
  'OpenEnumerateInstances',
  'GetClass',
  'GetInstance',
  'OpenAssociatorInstancePaths',
  'OpenReferenceInstances',
  'GetClass',
  'InvokeMethod',
  'InvokeMethod',
  'OpenQueryInstances',
  'EnumerateInstanceNames',
  'Associators',
  'OpenEnumerateInstances',
];

let recording: ChildResult;

beforeAll(async () => {
  folder = tempConfigDirectory();
  home = tempConfigDirectory();
  recording = await mockShell(SESSION);
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('recorded mock session', () => {
  it('records and saves every operation', () => {
    expect(recording.stderr).toBe('');
    expect(recording.code).toBe(0);
    expect(recording.stdout).toContain(`Saved ${OPERATIONS.length} operations to session.yaml.`);
    expect(recording.stdout).toContain(`Saved ${OPERATIONS.length} operations to session.http.`);
    expect(recording.stdout).toContain(`Saved ${OPERATIONS.length} operations to ${OPERATIONS.length * 2} files in session-xml.`);
  });

  it('yaml lists the operations in order', () => {
    const cases = parse(readFileSync(path.join(folder, 'session.yaml'), 'utf8')) as Array<{ pywbem_request: { operation: { pywbem_method: string } } }>;
    expect(cases.map((testCase) => testCase.pywbem_request.operation.pywbem_method)).toEqual(OPERATIONS);
  });

  it('yaml pull results hold the objects', () => {
    const cases = parse(readFileSync(path.join(folder, 'session.yaml'), 'utf8')) as Array<{ name: string; pywbem_response: Record<string, unknown> }>;
    const paths = cases.find((testCase) => testCase.name === 'OpenAssociatorInstancePaths7')!.pywbem_response;
    expect(paths).toMatchObject({ pullresult: { context: null, eos: true } });
    expect((paths.pullresult as { paths: unknown[] }).paths.length).toBeGreaterThan(10);

    const method = cases.find((testCase) => testCase.name === 'InvokeMethod10')!.pywbem_response;
    expect(method).toEqual({ result: [0, {}] });
  });

  it('yaml cases pass the conformance runner', async () => {
    const cases = loadTestClientCases(path.join(folder, 'session.yaml'));
    const report = await runTestClientCases(cases);
    expect(report.failed).toEqual([]);
    expect(report.passed).toBe(OPERATIONS.length);
  }, 60_000);

  it('conformance script passes the yaml', async () => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const result = await run(tsx, [path.join(repoRoot, 'scripts', 'conformance.ts'), path.join(folder, 'session.yaml')], repoRoot, home);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${OPERATIONS.length} passed, 0 failed\n`);
    expect(result.code).toBe(0);
  }, 60_000);

  it.each(['session.yaml', 'session.http', 'session-xml'])('replay %s shows no differences', async (file) => {
    const result = await mockShell(`replay ${file}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('different response');
    expect(result.stdout).toContain('OpenEnumerateInstances15: same response\n');
    expect(result.stdout).toContain(`Replayed ${OPERATIONS.length} requests: ${OPERATIONS.length} with the same response, 0 different.`);
  }, 60_000);

  it('replay reports a changed response', async () => {
    const original = readFileSync(path.join(folder, 'session.http'), 'utf8');
    expect(original).toContain('<VALUE>wbemshell-demo</VALUE>');
    // The transcript sizes bodies by Content-Length, so the new value has the same length.
    writeFileSync(path.join(folder, 'changed.http'), original.replace('<VALUE>wbemshell-demo</VALUE>', '<VALUE>wbemshell-test</VALUE>'));

    const result = await mockShell('replay changed.http');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('GetInstance6: different response\n');
    expect(result.stdout).toMatch(/PROPERTY\[@NAME="ElementName"\]\/VALUE: text: "wbemshell-test" -> "wbemshell-demo"/);
    expect(result.stdout).toContain(`Replayed ${OPERATIONS.length} requests: ${OPERATIONS.length - 1} with the same response, 1 different.`);
  }, 60_000);
});

/** A request as wbemexec reads it: an HTTP head, a blank line and an indented CIM-XML body. */
const HAND_WRITTEN_REQUEST = `POST /cimom HTTP/1.1
Host: localhost
Content-Type: application/xml; charset="utf-8"
CIMOperation: MethodCall
CIMMethod: GetInstance
CIMObject: root/cimv2

<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0">
 <MESSAGE ID="42" PROTOCOLVERSION="1.0">
  <SIMPLEREQ>
   <IMETHODCALL NAME="GetInstance">
    <LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH>
    <IPARAMVALUE NAME="InstanceName">
     <INSTANCENAME CLASSNAME="WBEMShell_ComputerSystem">
      <KEYBINDING NAME="CreationClassName"><KEYVALUE VALUETYPE="string">WBEMShell_ComputerSystem</KEYVALUE></KEYBINDING>
      <KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string">wbemshell-demo.example.org</KEYVALUE></KEYBINDING>
     </INSTANCENAME>
    </IPARAMVALUE>
    <IPARAMVALUE NAME="PropertyList"><VALUE.ARRAY><VALUE>ElementName</VALUE></VALUE.ARRAY></IPARAMVALUE>
   </IMETHODCALL>
  </SIMPLEREQ>
 </MESSAGE>
</CIM>
`;

describe('debug commands with -c', () => {
  beforeAll(() => {
    writeFileSync(path.join(folder, 'get-instance.http'), HAND_WRITTEN_REQUEST);
    // A response of OpenPegasus whose KEYVALUE elements carry no TYPE, which DTD 2.4 requires.
    copyFileSync(path.join(traffic, 'openpegasus_AssocDirNames12001rspgood.xml'), path.join(folder, 'pegasus-response.xml'));
  });

  it('validate on checks each response', async () => {
    const result = await mockShell('validate on; instance enumerate WBEMShell_DiskDrive --names-only; validate');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Each response is validated against DTD 2\.4\.\n/);
    expect(result.stdout).toContain('DeviceID="/dev/sda"');
    expect(result.stdout).toMatch(/\nValidation of responses against DTD 2\.4 is on\.\n$/);
  }, 60_000);

  it('validate 2.3.1 labels pull responses', async () => {
    const result = await mockShell('validate 2.3.1; instance enumerate WBEMShell_DiskDrive --names-only; set pull off; instance enumerate WBEMShell_DiskDrive --names-only');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Each response is validated against DTD 2\.3\.1\.\n/);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('Warning: '));
    expect(warnings).toEqual([
      'Warning: DTD 2.3.1: the response to OpenEnumerateInstancePaths is not valid: 1 violations, 1 of them known deviations or DTD version differences.',
    ]);
    expect(result.stderr).toContain('got (INSTANCEPATH INSTANCEPATH) [content-model-of-other-version]');
    expect(result.stderr).toContain('content-model-of-other-version (dtd-version): The content model of IRETURNVALUE differs in DTD 2.4');
  }, 60_000);

  it('validate FILE labels a server deviation', async () => {
    const result = await mockShell('validate pegasus-response.xml; validate pegasus-response.xml --dtd 2.3.1');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [strict, older] = result.stdout.split(/\n(?=DTD )/);
    expect(strict).toMatch(/^DTD 2\.4: the document pegasus-response\.xml is not valid: \d+ violations, \d+ of them known deviations/);
    expect(strict).toContain('line 20: Element KEYVALUE does not carry attribute TYPE [keyvalue-without-type]');
    expect(strict).toContain('keyvalue-without-type (server-deviation): KEYVALUE without TYPE');
    expect(older).toBe('DTD 2.3.1: the document pegasus-response.xml is valid.\n');
  }, 60_000);

  it('raw FILE shows the response', async () => {
    const result = await mockShell('raw get-instance.http');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(result.stdout).toMatch(/^cimoperation: MethodResponse$/m);
    expect(result.stdout).toContain('<MESSAGE ID="42" PROTOCOLVERSION="1.0">');
    expect(result.stdout).toContain('<INSTANCE CLASSNAME="WBEMShell_ComputerSystem"><PROPERTY NAME="ElementName" TYPE="string"><VALUE>wbemshell-demo</VALUE></PROPERTY></INSTANCE>');
    expect(result.stdout).toMatch(/\ncimstatuscode: 0\n$/);
  }, 60_000);

  it('explain annotates requests', async () => {
    const result = await mockShell('explain get-instance.http; recorder on; class get WBEMShell_DiskDrive --local-only; explain');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<IMETHODCALL NAME="GetInstance">  -- intrinsic operation GetInstance: retrieves one instance');
    expect(result.stdout).toContain('<KEYVALUE VALUETYPE="string">  -- key value "wbemshell-demo.example.org", value type string');
    expect(result.stdout).toContain('(IncludeClassOrigin left out)  -- not sent, so the server applies the default: FALSE');
    expect(result.stdout).toContain('\nOperation 1: GetClass\n');
    expect(result.stdout).toContain('<CLASSNAME NAME="WBEMShell_DiskDrive">  -- class name WBEMShell_DiskDrive');
    expect(result.stdout).toContain('(PropertyList left out)  -- not sent, so the server applies the default: NULL: all properties');
  }, 60_000);

  it('stats counts operations', async () => {
    const result = await mockShell('class get WBEMShell_DiskDrive; class get WBEMShell_Process; class get CIM_Nope; stats');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CIM_ERR_NOT_FOUND');
    expect(result.stdout).toMatch(/^Operation\s+Count\s+Errors\s+Avg ms\s+Max ms\s+Server avg ms\s+Avg request B\s+Avg response B$/m);
    expect(result.stdout).toMatch(/^GetClass\s+3\s+1\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+$/m);
  }, 60_000);

  it('server info describes the mock', async () => {
    const result = await mockShell('server info');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^URL\s+http:\/\/127\.0\.0\.1:\d+$/m);
    expect(result.stdout).toMatch(/^Brand\s+wbemshell mock$/m);
    expect(result.stdout).toMatch(/^Interop namespace\s+interop$/m);
    expect(result.stdout).toMatch(/^Namespaces\s+interop, root\/cimv2$/m);
    expect(result.stdout).toMatch(/^Profile\s+DMTF Computer System 1\.0\.0$/m);
  }, 60_000);
});
