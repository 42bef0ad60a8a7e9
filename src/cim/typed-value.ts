import { inspect } from 'node:util';
import { INTEGER_RANGES, type CIMIntegerType, type CIMRealType } from './cim-type.js';

/**
 * A scalar that carries its CIM type, for places where the type cannot come from a
 * declaration: method parameters, keybindings and properties built without a class.
 * Properties, parameters and qualifiers store plain values (`number`, `bigint`,
 * `string`) with the type beside them; constructors accept these wrappers and unwrap them.
 */
export abstract class CIMTypedValue<T extends number | bigint | string> {
  abstract readonly cimType: CIMIntegerType | CIMRealType | 'char16';

  constructor(readonly value: T) {}

  valueOf(): T {
    return this.value;
  }

  toString(): string {
    return String(this.value);
  }

  toJSON(): number | string {
    return typeof this.value === 'bigint' ? this.value.toString() : this.value;
  }

  /** Shows the wrapper as its constructor call, such as `Uint32(5)` or `Char16('a')`. */
  [inspect.custom](): string {
    const text = typeof this.value === 'string' ? `'${this.value}'` : String(this.value);
    return `${this.constructor.name}(${text})`;
  }
}

/** Base of the eight integer wrappers; checks the range of the type at construction. */
export abstract class CIMInteger<T extends number | bigint> extends CIMTypedValue<T> {
  abstract override readonly cimType: CIMIntegerType;

  protected static checked<T extends number | bigint>(
    type: CIMIntegerType,
    value: number | bigint | string,
    asBigint: boolean,
  ): T {
    const exact = toExactInteger(type, value);
    const [min, max] = INTEGER_RANGES[type];
    if (exact < min || exact > max) {
      throw new RangeError(
        `Value ${exact} is out of range for CIM type ${type} (allowed: ${min} to ${max}).`,
      );
    }
    return (asBigint ? exact : Number(exact)) as T;
  }
}

function toExactInteger(type: CIMIntegerType, value: number | bigint | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new TypeError(`Value ${value} is not an integer, so it cannot be a CIM ${type}.`);
    }
    if (!Number.isSafeInteger(value) && (type === 'uint64' || type === 'sint64')) {
      throw new TypeError(
        `Value ${value} is beyond 2^53 and has lost precision as a number; pass a bigint or a decimal string for CIM ${type}.`,
      );
    }
    return BigInt(value);
  }
  if (!/^[+-]?\d+$/.test(value.trim())) {
    throw new TypeError(`Value "${value}" is not a decimal integer, so it cannot be a CIM ${type}.`);
  }
  return BigInt(value.trim());
}

export class Uint8 extends CIMInteger<number> {
  readonly cimType = 'uint8';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint8', value, false));
  }
}

export class Sint8 extends CIMInteger<number> {
  readonly cimType = 'sint8';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint8', value, false));
  }
}

export class Uint16 extends CIMInteger<number> {
  readonly cimType = 'uint16';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint16', value, false));
  }
}

export class Sint16 extends CIMInteger<number> {
  readonly cimType = 'sint16';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint16', value, false));
  }
}

export class Uint32 extends CIMInteger<number> {
  readonly cimType = 'uint32';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint32', value, false));
  }
}

export class Sint32 extends CIMInteger<number> {
  readonly cimType = 'sint32';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint32', value, false));
  }
}

/** A CIM uint64; the value is a `bigint` and never passes through `Number`. */
export class Uint64 extends CIMInteger<bigint> {
  readonly cimType = 'uint64';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint64', value, true));
  }
}

/** A CIM sint64; the value is a `bigint` and never passes through `Number`. */
export class Sint64 extends CIMInteger<bigint> {
  readonly cimType = 'sint64';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint64', value, true));
  }
}

/** A CIM real32; the value is rounded to single precision with `Math.fround`. */
export class Real32 extends CIMTypedValue<number> {
  readonly cimType = 'real32';
  constructor(value: number) {
    super(Math.fround(value));
  }
}

export class Real64 extends CIMTypedValue<number> {
  readonly cimType = 'real64';
}

/** A CIM char16: exactly one UTF-16 code unit. */
export class Char16 extends CIMTypedValue<string> {
  readonly cimType = 'char16';
  constructor(value: string) {
    if (value.length !== 1) {
      throw new TypeError(
        `Value "${value}" is not a CIM char16: it must be exactly one UTF-16 code unit, but has ${value.length}.`,
      );
    }
    super(value);
  }
}

export type CIMIntegerValue = Uint8 | Sint8 | Uint16 | Sint16 | Uint32 | Sint32 | Uint64 | Sint64;
export type CIMTypedScalar = CIMIntegerValue | Real32 | Real64 | Char16;

export const INTEGER_CLASSES = {
  uint8: Uint8,
  sint8: Sint8,
  uint16: Uint16,
  sint16: Sint16,
  uint32: Uint32,
  sint32: Sint32,
  uint64: Uint64,
  sint64: Sint64,
} as const;
