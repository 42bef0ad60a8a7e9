import { isCIMType, isIntegerType, type CIMType } from '../../cim/cim-type.js';
import { Char16, INTEGER_CLASSES, Real32, Real64 } from '../../cim/typed-value.js';
import type { CIMScalar, KeyBindingValue } from '../../cim/value.js';
import type { XmlElement } from '../xml/element.js';
import { checkAttributes, checkEmpty, checkNoText, matchSequence, any } from './checks.js';
import type { ReadContext } from './context.js';
import { convertScalar, parseIntegerText, parseRealText } from './scalars.js';

/** Type attribute values that are CIM types but not `reference` (the `%CIMType;` entity). */
export function cimTypeAttribute(element: XmlElement, ctx: ReadContext, name = 'TYPE'): CIMType {
  const value = element.attributes[name];
  if (value === undefined) {
    throw ctx.error(element, `element ${element.name} is missing the required attribute ${name}.`);
  }
  if (!isCIMType(value) || value === 'reference') {
    throw ctx.error(element, `attribute ${name}="${value}" of element ${element.name} is not a CIM data type.`);
  }
  return value;
}

const VALUE_ATTRIBUTES = ['TYPE'];

/**
 * `<!ELEMENT VALUE (#PCDATA)>` — returns the text unchanged (CDATA already unwrapped).
 * A `TYPE` attribute, which some servers add, is accepted here; the caller decides whether to use it.
 */
export function readValue(element: XmlElement, ctx: ReadContext): string {
  checkAttributes(element, ctx, VALUE_ATTRIBUTES);
  if (element.children.length > 0) {
    throw ctx.error(element, `element VALUE must contain only text, but contains ${element.children[0]?.name}.`);
  }
  return element.text;
}

/** `<!ELEMENT VALUE.NULL EMPTY>` — a NULL element of an array. */
export function readValueNull(element: XmlElement, ctx: ReadContext): null {
  checkAttributes(element, ctx, []);
  checkEmpty(element, ctx);
  return null;
}

/** `<!ELEMENT VALUE.ARRAY (VALUE | VALUE.NULL)*>` — the texts, with null for `VALUE.NULL`. */
export function readValueArray(element: XmlElement, ctx: ReadContext): Array<string | null> {
  checkAttributes(element, ctx, ['TYPE']);
  const [items = []] = matchSequence(element, ctx, [any('VALUE', 'VALUE.NULL')]);
  return items.map((item) => {
    const itemCtx = ctx.child(item, element.children);
    return item.name === 'VALUE' ? readValue(item, itemCtx) : readValueNull(item, itemCtx);
  });
}

/** Reads a `VALUE` as the CIM type; `ctx` is the context of the VALUE element. */
export function readTypedValue(element: XmlElement, type: CIMType, ctx: ReadContext): CIMScalar | null {
  const text = readValue(element, ctx);
  return convertText(text, type, element, ctx);
}

/**
 * Reads a `VALUE.ARRAY` as an array of the CIM type; `ctx` is the context of the VALUE.ARRAY
 * element. The content is checked as `readValueArray` checks it, and each VALUE goes through
 * `readTypedValue`, but the context of an item is created only when the item needs the full
 * read: a VALUE.NULL, a VALUE with attributes or children, or text that does not convert cleanly.
 */
export function readTypedValueArray(
  element: XmlElement,
  type: CIMType,
  ctx: ReadContext,
): Array<CIMScalar | null> {
  checkAttributes(element, ctx, VALUE_ATTRIBUTES);
  checkNoText(element, ctx);
  const children = element.children;
  checkArrayItems(element, ctx);

  const values = new Array<CIMScalar | null>(children.length);
  for (let index = 0; index < children.length; index++) {
    const item = children[index]!;
    const quick = item.name === 'VALUE' ? quickValue(item, type) : FULL_READ;
    if (quick !== FULL_READ) {
      values[index] = quick;
      continue;
    }

    const itemCtx = ctx.child(item, children);
    values[index] = item.name === 'VALUE.NULL' ? readValueNull(item, itemCtx) : readTypedValue(item, type, itemCtx);
  }
  return values;
}

/** Rejects VALUE.ARRAY children other than VALUE and VALUE.NULL, with the error of `matchSequence`. */
function checkArrayItems(element: XmlElement, ctx: ReadContext): void {
  const children = element.children;
  for (let index = 0; index < children.length; index++) {
    const name = children[index]!.name;
    if (name === 'VALUE' || name === 'VALUE.NULL') continue;
    throw ctx.error(
      element,
      `element ${element.name} has an unexpected child ${name} at position ${index + 1}; allowed children in order: VALUE, VALUE.NULL.`,
    );
  }
}

/** `quickValue` result: the element needs `readTypedValue` with its own context. */
export const FULL_READ: unique symbol = Symbol('fullRead');

