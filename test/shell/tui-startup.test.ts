import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempConfigDirectory } from './mock-fixture.js';

const SESSION = `wbemshell-startup-${process.pid}`;

// A tmux server of this file's own, so parallel test files cannot stop each other's server
// when their last session ends.
const TMUX_SOCKET = `wbemshell-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', TMUX_SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function sessionExists(): boolean {
  try {
    tmux('has-session', '-t', SESSION);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(predicate: (screen: string) => boolean, what: string, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let screen = '';
  while (Date.now() < deadline) {
    screen = sessionExists() ? tmux('capture-pane', '-p', '-t', SESSION) : '(the tmux session has ended)';
    if (predicate(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The terminal did not show ${what} within ${timeout} ms. Screen:\n${screen}`);
}

describe('wbemshell start-up warnings', () => {
  afterAll(() => {
    if (sessionExists()) tmux('kill-session', '-t', SESSION);
  });

  it('rc file problems in output area', async () => {
    const cwd = tempConfigDirectory();
    writeFileSync(path.join(cwd, '.wbemshellrc'), 'output = table\ncolour = red\npassword = secret\n');
    const environment = `WBEMSHELL_CONFIG_DIR=${JSON.stringify(tempConfigDirectory())} HOME=${JSON.stringify(cwd)}`;
    const command = `cd ${JSON.stringify(cwd)} && ${environment} exec node ${JSON.stringify(path.join(repoRoot, 'bin', 'wbemshell.js'))} --mock`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '40', command);

    const screen = await waitFor((text) => text.includes('root/cimv2> ') && text.includes('password:'), 'the prompt and the warnings');
    expect(screen).toContain('.wbemshellrc:2: colour: unknown key; the keys are');
    expect(screen).toContain('.wbemshellrc:3: password: passwords are never read from this file; the line is ignored;');
    expect(screen).not.toContain('secret');

    tmux('send-keys', '-t', SESSION, 'C-d');
    await waitFor(() => !sessionExists(), 'the end of the shell', 20_000);
  }, 90_000);
});
