import { inspect } from 'node:util';
import { NocaseMap } from '../../src/cim/nocase-map.js';
import { CIMTypedValue } from '../../src/cim/typed-value.js';
import type { MethodResult } from '../../src/client/operations/methods.js';
import type { PullState } from '../../src/client/operations/pull.js';
import { fromPywbem } from './pywbem-objects-in.js';

/**
 * Compares an operation result with the `result` of a pywbem test case and returns the
 * first difference, or null. CIM objects compare with their `equals` method (names
 * case-insensitively); numbers compare by value whatever their wrapper.
 */
export function compareResult(method: string, expected: unknown, actual: unknown): string | null {
  if (method === 'InvokeMethod') return compareMethodResult(expected, actual as MethodResult);
  return compareValues(fromPywbem(expected), actual, 'result');
}

/** Compares a pull result with the `pullresult` of a pywbem test case. */
export function comparePullResult(expected: Record<string, unknown>, actual: PullState & Record<string, unknown>): string | null {
  if (expected.eos !== actual.eos) return `eos: expected ${String(expected.eos)}, got ${String(actual.eos)}`;

  const context = expected.context as [string, string] | null;
  const actualContext = actual.context === null ? null : [actual.context.id, actual.context.namespace];
  const contextDifference = compareValues(context, actualContext, 'context');
  if (contextDifference !== null) return contextDifference;

  const key = 'paths' in expected ? 'paths' : 'instances';
  return compareValues(fromPywbem(expected[key] ?? []), actual[key], key);
}

function compareMethodResult(expected: unknown, actual: MethodResult): string | null {
  const [returnValue, outParameters] = expected as [unknown, Record<string, unknown>];
  const difference = compareValues(fromPywbem(returnValue), actual.returnValue, 'return value');
  if (difference !== null) return difference;

  const wanted = new NocaseMap<unknown>(
    Object.entries(outParameters ?? {}).map(([name, value]): [string, unknown] => [name, fromPywbem(value)]),
  );
  return compareValues(wanted, actual.outParameters, 'output parameters');
}

function compareValues(expected: unknown, actual: unknown, where: string): string | null {
  if (expected === null || expected === undefined) {
    return actual === null || actual === undefined ? null : `${where}: expected None, got ${show(actual)}`;
  }
  if (Array.isArray(expected)) return compareArrays(expected, actual, where);
  if (expected instanceof NocaseMap) return compareMaps(expected, actual, where);

  const equals = (expected as { equals?: (other: unknown) => boolean }).equals;
  if (typeof equals === 'function') {
    if (equals.call(expected, actual)) return null;
    return `${where}: expected ${show(expected)}, got ${show(actual)}`;
  }

  const wanted = numeric(expected);
  const got = numeric(actual);
  if (wanted !== null && got !== null) return wanted === got ? null : `${where}: expected ${wanted}, got ${got}`;
  return expected === actual ? null : `${where}: expected ${show(expected)}, got ${show(actual)}`;
}

function compareArrays(expected: unknown[], actual: unknown, where: string): string | null {
  if (!Array.isArray(actual)) return `${where}: expected a list, got ${show(actual)}`;
  if (actual.length !== expected.length) return `${where}: expected ${expected.length} items, got ${actual.length}`;
  for (const [index, item] of expected.entries()) {
    const difference = compareValues(item, actual[index], `${where}[${index}]`);
    if (difference !== null) return difference;
  }
  return null;
}

function compareMaps(expected: NocaseMap<unknown>, actual: unknown, where: string): string | null {
  if (!(actual instanceof NocaseMap)) return `${where}: expected a map, got ${show(actual)}`;
  const names = (map: NocaseMap<unknown>) => [...map].map(([name]) => name.toLowerCase()).sort().join(', ');
  if (names(expected) !== names(actual)) return `${where}: expected names [${names(expected)}], got [${names(actual)}]`;
  for (const [name, value] of expected) {
    const difference = compareValues(value, actual.get(name), `${where}.${name}`);
    if (difference !== null) return difference;
  }
  return null;
}

/** Returns a number or bigint (plain or wrapped) as a decimal string, or null for other values. */
function numeric(value: unknown): string | null {
  const plain = value instanceof CIMTypedValue ? (value.value as unknown) : value;
  return typeof plain === 'number' || typeof plain === 'bigint' ? String(plain) : null;
}

function show(value: unknown): string {
  return inspect(value, { depth: 4, breakLength: Infinity }).slice(0, 600);
}
