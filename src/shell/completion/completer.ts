import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { commandSpellings, findCommand } from '../commands/command-table.js';
import type { CommandSpec, CompletionKind, OptionSpec } from '../commands/command-types.js';
import { findOption, isOptionWord } from '../commands/parse-arguments.js';
import type { Completion, CompletionCandidate } from '../session-types.js';
import { classNameOf, cursorPosition } from './completion-context.js';
import type { CompletionSources } from './completion-sources.js';

/** Most candidates returned for one word. */
export const MAX_CANDIDATES = 200;

/**
 * Completes the word before the cursor: command words first, then options, option values
 * and arguments by the kind their table entry names. Server lookups go through `sources`,
 * which cache them; an aborted `signal` gives no candidates.
 */
export async function complete(commands: readonly CommandSpec[], sources: CompletionSources, line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
  const position = cursorPosition(line, cursor);
  const words = position.before.map((token) => token.text);
  const empty: Completion = { start: position.start, candidates: [] };

  let resolved: { command: CommandSpec; used: number } | null = null;
  try {
    resolved = findCommand(commands, words);
  } catch {
    resolved = null;
  }
  if (resolved === null) {
    return { start: position.start, candidates: commandWordCandidates(commands, words, position.prefix) };
  }

  const { command, used } = resolved;
  const request = completionRequest(command, words.slice(used), position.prefix);
  if (request === null) return empty;

  try {
    const candidates = await candidatesFor(request, sources, signal);
    if (signal?.aborted) return empty;
    return { start: position.start, candidates: candidates.slice(0, MAX_CANDIDATES) };
  } catch {
    // A failed or cancelled lookup offers nothing; the command itself reports the error when run.
    return empty;
  }
}

function commandWordCandidates(commands: readonly CommandSpec[], words: readonly string[], prefix: string): CompletionCandidate[] {
  const lowerWords = words.map((word) => word.toLowerCase());
  const seen = new Map<string, CompletionCandidate>();
  for (const command of commands) {
    for (const spelling of commandSpellings(command)) {
      if (spelling.length <= lowerWords.length || !lowerWords.every((word, index) => spelling[index] === word)) continue;
      const next = spelling[lowerWords.length]!;
      if (!next.startsWith(prefix.toLowerCase()) || seen.has(next)) continue;
      const isLast = spelling.length === lowerWords.length + 1;
      seen.set(next, { value: next, detail: isLast ? command.summary : `${next} commands` });
    }
  }
  return [...seen.values()].sort((a, b) => a.value.localeCompare(b.value));
}

/** A completion request: the kind of word to complete, with the command and arguments before the cursor. */
export interface CompletionRequest {
  readonly kind: CompletionKind | 'option';
  readonly prefix: string;
  readonly command: CommandSpec;
  /** Positional arguments before the word being completed. */
  readonly args: readonly string[];
  /** Index of the argument being completed, or -1 for options and option values. */
  readonly argumentIndex: number;
  /** The option whose value is completed, if any. */
  readonly option: OptionSpec | null;
}

function completionRequest(command: CommandSpec, words: readonly string[], prefix: string): CompletionRequest | null {
  const args: string[] = [];
  let pendingOption: OptionSpec | null = null;
  for (const word of words) {
    if (pendingOption !== null) {
      pendingOption = null;
      continue;
    }
    if (isOptionWord(word)) {
      const option = findOption(command, word);
      if (option !== undefined && option.kind !== 'flag' && !word.includes('=')) pendingOption = option;
      continue;
    }
    args.push(word);
  }

  const base = { prefix, command, args };
  if (pendingOption !== null) {
    return pendingOption.complete === undefined ? null : { ...base, kind: pendingOption.complete, argumentIndex: -1, option: pendingOption };
  }
  if (prefix.startsWith('-')) return { ...base, kind: 'option', argumentIndex: -1, option: null };

  const restIndex = command.arguments.findIndex((argument) => argument.rest === true);
  const index = restIndex !== -1 && args.length >= restIndex ? restIndex : args.length;
  const argument = command.arguments[index];
  if (argument?.complete === undefined) return null;
  return { ...base, kind: argument.complete, argumentIndex: args.length, option: null };
}

async function candidatesFor(request: CompletionRequest, sources: CompletionSources, signal: AbortSignal | undefined): Promise<CompletionCandidate[]> {
  const { kind, prefix } = request;
  if (kind === 'option') return optionCandidates(request.command, prefix);
  if (typeof kind === 'object') return kind.choices.filter((choice) => choice.startsWith(prefix.toLowerCase())).map((value) => ({ value }));

  switch (kind) {
    case 'class':
      return (await sources.classNames(signal)).withPrefix(prefix, MAX_CANDIDATES).map((value) => ({ value }));
    case 'namespace':
      return prefixed(await sources.namespaces(signal), prefix);
    case 'qualifier':
      return prefixed(await sources.qualifierNames(signal), prefix);
    case 'connection':
      return prefixed(sources.profileNames(), prefix);
    case 'command':
      return prefixed([...new Set(sources.commandWords())], prefix);
    case 'file':
      return fileCandidates(prefix);
    case 'property':
      return propertyCandidates(request, sources, signal);
    case 'method':
      return methodCandidates(request.args[0] ?? '', prefix, sources, signal);
    case 'instance':
      return instanceCandidates(request, sources, signal);
  }
}

