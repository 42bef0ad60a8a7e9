import { ShellInputError } from '../shell-errors.js';
import { OUTPUT_FORMATS, type OutputFormat, type PullMode } from '../session-types.js';
import type { CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OPTIONS } from './common-options.js';
import { parseTimeout } from './connection-commands.js';
import { commandHelp, commandList } from './help-text.js';

export const PULL_MODES: readonly PullMode[] = ['auto', 'on', 'off'];

async function setSetting(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const [name, value] = parsed.args as [string, string];
  switch (name.toLowerCase()) {
    case 'output':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw invalidSetting(name, value, OUTPUT_FORMATS.join(', '));
      context.session.update({ output: value as OutputFormat });
      break;
    case 'pull':
      if (!(PULL_MODES as readonly string[]).includes(value)) throw invalidSetting(name, value, PULL_MODES.join(', '));
      context.session.update({ pull: value as PullMode });
      break;
    case 'timeout':
      context.session.update({ timeout: parseTimeout(value) });
      break;
    default:
      throw new ShellInputError(`Unknown setting ${JSON.stringify(name)}; the settings are output, pull and timeout.`);
  }
  context.print(`${name.toLowerCase()} = ${value}`);
}

function invalidSetting(name: string, value: string, allowed: string): ShellInputError {
  return new ShellInputError(`The value ${JSON.stringify(value)} is not valid for ${name}; use one of ${allowed}.`);
}

async function showStatistics(context: CommandContext): Promise<void> {
  const statistics = context.session.connection.statistics.snapshot();
  if (statistics.length === 0) {
    context.print('No operations have run on this connection yet.');
    return;
  }
  const rows = statistics.map((entry) => [
    entry.name,
    String(entry.count),
    String(entry.errorCount),
    entry.clientTime.avg.toFixed(1),
    entry.clientTime.max.toFixed(1),
    entry.serverTime === null ? '' : (entry.serverTime.avg / 1000).toFixed(1),
    String(Math.round(entry.requestBytes.avg)),
    String(Math.round(entry.responseBytes.avg)),
  ]);
  const columns = ['Operation', 'Count', 'Errors', 'Avg ms', 'Max ms', 'Server avg ms', 'Avg request B', 'Avg response B'];
  context.show({ kind: 'rows', columns, rows });
}

async function showHistory(context: CommandContext): Promise<void> {
  const history = context.session.history;
  const width = String(history.length).length;
  context.print(history.map((line, index) => `${String(index + 1).padStart(width)}  ${line}`).join('\n'));
}

async function help(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const commands = context.session.commands;
  if (parsed.args.length === 0) {
    context.print(commandList(commands));
    return;
  }
  const words = parsed.args.map((word) => word.toLowerCase());
  const exact = commands.find((command) => command.words.join(' ') === words.join(' '));
  if (exact !== undefined) {
    context.print(commandHelp(exact));
    return;
  }
  const group = commands.filter((command) => command.words[0] === words[0]);
  if (group.length === 0) throw new ShellInputError(`No command ${JSON.stringify(parsed.args.join(' '))}; "help" lists the commands.`);
  context.print(commandList(group));
}

async function clearCache(context: CommandContext): Promise<void> {
  context.session.classes.invalidate();
  context.print('Cleared the cached classes and class names.');
}

/** Settings, statistics, history, help, cache and exit commands. */
export const SESSION_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['set'],
    summary: 'Change a setting: set output mof|xml|json|table|tree, set pull auto|on|off, set timeout SECONDS.',
    arguments: [
      { name: 'SETTING', summary: 'output, pull or timeout', required: true, complete: { choices: ['output', 'pull', 'timeout'] } },
      { name: 'VALUE', summary: 'new value', required: true, complete: { choices: [...OUTPUT_FORMATS, ...PULL_MODES] } },
    ],
    options: [],
    run: setSetting,
  },
  { words: ['stats'], summary: 'Show per-operation statistics of the connection: counts, times and sizes.', arguments: [], options: [OPTIONS.output], run: showStatistics },
  { words: ['history'], summary: 'Show the command history.', arguments: [], options: [], run: showHistory },
  {
    words: ['help'],
    summary: 'List the commands, or show the arguments and options of one.',
    arguments: [{ name: 'COMMAND', summary: 'command words, such as instance get', required: false, rest: true, complete: 'command' }],
    options: [],
    run: help,
  },
  { words: ['cache', 'clear'], summary: 'Forget the cached classes and class names, which are then fetched again.', arguments: [], options: [], run: clearCache },
  { words: ['exit'], aliases: ['quit'], summary: 'Leave the shell.', arguments: [], options: [], run: async () => undefined },
];