/**
 * Converts a VALUE element without attributes or children whose text converts to the type
 * without an error or a warning. Returns `FULL_READ` for anything else, so that
 * `readTypedValue` reports it with the element path.
 */
export function quickValue(element: XmlElement, type: CIMType): CIMScalar | null | typeof FULL_READ {
  if (element.children.length > 0) return FULL_READ;
  for (const name in element.attributes) {
    void name;
    return FULL_READ;
  }

  if (type === 'string') return element.text;
  const result = convertScalar(element.text, type);
  if (!result.ok || result.emptyBoolean === true) return FULL_READ;
  return result.value;
}

/** Converts value text to the CIM type, raising a value error that names the element. */
export function convertText(text: string, type: CIMType, element: XmlElement, ctx: ReadContext): CIMScalar | null {
  if (type === 'string') return text;
  const result = convertScalar(text, type);
  if (!result.ok) throw ctx.valueError(element, `${result.reason}.`);
  if (result.emptyBoolean === true) {
    ctx.warn('EMPTY_BOOLEAN', element, 'An empty boolean value is not valid CIM-XML; it is read as NULL.');
  }
  return result.value;
}

/** The type a server put on a `VALUE` or `VALUE.ARRAY` element, when valid; used only where the parent has none. */
export function valueTypeAttribute(element: XmlElement, ctx: ReadContext): CIMType | null {
  const type = element.attributes.TYPE;
  if (type === undefined) return null;
  if (!isCIMType(type) || type === 'reference') {
    throw ctx.error(element, `attribute TYPE="${type}" of element ${element.name} is not a CIM data type.`);
  }
  ctx.warn(
    'VALUE_TYPE_ATTRIBUTE',
    element,
    `Element ${element.name} carries TYPE="${type}", which DSP0201 puts on the parent element; it is used as the value type.`,
  );
  return type;
}

/**
 * ```
 * <!ELEMENT KEYVALUE (#PCDATA)>
 * <!ATTLIST KEYVALUE
 *     VALUETYPE (string | boolean | numeric) "string"
 *     %CIMType; #IMPLIED>      (#REQUIRED since DTD 2.4, but servers omit it)
 * ```
 * With `TYPE` the value gets that type (a typed wrapper for numbers and char16). Without
 * it, VALUETYPE decides: string text as is, boolean, or a numeric value that is a
 * `number` when it fits exactly and a `bigint` for integers beyond 2^53. `TYPE=""`
 * counts as absent. An empty boolean is NULL with a warning.
 */
export function readKeyValue(element: XmlElement, ctx: ReadContext): KeyBindingValue | null {
  checkAttributes(element, ctx, ['VALUETYPE', 'TYPE']);
  if (element.children.length > 0) {
    throw ctx.error(element, `element KEYVALUE must contain only text, but contains ${element.children[0]?.name}.`);
  }

  const valueType = element.attributes.VALUETYPE ?? 'string';
  if (valueType !== 'string' && valueType !== 'boolean' && valueType !== 'numeric') {
    throw ctx.error(element, `attribute VALUETYPE="${valueType}" of KEYVALUE is not string, boolean or numeric.`);
  }

  const type = keyValueType(element, ctx);
  if (type !== null) return typedKeyValue(element.text, type, element, ctx);
  if (valueType === 'string') return element.text;
  if (valueType === 'boolean') return convertText(element.text, 'boolean', element, ctx) as boolean | null;
  return untypedNumber(element, ctx);
}

function keyValueType(element: XmlElement, ctx: ReadContext): CIMType | null {
  const type = element.attributes.TYPE;
  if (type === undefined) return null;
  if (type === '') {
    ctx.warn('EMPTY_TYPE_ATTRIBUTE', element, 'KEYVALUE has TYPE=""; it is read as if TYPE were absent.');
    return null;
  }
  return cimTypeAttribute(element, ctx);
}

function typedKeyValue(text: string, type: CIMType, element: XmlElement, ctx: ReadContext): KeyBindingValue | null {
  const value = convertText(text, type, element, ctx);
  if (value === null) return null;

  if (isIntegerType(type)) return new INTEGER_CLASSES[type](value as number | bigint);
  if (type === 'real32') return new Real32(value as number);
  if (type === 'real64') return new Real64(value as number);
  if (type === 'char16') return new Char16(value as string);
  return value as KeyBindingValue;
}

function untypedNumber(element: XmlElement, ctx: ReadContext): number | bigint {
  const integer = parseIntegerText(element.text);
  if (integer !== null) {
    const asNumber = Number(integer);
    return Number.isSafeInteger(asNumber) ? asNumber : integer;
  }

  const real = parseRealText(element.text);
  if (real !== null) return real;
  throw ctx.valueError(element, `numeric KEYVALUE "${element.text}" is not an integer or a real number.`);
}
