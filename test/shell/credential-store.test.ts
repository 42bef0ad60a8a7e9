import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/index.js';
import { DEFAULT_TARGET } from '../../src/shell/connection-target.js';
import { Session } from '../../src/shell/session.js';
import { StoredPasswordError } from '../../src/shell/shell-errors.js';
import { createFileAtomic, writeFileAtomic } from '../../src/shell/settings/atomic-file.js';
import { CREDENTIALS_FILE_NAME, CredentialStore, KEY_FILE_NAME } from '../../src/shell/settings/credential-store.js';
import { ProfileStore, type ConnectionProfile } from '../../src/shell/settings/profile-store.js';
import { buildRepository, repoRoot, resultText, tempConfigDirectory } from './mock-fixture.js';

const PASSWORDS = ['pw-7f3a9', 'pä ss wörd ✓', 'x'.repeat(300)];
const PASSWORD = PASSWORDS[0]!;
const PROFILE: ConnectionProfile = { url: 'https://lab:5989', mockFiles: [], user: 'admin', namespace: 'root/cimv2', timeout: 30, noVerify: false, caCerts: null, certFile: null, keyFile: null };

let folder: string;

beforeEach(() => {
  folder = tempConfigDirectory();
  process.env['WBEMSHELL_CONFIG_DIR'] = folder;
});

/** Reads every file of the conf directory and its subfolders, as bytes. */
function storedFiles(directory = folder): Array<{ name: string; content: Buffer }> {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    return entry.isDirectory() ? storedFiles(file) : [{ name: file, content: readFileSync(file) }];
  });
}

/** Returns the names of the files that contain `secret` in UTF-8, UTF-16LE or base64. */
function filesContaining(secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))];
  return storedFiles()
    .filter((file) => needles.some((needle) => file.content.includes(needle)))
    .map((file) => file.name);
}

const credentialsFile = () => path.join(folder, CREDENTIALS_FILE_NAME);
const keyFile = () => path.join(folder, KEY_FILE_NAME);
const readCredentials = () => JSON.parse(readFileSync(credentialsFile(), 'utf8')) as { passwords: Record<string, Record<string, string>> };

function writeCredentials(data: unknown): void {
  writeFileSync(credentialsFile(), JSON.stringify(data));
}

/** Flips the low bit of the first byte of a base64 field. */
function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString('base64');
}

function expectUnreadable(read: () => unknown, profile: string, reason: string): void {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoredPasswordError);
  const message = (caught as StoredPasswordError).message;
  expect(message).toContain(`The saved password of profile "${profile}" cannot be decrypted`);
  expect(message).toContain(reason);
  expect(message).toContain(`save it again with "connection save ${profile} --save-password"`);
}

