import { readFileSync } from 'node:fs';
import { ShellInputError } from '../shell-errors.js';
import { classTree } from '../format/format-result.js';
import { callOptions, type CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OPTIONS, ASSOCIATOR_OPTIONS, REFERENCE_OPTIONS } from './common-options.js';
import { compileAgainstServer } from './mof-objects.js';
import { invokeMethod } from './method-call.js';
import { OptionReader } from './parse-arguments.js';

const CLASS_ARGUMENT = { name: 'CLASSNAME', summary: 'name of a class', required: true, complete: 'class' } as const;

/** Options of GetClass and EnumerateClasses from the pywbemcli-style flags. */
function classShape(options: OptionReader): { localOnly: boolean; includeQualifiers: boolean; includeClassOrigin: boolean } {
  return {
    localOnly: options.flag('local-only'),
    includeQualifiers: !options.flag('no-qualifiers'),
    includeClassOrigin: options.flag('include-classorigin'),
  };
}

/** Converts a glob with `*` and `?` into a case-insensitive regular expression. */
export function globPattern(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

async function enumerateClasses(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const namespace = context.namespace;
  const className = parsed.args[0];
  const call = { ...callOptions(context, namespace), deepInheritance: options.flag('deep-inheritance') };
  const empty = className === undefined ? `No classes in ${namespace}.` : `The class ${className} has no subclasses in ${namespace}.`;

  if (options.flag('names-only')) {
    const names = await context.session.connection.enumerateClassNames(className, call);
    context.show({ kind: 'classNames', items: names }, { empty });
    return;
  }
  const classes = await context.session.connection.enumerateClasses(className, { ...call, ...classShape(options) });
  context.show({ kind: 'classes', items: classes }, { empty });
}

async function getClass(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const propertyList = options.list('propertylist');
  const cimClass = await context.session.connection.getClass(parsed.args[0]!, {
    ...callOptions(context, context.namespace),
    ...classShape(options),
    ...(propertyList !== undefined ? { propertyList } : {}),
  });
  context.show({ kind: 'classes', items: [cimClass] });
}

async function classTreeCommand(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const namespace = context.namespace;
  const root = parsed.args[0];
  const connection = context.session.connection;
  const shape = { ...callOptions(context, namespace), deepInheritance: true, localOnly: true, includeQualifiers: false };

  const classes = await connection.enumerateClasses(root, shape);
  if (root === undefined) {
    context.show(classTree(classes), { empty: `No classes in ${namespace}.` });
    return;
  }
  const rootClass = await context.session.classes.getClass(namespace, root);
  context.show(classTree([{ className: rootClass.className, superclass: null }, ...classes]));
}

async function findClasses(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const namespace = context.namespace;
  const pattern = globPattern(parsed.args[0]!);
  const index = await context.session.classes.classNames(namespace);
  context.show({ kind: 'classNames', items: index.names.filter((name) => pattern.test(name)) }, { empty: `No class in ${namespace} matches ${parsed.args[0]!}.` });
}

async function classAssociators(context: CommandContext, parsed: ParsedArguments, references: boolean): Promise<void> {
  const options = new OptionReader(parsed);
  const connection = context.session.connection;
  const propertyList = options.list('propertylist');
  const filters = {
    ...callOptions(context, context.namespace),
    resultClass: options.value('result-class'),
    role: options.value('role'),
    ...(references ? {} : { assocClass: options.value('assoc-class'), resultRole: options.value('result-role') }),
  };
  const className = parsed.args[0]!;
  const empty = references ? `No association class refers to ${className}.` : `No class is associated with ${className}.`;

  if (options.flag('names-only')) {
    const names = references ? await connection.referenceNames(className, filters) : await connection.associatorNames(className, filters);
    context.show({ kind: 'classPaths', items: names }, { empty });
    return;
  }
  const shape = {
    ...filters,
    includeQualifiers: options.flag('include-qualifiers'),
    includeClassOrigin: options.flag('include-classorigin'),
    ...(propertyList !== undefined ? { propertyList } : {}),
  };
  const classes = references ? await connection.references(className, shape) : await connection.associators(className, shape);
  context.show({ kind: 'classes', items: classes }, { empty });
}

async function deleteClass(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const namespace = context.namespace;
  await context.session.connection.deleteClass(parsed.args[0]!, callOptions(context, namespace));
  context.session.classes.invalidate(namespace);
  context.print(`Deleted class ${parsed.args[0]!}.`);
}

async function createClasses(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const namespace = context.namespace;
  const source = mofSource(parsed.args[0], options.value('mof'));
  const compiled = await compileAgainstServer(context.session.classes, namespace, source);
  if (compiled.classes.length === 0) throw new ShellInputError(`The MOF in ${source.file} declares no class; write a class declaration such as "class X : CIM_Foo { };".`);

  try {
    for (const declaration of compiled.qualifierDeclarations) await context.session.connection.setQualifier(declaration, callOptions(context, namespace));
    for (const cimClass of compiled.classes) {
      await context.session.connection.createClass(cimClass, callOptions(context, namespace));
      context.print(`Created class ${cimClass.className}.`);
    }
  } finally {
    context.session.classes.invalidate(namespace);
  }
}

/** Returns the MOF source of a create command: a file argument or `--mof TEXT`. */
export function mofSource(file: string | undefined, text: string | undefined): { file: string; text: string } {
  if (text !== undefined && file !== undefined) throw new ShellInputError('Give either a MOF file or --mof TEXT, not both.');
  if (text !== undefined) return { file: '<--mof>', text };
  if (file === undefined) throw new ShellInputError('The MOF is missing; give a MOF file, or the MOF text with --mof "...".');
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ShellInputError(`Cannot read the MOF file ${file}: ${reason}`, { cause: error });
  }
}

