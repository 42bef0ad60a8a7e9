import { OUTPUT_FORMATS, type OutputFormat } from '../session-types.js';
import { ShellInputError } from '../shell-errors.js';
import type { OptionSpec } from './command-types.js';
import type { OptionReader } from './parse-arguments.js';

/** Options shared by several commands, in pywbemcli spelling. */
export const OPTIONS = {
  namespace: { name: 'namespace', aliases: ['n'], kind: 'value', valueName: 'NAMESPACE', summary: 'Namespace of the operation; default the current namespace.', complete: 'namespace' },
  deepInheritance: { name: 'deep-inheritance', aliases: ['di'], kind: 'flag', summary: 'Include subclasses at all depths (classes), or properties added by subclasses (instances).' },
  localOnly: { name: 'local-only', aliases: ['lo'], kind: 'flag', summary: 'Return only properties and methods defined or overridden in the class itself.' },
  includeQualifiers: { name: 'include-qualifiers', aliases: ['iq'], kind: 'flag', summary: 'Return qualifiers (instances; deprecated by DSP0200).' },
  noQualifiers: { name: 'no-qualifiers', aliases: ['nq'], kind: 'flag', summary: 'Leave out qualifiers of classes, which are returned by default.' },
  includeClassOrigin: { name: 'include-classorigin', aliases: ['ico'], kind: 'flag', summary: 'Return the class that defined each property and method.' },
  propertyList: { name: 'propertylist', aliases: ['pl'], kind: 'list', valueName: 'NAME[,NAME]', summary: 'Return only these properties; may repeat. An empty value returns none.', complete: 'property' },
  namesOnly: { name: 'names-only', aliases: ['no'], kind: 'flag', summary: 'Return paths or names instead of objects.' },
  assocClass: { name: 'assoc-class', aliases: ['ac'], kind: 'value', valueName: 'CLASSNAME', summary: 'Follow only associations of this class or its subclasses.', complete: 'class' },
  resultClass: { name: 'result-class', aliases: ['rc'], kind: 'value', valueName: 'CLASSNAME', summary: 'Return only objects of this class or its subclasses.', complete: 'class' },
  role: { name: 'role', aliases: ['r'], kind: 'value', valueName: 'PROPERTY', summary: 'Role (reference property name) the source object plays.' },
  resultRole: { name: 'result-role', aliases: ['rr'], kind: 'value', valueName: 'PROPERTY', summary: 'Role the returned objects play.' },
  filterQuery: { name: 'filter-query', aliases: ['fq'], kind: 'value', valueName: 'QUERY', summary: 'Filter the returned instances on the server (pull operations only).' },
  filterQueryLanguage: { name: 'filter-query-language', aliases: ['fql'], kind: 'value', valueName: 'LANGUAGE', summary: 'Language of --filter-query; default DMTF:FQL.' },
  columns: { name: 'columns', kind: 'list', valueName: 'NAME[,NAME]', summary: 'Columns of table output, in this order; may repeat.', complete: 'property' },
  property: { name: 'property', aliases: ['p'], kind: 'list', valueName: 'NAME=VALUE', summary: 'Property value, typed from the class; may repeat. Arrays: p=1,2,3 or p=[1,2].', complete: 'property' },
  parameter: { name: 'parameter', aliases: ['p'], kind: 'list', valueName: 'NAME=VALUE', summary: 'Input parameter, typed from the method; may repeat.', complete: 'property' },
  maxObjectCount: {
    name: 'max-object-count',
    aliases: ['moc'],
    kind: 'value',
    valueName: 'COUNT',
    summary: 'Maximum number of objects per Open or Pull response (MaxObjectCount), 1 to 4294967295; default 1000. Pull operations only.',
  },
  output: {
    name: 'output',
    aliases: ['o'],
    kind: 'value',
    valueName: 'FORMAT',
    summary: 'Output format of this command only: mof, xml, json, table or tree; default the "set output" setting.',
    complete: { choices: OUTPUT_FORMATS },
  },
} as const satisfies Record<string, OptionSpec>;

/** Options of the association commands. */
export const ASSOCIATOR_OPTIONS: readonly OptionSpec[] = [
  OPTIONS.assocClass,
  OPTIONS.resultClass,
  OPTIONS.role,
  OPTIONS.resultRole,
  OPTIONS.namesOnly,
  OPTIONS.includeQualifiers,
  OPTIONS.includeClassOrigin,
  OPTIONS.propertyList,
  OPTIONS.output,
  OPTIONS.namespace,
];

export const REFERENCE_OPTIONS: readonly OptionSpec[] = ASSOCIATOR_OPTIONS.filter(
  (option) => option.name !== 'assoc-class' && option.name !== 'result-role',
);

/** Largest MaxObjectCount, because DSP0200 declares the parameter as uint32. */
const MAX_OBJECT_COUNT_LIMIT = 0xffffffff;

/** Returns `--max-object-count` as a number, or undefined when it was not given; raises ShellInputError for a bad value. */
export function readMaxObjectCount(options: OptionReader): number | undefined {
  const text = options.value('max-object-count');
  if (text === undefined) return undefined;

  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_OBJECT_COUNT_LIMIT) {
    throw new ShellInputError(`The value ${JSON.stringify(text)} of --max-object-count is not valid; give a whole number from 1 to ${MAX_OBJECT_COUNT_LIMIT}.`);
  }
  return count;
}

/** Returns `--output` as a format, or undefined when it was not given; raises ShellInputError for an unknown format. */
export function readOutputFormat(options: OptionReader): OutputFormat | undefined {
  const format = options.value('output');
  if (format === undefined) return undefined;

  const known = OUTPUT_FORMATS.find((name) => name === format.toLowerCase());
  if (known === undefined) throw new ShellInputError(`The value ${JSON.stringify(format)} of --output is not valid; use one of ${OUTPUT_FORMATS.join(', ')}.`);
  return known;
}
