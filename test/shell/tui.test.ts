import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const SESSION = `wbemshell-tui-${process.pid}`;
const COLUMNS = 160;
const ROWS = 50;

// A tmux server of this file's own, so parallel test files cannot stop each other's server
// when their last session ends.
const TMUX_SOCKET = `wbemshell-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', TMUX_SOCKET, ...args], { encoding: 'utf8' });
}

function capture(): string {
  return tmux('capture-pane', '-p', '-t', SESSION);
}

function sessionExists(): boolean {
  try {
    tmux('has-session', '-t', SESSION);
    return true;
  } catch {
    return false;
  }
}

/** Returns the screen, or a note when the session has ended, also between the check and the capture. */
function screenOrEnd(): string {
  try {
    return capture();
  } catch (error) {
    if (!sessionExists()) return '(the tmux session has ended)';
    throw error;
  }
}

/** Sends text literally, then optional key names such as `Tab` or `Enter`. */
function send(text: string, ...keys: string[]): void {
  if (text !== '') tmux('send-keys', '-t', SESSION, '-l', text);
  for (const key of keys) tmux('send-keys', '-t', SESSION, key);
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function waitFor(predicate: (screen: string) => boolean, what: string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let screen = '';
  while (Date.now() < deadline) {
    screen = screenOrEnd();
    if (predicate(screen)) return screen;
    await pause(100);
  }
  throw new Error(`The terminal did not show ${what} within ${timeout} ms. Screen:\n${screen}`);
}

/** Returns the input line: the last row that starts with a prompt, without the pane beside it. */
function inputLine(screen: string): string {
  const rows = screen.split('\n').filter((row) => /^[\w/]+> ?/.test(row));
  return (rows.at(-1) ?? '').split(/[│└┌├]/)[0]!.trimEnd();
}

describe('wbemshell in a terminal', () => {
  beforeAll(() => {
    const command = `cd ${JSON.stringify(repoRoot)} && exec node bin/wbemshell.js --mock`;
    tmux('new-session', '-d', '-s', SESSION, '-x', String(COLUMNS), '-y', String(ROWS), command);
  });

  afterAll(() => {
    if (sessionExists()) tmux('kill-session', '-t', SESSION);
  });

  it('shows the prompt', async () => {
    let screen = await waitFor((text) => text.includes('root/cimv2> '), 'the prompt', 60_000);
    expect(screen).toContain('wbemshell');
    screen = await waitFor((text) => /http:\/\/127\.0\.0\.1:\d+ \(mock\)/.test(text), 'the mock server URL in the status line', 60_000);
    expect(screen).not.toContain('starting mock server');
  }, 70_000);

  it('tab completes class name', async () => {
    send('class get CIM_Comp', 'Tab');
    await waitFor((text) => text.includes('CIM_ComputerSystem'), 'CIM_ComputerSystem among the candidates');

    for (let press = 0; press < 40 && !/class get CIM_ComputerSystem$/.test(inputLine(capture())); press++) {
      send('', 'Tab');
      await pause(100);
    }
    expect(inputLine(capture())).toMatch(/class get CIM_ComputerSystem$/);
    send('', 'Escape', 'C-u');
    await waitFor((text) => inputLine(text) === 'root/cimv2>', 'the cleared line');
  }, 30_000);

  it('cd changes the prompt', async () => {
    send('cd interop', 'Enter');
    await waitFor((text) => inputLine(text).startsWith('interop>'), 'the interop prompt');
    send('cd root/cimv2', 'Enter');
    await waitFor((text) => inputLine(text).startsWith('root/cimv2>'), 'the root/cimv2 prompt');
  }, 30_000);

  it('pane records class get', async () => {
    send('class get CIM_ComputerSystem', 'Enter');
    const screen = await waitFor((text) => text.includes('CIMMethod: GetClass') && text.includes('HTTP 200 OK'), 'the GetClass request and response in the pane', 20_000);
    expect(screen).toContain('recorder on');
    expect(screen).toMatch(/▶\s+\d+ GetClass\s+200/);
  }, 30_000);

  it('prints an enumeration', async () => {
    send('instance enumerate CIM_ComputerSystem', 'Enter');
    const screen = await waitFor((text) => text.includes('instance of'), 'enumerated instances', 20_000);
    expect(screen).toContain('ComputerSystem');
  }, 30_000);

  it('F2 toggles the operations pane', async () => {
    const opened = (text: string) => /┌─+┐/.test(text) && text.includes('operations');
    if (opened(capture())) {
      send('', 'F2');
      await waitFor((text) => !opened(text), 'the pane closed');
    }
    send('', 'F2');
    let screen = await waitFor((text) => opened(text) && text.includes('── request ──'), 'the pane with the request');
    expect(screen).toMatch(/▶\s+\d+ \w*EnumerateInstances\s+200/);
    expect(screen).toMatch(/CIMMethod: \w*EnumerateInstances/);
    expect(screen).toContain('POST ');

    send('', 'F6', 'F6');
    await waitFor((text) => text.includes('focus: detail'), 'the focus on the operation detail');
    for (let page = 0; page < 30 && !capture().includes('HTTP 200 OK'); page++) {
      send('', 'PageDown');
      await pause(100);
    }
    screen = await waitFor((text) => text.includes('HTTP 200 OK'), 'the response headers');
    expect(screen.toLowerCase()).toContain('content-type: application/xml');
    send('', 'Escape');
    await waitFor((text) => text.includes('focus: input'), 'the focus back on the input line');
  }, 30_000);

  it('ctrl-d leaves', async () => {
    send('', 'C-d');
    await waitFor(() => !sessionExists(), 'the end of the shell');
  }, 20_000);
});
