import { ShellInputError } from '../shell-errors.js';
import type { ConnectionTarget } from '../connection-target.js';
import type { PasswordState } from '../settings/credential-store.js';
import type { ConnectionProfile } from '../settings/profile-store.js';
import type { CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OPTIONS } from './common-options.js';
import { OptionReader } from './parse-arguments.js';

function profiles(context: CommandContext) {
  const store = context.session.profiles;
  if (store === null) throw new ShellInputError('Connection profiles are not available in this session, because settings are not stored.');
  return store;
}

/** Converts a target into a profile: without the password, and with url null for the built-in mock. */
export function profileOf(target: ConnectionTarget): ConnectionProfile {
  return {
    url: target.url,
    mockFiles: [...target.mockFiles],
    user: target.user,
    namespace: target.namespace,
    timeout: target.timeout,
    noVerify: target.noVerify,
    caCerts: target.caCerts,
    certFile: target.certFile,
    keyFile: target.keyFile,
  };
}

/** Password row texts by state; the password itself is never shown. */
const PASSWORD_TEXT: Readonly<Record<PasswordState, string>> = {
  none: '(none)',
  saved: '(set, not shown)',
  unreadable: '(saved, but cannot be decrypted; save it again)',
};

/** Rows describing a connection; the password is shown only as whether one is set. */
function describe(profile: ConnectionProfile, password: PasswordState): string[][] {
  return [
    ['Server', profile.url ?? `built-in mock server${profile.mockFiles.length > 0 ? ` (${profile.mockFiles.join(', ')})` : ''}`],
    ['User', profile.user ?? '(none)'],
    ['Password', PASSWORD_TEXT[password]],
    ['Namespace', profile.namespace],
    ['Timeout', `${profile.timeout} s`],
    ['Verify certificate', profile.noVerify ? 'no' : 'yes'],
    ['CA certificates', profile.caCerts ?? '(system default)'],
    ['Client certificate', profile.certFile === null ? '(none)' : `${profile.certFile} (key ${profile.keyFile ?? '?'})`],
  ];
}

async function connect(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const current = context.session.target;
  const timeout = options.value('timeout');
  const target: ConnectionTarget = {
    ...current,
    url: parsed.args[0] ?? null,
    mockFiles: options.list('mock') ?? [],
    user: options.value('user') ?? null,
    password: null,
    namespace: options.value('namespace') ?? 'root/cimv2',
    timeout: timeout === undefined ? current.timeout : parseTimeout(timeout),
    noVerify: options.flag('no-verify'),
    caCerts: options.value('ca-certs') ?? null,
    profile: null,
  };
  await context.session.connect(target);
  context.print(`Connected to ${context.session.connection.url}.`);
}

