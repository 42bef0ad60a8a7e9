import { INTEGER_RANGES, isIntegerType, is64BitType, type CIMIntegerType, type CIMType } from './cim-type.js';
import { CIMTypedValue, Char16 } from './typed-value.js';
import { CIMDateTime } from './datetime.js';
import { CIMInstanceName } from './instance-name.js';
import { CIMClassName } from './class-name.js';
import { CIMInstance } from './instance.js';
import { CIMClass } from './class.js';
import type { CIMInputScalar, CIMInputValue, CIMScalar, CIMValue } from './value.js';

export interface NormalizedValue {
  value: CIMValue;
  type: CIMType;
  isArray: boolean;
}

/**
 * Unwraps typed values, infers the CIM type where `type` is not given, and checks that
 * every element fits that type. `where` names the owner in error messages.
 */
export function normalizeValue(
  input: CIMInputValue,
  type: CIMType | undefined,
  where: string,
): NormalizedValue {
  if (!Array.isArray(input)) {
    const scalarType = type ?? inferType([input], where);
    const value = input === null ? null : convertScalar(input, scalarType, where);
    return { value, type: scalarType, isArray: false };
  }

  const resolvedType = type ?? inferType(input, where);
  const converted: Array<CIMScalar | null> = new Array<CIMScalar | null>(input.length);
  for (let index = 0; index < input.length; index++) {
    const element = input[index]!;
    converted[index] = element === null ? null : convertScalar(element, resolvedType, where);
  }
  return { value: converted, type: resolvedType, isArray: true };
}

/** Infers the CIM type of the first non-NULL element; plain numbers are ambiguous. */
export function inferType(elements: ReadonlyArray<CIMInputScalar | null>, where: string): CIMType {
  const sample = elements.find((element) => element !== null);
  if (sample === undefined || sample === null) {
    throw new TypeError(`The CIM type of ${where} cannot be inferred from a NULL value; pass a type.`);
  }
  if (sample instanceof CIMTypedValue) return sample.cimType;
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'string') return 'string';
  if (sample instanceof CIMDateTime) return 'datetime';
  if (sample instanceof CIMInstanceName || sample instanceof CIMClassName) return 'reference';
  if (sample instanceof CIMInstance || sample instanceof CIMClass) return 'string';
  throw new TypeError(
    `The CIM type of ${where} cannot be inferred from ${String(sample)} (${typeof sample}); pass a type or a typed value such as new Uint32(5).`,
  );
}

function convertScalar(element: CIMInputScalar, type: CIMType, where: string): CIMScalar {
  const plain = element instanceof CIMTypedValue ? element.value : element;

  if (isIntegerType(type)) {
    if (typeof plain !== 'number' && typeof plain !== 'bigint') throw typeMismatch(plain, type, where);
    return checkInteger(plain, type, where);
  }

  switch (type) {
    case 'real32':
      if (typeof plain !== 'number') throw typeMismatch(plain, type, where);
      return Math.fround(plain);
    case 'real64':
      if (typeof plain !== 'number') throw typeMismatch(plain, type, where);
      return plain;
    case 'boolean':
      if (typeof plain !== 'boolean') throw typeMismatch(plain, type, where);
      return plain;
    case 'char16':
      if (typeof plain !== 'string') throw typeMismatch(plain, type, where);
      return new Char16(plain).value;
    case 'string':
      if (typeof plain !== 'string' && !(plain instanceof CIMInstance) && !(plain instanceof CIMClass)) {
        throw typeMismatch(plain, type, where);
      }
      return plain;
    case 'datetime':
      if (plain instanceof CIMDateTime) return plain;
      if (typeof plain === 'string') return new CIMDateTime(plain);
      throw typeMismatch(plain, type, where);
    case 'reference':
      if (plain instanceof CIMInstanceName || plain instanceof CIMClassName) return plain;
      throw typeMismatch(plain, type, where);
    default:
      throw typeMismatch(plain, type, where);
  }
}

/** Built where a value does not fit; a module function, so that no closure is made per value. */
function typeMismatch(plain: unknown, type: CIMType, where: string): TypeError {
  return new TypeError(`Value ${describe(plain)} of ${where} does not fit CIM type ${type}.`);
}

/** `INTEGER_RANGES` as numbers, so that a number within range is checked without a bigint. */
const NUMBER_RANGES = {} as Record<CIMIntegerType, readonly [number, number]>;
for (const type of Object.keys(INTEGER_RANGES) as CIMIntegerType[]) {
  const [min, max] = INTEGER_RANGES[type];
  NUMBER_RANGES[type] = [Number(min), Number(max)];
}

function checkInteger(value: number | bigint, type: CIMIntegerType, where: string): number | bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const [min, max] = NUMBER_RANGES[type];
    if (value >= min && value <= max) return is64BitType(type) ? BigInt(value) : value;
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new TypeError(`Value ${value} of ${where} is not an integer, so it cannot be a CIM ${type}.`);
  }
  if (typeof value === 'number' && is64BitType(type) && !Number.isSafeInteger(value)) {
    throw new TypeError(
      `Value ${value} of ${where} is beyond 2^53 and has lost precision; pass a bigint for CIM ${type}.`,
    );
  }

  const exact = BigInt(value);
  const [min, max] = INTEGER_RANGES[type];
  if (exact < min || exact > max) {
    throw new RangeError(`Value ${exact} of ${where} is out of range for CIM type ${type} (${min} to ${max}).`);
  }
  return is64BitType(type) ? exact : Number(exact);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}
