import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/tree.js';

/** One difference between two XML trees, at an element path such as `/CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE`. */
export interface XmlDifference {
  /** Path of the element, with `[@NAME="x"]` or `[n]` where a name occurs more than once among siblings. */
  readonly path: string;
  /** Kind of difference: an element or attribute only in one tree, a different attribute value, or different text. */
  readonly kind: 'missing-element' | 'extra-element' | 'missing-attribute' | 'extra-attribute' | 'attribute-value' | 'text';
  /** Attribute name for attribute differences; null otherwise. */
  readonly attribute: string | null;
  /** Value in the expected tree (an attribute value, trimmed text or element name); null when absent. */
  readonly expected: string | null;
  /** Value in the actual tree; null when absent. */
  readonly actual: string | null;
}

/** Options of `compareXml`. */
export interface CompareXmlOptions {
  /** Stop after this many differences; default 200. */
  maxDifferences?: number;
  /** Attributes not compared, as `ELEMENT@ATTRIBUTE` such as `MESSAGE@ID`. */
  ignoreAttributes?: readonly string[];
}

/**
 * Compares two element trees as canonical XML: attribute order and whitespace around
 * text are ignored, and children are matched by element name and NAME attribute in
 * document order, so one extra element is reported once instead of shifting the rest.
 * NOTE: a change in the order of children with different names is not reported.
 */
export function compareXml(expected: XmlElement, actual: XmlElement, options: CompareXmlOptions = {}): XmlDifference[] {
  const state: DiffState = {
    differences: [],
    max: options.maxDifferences ?? 200,
    ignored: new Set((options.ignoreAttributes ?? []).map((name) => name.toUpperCase())),
  };

  if (expected.name !== actual.name) {
    push(state, { path: `/${expected.name}`, kind: 'missing-element', attribute: null, expected: expected.name, actual: null });
    push(state, { path: `/${actual.name}`, kind: 'extra-element', attribute: null, expected: null, actual: actual.name });
    return state.differences;
  }
  compareElements(expected, actual, `/${expected.name}`, state);
  return state.differences;
}

/** Parses both texts (raising XMLParseError when one is not well-formed) and compares them with `compareXml`. */
export function compareXmlText(expected: string, actual: string, options: CompareXmlOptions = {}): XmlDifference[] {
  return compareXml(parseXml(expected), parseXml(actual), options);
}

interface DiffState {
  readonly differences: XmlDifference[];
  readonly max: number;
  readonly ignored: ReadonlySet<string>;
}

function push(state: DiffState, difference: XmlDifference): void {
  if (state.differences.length < state.max) state.differences.push(difference);
}

function compareElements(expected: XmlElement, actual: XmlElement, path: string, state: DiffState): void {
  compareAttributes(expected, actual, path, state);

  const expectedText = expected.text.trim();
  const actualText = actual.text.trim();
  if (expectedText !== actualText) push(state, { path, kind: 'text', attribute: null, expected: expectedText, actual: actualText });

  compareChildren(expected.children, actual.children, path, state);
}

function compareAttributes(expected: XmlElement, actual: XmlElement, path: string, state: DiffState): void {
  const names = new Set([...Object.keys(expected.attributes), ...Object.keys(actual.attributes)]);
  for (const name of [...names].sort()) {
    if (state.ignored.has(`${expected.name}@${name}`.toUpperCase())) continue;

    const before = expected.attributes[name] ?? null;
    const after = actual.attributes[name] ?? null;
    if (before === after) continue;
    let kind: XmlDifference['kind'] = 'attribute-value';
    if (before === null) kind = 'extra-attribute';
    else if (after === null) kind = 'missing-attribute';
    push(state, { path, kind, attribute: name, expected: before, actual: after });
  }
}

function compareChildren(expected: readonly XmlElement[], actual: readonly XmlElement[], path: string, state: DiffState): void {
  const unmatched = new Map<string, XmlElement[]>();
  for (const child of actual) {
    const list = unmatched.get(childKey(child)) ?? [];
    list.push(child);
    unmatched.set(childKey(child), list);
  }

  for (const child of expected) {
    if (state.differences.length >= state.max) return;
    const childPath = `${path}/${pathSegment(child, expected)}`;
    const partner = unmatched.get(childKey(child))?.shift();
    if (partner === undefined) {
      push(state, { path: childPath, kind: 'missing-element', attribute: null, expected: child.name, actual: null });
    } else {
      compareElements(child, partner, childPath, state);
    }
  }

  for (const child of actual) {
    const remaining = unmatched.get(childKey(child));
    if (remaining === undefined || !remaining.includes(child)) continue;
    push(state, { path: `${path}/${pathSegment(child, actual)}`, kind: 'extra-element', attribute: null, expected: null, actual: child.name });
  }
}

function childKey(element: XmlElement): string {
  return `${element.name}\u0000${element.attributes['NAME'] ?? ''}`;
}

/** Returns `NAME`, `NAME[@NAME="x"]` or `NAME[n]`, whichever identifies the element among its siblings. */
function pathSegment(element: XmlElement, siblings: readonly XmlElement[]): string {
  const sameName = siblings.filter((sibling) => sibling.name === element.name);
  if (sameName.length === 1) return element.name;

  const nameAttribute = element.attributes['NAME'];
  if (nameAttribute !== undefined && sameName.filter((sibling) => sibling.attributes['NAME'] === nameAttribute).length === 1) {
    return `${element.name}[@NAME="${nameAttribute}"]`;
  }
  return `${element.name}[${sameName.indexOf(element) + 1}]`;
}
