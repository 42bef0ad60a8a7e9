import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempConfigDirectory } from './mock-fixture.js';

const SESSION = `wbemshell-tui-debug-${process.pid}`;
const COLUMNS = 160;
const ROWS = 50;

// A tmux server of this file's own, so parallel test files cannot stop each other's server
// when their last session ends.
const TMUX_SOCKET = `wbemshell-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', TMUX_SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function sessionExists(): boolean {
  try {
    tmux('has-session', '-t', SESSION);
    return true;
  } catch {
    return false;
  }
}

function capture(): string {
  return tmux('capture-pane', '-p', '-t', SESSION);
}

/** Joins the rows of a screen, so that a line the shell wrapped at the terminal width reads as one string. */
function flat(screen: string): string {
  return screen.split('\n').join('');
}

/** Types a command and presses Enter. */
function command(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text);
  tmux('send-keys', '-t', SESSION, 'Enter');
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls the screen until `predicate` holds, and fails with the last screen after `timeout` milliseconds. */
async function waitFor(predicate: (screen: string) => boolean, what: string, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let screen = '';
  while (Date.now() < deadline) {
    screen = sessionExists() ? capture() : '(the tmux session has ended)';
    if (predicate(screen)) return screen;
    await pause(100);
  }
  throw new Error(`The terminal did not show ${what} within ${timeout} ms. Screen:\n${screen}`);
}

const paneOpen = (screen: string) => /┌─+┐/.test(screen) && screen.includes('operations');

/** A request as wbemexec reads it: an HTTP head, a blank line and a CIM-XML body. */
const HAND_WRITTEN_REQUEST = `POST /cimom HTTP/1.1
Host: localhost
Content-Type: application/xml; charset="utf-8"
CIMOperation: MethodCall
CIMMethod: GetInstance
CIMObject: root/cimv2

<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0">
 <MESSAGE ID="77" PROTOCOLVERSION="1.0">
  <SIMPLEREQ>
   <IMETHODCALL NAME="GetInstance">
    <LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH>
    <IPARAMVALUE NAME="InstanceName">
     <INSTANCENAME CLASSNAME="WBEMShell_ComputerSystem">
      <KEYBINDING NAME="CreationClassName"><KEYVALUE VALUETYPE="string">WBEMShell_ComputerSystem</KEYVALUE></KEYBINDING>
      <KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string">wbemshell-demo.example.org</KEYVALUE></KEYBINDING>
     </INSTANCENAME>
    </IPARAMVALUE>
    <IPARAMVALUE NAME="PropertyList"><VALUE.ARRAY><VALUE>PrimaryOwnerContact</VALUE></VALUE.ARRAY></IPARAMVALUE>
   </IMETHODCALL>
  </SIMPLEREQ>
 </MESSAGE>
</CIM>
`;

let folder: string;

describe('debugging in a terminal', () => {
  beforeAll(() => {
    folder = tempConfigDirectory();
    writeFileSync(path.join(folder, 'get-instance.http'), HAND_WRITTEN_REQUEST);

    // The shell runs in the temporary folder, with its settings and model cache there too.
    const environment = ['HOME', 'WBEMSHELL_CONFIG_DIR', 'XDG_CACHE_HOME'].map((name) => `${name}=${JSON.stringify(folder)}`).join(' ');
    const shell = `cd ${JSON.stringify(folder)} && exec env ${environment} node ${JSON.stringify(path.join(repoRoot, 'bin', 'wbemshell.js'))} --mock`;
    tmux('new-session', '-d', '-s', SESSION, '-x', String(COLUMNS), '-y', String(ROWS), shell);
  });

  afterAll(() => {
    if (sessionExists()) tmux('kill-session', '-t', SESSION);
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts with the full width', async () => {
    await waitFor((screen) => screen.includes('root/cimv2> '), 'the prompt', 60_000);
    // The operations pane narrows the output column, so it is closed to keep long output lines whole.
    if (paneOpen(capture())) tmux('send-keys', '-t', SESSION, 'F2');
    const screen = await waitFor((text) => !paneOpen(text), 'the closed pane');
    expect(screen).toContain('recorder on');
  }, 70_000);

  it('validate on marks an invalid response', async () => {
    command('validate on --dtd 2.3.1');
    await waitFor((screen) => screen.includes('Each response is validated against DTD 2.3.1.'), 'the validation setting');

    command('instance enumerate WBEMShell_DiskDrive --names-only');
    const screen = flat(await waitFor((text) => flat(text).includes('[content-model-of-other-version]'), 'the validation finding'));
    expect(screen).toContain('DeviceID="/dev/sdb"');
    expect(screen).toContain('DTD 2.3.1: the response to OpenEnumerateInstancePaths is not valid: 1 violations');
    expect(screen).toContain('content-model-of-other-version (dtd-version): The content model of IRETURNVALUE differs in DTD 2.4');

    command('validate off');
    await waitFor((text) => text.includes('Validation is off.'), 'validation switched off');
  }, 30_000);

  it('explain annotates the last request', async () => {
    command('explain');
    const screen = flat(await waitFor((text) => /Operation \d+: OpenEnumerateInstancePaths/.test(text), 'the explained operation'));
    expect(screen).toContain('<IMETHODCALL NAME="OpenEnumerateInstancePaths">  -- intrinsic operation OpenEnumerateInstancePaths');
    expect(screen).toContain('<CLASSNAME NAME="WBEMShell_DiskDrive">  -- class name WBEMShell_DiskDrive');
  }, 30_000);

  it('raw FILE shows the response', async () => {
    command('raw get-instance.http');
    const screen = flat(await waitFor((text) => flat(text).includes('<VALUE>ops@example.org</VALUE>'), 'the raw response'));
    expect(screen).toContain('HTTP/1.1 200 OK');
    expect(screen).toContain('<MESSAGE ID="77" PROTOCOLVERSION="1.0">');
    expect(screen).toContain('<PROPERTY NAME="PrimaryOwnerContact" TYPE="string"><VALUE>ops@example.org</VALUE></PROPERTY>');
    expect(screen).toContain('cimstatuscode: 0');
  }, 30_000);

  it('recorder save writes the file', async () => {
    command('recorder save tui.yaml');
    const screen = await waitFor((text) => /Saved \d+ operations to tui\.yaml\./.test(text), 'the saved recording');
    const count = Number(/Saved (\d+) operations/.exec(screen)![1]);

    const file = path.join(folder, 'tui.yaml');
    expect(existsSync(file)).toBe(true);
    const cases = parse(readFileSync(file, 'utf8')) as Array<{ pywbem_request: { operation: { pywbem_method: string } } }>;
    expect(cases).toHaveLength(count);
    const methods = cases.map((testCase) => testCase.pywbem_request.operation.pywbem_method);
    expect(methods).toContain('OpenEnumerateInstancePaths');
    expect(methods.at(-1)).toBe('RawRequest');
  }, 30_000);

  it('replay reports no differences', async () => {
    command('replay tui.yaml');
    const screen = await waitFor((text) => /Replayed \d+ requests:/.test(text), 'the replay summary');
    expect(screen).toMatch(/Replayed (\d+) requests: \1 with the same response, 0 different\./);
    expect(screen).not.toContain('different response');
  }, 30_000);

  it('ctrl-d leaves', async () => {
    tmux('send-keys', '-t', SESSION, 'C-d');
    await waitFor(() => !sessionExists(), 'the end of the shell');
  }, 20_000);
});
