import { ShellInputError } from '../shell-errors.js';
import type { CommandSpec, OptionSpec, ParsedArguments } from './command-types.js';

/** Returns the option of `spec` spelled `word` (with its dashes), or undefined. */
export function findOption(spec: CommandSpec, word: string): OptionSpec | undefined {
  const name = word.replace(/^--?/, '').split('=')[0]!.toLowerCase();
  return spec.options.find((option) => option.name === name || (option.aliases ?? []).includes(name));
}

/**
 * Parses the words after the command words against the command's options and
 * arguments. Options may come anywhere; `--` ends them. Raises ShellInputError for an
 * unknown option, a missing option value or a missing or extra argument.
 */
export function parseArguments(spec: CommandSpec, words: readonly string[]): ParsedArguments {
  const args: string[] = [];
  const options = new Map<string, true | string | readonly string[]>();
  let optionsEnded = false;

  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (optionsEnded || !isOptionWord(word)) {
      args.push(word);
      continue;
    }
    if (word === '--') {
      optionsEnded = true;
      continue;
    }

    const option = findOption(spec, word);
    if (option === undefined) throw unknownOption(spec, word);

    if (option.kind === 'flag') {
      options.set(option.name, true);
      continue;
    }

    const inline = word.includes('=') ? word.slice(word.indexOf('=') + 1) : undefined;
    const value = inline ?? words[index + 1];
    if (value === undefined) {
      throw new ShellInputError(`The option ${word} needs a value (${option.valueName ?? 'VALUE'}); write ${word} ${option.valueName ?? 'VALUE'}.`);
    }
    if (inline === undefined) index += 1;

    if (option.kind === 'value') options.set(option.name, value);
    else options.set(option.name, [...((options.get(option.name) as readonly string[] | undefined) ?? []), value]);
  }

  checkArgumentCount(spec, args);
  return { args, options };
}

/** True when `--help` comes before any `--` and the command has no option of that name. */
export function asksForHelp(spec: CommandSpec, words: readonly string[]): boolean {
  const end = words.indexOf('--');
  const options = end === -1 ? words : words.slice(0, end);
  return options.includes('--help') && findOption(spec, '--help') === undefined;
}

/** True for `--name`, `-x` and `--`, but not for a negative number such as `-5`. */
export function isOptionWord(word: string): boolean {
  return word.startsWith('-') && !/^-\d/.test(word) && word !== '-';
}

function checkArgumentCount(spec: CommandSpec, args: readonly string[]): void {
  const required = spec.arguments.filter((argument) => argument.required);
  const command = spec.words.join(' ');
  if (args.length < required.length) {
    const missing = required[args.length]!;
    throw new ShellInputError(`The command "${command}" needs ${missing.name} (${missing.summary}); see "help ${command}".`);
  }

  const takesRest = spec.arguments.some((argument) => argument.rest === true);
  if (!takesRest && args.length > spec.arguments.length) {
    const extra = args[spec.arguments.length]!;
    throw new ShellInputError(`The command "${command}" takes no argument ${JSON.stringify(extra)} there; see "help ${command}".`);
  }
}

function unknownOption(spec: CommandSpec, word: string): ShellInputError {
  const names = spec.options.map((option) => `--${option.name}`);
  const known = names.length === 0 ? 'it has no options' : `its options are ${names.join(', ')}`;
  return new ShellInputError(`Unknown option ${word} for "${spec.words.join(' ')}"; ${known}.`);
}

/** Reads parsed options by name with the right type. */
export class OptionReader {
  constructor(private readonly parsed: ParsedArguments) {}

  flag(name: string): boolean {
    return this.parsed.options.get(name) === true;
  }

  /** The value of a `value` option, or undefined when it was not given. */
  value(name: string): string | undefined {
    const value = this.parsed.options.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  /** The values of a `list` option with commas split, or undefined when it was not given. */
  list(name: string): string[] | undefined {
    const values = this.parsed.options.get(name);
    if (!Array.isArray(values)) return undefined;
    return (values as readonly string[]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
  }

  /** The values of a `list` option as given, without splitting at commas. */
  rawList(name: string): readonly string[] {
    const values = this.parsed.options.get(name);
    return Array.isArray(values) ? (values as readonly string[]) : [];
  }
}
