import { inspect } from 'node:util';
import { INTEGER_RANGES, type CIMIntegerType, type CIMRealType } from './cim-type.js';

/**
 * A scalar that carries its CIM type, for places where the type cannot come from a
 * declaration: method parameters, keybindings and properties built without a class.
 * Properties, parameters and qualifiers store plain values (`number`, `bigint`,
 * `string`) with the type beside them; constructors accept these wrappers and unwrap them.
 */
export abstract class CIMTypedValue<T extends number | bigint | string> {
  /** CIM type name of the value, such as `uint32`. */
  abstract readonly cimType: CIMIntegerType | CIMRealType | 'char16';

  /** @param value The plain value: a `number`, a `bigint` for uint64 and sint64, or a one-character `string` for char16. */
  constructor(readonly value: T) {}

  /** Returns the plain value, so that wrappers work in arithmetic and comparisons. */
  valueOf(): T {
    return this.value;
  }

  /** Returns the value as decimal text (the character for char16). */
  toString(): string {
    return String(this.value);
  }

  /** Returns the value for JSON: a number, or a decimal string for a `bigint`, which JSON cannot hold. */
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
  /** CIM integer type name, such as `uint32`. */
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

/** A CIM uint8; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Uint8 extends CIMInteger<number> {
  /** Always `'uint8'`. */
  readonly cimType = 'uint8';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint8', value, false));
  }
}

/** A CIM sint8; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Sint8 extends CIMInteger<number> {
  /** Always `'sint8'`. */
  readonly cimType = 'sint8';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint8', value, false));
  }
}

/** A CIM uint16; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Uint16 extends CIMInteger<number> {
  /** Always `'uint16'`. */
  readonly cimType = 'uint16';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint16', value, false));
  }
}

/** A CIM sint16; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Sint16 extends CIMInteger<number> {
  /** Always `'sint16'`. */
  readonly cimType = 'sint16';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint16', value, false));
  }
}

/** A CIM uint32; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Uint32 extends CIMInteger<number> {
  /** Always `'uint32'`. */
  readonly cimType = 'uint32';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint32', value, false));
  }
}

/** A CIM sint32; the value is a `number`. The constructor raises RangeError outside the range of the type and TypeError for a non-integer. */
export class Sint32 extends CIMInteger<number> {
  /** Always `'sint32'`. */
  readonly cimType = 'sint32';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint32', value, false));
  }
}

/** A CIM uint64; the value is a `bigint` and never passes through `Number`. */
export class Uint64 extends CIMInteger<bigint> {
  /** Always `'uint64'`. */
  readonly cimType = 'uint64';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('uint64', value, true));
  }
}

/** A CIM sint64; the value is a `bigint` and never passes through `Number`. */
export class Sint64 extends CIMInteger<bigint> {
  /** Always `'sint64'`. */
  readonly cimType = 'sint64';
  constructor(value: number | bigint | string) {
    super(CIMInteger.checked('sint64', value, true));
  }
}

/** A CIM real32; the value is rounded to single precision with `Math.fround`. */
export class Real32 extends CIMTypedValue<number> {
  /** Always `'real32'`. */
  readonly cimType = 'real32';
  constructor(value: number) {
    super(Math.fround(value));
  }
}

/** A CIM real64; the value is a `number`, which is a double. */
export class Real64 extends CIMTypedValue<number> {
  /** Always `'real64'`. */
  readonly cimType = 'real64';
}

/** A CIM char16: exactly one UTF-16 code unit. */
export class Char16 extends CIMTypedValue<string> {
  /** Always `'char16'`. */
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

/** Any of the eight integer wrappers. */
export type CIMIntegerValue = Uint8 | Sint8 | Uint16 | Sint16 | Uint32 | Sint32 | Uint64 | Sint64;
/** Any typed wrapper: an integer, a real or a char16. */
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
