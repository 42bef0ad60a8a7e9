import { ShellInputError } from '../shell-errors.js';
import { mofSource } from './class-commands.js';
import { callOptions, type CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OPTIONS } from './common-options.js';
import { compileAgainstServer } from './mof-objects.js';
import { OptionReader } from './parse-arguments.js';

async function enumerateQualifiers(context: CommandContext): Promise<void> {
  const declarations = await context.session.connection.enumerateQualifiers(callOptions(context));
  const sorted = [...declarations].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  context.show({ kind: 'qualifierDeclarations', items: sorted }, { empty: `No qualifier declarations in ${context.namespace}.` });
}

async function getQualifier(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const declaration = await context.session.connection.getQualifier(parsed.args[0]!, callOptions(context));
  context.show({ kind: 'qualifierDeclarations', items: [declaration] });
}

async function setQualifiers(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const source = mofSource(parsed.args[0], new OptionReader(parsed).value('mof'));
  const compiled = await compileAgainstServer(context.session.classes, context.namespace, source);
  if (compiled.qualifierDeclarations.length === 0) {
    throw new ShellInputError(`The MOF in ${source.file} declares no qualifier; write for example "Qualifier Note : string = null, Scope(any);".`);
  }
  for (const declaration of compiled.qualifierDeclarations) {
    await context.session.connection.setQualifier(declaration, callOptions(context));
    context.print(`Set qualifier declaration ${declaration.name}.`);
  }
  context.session.classes.invalidate(context.namespace);
}

async function deleteQualifier(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  await context.session.connection.deleteQualifier(parsed.args[0]!, callOptions(context));
  context.session.classes.invalidate(context.namespace);
  context.print(`Deleted qualifier declaration ${parsed.args[0]!}.`);
}

const NAME_ARGUMENT = { name: 'NAME', summary: 'qualifier name', required: true, complete: 'qualifier' } as const;

/** The `qualifier` commands. */
export const QUALIFIER_COMMANDS: readonly CommandSpec[] = [
  { words: ['qualifier', 'enumerate'], aliases: ['ls'], summary: 'List the qualifier declarations of the namespace (EnumerateQualifiers).', arguments: [], options: [OPTIONS.output, OPTIONS.namespace], run: enumerateQualifiers },
  { words: ['qualifier', 'get'], summary: 'Show a qualifier declaration (GetQualifier).', arguments: [NAME_ARGUMENT], options: [OPTIONS.output, OPTIONS.namespace], run: getQualifier },
  {
    words: ['qualifier', 'set'],
    summary: 'Create or replace the qualifier declarations in a MOF file or --mof text (SetQualifier).',
    arguments: [{ name: 'FILE', summary: 'MOF file', required: false, complete: 'file' }],
    options: [{ name: 'mof', kind: 'value', valueName: 'TEXT', summary: 'MOF text instead of a file.' }, OPTIONS.namespace],
    run: setQualifiers,
  },
  { words: ['qualifier', 'delete'], summary: 'Delete a qualifier declaration (DeleteQualifier).', arguments: [NAME_ARGUMENT], options: [OPTIONS.namespace], run: deleteQualifier },
];