describe('saved passwords', () => {
  it.each(PASSWORDS)('round trip %#', (password) => {
    new ProfileStore().save('lab', PROFILE, password);
    expect(new ProfileStore().password('lab')).toBe(password);
    expect(new ProfileStore().passwordState('lab')).toBe('saved');
  });

  it.each(PASSWORDS)('password in no file %#', (password) => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, password);
    profiles.save('other', { ...PROFILE, user: 'root' }, `${password}-2`);
    expect(storedFiles().length).toBeGreaterThanOrEqual(3);
    expect(filesContaining(password)).toEqual([]);

    profiles.delete('lab');
    expect(filesContaining(password)).toEqual([]);
    expect(profiles.password('other')).toBe(`${password}-2`);
  });

  it('absent password is null', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, null);
    expect(profiles.password('lab')).toBeNull();
    expect(profiles.passwordState('lab')).toBe('none');
  });

  it('save without password removes it', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, PASSWORD);
    profiles.save('lab', PROFILE, null);
    expect(profiles.password('lab')).toBeNull();
    expect(readCredentials().passwords).toEqual({});
  });

  it('fresh IV per value', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, PASSWORD);
    const first = readCredentials().passwords['lab']!;
    profiles.save('lab', PROFILE, PASSWORD);
    const second = readCredentials().passwords['lab']!;

    expect(second['iv']).not.toBe(first['iv']);
    expect(second['ciphertext']).not.toBe(first['ciphertext']);
    expect(Buffer.from(second['iv']!, 'base64')).toHaveLength(12);
  });

  it('file modes are 0600', () => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    expect(statSync(credentialsFile()).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
  });

  it('key file contains 256 bits', () => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    expect(Buffer.from(readFileSync(keyFile(), 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('key kept across saves', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, PASSWORD);
    const key = readFileSync(keyFile(), 'utf8');
    profiles.save('other', PROFILE, PASSWORD);
    expect(readFileSync(keyFile(), 'utf8')).toBe(key);
  });

  it('no temporary files left', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, PASSWORD);
    profiles.save('lab', PROFILE, 'another');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['ciphertext', 'was changed'],
    ['tag', 'was changed'],
    ['iv', 'was changed'],
  ])('tampered %s', (field, reason) => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    const data = readCredentials();
    data.passwords['lab']![field] = flipFirstByte(data.passwords['lab']![field]!);
    writeCredentials(data);

    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', reason);
    expect(new ProfileStore().passwordState('lab')).toBe('unreadable');
  });

  it('entry moved to another profile', () => {
    const profiles = new ProfileStore();
    profiles.save('lab', PROFILE, PASSWORD);
    profiles.save('prod', PROFILE, null);
    const data = readCredentials();
    data.passwords['prod'] = data.passwords['lab']!;
    writeCredentials(data);

    expectUnreadable(() => profiles.password('prod'), 'prod', 'for another profile');
    expect(profiles.password('lab')).toBe(PASSWORD);
  });

  it('missing key file', () => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    rmSync(keyFile());
    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', `the key file ${keyFile()} is missing`);
  });

  it('replaced key file', () => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    rmSync(keyFile());
    new ProfileStore().save('other', PROFILE, 'other password');

    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', 'under another key');
    expect(new ProfileStore().password('other')).toBe('other password');
  });

  it.each([
    ['short key', 'c2hvcnQ=\n'],
    ['empty key', ''],
  ])('damaged key file: %s', (_name, content) => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    writeFileSync(keyFile(), content);
    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', 'does not contain a 256-bit key');
  });

  it.each([
    ['not JSON', '{"passwords": {"lab"', 'is damaged'],
    ['passwords not an object', '{"passwords": 3}', 'is damaged'],
  ])('damaged credentials file: %s', (_name, content, reason) => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    writeFileSync(credentialsFile(), content);
    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', reason);
  });

  it.each([
    ['entry not an object', 42],
    ['entry without tag', { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' }],
    ['IV of wrong length', { iv: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'AAAA' }],
  ])('malformed entry: %s', (_name, entry) => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    writeCredentials({ passwords: { lab: entry } });
    expectUnreadable(() => new ProfileStore().password('lab'), 'lab', 'its entry');
  });

  it('saving again repairs', () => {
    new ProfileStore().save('lab', PROFILE, PASSWORD);
    writeFileSync(credentialsFile(), 'garbage');
    rmSync(keyFile());

    new ProfileStore().save('lab', PROFILE, 'new password');
    expect(new ProfileStore().password('lab')).toBe('new password');
  });

  it('plain-text entry is encrypted', () => {
    writeCredentials({ passwords: { lab: PASSWORD } });
    expect(new CredentialStore(folder).password('lab')).toBe(PASSWORD);
    expect(filesContaining(PASSWORD)).toEqual([]);
    expect(new CredentialStore(folder).password('lab')).toBe(PASSWORD);
  });
});

