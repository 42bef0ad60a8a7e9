import type { CIMType } from './cim-type.js';
import type { NocaseMap } from './nocase-map.js';
import type { CIMQualifier } from './qualifier.js';
import { qualifierMap, type EmbeddedObjectKind } from './property.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatParameter, type MOFOptions } from './mof-output/class.js';
import { formatValueInline } from './mof-output/value.js';
import { inspectObject } from './object-inspect.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

export interface CIMParameterOptions {
  /** CIM type; required unless a value is given to infer it from. */
  type?: CIMType;
  isArray?: boolean;
  /** Fixed array size; null for variable size. */
  arraySize?: number | null;
  /** Class name a reference parameter points to. */
  referenceClass?: string | null;
  embeddedObject?: EmbeddedObjectKind | null;
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Value, for a parameter passed in or returned by a method call; NULL in declarations. */
  value?: CIMInputValue;
}

/** A method parameter: a declaration in a class, or a typed value in a method call. */
export class CIMParameter {
  name: string;
  type: CIMType;
  isArray: boolean;
  arraySize: number | null;
  referenceClass: string | null;
  embeddedObject: EmbeddedObjectKind | null;
  qualifiers: NocaseMap<CIMQualifier>;
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

  toString(): string {
    const arraySuffix = this.isArray ? `[${this.arraySize ?? ''}]` : '';
    return `CIMParameter(${this.name}: ${this.type}${arraySuffix} = ${formatValueInline(this.value, this.type)})`;
  }

  /** Returns plain data; uint64 and sint64 values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

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

  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, isArray, arraySize, referenceClass, embeddedObject } = this;
    const fields = { name, type, value: this.value, isArray, arraySize, referenceClass, embeddedObject, qualifiers: this.qualifiers };
    return inspectObject('CIMParameter', fields, depth, options, inspectValue);
  }
}
