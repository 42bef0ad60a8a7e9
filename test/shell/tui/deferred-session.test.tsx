import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState, ShellSession } from '../../../src/shell/session-types.js';
import { DeferredSession, STARTING_TEXT } from '../../../src/shell/tui/deferred-session.js';
import { renderShell } from './harness.js';
import { SCHEMA_NS, startTestSession } from './test-session.js';

let session: ShellSession;

beforeAll(async () => {
  session = await startTestSession();
});

afterAll(async () => {
  await session.close();
});

const STARTING: SessionState = { url: '', mock: true, namespace: SCHEMA_NS, output: 'mof', pull: 'auto', recorder: true, noVerify: false, timeout: 30, profile: null };

/** A deferred session over the shared test session; closing it leaves the shared one open. */
function deferredTestSession(): DeferredSession {
  const borrowed: ShellSession = { ...session, execute: session.execute.bind(session), complete: session.complete.bind(session), onChange: session.onChange.bind(session), onRecord: session.onRecord.bind(session), get state() { return session.state; }, close: async () => {} };
  return new DeferredSession(async () => borrowed, STARTING);
}

describe('DeferredSession', () => {
  it('status line while starting', async () => {
    const deferred = deferredTestSession();
    const screen = renderShell(deferred);
    await screen.waitFor((text) => text.includes(STARTING_TEXT) && text.includes(`${SCHEMA_NS}> `), 'the prompt with the starting text');

    deferred.start();
    await screen.waitFor((text) => text.includes(session.state.url), 'the server URL');
    screen.instance.unmount();
  });

  it('command waits for open', async () => {
    const deferred = deferredTestSession();
    const result = deferred.execute('class get CIM_ComputerSystem');
    expect(deferred.state.url).toBe('');

    const { ok, output } = await result;
    expect(ok).toBe(true);
    expect(output[0]?.text).toContain('class CIM_ComputerSystem');
    expect(deferred.state.url).toBe(session.state.url);
  });

  it('start-up warnings in output', async () => {
    const warnings = ['/home/u/.wbemshellrc:2: colour: unknown key; the line is ignored.', 'The command history cannot be stored: EACCES.'];
    const deferred = new DeferredSession(async () => session, STARTING, warnings);
    const screen = renderShell(deferred);

    const text = await screen.waitFor((frame) => warnings.every((warning) => frame.includes(warning)), 'the start-up warnings');
    expect(text.indexOf(warnings[0]!)).toBeLessThan(text.indexOf(warnings[1]!));
    screen.instance.unmount();
  });

  it('failed open reports error', async () => {
    const deferred = new DeferredSession(() => Promise.reject(new Error('The model file models/x.mof was not found.')), STARTING);
    const result = await deferred.execute('class get CIM_ComputerSystem');

    expect(result.ok).toBe(false);
    expect(result.output[0]?.kind).toBe('error');
    expect(result.output[0]?.text).toContain('models/x.mof');
    expect(deferred.state.url).toContain('no server');
    await expect(deferred.close()).resolves.toBeUndefined();
  });
});
