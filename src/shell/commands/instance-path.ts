import { CIMInstanceName, type CIMClass, type KeyBindingValue } from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import { callOptions, usePull, type CommandContext } from './command-context.js';
import { collect } from './collect.js';
import { parseSimpleScalar, splitAssignment } from './value-parser.js';
import { uriProblem } from './uri-problem.js';

/** Suffix of a class name that requests the list of its instances: `CIM_Foo.?`. */
export const PICK_SUFFIX = '.?';

/** An instance path argument: a path, or a request to list the instances of a class. */
export type InstanceReference =
  | { readonly kind: 'path'; readonly path: CIMInstanceName }
  | { readonly kind: 'pick'; readonly className: string };

/**
 * Reads an instance path from command words: a WBEM URI (`/root/cimv2:CIM_Foo.Id="a"`,
 * `CIM_Foo.Id="a"`, or `CIM_Foo=@` for a class without keys), a class name followed by
 * `key=value` words (values typed from the class's key properties), or `CLASS.?`. The path
 * gets the session's namespace when it names none.
 */
export async function readInstanceReference(context: CommandContext, words: readonly string[]): Promise<InstanceReference> {
  const [first, ...keys] = words;
  if (first === undefined) throw new ShellInputError('An instance path is missing; write CLASS key=value ..., a WBEM URI, or CLASS.? to list the instances.');

  if (first.endsWith(PICK_SUFFIX) && keys.length === 0) return { kind: 'pick', className: first.slice(0, -PICK_SUFFIX.length) };

  if (looksLikeURI(first)) {
    if (keys.length > 0) throw new ShellInputError(`Give either a WBEM URI or CLASS key=value words, not both: ${JSON.stringify(keys[0])} follows the URI ${first}.`);
    return { kind: 'path', path: parseURI(first, context.namespace) };
  }

  const cimClass = await context.session.classes.getClass(context.namespace, first);
  return { kind: 'path', path: pathFromKeys(cimClass, keys, context.namespace) };
}

/**
 * Raised where a command needs one instance path and the user wrote `CLASS.?` in the
 * interactive shell. It carries the instance paths of the class. The session returns them
 * as a pick list, and the shell runs the command again with the picked path.
 */
export class InstancePickRequest extends ShellInputError {
  /** The class named before `.?`. */
  readonly className: string;
  /** The word as the command received it, such as `CIM_Foo.?`. */
  readonly word: string;
  /** Instance paths of the class, at least one. */
  readonly paths: readonly CIMInstanceName[];

  constructor(className: string, paths: readonly CIMInstanceName[]) {
    super(pickMessage(className, true));
    this.className = className;
    this.word = `${className}${PICK_SUFFIX}`;
    this.paths = paths;
  }
}

/**
 * Reads an instance path like `readInstanceReference`. For `CLASS.?` it lists the instance
 * paths and raises InstancePickRequest in the interactive shell, and elsewhere an error
 * that requests the keys.
 */
export async function readInstancePath(context: CommandContext, words: readonly string[]): Promise<CIMInstanceName> {
  const reference = await readInstanceReference(context, words);
  if (reference.kind === 'path') return reference.path;
  if (!context.interactive) throw new ShellInputError(pickMessage(reference.className, false));

  const iteration = context.session.connection.iterEnumerateInstancePaths(reference.className, { ...callOptions(context), usePull: usePull(context) });
  const paths = await collect(context, iteration, 'Listing instances');
  if (paths.length === 0) {
    throw new ShellInputError(`No instances of ${reference.className} in ${context.namespace} to pick from; create one with "instance create ${reference.className}".`);
  }
  throw new InstancePickRequest(reference.className, paths);
}

/** Returns the message for `CLASS.?` where a path is needed: how to give the keys, or how to pick in the interactive shell. */
export function pickMessage(className: string, interactive: boolean): string {
  const keys = `give the keys as ${className} key=value ...`;
  if (!interactive) return `${className}${PICK_SUFFIX} needs an interactive shell to pick an instance; ${keys}, or list them with "instance enumerate ${className} --names-only".`;
  return `${className}${PICK_SUFFIX} asks to pick one of the instances of ${className}; pick one from the list, or ${keys}.`;
}

