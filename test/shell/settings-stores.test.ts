import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/server.js';
import { DEFAULT_TARGET } from '../../src/shell/connection-target.js';
import { Session } from '../../src/shell/session.js';
import { HistoryStore, PersistentClassNames } from '../../src/shell/settings/history-store.js';
import { ProfileStore } from '../../src/shell/settings/profile-store.js';
import { resultText, startTestServer, tempConfigDirectory } from './mock-fixture.js';

const PASSWORD = 'pw-7f3a9';

let folder: string;

beforeEach(() => {
  folder = tempConfigDirectory();
  process.env['WBEMSHELL_CONFIG_DIR'] = folder;
});

function storedText(): string {
  return readdirSync(folder)
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
    .join('\n');
}

describe('persistent stores', () => {
  it('keeps the history', () => {
    new HistoryStore().save(['class get CIM_Foo', 'stats']);
    expect(new HistoryStore().load()).toEqual(['class get CIM_Foo', 'stats']);
  });

  it('keeps class names per server and namespace', () => {
    const store = new PersistentClassNames();
    store.save('http://127.0.0.1:5988', 'root/cimv2', ['CIM_Foo']);
    expect(new PersistentClassNames().load('http://127.0.0.1:5988', 'ROOT/cimv2')).toEqual(['CIM_Foo']);
    expect(store.load('http://127.0.0.1:5988', 'interop')).toBeUndefined();
    store.clear();
    expect(store.load('http://127.0.0.1:5988', 'root/cimv2')).toBeUndefined();
  });

  it('stores a password only on request', () => {
    const profiles = new ProfileStore();
    const profile = { url: 'https://lab:5989', mockFiles: [], user: 'admin', namespace: 'root/cimv2', timeout: 30, noVerify: false, caCerts: null, certFile: null, keyFile: null };
    profiles.save('lab', profile, null);
    expect(storedText()).not.toContain(PASSWORD);
    expect(profiles.password('lab')).toBeNull();

    profiles.save('lab', profile, PASSWORD);
    expect(profiles.password('lab')).toBe(PASSWORD);
    const credentials = readdirSync(folder).find((name) => name.startsWith('credentials'))!;
    expect(statSync(path.join(folder, credentials)).mode & 0o777).toBe(0o600);
    const profilesFile = readdirSync(folder).find((name) => name.startsWith('profiles'))!;
    expect(readFileSync(path.join(folder, profilesFile), 'utf8')).not.toContain(PASSWORD);

    profiles.delete('lab');
    expect(storedText()).not.toContain(PASSWORD);
  });

  it('rejects a bad profile name', () => {
    expect(() => new ProfileStore().save('a b', { ...DEFAULT_TARGET }, null)).toThrow('The profile name "a b" is not valid');
  });
});

describe('connections of a session', () => {
  let server: MockServer;
  let other: MockServer;

  beforeAll(async () => {
    server = await startTestServer();
    other = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it('never shows the password', async () => {
    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url, user: 'admin', password: PASSWORD }, interactive: false, profiles: new ProfileStore() });
    const shown = resultText(await session.execute('connection show'));
    expect(shown).toContain('(set, not shown)');
    expect(shown).not.toContain(PASSWORD);

    expect((await session.execute('connection save lab --save-password')).ok).toBe(true);
    expect(resultText(await session.execute('connection show lab'))).not.toContain(PASSWORD);
    expect(resultText(await session.execute('connection list'))).not.toContain(PASSWORD);
    await session.close();
  });

  it('connects to another server', async () => {
    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url }, interactive: false });
    const changes: string[] = [];
    session.onChange((state) => changes.push(state.url));

    expect(resultText(await session.execute(`connect ${other.url} --namespace interop`))).toBe(`Connected to ${other.url}.`);
    expect(session.state).toMatchObject({ url: other.url, namespace: 'interop' });
    expect(changes).toEqual([other.url]);
    await session.close();
  });

  it('keeps the connection when connect fails', async () => {
    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url }, interactive: false });
    const result = await session.execute('connect http://127.0.0.1:1');
    expect(result.ok).toBe(false);
    expect(session.state.url).toBe(server.url);
    expect((await session.execute('class find CIM_Foo')).ok).toBe(true);
    await session.close();
  });
});