function optionCandidates(command: CommandSpec, prefix: string): CompletionCandidate[] {
  return command.options
    .map((option) => ({ value: `--${option.name}`, detail: option.summary }))
    .filter((candidate) => candidate.value.startsWith(prefix.toLowerCase()));
}

function prefixed(names: readonly string[], prefix: string): CompletionCandidate[] {
  const lower = prefix.toLowerCase();
  return names.filter((name) => name.toLowerCase().startsWith(lower)).map((value) => ({ value }));
}

async function fileCandidates(prefix: string): Promise<CompletionCandidate[]> {
  const directory = prefix.endsWith('/') ? prefix : path.dirname(prefix);
  const base = prefix.endsWith('/') ? '' : path.basename(prefix);
  const entries = await readdir(directory === '' ? '.' : directory, { withFileTypes: true });
  const join = (name: string) => (directory === '.' && !prefix.startsWith('./') ? name : path.join(directory, name));
  return entries
    .filter((entry) => entry.name.startsWith(base))
    .map((entry) => ({ value: entry.isDirectory() ? `${join(entry.name)}/` : join(entry.name) }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** Property names of the class at hand; `name=` for --property, plain names for lists. */
async function propertyCandidates(request: CompletionRequest, sources: CompletionSources, signal: AbortSignal | undefined): Promise<CompletionCandidate[]> {
  const className = request.args[0];
  if (className === undefined) return [];

  if (request.option?.name === 'parameter') return parameterCandidates(request, sources, signal);

  const cimClass = await sources.getClass(classNameOf(className), signal);
  const assignment = request.option?.name === 'property';
  const lastComma = assignment ? -1 : request.prefix.lastIndexOf(',');
  const head = request.prefix.slice(0, lastComma + 1);
  const namePrefix = request.prefix.slice(lastComma + 1).toLowerCase();

  return [...cimClass.properties.values()]
    .filter((property) => property.name.toLowerCase().startsWith(namePrefix))
    .map((property) => ({ value: `${head}${property.name}${assignment ? '=' : ''}`, detail: `${property.type}${property.isArray ? '[]' : ''}` }));
}

async function parameterCandidates(request: CompletionRequest, sources: CompletionSources, signal: AbortSignal | undefined): Promise<CompletionCandidate[]> {
  const methodName = request.args[request.args.length - 1];
  if (methodName === undefined || request.args.length < 2) return [];
  const cimClass = await sources.getClass(classNameOf(request.args[0]!), signal);
  const method = cimClass.methods.get(methodName);
  if (method === undefined) return [];
  return [...method.parameters.values()]
    .filter((parameter) => parameter.name.toLowerCase().startsWith(request.prefix.toLowerCase()))
    .map((parameter) => ({ value: `${parameter.name}=`, detail: `${parameter.type}${parameter.isArray ? '[]' : ''}` }));
}

async function methodCandidates(className: string, prefix: string, sources: CompletionSources, signal: AbortSignal | undefined): Promise<CompletionCandidate[]> {
  const cimClass = await sources.getClass(classNameOf(className), signal);
  return [...cimClass.methods.values()]
    .filter((method) => method.name.toLowerCase().startsWith(prefix.toLowerCase()))
    .map((method) => {
      const parameters = [...method.parameters.values()].map((parameter) => `${parameter.type}${parameter.isArray ? '[]' : ''} ${parameter.name}`);
      return { value: method.name, detail: `${method.returnType ?? 'void'} ${method.name}(${parameters.join(', ')})` };
    });
}

/**
 * Completes instance path words. The first word is a class name, and `CLASS.?` becomes
 * the instance paths of the class as WBEM URIs. After the class come `key=` names, and
 * method names too for `instance invoke`.
 */
async function instanceCandidates(request: CompletionRequest, sources: CompletionSources, signal: AbortSignal | undefined): Promise<CompletionCandidate[]> {
  const { prefix, args } = request;
  if (args.length === 0) {
    if (prefix.endsWith('.?')) {
      const paths = await sources.instancePaths(prefix.slice(0, -2), signal);
      return paths.map((value) => ({ value: `'${value}'` }));
    }
    return (await sources.classNames(signal)).withPrefix(prefix, MAX_CANDIDATES).map((value) => ({ value }));
  }

  const cimClass = await sources.getClass(classNameOf(args[0]!), signal);
  const keys = [...cimClass.properties.values()]
    .filter((property) => property.qualifiers.get('Key')?.value === true)
    .filter((property) => property.name.toLowerCase().startsWith(prefix.toLowerCase()))
    .map((property) => ({ value: `${property.name}=`, detail: `key, ${property.type}` }));
  if (request.command.words.join(' ') !== 'instance invoke') return keys;
  return [...keys, ...(await methodCandidates(args[0]!, prefix, sources, signal))];
}