describe('atomic files', () => {
  it('write replaces content', () => {
    const file = path.join(folder, 'data.json');
    writeFileAtomic(file, 'old', 0o600);
    writeFileAtomic(file, 'new', 0o644);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('failed write keeps old file', () => {
    // The temporary name adds a suffix, so a name of 240 bytes makes it longer than the 255-byte limit of common file systems.
    const file = path.join(folder, 'f'.repeat(240));
    writeFileSync(file, 'old');
    expect(() => writeFileAtomic(file, 'new', 0o600)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['f'.repeat(240)]);
  });

  it('create keeps existing file', () => {
    const file = path.join(folder, 'key');
    expect(createFileAtomic(file, 'first', 0o600)).toBe(true);
    expect(createFileAtomic(file, 'second', 0o600)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(folder)).toEqual(['key']);
  });
});

describe('saved passwords in the shell', () => {
  const USER = 'alice';
  const SECRET = 'pa ss-91c';
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ repository: buildRepository(), host: '127.0.0.1', port: 0, auth: { user: USER, password: SECRET } });
  });

  afterAll(async () => {
    await server.close();
  });

  async function saveProfile(): Promise<void> {
    const target = { ...DEFAULT_TARGET, url: server.url, user: USER, password: SECRET };
    const session = await Session.open({ target, interactive: false, profiles: new ProfileStore() });
    expect(resultText(await session.execute('connection save sec --save-password'))).toBe('Saved the connection as profile sec, with its password encrypted in the credentials store.');
    await session.close();
  }

  it('select uses saved password', async () => {
    await saveProfile();
    expect(filesContaining(SECRET)).toEqual([]);

    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url, user: USER, password: SECRET }, interactive: false, profiles: new ProfileStore() });
    await session.execute('connect');
    const result = await session.execute('connection select sec');
    expect(resultText(result)).toBe(`Connected to ${server.url} (profile sec).`);
    expect((await session.execute('class find CIM_Foo')).ok).toBe(true);
    await session.close();
  });

  it('select with missing key', async () => {
    await saveProfile();
    rmSync(keyFile());

    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url, user: USER, password: SECRET }, interactive: false, profiles: new ProfileStore() });
    const result = await session.execute('connection select sec');
    expect(result.ok).toBe(false);
    expect(resultText(result)).toContain('error: The saved password of profile "sec" cannot be decrypted');
    expect(resultText(await session.execute('connection show sec'))).toContain('(saved, but cannot be decrypted; save it again)');

    expect((await session.execute('class find CIM_Foo')).ok).toBe(true);
    expect((await session.execute('connection save sec --save-password')).ok).toBe(true);
    expect((await session.execute('connection select sec')).ok).toBe(true);
    await session.close();
  });

  it.each([['help connection save'], ['connection save --help']])('help text: %s', async (line) => {
    const session = await Session.open({ target: { ...DEFAULT_TARGET, url: server.url, user: USER, password: SECRET }, interactive: false, profiles: new ProfileStore() });
    const text = resultText(await session.execute(line));
    expect(text).toContain('Usage: connection save NAME [OPTIONS]');
    expect(text).toContain('AES-256-GCM');
    expect(text).toContain('can therefore be read, copied, backed up');
    expect(text).toContain('does not protect against anyone who can\nread all of your files');
    expect(new ProfileStore().names()).toEqual([]);
    await session.close();
  });

  it('command line warns and asks', async () => {
    await saveProfile();
    writeFileSync(keyFile(), 'damaged\n');

    const env = { ...process.env, HOME: folder, WBEMSHELL_CONFIG_DIR: folder, XDG_CACHE_HOME: folder, COLUMNS: '100' };
    const args = [path.join(repoRoot, 'bin', 'wbemshell.js'), '--profile', 'sec', '--user', USER, '--password-stdin', '-c', 'class find CIM_Foo'];
    const child = spawn(process.execPath, args, { cwd: folder, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(`${SECRET}\n`);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });

    expect(stderr).toContain('The saved password of profile "sec" cannot be decrypted');
    expect(stdout).toContain('CIM_Foo');
    expect(code).toBe(0);
  });
});
