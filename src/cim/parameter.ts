import type { CIMType } from './cim-type.js';
import type { NocaseMap } from './nocase-map.js';
import type { CIMQualifier } from './qualifier.js';
import { qualifierMap, type EmbeddedObjectKind } from './property.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatParameter, type MOFOptions } from './mof-output/class.js';
import { formatTypedSummary } from './mof-output/value.js';
import { inspectObject } from './object-inspect.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Options of `new CIMParameter(name, options)`. */
export interface CIMParameterOptions {
  /** CIM type; required unless a value is given to infer it from. */
  type?: CIMType;
  /** Whether the value is an array; default: inferred from the value, else false. */
  isArray?: boolean;
  /** Fixed array size; null for variable size. */
  arraySize?: number | null;
  /** Class name a reference parameter points to. */
  referenceClass?: string | null;
  /** Embedded object kind of a string value; default: inferred from a CIMInstance or CIMClass value, else none. */
  embeddedObject?: EmbeddedObjectKind | null;
  /** Qualifiers; default none. */
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Value, for a parameter passed in or returned by a method call; NULL in declarations. */
  value?: CIMInputValue;
}

/** A method parameter: a declaration in a class, or a typed value in a method call. */
export class CIMParameter {
  /** Parameter name; compared case-insensitively. */
  name: string;
  /** CIM type name, such as `uint32`, `string` or `reference`. */
  type: CIMType;
  /** Whether the value is an array. */
  isArray: boolean;
  /** Fixed array size; null for a variable-size array or a scalar. */
  arraySize: number | null;
  /** Class that a reference refers to (`REFERENCECLASS`); null when not a reference or not restricted. */
  referenceClass: string | null;
  /** Embedded object kind of a string value (`EmbeddedObject` qualifier); null for a plain string. */
  embeddedObject: EmbeddedObjectKind | null;
  /** Qualifiers by name, compared case-insensitively. */
  qualifiers: NocaseMap<CIMQualifier>;
  /** The value in the form of the value model (`bigint` for uint64 and sint64); null for NULL. */
  value: CIMValue;

  constructor(name: string, options: CIMParameterOptions) {
    const input = options.value ?? null;
    const normalized =
      input === null && options.type !== undefined
        ? { value: null, type: options.type, isArray: options.isArray ?? false }
        : normalizeValue(input, options.type, `parameter ${name}`);
    this.name = name;
    this.type = normalized.type;
    this.isArray = options.isArray ?? normalized.isArray;
    this.arraySize = options.arraySize ?? null;
    this.referenceClass = options.referenceClass ?? null;
    this.embeddedObject = options.embeddedObject ?? null;
    this.qualifiers = qualifierMap(options.qualifiers);
    this.value = normalized.value;
  }

  /** Compares every attribute; names case-insensitively, the value with `valuesEqual`. */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMParameter)) return false;
    return (
      namesEqual(this.name, other.name) &&
      this.type === other.type &&
      this.isArray === other.isArray &&
      this.arraySize === other.arraySize &&
      namesEqual(this.referenceClass, other.referenceClass) &&
      this.embeddedObject === other.embeddedObject &&
      valuesEqual(this.value, other.value) &&
      this.qualifiers.equals(other.qualifiers, (a, b) => a.equals(b))
    );
  }

  /** Returns a deep copy. */
  copy(): CIMParameter {
    return new CIMParameter(this.name, {
      type: this.type,
      isArray: this.isArray,
      arraySize: this.arraySize,
      referenceClass: this.referenceClass,
      embeddedObject: this.embeddedObject,
      qualifiers: [...this.qualifiers.values()].map((qualifier) => qualifier.copy()),
      value: copyValue(this.value),
    });
  }

  /** Formats the parameter declaration as in a MOF method: `[q] type name[]`. The value is not written. */
  toMOF(options: MOFOptions = {}): string {
    return formatParameter(this, options);
  }

  /** Returns a one-line summary such as `CIMParameter(Count: uint32 = 5)`; use `toMOF()` for the declaration. */
  toString(): string {
    return formatTypedSummary('CIMParameter', this);
  }

  /** Returns plain data; uint64 and sint64 values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { name: this.name, type: this.type, isArray: this.isArray, value: this.value },
      {
        arraySize: this.arraySize,
        referenceClass: this.referenceClass,
        embeddedObject: this.embeddedObject,
        qualifiers: this.qualifiers,
      },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, isArray, arraySize, referenceClass, embeddedObject } = this;
    const fields = { name, type, value: this.value, isArray, arraySize, referenceClass, embeddedObject, qualifiers: this.qualifiers };
    return inspectObject('CIMParameter', fields, depth, options, inspectValue);
  }
}
