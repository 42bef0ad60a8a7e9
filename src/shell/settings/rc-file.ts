import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { OutputFormat, PullMode } from '../session-types.js';
import { actionSettingName, bindingOfSettingName, KEY_BINDINGS, type KeyOverrides } from '../tui/input/key-bindings.js';
import { parseKeySpec, sameKey, type KeySpec } from '../tui/input/key-spec.js';

export const RC_FILE_NAME = '.wbemshellrc';

/** Settings read from a `.wbemshellrc` file; keys left out are undefined. */
export interface RcSettings {
  server?: string;
  user?: string;
  namespace?: string;
  output?: OutputFormat;
  /** Seconds. */
  timeout?: number;
  pull?: PullMode;
  verify?: boolean;
  caCerts?: string;
  pane?: 'right' | 'bottom' | 'hidden';
  /** Percent of the terminal width. */
  paneWidth?: number;
  /** Keys of `key.ACTION = KEY, ...` lines, by action; each list replaces the action's default keys. */
  keys?: KeyOverrides;
}

/** A line of an rc file that was ignored, with the reason. */
export interface RcProblem {
  readonly file: string;
  /** 1-based line, or 0 for a problem with the whole file. */
  readonly line: number;
  readonly key: string;
  readonly message: string;
  /** What the shell does instead, such as `the default is used`. */
  readonly outcome: string;
}

const LINE_IGNORED = 'the line is ignored';

export interface RcFile {
  /** Path of the file read, or null when none exists. */
  readonly file: string | null;
  readonly settings: RcSettings;
  readonly problems: readonly RcProblem[];
}

type Parser = (value: string) => { value: unknown } | { error: string };

const choice = (allowed: readonly string[]): Parser => (value) =>
  allowed.includes(value.toLowerCase()) ? { value: value.toLowerCase() } : { error: `use one of ${allowed.join(', ')}` };

const positiveNumber = (max: number): Parser => (value) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 && number <= max ? { value: number } : { error: `use a number greater than 0 and at most ${max}` };
};

const text: Parser = (value) => (value === '' ? { error: 'the value is empty' } : { value });

/** Keys of the rc file: their setting name and how the value is read. */
const KEYS: Readonly<Record<string, { setting: keyof RcSettings; parse: Parser }>> = {
  server: { setting: 'server', parse: text },
  user: { setting: 'user', parse: text },
  namespace: { setting: 'namespace', parse: text },
  output: { setting: 'output', parse: choice(['mof', 'xml', 'json', 'table', 'tree']) },
  timeout: { setting: 'timeout', parse: positiveNumber(86400) },
  pull: { setting: 'pull', parse: choice(['auto', 'on', 'off']) },
  verify: { setting: 'verify', parse: (value) => (/^(true|false)$/i.test(value) ? { value: value.toLowerCase() === 'true' } : { error: 'use true or false' }) },
  'ca-certs': { setting: 'caCerts', parse: text },
  pane: { setting: 'pane', parse: choice(['right', 'bottom', 'hidden']) },
  'pane-width': { setting: 'paneWidth', parse: positiveNumber(90) },
};

/** Prefix of the keys that bind keys to actions, such as `key.toggle-pane = f3`. */
const KEY_PREFIX = 'key.';

/** Keys read from `key.` lines so far, by action, with their context and line. */
type KeyLines = Map<string, { specs: KeySpec[]; context: string; line: number }>;

/**
 * Reads a `key.ACTION = KEY, ...` line into `keys`. Returns the problem when the action is
 * unknown, a key is invalid, or an earlier line gave the key to another action of the same
 * context. The action then keeps its default keys.
 */
function addKeyBinding(keys: KeyLines, name: string, value: string, line: number): string | null {
  const binding = bindingOfSettingName(name);
  if (binding === undefined) return `unknown action ${JSON.stringify(name)}; the actions are ${KEY_BINDINGS.map((entry) => actionSettingName(entry.action)).join(', ')}`;

  const specs: KeySpec[] = [];
  for (const text of value.split(',')) {
    const parsed = parseKeySpec(text);
    if ('error' in parsed) return `invalid key ${JSON.stringify(text.trim())}: ${parsed.error}`;
    const earlier = [...keys].find(([action, entry]) => action !== binding.action && entry.context === binding.context && entry.specs.some((spec) => sameKey(spec, parsed.spec)));
    if (earlier !== undefined) return `${text.trim()} is already bound to ${actionSettingName(earlier[0])} on line ${earlier[1].line}`;
    specs.push(parsed.spec);
  }
  keys.set(binding.action, { specs, context: binding.context, line });
  return null;
}

/**
 * Parses rc file text: `key = value` lines, `key.ACTION = KEY, ...` lines, `#` comments and
 * blank lines. A line with an unknown key or action, no `=`, a password or an invalid value
 * is skipped and reported with what happens instead.
 */
export function parseRcText(textContent: string, file: string): { settings: RcSettings; problems: RcProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: RcProblem[] = [];
  const keys: KeyLines = new Map();

  textContent.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;

    const equals = line.indexOf('=');
    if (equals === -1) {
      problems.push({ file, line: index + 1, key: line, message: 'expected key = value', outcome: LINE_IGNORED });
      return;
    }
    const key = line.slice(0, equals).trim().toLowerCase();
    const value = line.slice(equals + 1).trim();
    if (key === 'password') {
      problems.push({ file, line: index + 1, key, message: 'passwords are never read from this file', outcome: `${LINE_IGNORED}; use --password-stdin or the password prompt` });
      return;
    }
    if (key.startsWith(KEY_PREFIX)) {
      const problem = addKeyBinding(keys, key.slice(KEY_PREFIX.length), value, index + 1);
      if (problem !== null) problems.push({ file, line: index + 1, key, message: problem, outcome: 'the action keeps its default keys' });
      return;
    }
    const entry = KEYS[key];
    if (entry === undefined) {
      problems.push({ file, line: index + 1, key, message: `unknown key; the keys are ${Object.keys(KEYS).join(', ')}, ${KEY_PREFIX}ACTION`, outcome: LINE_IGNORED });
      return;
    }
    const parsed = entry.parse(value);
    if ('error' in parsed) problems.push({ file, line: index + 1, key, message: `invalid value ${JSON.stringify(value)}: ${parsed.error}`, outcome: 'the default is used' });
    else settings[entry.setting] = parsed.value;
  });
  if (keys.size > 0) settings['keys'] = Object.fromEntries([...keys].map(([action, entry]) => [action, entry.specs]));
  return { settings: settings as RcSettings, problems };
}

/** Formats a problem as `file:line: key: message; outcome.`, or `file: message; outcome.` for the whole file. */
export function rcProblemText(problem: RcProblem): string {
  const where = problem.line === 0 ? problem.file : `${problem.file}:${problem.line}: ${problem.key}`;
  return `${where}: ${problem.message}; ${problem.outcome}.`;
}

/** Reads the first rc file found: `.wbemshellrc` in `directory`, then in the home directory. */
export function readRcFile(directory: string = process.cwd(), home: string = homedir()): RcFile {
  for (const candidate of [path.join(directory, RC_FILE_NAME), path.join(home, RC_FILE_NAME)]) {
    if (!existsSync(candidate)) continue;
    let content: string;
    try {
      content = readFileSync(candidate, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { file: candidate, settings: {}, problems: [{ file: candidate, line: 0, key: '', message: `cannot be read: ${reason}`, outcome: 'the defaults are used' }] };
    }
    return { file: candidate, ...parseRcText(content, candidate) };
  }
  return { file: null, settings: {}, problems: [] };
}