/**
 * Formats an instance path as a command-line word: a WBEM URI without host and namespace
 * (the command's namespace applies), in single quotes so its double quotes stay.
 */
export function instancePathWord(path: CIMInstanceName): string {
  const local = path.copy();
  local.namespace = null;
  local.host = null;
  return `'${local.toWBEMURI('historical')}'`;
}

/**
 * Returns a short label per path: the keybindings whose values differ between the paths,
 * such as `DeviceID="CPU1"`, or all keybindings when none differ. Instance paths often share
 * most keys, so the full paths look alike in a list cut at the terminal width.
 */
export function pathLabels(paths: readonly CIMInstanceName[]): string[] {
  const keyText = (path: CIMInstanceName, name: string) => new CIMInstanceName(path.className, [[name, path.keybindings.get(name)!]]).toWBEMURI('historical').replace(/^[^.]*\./, '');
  const names = [...(paths[0]?.keybindings.keys() ?? [])];
  const differing = names.filter((name) => new Set(paths.map((path) => (path.keybindings.has(name) ? keyText(path, name) : ''))).size > 1);
  const shown = differing.length > 0 ? differing : names;

  return paths.map((path) => shown.filter((name) => path.keybindings.has(name)).map((name) => keyText(path, name)).join(','));
}

/** True for a WBEM URI word: one with a namespace or keybindings, or the keyless form `CLASS=@` the shell prints. */
function looksLikeURI(word: string): boolean {
  if (/^[^=.:]+=@$/.test(word)) return true;
  return /^[^=]*[.:]/.test(word) && !word.endsWith(PICK_SUFFIX) && (word.includes('=') || word.includes(':'));
}

function parseURI(text: string, namespace: string): CIMInstanceName {
  let path: CIMInstanceName;
  try {
    path = CIMInstanceName.fromWBEMURI(text);
  } catch (error) {
    const problem = uriProblem(error);
    const message = problem.frame === '' ? `The instance path ${text} is not valid: ${problem.summary}.` : `The instance path is not valid ${problem.summary}.\n${problem.frame}`;
    throw new ShellInputError(message, { cause: error });
  }
  path.namespace ??= namespace;
  return path;
}

/** Builds an instance path from `key=value` words, typing each value from the key property of the class. */
export function pathFromKeys(cimClass: CIMClass, words: readonly string[], namespace: string): CIMInstanceName {
  const keyProperties = [...cimClass.properties.values()].filter((property) => property.qualifiers.get('Key')?.value === true);
  const keyNames = keyProperties.map((property) => property.name);

  const keybindings: Array<[string, KeyBindingValue]> = [];
  for (const word of words) {
    const [name, text] = splitAssignment(word, 'a key');
    const property = keyProperties.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (property === undefined) {
      throw new ShellInputError(`${name} is not a key of class ${cimClass.className}; its keys are ${keyNames.join(', ') || '(none)'}.`);
    }
    const label = `key ${property.name} of ${cimClass.className}`;
    const value = parseSimpleScalar(text, { label, type: property.type, isArray: false, embedded: false });
    keybindings.push([property.name, value as KeyBindingValue]);
  }

  const missing = keyNames.filter((name) => !keybindings.some(([given]) => given.toLowerCase() === name.toLowerCase()));
  if (missing.length > 0) {
    const example = missing.map((name) => `${name}=VALUE`).join(' ');
    throw new ShellInputError(`The instance path of ${cimClass.className} is missing the key ${missing.join(', ')}; write ${cimClass.className} ${example}, or ${cimClass.className}${PICK_SUFFIX} to list the instances.`);
  }
  return new CIMInstanceName(cimClass.className, keybindings, { namespace });
}
