import { CIMDateTime } from './datetime.js';
import { CIMTypedValue } from './typed-value.js';

/** An object that compares itself with another of its kind (the CIM object classes). */
interface Comparable {
  equals(other: unknown): boolean;
}

/**
 * Compares two CIM values as DSP0004 does. Strings compare case-sensitively. Numbers
 * compare by value whatever their representation, so `new Uint32(5)`, `5` and `5n` are
 * equal, and NaN equals NaN. Datetimes use `CIMDateTime.equals`, arrays compare element
 * by element, and CIM objects (paths, instances, classes) use their own `equals`.
 * NULL equals only NULL.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  const left = a instanceof CIMTypedValue ? a.value : a;
  const right = b instanceof CIMTypedValue ? b.value : b;

  if (left === right) return true;
  if (left === null || right === null || left === undefined || right === undefined) return false;

  if (isNumeric(left) && isNumeric(right)) return numbersEqual(left, right);
  if (Array.isArray(left) || Array.isArray(right)) return arraysEqual(left, right);
  if (left instanceof CIMDateTime) return left.equals(right);
  if (isComparable(left)) return left.constructor === (right as object).constructor && left.equals(right);
  return false;
}

/** Compares two names case-insensitively; null equals only null. */
export function namesEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return a.toLowerCase() === b.toLowerCase();
}

function isNumeric(value: unknown): value is number | bigint {
  return typeof value === 'number' || typeof value === 'bigint';
}

function numbersEqual(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
  }

  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;

  // One side is a bigint: a number equals it only when it is an integer of the same value.
  const [number, big] = typeof a === 'number' ? [a, b as bigint] : [b as number, a];
  return Number.isInteger(number) && BigInt(number) === big;
}

function arraysEqual(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((element, index) => valuesEqual(element, b[index]));
}

function isComparable(value: unknown): value is Comparable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Comparable>).equals === 'function';
}
