import { CIMInstance, type CIMInstanceName } from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import { callOptions, usePull, type CommandContext } from './command-context.js';
import type { ArgumentSpec, CommandSpec, OptionSpec, ParsedArguments } from './command-types.js';
import { collect } from './collect.js';
import { ASSOCIATOR_OPTIONS, OPTIONS, readMaxObjectCount, REFERENCE_OPTIONS } from './common-options.js';
import { globPattern } from './class-commands.js';
import { readInstancePath } from './instance-path.js';
import { invokeMethod } from './method-call.js';
import { OptionReader } from './parse-arguments.js';
import { typedProperties } from './typed-input.js';

const CLASS_ARGUMENT: ArgumentSpec = { name: 'CLASSNAME', summary: 'name of a class', required: true, complete: 'class' };
const PATH_ARGUMENT: ArgumentSpec = {
  name: 'INSTANCENAME',
  summary: 'CLASS key=value ..., a WBEM URI, or CLASS.? to pick an instance from a list',
  required: true,
  rest: true,
  complete: 'instance',
};

/** Returns the pull-only filter options; raises ShellInputError for a filter language without a query. */
function filterOptions(options: OptionReader): { filterQuery?: string; filterQueryLanguage?: string } {
  const filterQuery = options.value('filter-query');
  const language = options.value('filter-query-language');
  if (filterQuery === undefined) {
    if (language !== undefined) throw new ShellInputError('--filter-query-language needs --filter-query; give the query too.');
    return {};
  }
  return { filterQuery, filterQueryLanguage: language ?? 'DMTF:FQL' };
}

/**
 * Returns the iteration settings of a command: the session's pull mode and the command's
 * `--max-object-count`. A count given while pull operations are off is reported, because
 * the traditional operations return everything in one response.
 */
function iterationOptions(context: CommandContext, options: OptionReader): { usePull: boolean | 'auto'; maxObjectCount?: number } {
  const maxObjectCount = readMaxObjectCount(options);
  if (maxObjectCount === undefined) return { usePull: usePull(context) };

  if (context.session.state.pull === 'off') context.warn('--max-object-count applies to pull operations only, and "set pull" is off; the whole result comes in one response.');
  return { usePull: usePull(context), maxObjectCount };
}

/** Returns IncludeClassOrigin and PropertyList, the object options that pull operations have. */
function pullShape(options: OptionReader): { includeClassOrigin: boolean; propertyList?: string[] } {
  const propertyList = options.list('propertylist');
  return { includeClassOrigin: options.flag('include-classorigin'), ...(propertyList !== undefined ? { propertyList } : {}) };
}

async function enumerateInstances(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const connection = context.session.connection;
  const className = parsed.args[0]!;
  const iteration = { ...callOptions(context), ...iterationOptions(context, options), ...filterOptions(options) };
  const empty = `No instances of ${className} in ${context.namespace}.`;

  if (options.flag('names-only')) {
    const paths = await collect(context, connection.iterEnumerateInstancePaths(className, iteration), 'Enumerating instance paths');
    context.show({ kind: 'instanceNames', items: paths }, { empty });
    return;
  }
  const instances = await collect(
    context,
    connection.iterEnumerateInstances(className, { ...iteration, ...pullShape(options), deepInheritance: options.flag('deep-inheritance') }),
    'Enumerating instances',
  );
  context.show({ kind: 'instances', items: instances }, { ...columnsOption(options), empty });
}

function columnsOption(options: OptionReader): { columns?: readonly string[] } {
  const columns = options.list('columns');
  return columns === undefined ? {} : { columns };
}

async function getInstance(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const path = await readInstancePath(context, parsed.args);
  const instance = await context.session.connection.getInstance(path, {
    ...callOptions(context, path.namespace ?? undefined),
    ...pullShape(options),
    ...(options.flag('include-qualifiers') ? { includeQualifiers: true } : {}),
    localOnly: options.flag('local-only'),
  });
  context.show({ kind: 'instances', items: [instance] }, columnsOption(options));
}

/**
 * Counts the instances of each matching class. Classes with no instances of their own are
 * left out, except those named without a wildcard, which are listed with 0.
 */
