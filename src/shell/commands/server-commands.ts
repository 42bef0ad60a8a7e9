import { CIMError, CIM_ERR_INVALID_NAMESPACE, normalizeNamespace } from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import { callOptions, type CommandContext } from './command-context.js';
import type { CommandSpec, ParsedArguments } from './command-types.js';
import { OPTIONS } from './common-options.js';
import { readServerInfo } from './server-info.js';

async function serverInfo(context: CommandContext): Promise<void> {
  const info = await readServerInfo(context.session.connection, callOptions(context));
  const rows: string[][] = [
    ['URL', context.session.connection.url],
    ['Brand', info.brand ?? '(unknown)'],
    ['Version', info.version ?? '(unknown)'],
    ['Interop namespace', info.interopNamespace ?? '(none)'],
    ['Namespaces', info.namespaces?.join(', ') ?? '(unknown)'],
  ];
  for (const profile of info.profiles ?? []) rows.push(['Profile', `${profile.organization} ${profile.name} ${profile.version}`]);
  context.show({ kind: 'rows', columns: ['Property', 'Value'], rows });
  for (const note of info.notes) context.warn(note);
}

async function listNamespaces(context: CommandContext): Promise<void> {
  const info = await readServerInfo(context.session.connection, callOptions(context));
  if (info.namespaces === null) {
    throw new ShellInputError(`The server does not list its namespaces (${info.notes.join(' ')}); change namespace with "cd NAMESPACE" if you know the name.`);
  }
  context.show({ kind: 'rows', columns: ['Namespace'], rows: info.namespaces.map((name) => [name]) });
}

/** Returns the namespace `cd` goes to: `..` is the parent, `/x` is absolute, else relative names are taken as full names. */
export function targetNamespace(current: string, argument: string): string {
  if (argument === '..') {
    const parts = current.split('/');
    if (parts.length <= 1) throw new ShellInputError(`The namespace ${current} has no parent namespace.`);
    return parts.slice(0, -1).join('/');
  }
  const namespace = normalizeNamespace(argument);
  if (namespace === null) throw new ShellInputError(`The namespace name ${JSON.stringify(argument)} is empty; give a name such as root/cimv2.`);
  return namespace;
}

async function changeNamespace(context: CommandContext, parsed: ParsedArguments): Promise<void> {
  const namespace = targetNamespace(context.session.state.namespace, parsed.args[0]!);
  try {
    await context.session.connection.enumerateClassNames(undefined, { ...callOptions(context, namespace), deepInheritance: false });
  } catch (error) {
    if (error instanceof CIMError && error.statusCode === CIM_ERR_INVALID_NAMESPACE) {
      throw new ShellInputError(`The server has no namespace ${namespace}; list the namespaces with "namespace list".`, { cause: error });
    }
    throw error;
  }
  context.session.update({ namespace });
}

const NAMESPACE_ARGUMENT = { name: 'NAMESPACE', summary: 'namespace name, or .. for the parent', required: true, complete: 'namespace' } as const;

/** `namespace`, `server` and `cd` commands. */
export const SERVER_COMMANDS: readonly CommandSpec[] = [
  { words: ['namespace', 'list'], aliases: ['ls'], summary: 'List the namespaces of the server (CIM_Namespace in the interop namespace).', arguments: [], options: [OPTIONS.output], run: listNamespaces },
  { words: ['namespace', 'cd'], summary: 'Change the current namespace.', arguments: [NAMESPACE_ARGUMENT], options: [], run: changeNamespace },
  { words: ['cd'], summary: 'Change the current namespace; "cd .." goes to the parent.', arguments: [NAMESPACE_ARGUMENT], options: [], run: changeNamespace },
  { words: ['server', 'info'], summary: 'Show brand, version, interop namespace, namespaces and registered profiles of the server.', arguments: [], options: [OPTIONS.output], run: serverInfo },
];
