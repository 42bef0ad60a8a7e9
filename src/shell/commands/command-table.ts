import { ShellInputError } from '../shell-errors.js';
import { CLASS_COMMANDS } from './class-commands.js';
import type { CommandSpec } from './command-types.js';
import { CONNECTION_COMMANDS } from './connection-commands.js';
import { DEBUG_COMMANDS } from './debug-commands.js';
import { INSTANCE_COMMANDS } from './instance-commands.js';
import { QUALIFIER_COMMANDS } from './qualifier-commands.js';
import { RECORDER_COMMANDS } from './recorder-commands.js';
import { SERVER_COMMANDS } from './server-commands.js';
import { SESSION_COMMANDS } from './session-commands.js';

/** Every command of the shell; help and completion are generated from this table. */
export const COMMANDS: readonly CommandSpec[] = [
  ...CLASS_COMMANDS,
  ...INSTANCE_COMMANDS,
  ...QUALIFIER_COMMANDS,
  ...SERVER_COMMANDS,
  ...CONNECTION_COMMANDS,
  ...RECORDER_COMMANDS,
  ...DEBUG_COMMANDS,
  ...SESSION_COMMANDS,
];

/** Returns the spellings of a command's words: the words, with an alias in place of the last one. */
export function commandSpellings(command: CommandSpec): string[][] {
  return [command.words as string[], ...(command.aliases ?? []).map((alias) => [...command.words.slice(0, -1), alias])];
}

/** Finds the command that the leading words name; returns it and the number of words it used. */
export function findCommand(commands: readonly CommandSpec[], words: readonly string[]): { command: CommandSpec; used: number } {
  const lower = words.map((word) => word.toLowerCase());
  let best: { command: CommandSpec; used: number } | null = null;
  for (const command of commands) {
    for (const spelling of commandSpellings(command)) {
      const matches = spelling.every((word, index) => lower[index] === word);
      if (matches && (best === null || spelling.length > best.used)) best = { command, used: spelling.length };
    }
  }
  if (best !== null) return best;
  throw unknownCommand(commands, lower);
}

function unknownCommand(commands: readonly CommandSpec[], words: readonly string[]): ShellInputError {
  const group = commands.filter((command) => command.words.length > 1 && command.words[0] === words[0]);
  if (group.length > 0) {
    const verbs = group.map((command) => command.words[1]).join(', ');
    const given = words[1] === undefined ? 'needs a subcommand' : `has no subcommand ${JSON.stringify(words[1])}`;
    return new ShellInputError(`"${words[0]}" ${given}; use one of ${verbs}.`);
  }
  return new ShellInputError(`Unknown command ${JSON.stringify(words[0] ?? '')}; "help" lists the commands.`);
}
