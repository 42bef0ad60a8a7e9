import type { XmlElement } from '../../src/cimxml/xml/element.js';
import { parseXml } from '../../src/cimxml/xml/tree.js';

/** Attributes that differ between two runs of the same request and are not compared. */
export interface XmlCompareOptions {
  /** `ELEMENT/@ATTRIBUTE` names to skip, such as `MESSAGE/@ID`. */
  ignore?: readonly string[];
  /** Elements whose children compare in any order, such as `IMETHODCALL` (DSP0200 gives IPARAMVALUEs no order). */
  unordered?: readonly string[];
}

/**
 * Compares two XML documents and returns the first difference, or null when they are
 * equal: element names and order, attributes in any order, and text with surrounding
 * whitespace trimmed.
 */
export function compareXml(expected: string, actual: string, options: XmlCompareOptions = {}): string | null {
  const settings = { ignore: new Set(options.ignore ?? []), unordered: new Set(options.unordered ?? []) };
  return compareElements(parseXml(expected), parseXml(actual), '', settings);
}

interface CompareSettings {
  ignore: ReadonlySet<string>;
  unordered: ReadonlySet<string>;
}

function compareElements(expected: XmlElement, actual: XmlElement, parent: string, settings: CompareSettings): string | null {
  const where = `${parent}/${expected.name}`;
  if (expected.name !== actual.name) return `${parent || '/'}: expected element ${expected.name}, got ${actual.name}`;

  const difference = compareAttributes(expected, actual, where, settings.ignore);
  if (difference !== null) return difference;

  if (isEmbeddedXml(expected.text) && isEmbeddedXml(actual.text)) {
    const embedded = compareElements(parseXml(expected.text), parseXml(actual.text), `${where}(embedded)`, settings);
    if (embedded !== null) return embedded;
  } else if (expected.text.trim() !== actual.text.trim()) {
    return `${where}: expected text ${JSON.stringify(expected.text.trim())}, got ${JSON.stringify(actual.text.trim())}`;
  }

  const unordered = settings.unordered.has(expected.name);
  const expectedChildren = unordered ? sortChildren(expected.children) : expected.children;
  const actualChildren = unordered ? sortChildren(actual.children) : actual.children;
  const count = Math.max(expectedChildren.length, actualChildren.length);
  for (let index = 0; index < count; index += 1) {
    const wanted = expectedChildren[index];
    const got = actualChildren[index];
    if (wanted === undefined) return `${where}: unexpected element ${got!.name} at position ${index + 1}`;
    if (got === undefined) return `${where}: missing element ${wanted.name} at position ${index + 1}`;
    const childDifference = compareElements(wanted, got, where, settings);
    if (childDifference !== null) return childDifference;
  }
  return null;
}

/** Returns whether element text is an embedded CIM-XML INSTANCE or CLASS element. */
function isEmbeddedXml(text: string): boolean {
  return /^\s*<(INSTANCE|CLASS)[\s>]/.test(text);
}

/** Sorts elements by element name, then by their NAME attribute. */
function sortChildren(children: readonly XmlElement[]): XmlElement[] {
  const key = (child: XmlElement) => `${child.name}\u0000${child.attributes.NAME ?? ''}`;
  return [...children].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function compareAttributes(expected: XmlElement, actual: XmlElement, where: string, ignore: ReadonlySet<string>): string | null {
  const names = new Set([...Object.keys(expected.attributes), ...Object.keys(actual.attributes)]);
  for (const name of [...names].sort()) {
    if (ignore.has(`${expected.name}/@${name}`)) continue;
    const wanted = expected.attributes[name];
    const got = actual.attributes[name];
    if (wanted !== got) return `${where}/@${name}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`;
  }
  return null;
}