/** Parses a timeout in seconds: a positive number. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new ShellInputError(`The timeout ${JSON.stringify(text)} is not valid; give a positive number of seconds.`);
  return seconds;
}

async function saveProfile(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const name = parsed.args[0]!;
  const target = context.session.target;
  const savePassword = new OptionReader(parsed).flag('save-password');
  if (savePassword && target.password === null) throw new ShellInputError('The connection has no password to save.');

  profiles(context).save(name, profileOf(target), savePassword ? target.password : null);
  context.print(`Saved the connection as profile ${name}${savePassword ? ', with its password encrypted in the credentials store' : ''}.`);
}

async function listProfiles(context: CommandContext): Promise<void> {
  const store = profiles(context);
  const rows = store.names().map((name) => {
    const profile = store.get(name)!;
    return [name === store.defaultProfile ? `${name} (default)` : name, profile.url ?? 'built-in mock', profile.user ?? '', profile.namespace];
  });
  context.show({ kind: 'rows', columns: ['Profile', 'Server', 'User', 'Namespace'], rows }, { empty: 'No saved connection profiles; save the current connection with "connection save NAME".' });
}

async function selectProfile(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const store = profiles(context);
  const name = parsed.args[0]!;
  const profile = store.require(name);
  await context.session.connect({ ...profile, password: store.password(name), profile: name });
  if (new OptionReader(parsed).flag('default')) store.defaultProfile = name;
  context.print(`Connected to ${context.session.connection.url} (profile ${name}).`);
}

async function deleteProfile(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  profiles(context).delete(parsed.args[0]!);
  context.print(`Deleted profile ${parsed.args[0]!}.`);
}

async function showConnection(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const name = parsed.args[0];
  if (name === undefined) {
    const target = context.session.target;
    const rows = [['Profile', target.profile ?? '(none)'], ['URL', context.session.connection.url], ...describe(profileOf(target), target.password === null ? 'none' : 'saved')];
    context.show({ kind: 'rows', columns: ['Setting', 'Value'], rows });
    return;
  }
  const store = profiles(context);
  context.show({ kind: 'rows', columns: ['Setting', 'Value'], rows: [['Profile', name], ...describe(store.require(name), store.passwordState(name))] });
}

const SAVE_PASSWORD_DETAILS = `Saved passwords are encrypted with AES-256-GCM under a random key that is created on
first use in credentials.key, beside credentials.json in the settings directory (both
mode 0600). The profiles and credentials files can therefore be read, copied, backed up
or searched without revealing a password. This does not protect against anyone who can
read all of your files (you, root, or a full copy of your home directory), because the
key file is stored with them. When a saved password cannot be decrypted, because a file
was damaged or the key file is missing, connect with the password and save it again.`;

const PROFILE_ARGUMENT = { name: 'NAME', summary: 'profile name', required: true, complete: 'connection' } as const;

/** `connect` and the `connection` commands. */
export const CONNECTION_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['connect'],
    summary: 'Connect to another server, or to the built-in mock server when no URL is given.',
    arguments: [{ name: 'URL', summary: 'http://host:5988, https://host:5989 or a host name (https on 5989)', required: false }],
    options: [
      { name: 'user', aliases: ['u'], kind: 'value', valueName: 'USER', summary: 'User name for HTTP Basic authentication.' },
      { name: 'namespace', aliases: ['n'], kind: 'value', valueName: 'NAMESPACE', summary: 'Namespace to start in; default root/cimv2.', complete: 'namespace' },
      { name: 'timeout', aliases: ['t'], kind: 'value', valueName: 'SECONDS', summary: 'Operation timeout in seconds; default that of the current connection.' },
      { name: 'no-verify', kind: 'flag', summary: 'Do not verify the server certificate.' },
      { name: 'ca-certs', kind: 'value', valueName: 'PATH', summary: 'PEM file or directory of CA certificates.', complete: 'file' },
      { name: 'mock', kind: 'list', valueName: 'FILE.mof', summary: 'MOF files for the built-in mock server; may repeat.', complete: 'file' },
    ],
    run: connect,
  },
  {
    words: ['connection', 'save'],
    summary: 'Save the current connection as a profile; the password only with --save-password.',
    arguments: [PROFILE_ARGUMENT],
    options: [{ name: 'save-password', kind: 'flag', summary: 'Also store the password, encrypted, in the separate credentials store.' }],
    details: SAVE_PASSWORD_DETAILS,
    run: saveProfile,
  },
  { words: ['connection', 'list'], aliases: ['ls'], summary: 'List the saved connection profiles.', arguments: [], options: [OPTIONS.output], run: listProfiles },
  {
    words: ['connection', 'select'],
    summary: 'Connect with a saved profile.',
    arguments: [PROFILE_ARGUMENT],
    options: [{ name: 'default', kind: 'flag', summary: 'Also make it the profile the shell starts with.' }],
    run: selectProfile,
  },
  { words: ['connection', 'delete'], summary: 'Delete a saved profile and its stored password.', arguments: [PROFILE_ARGUMENT], options: [], run: deleteProfile },
  {
    words: ['connection', 'show'],
    summary: 'Show the current connection or a saved profile; passwords are never shown.',
    arguments: [{ ...PROFILE_ARGUMENT, required: false }],
    options: [OPTIONS.output],
    run: showConnection,
  },
];