async function invokeStatic(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const [className, methodName] = parsed.args as [string, string];
  const namespace = context.namespace;
  await invokeMethod(context, { className, target: className, methodName, namespace, parameterWords: new OptionReader(parsed).rawList('parameter') });
}

/** The `class` commands. */
export const CLASS_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['class', 'enumerate'],
    aliases: ['ls'],
    summary: 'List the subclasses of a class, or the top-level classes (EnumerateClasses).',
    arguments: [{ ...CLASS_ARGUMENT, required: false, summary: 'superclass; default the top-level classes' }],
    options: [OPTIONS.deepInheritance, OPTIONS.localOnly, OPTIONS.noQualifiers, OPTIONS.includeClassOrigin, OPTIONS.namesOnly, OPTIONS.output, OPTIONS.namespace],
    run: enumerateClasses,
  },
  {
    words: ['class', 'get'],
    summary: 'Show a class (GetClass).',
    arguments: [CLASS_ARGUMENT],
    options: [OPTIONS.localOnly, OPTIONS.noQualifiers, OPTIONS.includeClassOrigin, OPTIONS.propertyList, OPTIONS.output, OPTIONS.namespace],
    run: getClass,
  },
  {
    words: ['class', 'tree'],
    summary: 'Show the class hierarchy below a class, or of the whole namespace.',
    arguments: [{ ...CLASS_ARGUMENT, required: false, summary: 'root class; default all classes' }],
    options: [OPTIONS.output, OPTIONS.namespace],
    run: classTreeCommand,
  },
  {
    words: ['class', 'find'],
    summary: 'List the class names that match a pattern with * and ? (case-insensitive).',
    arguments: [{ name: 'PATTERN', summary: 'class name pattern such as CIM_*Device', required: true, complete: 'class' }],
    options: [OPTIONS.output, OPTIONS.namespace],
    run: findClasses,
  },
  {
    words: ['class', 'associators'],
    summary: 'List the classes associated with a class (Associators).',
    arguments: [CLASS_ARGUMENT],
    options: ASSOCIATOR_OPTIONS,
    run: (context, parsed) => classAssociators(context, parsed, false),
  },
  {
    words: ['class', 'references'],
    summary: 'List the association classes that refer to a class (References).',
    arguments: [CLASS_ARGUMENT],
    options: REFERENCE_OPTIONS,
    run: (context, parsed) => classAssociators(context, parsed, true),
  },
  {
    words: ['class', 'delete'],
    summary: 'Delete a class and its subclasses (DeleteClass).',
    arguments: [CLASS_ARGUMENT],
    options: [OPTIONS.namespace],
    run: deleteClass,
  },
  {
    words: ['class', 'create'],
    summary: 'Create the classes declared in a MOF file or in --mof text (CreateClass).',
    arguments: [{ name: 'FILE', summary: 'MOF file', required: false, complete: 'file' }],
    options: [{ name: 'mof', kind: 'value', valueName: 'TEXT', summary: 'MOF text instead of a file.' }, OPTIONS.namespace],
    run: createClasses,
  },
  {
    words: ['class', 'invoke'],
    summary: 'Call a static method of a class (InvokeMethod).',
    arguments: [CLASS_ARGUMENT, { name: 'METHOD', summary: 'method name', required: true, complete: 'method' }],
    options: [OPTIONS.parameter, OPTIONS.output, OPTIONS.namespace],
    run: invokeStatic,
  },
];