async function countInstances(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const words = parsed.args.length === 0 ? ['*'] : parsed.args;
  const patterns = words.map(globPattern);
  const named = new Set(words.filter((word) => !/[*?]/.test(word)).map((word) => word.toLowerCase()));
  const index = await context.session.classes.classNames(context.namespace);
  const classNames = index.names.filter((name) => patterns.some((pattern) => pattern.test(name)));
  if (classNames.length === 0) {
    throw new ShellInputError(`No class in ${context.namespace} matches ${words.join(' or ')}; "class find PATTERN" lists the class names.`);
  }

  const rows: string[][] = [];
  for (const [position, className] of classNames.entries()) {
    context.progress(`Counting instances of ${className}`, position);
    const paths = await collect(context, context.session.connection.iterEnumerateInstancePaths(className, { ...callOptions(context), usePull: usePull(context) }), `Counting ${className}`);
    const own = paths.filter((path) => path.className.toLowerCase() === className.toLowerCase()).length;
    if (own > 0 || named.has(className.toLowerCase())) rows.push([className, String(own)]);
  }
  const checked = classNames.length === 1 ? '1 class checked' : `${classNames.length} classes checked`;
  context.show({ kind: 'rows', columns: ['Class', 'Count'], rows }, { empty: `No class that matches ${words.join(' or ')} in ${context.namespace} has instances of its own (${checked}).` });
}

async function createInstance(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const namespace = context.namespace;
  const cimClass = await context.session.classes.getClass(namespace, parsed.args[0]!);
  const properties = await typedProperties(context, cimClass, new OptionReader(parsed).rawList('property'), namespace);

  const instance = new CIMInstance(cimClass.className, { properties });
  const path = await context.session.connection.createInstance(instance, callOptions(context));
  if (context.format === 'json' || context.format === 'xml') {
    context.show({ kind: 'instanceNames', items: [path] });
    return;
  }

  const local = path.copy();
  local.host = null;
  local.namespace ??= namespace;
  context.print(`Created ${local.toString()}.`);
}

async function modifyInstance(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const path = await readInstancePath(context, parsed.args);
  const namespace = path.namespace ?? context.namespace;
  const words = options.rawList('property');
  if (words.length === 0) throw new ShellInputError('Nothing to modify; give the new values with --property NAME=VALUE.');

  const cimClass = await context.session.classes.getClass(namespace, path.className);
  const properties = await typedProperties(context, cimClass, words, namespace);
  const instance = new CIMInstance(path.className, { properties, path });
  const propertyList = options.list('propertylist') ?? properties.map((property) => property.name);

  await context.session.connection.modifyInstance(instance, { ...callOptions(context, namespace), propertyList });
  context.print(`Modified ${path.toString()}.`);
}

async function deleteInstance(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const path = await readInstancePath(context, parsed.args);
  await context.session.connection.deleteInstance(path, callOptions(context, path.namespace ?? undefined));
  context.print(`Deleted ${path.toString()}.`);
}

async function instanceAssociators(context: CommandContext, parsed: ParsedArguments, references: boolean): Promise<void> {
  const options = new OptionReader(parsed);
  const path = await readInstancePath(context, parsed.args);
  const connection = context.session.connection;
  const filters = {
    ...callOptions(context, path.namespace ?? undefined),
    ...iterationOptions(context, options),
    ...filterOptions(options),
    ...optional('resultClass', options.value('result-class')),
    ...optional('role', options.value('role')),
    ...(references ? {} : { ...optional('assocClass', options.value('assoc-class')), ...optional('resultRole', options.value('result-role')) }),
  };

  const empty = references ? `No association refers to ${path.toString()}.` : `No instance is associated with ${path.toString()}.`;

  if (options.flag('names-only')) {
    const iterable = references ? connection.iterReferenceInstancePaths(path, filters) : connection.iterAssociatorInstancePaths(path, filters);
    context.show({ kind: 'instanceNames', items: await collect(context, iterable, 'Following associations') }, { empty });
    return;
  }
  const shape = pullShape(options);
  const iterable = references ? connection.iterReferenceInstances(path, { ...filters, ...shape }) : connection.iterAssociatorInstances(path, { ...filters, ...shape });
  context.show({ kind: 'instances', items: await collect(context, iterable, 'Following associations') }, { ...columnsOption(options), empty });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>);
}

async function invokeInstanceMethod(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const methodName = parsed.args[parsed.args.length - 1]!;
  const pathWords = parsed.args.slice(0, -1);
  if (pathWords.length === 0) throw new ShellInputError('The instance path is missing; write "instance invoke CLASS key=value ... METHOD".');

  const path: CIMInstanceName = await readInstancePath(context, pathWords);
  const namespace = path.namespace ?? context.namespace;
  await invokeMethod(context, { className: path.className, target: path, methodName, namespace, parameterWords: new OptionReader(parsed).rawList('parameter') });
}

async function queryInstances(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const options = new OptionReader(parsed);
  const language = options.value('query-language') ?? 'WQL';
  const iterable = context.session.connection.iterQueryInstances(language, parsed.args[0]!, { ...callOptions(context), ...iterationOptions(context, options) });
  context.show({ kind: 'instances', items: await collect(context, iterable, 'Running query') }, { ...columnsOption(options), empty: 'The query returned no instances.' });
}

