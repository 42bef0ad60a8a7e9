import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCliArguments, USAGE, type CliArguments } from './cli-arguments.js';
import { DEFAULT_TARGET, type ConnectionTarget } from './connection-target.js';
import { promptPassword, readStdinText } from './password-input.js';
import type { Session, SessionOptions } from './session.js';
import type { CommandResult } from './session-types.js';
import { HistoryStore, PersistentClassNames } from './settings/history-store.js';
import { ProfileStore } from './settings/profile-store.js';
import { rcProblemText, readRcFile, type RcSettings } from './settings/rc-file.js';
import { errorText } from './error-text.js';
import { ShellInputError, StoredPasswordError } from './shell-errors.js';

/** Exit status for a bad command line or settings that prevent starting. */
export const EXIT_USAGE = 2;

/** Standard streams and environment of a run, replaceable in tests. */
export interface CliEnvironment {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Runs the `wbemshell` command (without its `mock-server` subcommand) and returns the
 * exit status: 0 when every command succeeded, 1 when one failed, 2 for bad arguments.
 * The entry point ends the process with EXIT_BROKEN_PIPE when an output pipe closes.
 */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const { stdin, stdout, stderr } = environment;
  const printer = new Printer(stdout, stderr, environment.env);

  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    printer.error(errorText(error));
    return EXIT_USAGE;
  }
  if (args.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    stdout.write(`wbemshell ${packageVersion()}\n`);
    return 0;
  }

  const scriptMode = args.commands.length === 0 && !(stdin.isTTY && stdout.isTTY);
  const interactive = args.commands.length === 0 && !scriptMode;

  // The full-screen shell hides what was written to stderr before it started, so the
  // interactive shell shows start-up warnings in its output area instead.
  const startupWarnings: string[] = [];
  const warn = interactive ? (text: string) => void startupWarnings.push(text) : (text: string) => printer.warning(text);

  const rc = readRcFile();
  for (const problem of rc.problems) warn(rcProblemText(problem));

  const profiles = openProfiles(warn);
  const stdinText = args.passwordStdin || scriptMode ? await readStdinText(stdin) : '';
  const stdinLines = stdinText.split(/\r?\n/);

  let session: Session | null = null;
  let options: SessionOptions;
  try {
    const stdinPassword = args.passwordStdin ? (stdinLines.shift() ?? '') : null;
    const target = await connectionTarget(args, rc.settings, profiles, stdinPassword, environment, warn);
    options = {
      target,
      output: args.output ?? rc.settings.output ?? 'mof',
      pull: rc.settings.pull ?? 'auto',
      interactive,
      width: tableWidth(stdout, environment.env),
      profiles,
      history: interactive ? openHistory(warn) : null,
      classNameStore: openClassNames(warn),
      startupWarnings,
    };
    if (!(options.interactive && target.url === null)) session = await openSession(options);
  } catch (error) {
    for (const text of startupWarnings) printer.warning(text);
    printer.error(errorText(error, undefined, 'options'));
    return EXIT_USAGE;
  }
  const tuiSettings = { pane: rc.settings.pane, paneWidth: rc.settings.paneWidth, keys: rc.settings.keys };
  if (session === null) return runTuiWhileMockStarts(options, environment, tuiSettings);

  try {
    if (args.commands.length > 0) return await runLines(session, args.commands, printer);
    if (scriptMode) return await runLines(session, stdinLines, printer);

    const { runTui } = await import('./tui/app.js');
    await runTui(session, { stdin, stdout, env: environment.env, history: session.history, ...tuiSettings });
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * Runs the interactive shell on the built-in mock server, drawing the first frame
 * before the server loads its model (which takes longer than the rest of the start).
 */
async function runTuiWhileMockStarts(options: SessionOptions, environment: CliEnvironment, tuiSettings: Pick<RcSettings, 'pane' | 'paneWidth' | 'keys'>): Promise<number> {
  const { runTui, DeferredSession } = await import('./tui/app.js');
  const starting = { url: '', mock: true, namespace: options.target.namespace, output: options.output ?? 'mof', pull: options.pull ?? 'auto', recorder: options.recorder ?? true, noVerify: false, timeout: options.target.timeout, profile: null };
  const session = new DeferredSession(() => openSession(options), starting, options.startupWarnings);

  try {
    const tui = runTui(session, { stdin: environment.stdin, stdout: environment.stdout, env: environment.env, history: options.history?.load() ?? [], ...tuiSettings });
    session.start();
    await tui;
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * Opens a session. The session module brings in the whole library (client, mock server, MOF
 * compiler), so it is loaded here rather than before the shell's first frame.
 */
async function openSession(options: SessionOptions): Promise<Session> {
  const { Session } = await import('./session.js');
  return Session.open(options);
}

/** Runs command lines one after another; blank lines and `#` comments are skipped; `exit` stops. */
async function runLines(session: Session, lines: readonly string[], printer: Printer): Promise<number> {
  let failed = false;
  for (const line of lines) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const result = await session.execute(line);
    printer.result(result);
    failed ||= !result.ok;
    if (result.exit) break;
  }
  return failed ? 1 : 0;
}

/**
 * Chooses the server: the URL argument, `--mock`, `--profile`, the rc file's server, the
 * default profile, else the built-in mock server. Command-line options override the rest.
 */
async function connectionTarget(
  args: CliArguments,
  rc: RcSettings,
  profiles: ProfileStore | null,
  stdinPassword: string | null,
  environment: CliEnvironment,
  warn: (text: string) => void,
): Promise<ConnectionTarget> {
  let target: ConnectionTarget = { ...DEFAULT_TARGET, namespace: rc.namespace ?? DEFAULT_TARGET.namespace, timeout: rc.timeout ?? DEFAULT_TARGET.timeout, noVerify: rc.verify === false, caCerts: rc.caCerts ?? null };

  const profileName = chosenProfile(args, rc, profiles);
  if (profileName !== null) {
    if (profiles === null) throw new ShellInputError(`The profile ${profileName} cannot be read, because the settings store is not available.`);
    target = { ...profiles.require(profileName), password: savedPassword(profiles, profileName, warn), profile: profileName };
  } else if (args.url !== null || rc.server !== undefined) {
    target = { ...target, url: args.url ?? rc.server!, user: rc.user ?? null };
  }

  target = {
    ...target,
    ...(args.mock !== null ? { url: null, mockFiles: args.mock } : {}),
    ...(args.user !== null ? { user: args.user } : {}),
    ...(args.namespace !== null ? { namespace: args.namespace } : {}),
    ...(args.timeout !== null ? { timeout: args.timeout } : {}),
    ...(args.noVerify ? { noVerify: true } : {}),
    ...(args.caCerts !== null ? { caCerts: args.caCerts } : {}),
    ...(args.certFile !== null ? { certFile: args.certFile, keyFile: args.keyFile } : {}),
  };

  if (target.user !== null && target.url !== null && target.password === null) {
    const password = stdinPassword ?? (await promptPassword(`Password for ${target.user}: `, environment.stdin, environment.stderr));
    target = { ...target, password };
  }
  return target;
}

/** Returns the saved password of a profile; one that cannot be decrypted is reported and treated as absent, so the password is asked for. */
function savedPassword(profiles: ProfileStore, profileName: string, warn: (text: string) => void): string | null {
  try {
    return profiles.password(profileName);
  } catch (error) {
    if (!(error instanceof StoredPasswordError)) throw error;
    warn(error.message);
    return null;
  }
}

/** Returns the profile to use: `--profile`, else the default profile when neither arguments nor the rc file name a server. */
function chosenProfile(args: CliArguments, rc: RcSettings, profiles: ProfileStore | null): string | null {
  if (args.url !== null || args.mock !== null) return null;
  if (args.profile !== null) return args.profile;
  if (rc.server !== undefined) return null;
  return profiles?.defaultProfile ?? null;
}

function tableWidth(stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stdout.isTTY && stdout.columns > 0 ? stdout.columns : 80;
}

/** Opens a settings store, or returns null with a warning when the config directory cannot be used. */
function openOptional<T>(warn: (text: string) => void, what: string, open: () => T): T | null {
  try {
    return open();
  } catch (error) {
    warn(`The ${what} cannot be stored: ${errorText(error)}`);
    return null;
  }
}

const openProfiles = (warn: (text: string) => void) => openOptional(warn, 'connection profiles', () => new ProfileStore());
const openHistory = (warn: (text: string) => void) => openOptional(warn, 'command history', () => new HistoryStore());
const openClassNames = (warn: (text: string) => void) => openOptional(warn, 'class-name cache', () => new PersistentClassNames());

function packageVersion(): string {
  const file = fileURLToPath(new URL('../../package.json', import.meta.url));
  return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? 'unknown');
}

/** Writes results as plain text: output to stdout, errors and warnings to stderr (red and yellow on a terminal unless NO_COLOR is set). */
class Printer {
  readonly #color: boolean;

  constructor(
    private readonly stdout: NodeJS.WriteStream,
    private readonly stderr: NodeJS.WriteStream,
    env: NodeJS.ProcessEnv,
  ) {
    this.#color = stderr.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
  }

  result(result: CommandResult): void {
    for (const block of result.output) {
      if (block.kind === 'text') {
        if (block.text !== '') this.stdout.write(`${block.text}\n`);
      } else if (block.kind === 'error') this.error(block.text);
      else this.warning(block.text);
    }
  }

  error(text: string): void {
    this.stderr.write(this.#paint(`Error: ${text}`, 31));
  }

  warning(text: string): void {
    this.stderr.write(this.#paint(`Warning: ${text}`, 33));
  }

  #paint(text: string, code: number): string {
    return this.#color ? `\u001b[${code}m${text}\u001b[0m\n` : `${text}\n`;
  }
}
