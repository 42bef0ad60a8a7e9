import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import { EXIT_BROKEN_PIPE } from '../../src/shell/broken-pipe.js';
import { repoRoot, startTestServer, tempConfigDirectory } from './mock-fixture.js';

let server: MockServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/**
 * Runs `node bin/wbemshell.js` with the read end of one output pipe closed before the
 * program starts, as `wbemshell ... | head` leaves it once head has exited. Returns the
 * exit status and what arrived on the other stream.
 */
function runWithClosedPipe(args: readonly string[], closed: 'stdout' | 'stderr'): Promise<{ code: number | null; other: string }> {
  const folder = tempConfigDirectory();
  const env = { ...process.env, HOME: folder, WBEMSHELL_CONFIG_DIR: folder, XDG_CACHE_HOME: folder, NO_COLOR: '1' };
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'wbemshell.js'), ...args], { cwd: folder, env, stdio: 'pipe' });

  child[closed].destroy();
  let other = '';
  child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => (other += chunk.toString()));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, other }));
  });
}

describe('closed output pipe', () => {
  it.each([
    ['stdout', ['-c', 'class tree']],
    ['stdout', ['-c', 'instance enumerate CIM_Foo', '-c', 'instance enumerate CIM_Foo']],
    ['stderr', ['-c', 'class get CIM_Nope']],
  ] as const)('%s closed: %j ends quietly', async (closed, commands) => {
    const result = await runWithClosedPipe([server.url, ...commands], closed);

    expect(result.code).toBe(EXIT_BROKEN_PIPE);
    expect(result.other).toBe('');
  });
});
