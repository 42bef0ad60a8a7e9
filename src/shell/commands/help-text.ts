import type { CommandSpec, OptionSpec } from './command-types.js';

/** Lists the commands, one line each with words and summary, in table order. */
export function commandList(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((command) => command.words.join(' ').length));
  const lines = commands.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`);
  return ['Commands (help COMMAND shows arguments and options):', ...lines].join('\n');
}

/** Usage, arguments and options of one command, generated from its table entry. */
export function commandHelp(command: CommandSpec): string {
  const words = command.words.join(' ');
  const argumentText = command.arguments.map((argument) => {
    const name = argument.rest ? `${argument.name}...` : argument.name;
    return argument.required ? name : `[${name}]`;
  });
  const lines = [`Usage: ${[words, ...argumentText, command.options.length > 0 ? '[OPTIONS]' : ''].filter(Boolean).join(' ')}`, '', command.summary];
  if (command.aliases !== undefined && command.aliases.length > 0) {
    lines.push('', `Also: ${command.aliases.map((alias) => [...command.words.slice(0, -1), alias].join(' ')).join(', ')}`);
  }

  if (command.arguments.length > 0) {
    lines.push('', 'Arguments:');
    const width = Math.max(...command.arguments.map((argument) => argument.name.length));
    for (const argument of command.arguments) lines.push(`  ${argument.name.padEnd(width)}  ${argument.summary}`);
  }
  if (command.options.length > 0) {
    lines.push('', 'Options:');
    const spellings = command.options.map(optionSpelling);
    const width = Math.max(...spellings.map((text) => text.length));
    command.options.forEach((option, index) => lines.push(`  ${spellings[index]!.padEnd(width)}  ${option.summary}`));
  }
  if (command.details !== undefined) lines.push('', command.details);
  return lines.join('\n');
}

function optionSpelling(option: OptionSpec): string {
  const names = [option.name, ...(option.aliases ?? [])].map((name) => (name.length === 1 ? `-${name}` : `--${name}`));
  const value = option.kind === 'flag' ? '' : ` ${option.valueName ?? 'VALUE'}`;
  return `${names.join(', ')}${value}`;
}
