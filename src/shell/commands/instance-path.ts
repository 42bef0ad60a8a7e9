import { CIMInstanceName, type CIMClass, type KeyBindingValue } from '../../index.js';
import { ShellInputError } from '../shell-errors.js';
import type { CommandContext } from './command-context.js';
import { parseSimpleScalar, splitAssignment } from './value-parser.js';

/** Suffix of a class name that requests the list of its instances: `CIM_Foo.?`. */
export const PICK_SUFFIX = '.?';

/** An instance path argument: a path, or a request to list the instances of a class. */
export type InstanceReference =
  | { readonly kind: 'path'; readonly path: CIMInstanceName }
  | { readonly kind: 'pick'; readonly className: string };

/**
 * Reads an instance path from command words: a WBEM URI (`/root/cimv2:CIM_Foo.Id="a"`,
 * `CIM_Foo.Id="a"`), a class name followed by `key=value` words (values typed from the
 * class's key properties), or `CLASS.?`. The path gets the session's namespace when it
 * names none.
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

/** Reads an instance path like `readInstanceReference`; `CLASS.?` raises an error that explains how to list the instances. */
export async function readInstancePath(context: CommandContext, words: readonly string[]): Promise<CIMInstanceName> {
  const reference = await readInstanceReference(context, words);
  if (reference.kind === 'path') return reference.path;
  throw new ShellInputError(pickMessage(reference.className, context.interactive));
}

/** Returns the message for `CLASS.?` where a path is needed: how to give the keys, or how to pick in the interactive shell. */
export function pickMessage(className: string, interactive: boolean): string {
  const keys = `give the keys as ${className} key=value ...`;
  if (!interactive) return `${className}${PICK_SUFFIX} needs an interactive shell to pick an instance; ${keys}, or list them with "instance enumerate ${className} --names-only".`;
  return `${className}${PICK_SUFFIX} lists the instances as completions: press Tab after it to pick one, or ${keys}.`;
}

function looksLikeURI(word: string): boolean {
  return /^[^=]*[.:]/.test(word) && !word.endsWith(PICK_SUFFIX) && (word.includes('=') || word.includes(':'));
}

function parseURI(text: string, namespace: string): CIMInstanceName {
  let path: CIMInstanceName;
  try {
    path = CIMInstanceName.fromWBEMURI(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ShellInputError(`The instance path ${JSON.stringify(text)} is not valid: ${reason}`, { cause: error });
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
