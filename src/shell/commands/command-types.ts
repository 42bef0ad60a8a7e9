import type { CommandContext } from './command-context.js';

/** What a completion provider offers for an argument or an option value. */
export type CompletionKind =
  | 'class'
  | 'namespace'
  | 'instance'
  | 'property'
  | 'method'
  | 'qualifier'
  | 'connection'
  | 'command'
  | 'file'
  | { readonly choices: readonly string[] };

/** An option of a command, in pywbemcli style: `--deep-inheritance`, alias `--di`. */
export interface OptionSpec {
  /** Long name without dashes, such as `deep-inheritance`; the parsed options use this name. */
  readonly name: string;
  /** Other spellings without dashes; one letter means a short option such as `-p`. */
  readonly aliases?: readonly string[];
  /** `flag` takes no value, `value` takes one, `list` may repeat and splits commas. */
  readonly kind: 'flag' | 'value' | 'list';
  /** Placeholder of the value in help text, such as `CLASSNAME`. */
  readonly valueName?: string;
  readonly summary: string;
  readonly complete?: CompletionKind;
}

/** A positional argument of a command. */
export interface ArgumentSpec {
  /** Placeholder in help text, such as `CLASSNAME`. */
  readonly name: string;
  readonly summary: string;
  readonly required: boolean;
  /** True when the argument takes all remaining words, such as the keys of an instance path. */
  readonly rest?: boolean;
  readonly complete?: CompletionKind;
}

/** The words and options of one command line after parsing against a CommandSpec. */
export interface ParsedArguments {
  readonly args: readonly string[];
  /** Option values by long name: true for flags, the last value for `value`, all values for `list`. */
  readonly options: ReadonlyMap<string, true | string | readonly string[]>;
}

/** One command: its words, arguments, options, help text and handler. */
export interface CommandSpec {
  /** Command words, such as `['instance', 'enumerate']`. */
  readonly words: readonly string[];
  /** Other spellings of the last word, such as `ls` for `list`. */
  readonly aliases?: readonly string[];
  readonly summary: string;
  /** Further paragraphs of help text, shown after the options by `help COMMAND` and `COMMAND --help`. */
  readonly details?: string;
  readonly arguments: readonly ArgumentSpec[];
  readonly options: readonly OptionSpec[];
  /** Runs the command; output goes through `context`. Errors raised here become one error line. */
  run(context: CommandContext, parsed: ParsedArguments): Promise<void>;
}