// Pull operations have no IncludeQualifiers parameter, so only GetInstance offers it.
const INSTANCE_SHAPE = [OPTIONS.includeClassOrigin, OPTIONS.propertyList];

/** Options of the association commands for instances, which run as pull operations. */
function pullOptions(options: readonly OptionSpec[]): OptionSpec[] {
  return options.filter((option) => option.name !== 'include-qualifiers');
}

/** The `instance` commands. */
export const INSTANCE_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['instance', 'enumerate'],
    aliases: ['ls'],
    summary: 'List the instances of a class and its subclasses (pull operations or EnumerateInstances).',
    arguments: [CLASS_ARGUMENT],
    options: [
      OPTIONS.deepInheritance,
      ...INSTANCE_SHAPE,
      OPTIONS.namesOnly,
      OPTIONS.filterQuery,
      OPTIONS.filterQueryLanguage,
      OPTIONS.maxObjectCount,
      OPTIONS.columns,
      OPTIONS.output,
      OPTIONS.namespace,
    ],
    run: enumerateInstances,
  },
  {
    words: ['instance', 'get'],
    summary: 'Show one instance (GetInstance).',
    arguments: [PATH_ARGUMENT],
    options: [OPTIONS.localOnly, OPTIONS.includeQualifiers, ...INSTANCE_SHAPE, OPTIONS.columns, OPTIONS.output, OPTIONS.namespace],
    run: getInstance,
  },
  {
    words: ['instance', 'count'],
    summary: 'Count the instances of each class whose name matches the patterns (default all classes); each instance counts for its own class only.',
    details: `An instance counts for its own class only: instances of subclasses count for the
subclasses, so a class whose instances all belong to subclasses has 0. Classes with 0 are
left out, except those named without * or ?.`,
    arguments: [{ name: 'PATTERN', summary: 'class name pattern with * and ?', required: false, rest: true, complete: 'class' }],
    options: [OPTIONS.output, OPTIONS.namespace],
    run: countInstances,
  },
  {
    words: ['instance', 'create'],
    summary: 'Create an instance with property values typed from its class (CreateInstance); json and xml output print the new path as an object.',
    arguments: [CLASS_ARGUMENT],
    options: [OPTIONS.property, OPTIONS.output, OPTIONS.namespace],
    run: createInstance,
  },
  {
    words: ['instance', 'modify'],
    summary: 'Change property values of an instance (ModifyInstance).',
    arguments: [PATH_ARGUMENT],
    options: [OPTIONS.property, { ...OPTIONS.propertyList, summary: 'Properties to modify; default those given with --property.' }, OPTIONS.namespace],
    run: modifyInstance,
  },
  {
    words: ['instance', 'delete'],
    summary: 'Delete an instance (DeleteInstance).',
    arguments: [PATH_ARGUMENT],
    options: [OPTIONS.namespace],
    run: deleteInstance,
  },
  {
    words: ['instance', 'associators'],
    summary: 'List the instances associated with an instance (pull operations or Associators).',
    arguments: [PATH_ARGUMENT],
    options: [...pullOptions(ASSOCIATOR_OPTIONS), OPTIONS.filterQuery, OPTIONS.filterQueryLanguage, OPTIONS.maxObjectCount, OPTIONS.columns],
    run: (context, parsed) => instanceAssociators(context, parsed, false),
  },
  {
    words: ['instance', 'references'],
    summary: 'List the associations that refer to an instance (pull operations or References).',
    arguments: [PATH_ARGUMENT],
    options: [...pullOptions(REFERENCE_OPTIONS), OPTIONS.filterQuery, OPTIONS.filterQueryLanguage, OPTIONS.maxObjectCount, OPTIONS.columns],
    run: (context, parsed) => instanceAssociators(context, parsed, true),
  },
  {
    words: ['instance', 'invoke'],
    summary: 'Call a method of an instance (InvokeMethod): instance invoke CLASS key=value ... METHOD.',
    arguments: [{ ...PATH_ARGUMENT, summary: 'instance path, then the method name' }],
    options: [OPTIONS.parameter, OPTIONS.output, OPTIONS.namespace],
    run: invokeInstanceMethod,
  },
  {
    words: ['instance', 'query'],
    summary: 'Run a query (pull operations or ExecQuery), such as "SELECT * FROM CIM_Foo".',
    arguments: [{ name: 'QUERY', summary: 'query text; quote it', required: true }],
    options: [
      { name: 'query-language', aliases: ['ql'], kind: 'value', valueName: 'LANGUAGE', summary: 'Query language; default WQL.' },
      OPTIONS.maxObjectCount,
      OPTIONS.columns,
      OPTIONS.output,
      OPTIONS.namespace,
    ],
    run: queryInstances,
  },
];
