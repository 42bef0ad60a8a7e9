import { CIMClassName } from '../../cim/class-name.js';
import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { formatReal } from '../../cim/real-format.js';
import { CIMTypedValue } from '../../cim/typed-value.js';
import type { KeyBindingValue } from '../../cim/value.js';
import { normalizeNamespace } from './path-writer.js';
import { describe } from './value-writer.js';
import { CIMXMLWriteError } from './write-error.js';

// encodeURIComponent leaves these five outside RFC 3986's unreserved set unencoded.
const SUB_DELIMITERS_LEFT_RAW = /[!'()*]/g;

/**
 * Encodes a CIM header value as DSP0200 requires: the text as UTF-8, then every byte
 * outside the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`) as `%XX`. The result is
 * plain ASCII, so Node accepts it as a header value.
 */
export function percentEncodeHeader(value: string, where: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch (cause) {
    throw new CIMXMLWriteError(
      `The ${where} ${describe(value)} contains a lone UTF-16 surrogate, so it cannot be encoded as UTF-8 for an HTTP header; fix the string.`,
      where,
      { cause },
    );
  }
  return encoded.replace(SUB_DELIMITERS_LEFT_RAW, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Returns the CIMObject header text before encoding. It is the namespace for intrinsic
 * operations, or `namespace:ClassName[.key=value,...]` without a leading slash for an
 * extrinsic method call. Keys are written as in untyped DSP0207 WBEM URIs.
 */
export function cimObjectText(namespace: string, target?: CIMInstanceName | CIMClassName | null): string {
  const normalized = normalizeNamespace(namespace, 'CIMObject header');
  if (target === undefined || target === null) return normalized;
  return `${normalized}:${pathUriText(target)}`;
}

/** Returns `ClassName` or `ClassName.key=value,...` as in an untyped DSP0207 WBEM URI. */
function pathUriText(path: CIMInstanceName | CIMClassName): string {
  if (path instanceof CIMClassName || path.keybindings.size === 0) return path.className;

  const keys: string[] = [];
  for (const [name, value] of path.keybindings) keys.push(`${name}=${keyUriText(value, `keybinding ${name}`)}`);
  return `${path.className}.${keys.join(',')}`;
}

function keyUriText(value: KeyBindingValue, where: string): string {
  if (value instanceof CIMTypedValue) {
    if (value.cimType === 'char16') return `'${String(value.value).replace(/[\\']/g, (char) => `\\${char}`)}'`;
    if (value.cimType === 'real32' || value.cimType === 'real64') return formatReal(Number(value.value), value.cimType);
    return String(value.value);
  }
  if (typeof value === 'string') return quoteUriString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatReal(value, 'real64');
  if (value instanceof CIMDateTime) return quoteUriString(value.text);
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) return quoteUriString(referenceUri(value));
  throw new CIMXMLWriteError(`The value ${describe(value)} of ${where} cannot be a key.`, where);
}

/** Formats the complete WBEM URI that a reference key contains: `//host/namespace:Class.keys` or `/:Class.keys`. */
function referenceUri(path: CIMInstanceName | CIMClassName): string {
  const namespace = path.namespace === null ? '' : normalizeNamespace(path.namespace, `reference to ${path.className}`);
  const authority = path.host === null || path.namespace === null ? '' : `//${path.host}`;
  return `${authority}/${namespace}:${pathUriText(path)}`;
}

/** Quotes a string key value, escaping `\\` and `"` with a backslash as DSP0207 does. */
function quoteUriString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
