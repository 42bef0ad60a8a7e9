import { CIMClassName } from '../cim/class-name.js';
import { CIMDateTime } from '../cim/datetime.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMTypedValue } from '../cim/typed-value.js';
import type { KeyBindingValue } from '../cim/value.js';
import { normalizeNamespace } from './names.js';

/**
 * Returns the normalised form of an instance path that the repository keys instances by.
 * Class and keybinding names compare case-insensitively, keybinding order is ignored,
 * and values compare case-sensitively. Numbers compare by value whatever their wrapper
 * (5, 5n and new Uint8(5) are equal), and datetimes compare as their string form
 * because CIM-XML sends datetime keys as strings. Host is ignored. A reference value
 * without a namespace is taken to be in `namespace`.
 */
export function instancePathKey(path: CIMInstanceName, namespace: string): string {
  const bindings = [...path.keybindings]
    .map(([name, value]) => `${name.toLowerCase()}=${keyValueText(value, namespace)}`)
    .sort();
  return `${path.className.toLowerCase()}{${bindings.join(',')}}`;
}

/** Returns the key of a reference value with its namespace, for comparing references across namespaces. */
export function referenceKey(path: CIMInstanceName, namespace: string): string {
  const pathNamespace = normalizeNamespace(path.namespace ?? namespace).toLowerCase();
  return `${pathNamespace}:${instancePathKey(path, pathNamespace)}`;
}

function keyValueText(value: KeyBindingValue, namespace: string): string {
  const plain = value instanceof CIMTypedValue ? value.value : value;

  if (typeof plain === 'string') return `s${JSON.stringify(plain)}`;
  if (plain instanceof CIMDateTime) return `s${JSON.stringify(plain.text)}`;
  if (typeof plain === 'boolean') return `b${plain}`;
  if (typeof plain === 'number' || typeof plain === 'bigint') return `n${String(plain)}`;
  if (plain instanceof CIMInstanceName) return `r${JSON.stringify(referenceKey(plain, namespace))}`;
  if (plain instanceof CIMClassName) return `c${plain.className.toLowerCase()}`;
  return `?${String(plain)}`;
}
