import type { XmlElement } from '../xml/element.js';
import type { ReadContext } from './context.js';

/** One step of a content model: element names, and how often they may occur at this point. */
export interface ContentStep {
  names: readonly string[];
  min: number;
  max: number;
}

export const one = (...names: string[]): ContentStep => ({ names, min: 1, max: 1 });
export const optional = (...names: string[]): ContentStep => ({ names, min: 0, max: 1 });
export const any = (...names: string[]): ContentStep => ({ names, min: 0, max: Infinity });
export const some = (...names: string[]): ContentStep => ({ names, min: 1, max: Infinity });

/** Rejects attributes that the element does not define. */
export function checkAttributes(element: XmlElement, ctx: ReadContext, allowed: readonly string[]): void {
  // for-in reads V8's enum cache; Object.keys would allocate an array per element.
  for (const name in element.attributes) {
    if (allowed.includes(name)) continue;
    const list = allowed.length === 0 ? 'none' : allowed.join(', ');
    throw ctx.error(
      element,
      `element ${element.name} has an unknown attribute ${name}="${element.attributes[name]}"; allowed attributes: ${list}.`,
    );
  }
}

export function requireAttribute(element: XmlElement, ctx: ReadContext, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) {
    throw ctx.error(element, `element ${element.name} is missing the required attribute ${name}.`);
  }
  return value;
}

export function optionalAttribute(element: XmlElement, name: string): string | null {
  return element.attributes[name] ?? null;
}

/** Reads a `(true|false)` attribute; DSP0201 spells them lower-case, servers vary, so case is ignored. */
export function booleanAttribute(element: XmlElement, ctx: ReadContext, name: string, fallback: boolean): boolean;
export function booleanAttribute(element: XmlElement, ctx: ReadContext, name: string, fallback: null): boolean | null;
export function booleanAttribute(
  element: XmlElement,
  ctx: ReadContext,
  name: string,
  fallback: boolean | null,
): boolean | null {
  const value = element.attributes[name];
  if (value === undefined) return fallback;

  const lower = value.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw ctx.error(element, `attribute ${name}="${value}" of element ${element.name} is not "true" or "false".`);
}

/** Reads an `ARRAYSIZE` attribute: a non-negative decimal integer, or null when absent. */
export function arraySizeAttribute(element: XmlElement, ctx: ReadContext): number | null {
  const value = element.attributes.ARRAYSIZE;
  if (value === undefined) return null;
  if (!/^\s*\d+\s*$/.test(value)) {
    throw ctx.error(element, `attribute ARRAYSIZE="${value}" of element ${element.name} is not a non-negative integer.`);
  }
  return Number(value);
}

/** Rejects character data in an element whose content model has none; whitespace is allowed. */
export function checkNoText(element: XmlElement, ctx: ReadContext): void {
  if (element.text.trim() === '') return;
  throw ctx.error(
    element,
    `element ${element.name} must not contain text, but contains "${abbreviate(element.text.trim())}".`,
  );
}

export function checkEmpty(element: XmlElement, ctx: ReadContext): void {
  checkNoText(element, ctx);
  if (element.children.length > 0) {
    throw ctx.error(element, `element ${element.name} must be empty, but contains ${element.children[0]?.name}.`);
  }
}

/**
 * Matches the child elements against a sequence of steps in document order and returns
 * the children matched by each step. Text content is rejected.
 */
export function matchSequence(
  element: XmlElement,
  ctx: ReadContext,
  steps: readonly ContentStep[],
): XmlElement[][] {
  checkNoText(element, ctx);
  const children = element.children;
  const groups: XmlElement[][] = [];
  let index = 0;

  for (const step of steps) {
    const group: XmlElement[] = [];
    while (index < children.length && group.length < step.max && step.names.includes(children[index]!.name)) {
      group.push(children[index]!);
      index += 1;
    }
    if (group.length < step.min) {
      const found = children[index]?.name;
      throw ctx.error(
        element,
        `element ${element.name} is missing a child ${step.names.join(' or ')}` +
          (found === undefined ? '.' : `; found ${found} instead.`),
      );
    }
    groups.push(group);
  }

  if (index < children.length) {
    const extra = children[index]!;
    const allowed = [...new Set(steps.flatMap((step) => step.names))].join(', ');
    throw ctx.error(
      element,
      `element ${element.name} has an unexpected child ${extra.name} at position ${index + 1}; allowed children in order: ${allowed || 'none'}.`,
    );
  }
  return groups;
}

/**
 * Checks children whose order does not matter: every child must be one of `limits`' names
 * and each name may occur at most its limit of times. Returns the children by name.
 */
export function matchUnordered(
  element: XmlElement,
  ctx: ReadContext,
  limits: Readonly<Record<string, number>>,
): Map<string, XmlElement[]> {
  checkNoText(element, ctx);
  const groups = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const limit = limits[child.name];
    if (limit === undefined) {
      throw ctx.error(
        element,
        `element ${element.name} has an unexpected child ${child.name}; allowed children: ${Object.keys(limits).join(', ') || 'none'}.`,
      );
    }
    const group = groups.get(child.name) ?? [];
    group.push(child);
    if (group.length > limit) {
      throw ctx.error(element, `element ${element.name} has more than ${limit} ${child.name} children.`);
    }
    groups.set(child.name, group);
  }
  return groups;
}

/**
 * Checks children whose order does not matter, as `matchUnordered` does and with the same
 * errors, without grouping them. Use it where the caller finds the children it needs itself.
 */
export function checkUnordered(element: XmlElement, ctx: ReadContext, limits: Readonly<Record<string, number>>): void {
  checkNoText(element, ctx);
  const children = element.children;

  for (let index = 0; index < children.length; index++) {
    const name = children[index]!.name;
    const limit = Object.hasOwn(limits, name) ? limits[name]! : undefined;
    if (limit === undefined) {
      throw ctx.error(
        element,
        `element ${element.name} has an unexpected child ${name}; allowed children: ${Object.keys(limits).join(', ') || 'none'}.`,
      );
    }
    if (limit !== Infinity && countNamed(children, name, index + 1) > limit) {
      throw ctx.error(element, `element ${element.name} has more than ${limit} ${name} children.`);
    }
  }
}

/** Returns the first child named `name`, or undefined. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  const children = element.children;
  for (let index = 0; index < children.length; index++) {
    if (children[index]!.name === name) return children[index];
  }
  return undefined;
}

function countNamed(children: readonly XmlElement[], name: string, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index++) {
    if (children[index]!.name === name) count++;
  }
  return count;
}

/** Shortens long text for error messages. */
export function abbreviate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}
