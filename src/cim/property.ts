import type { CIMType } from './cim-type.js';
import { NocaseMap } from './nocase-map.js';
import { CIMInstance } from './instance.js';
import { CIMClass } from './class.js';
import type { CIMQualifier } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatPropertyDeclaration, type MOFOptions } from './mof-output/class.js';
import { formatPropertyValue } from './mof-output/instance.js';
import { formatTypedSummary } from './mof-output/value.js';
import { inspectObject } from './object-inspect.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Marks a string property, parameter or return value that carries an embedded object. */
export type EmbeddedObjectKind = 'instance' | 'object';

/**
 * @internal Option key for readers that have already converted and checked the value for
 * `type` and `isArray`. The constructor then keeps the value as given instead of normalizing
 * it, which saves a copy of every array and a result object per property. It also takes
 * `embeddedObject` as given instead of inferring it from the value.
 */
export const TYPED_VALUE: unique symbol = Symbol('typedValue');

/** Options of `new CIMProperty(name, value, options)`. */
export interface CIMPropertyOptions {
  /** CIM type; inferred from the value when left out (a plain number needs a typed wrapper). */
  type?: CIMType;
  /** Whether the property is an array; inferred from the value when left out. */
  isArray?: boolean;
  /** Fixed array size of a fixed-size array property; null for variable size. */
  arraySize?: number | null;
  /** Class name a reference property points to (`REFERENCECLASS`). */
  referenceClass?: string | null;
  /** `instance` or `object` for embedded objects in strings; inferred from the value when left out. */
  embeddedObject?: EmbeddedObjectKind | null;
  /** Class that declared the property (`CLASSORIGIN`). */
  classOrigin?: string | null;
  /** True when the property was inherited unchanged from a superclass. */
  propagated?: boolean | null;
  /** Qualifiers; default none. */
  qualifiers?: Iterable<CIMQualifier> | null;
  /** @internal See `TYPED_VALUE`; needs `type` and `isArray`. */
  [TYPED_VALUE]?: boolean;
}

/** A property of a class or instance, with its type, value and qualifiers. */
export class CIMProperty {
  /** Property name; compared case-insensitively. */
  name: string;
  /** The value in the form of the value model (`bigint` for uint64 and sint64); null for NULL. */
  value: CIMValue;
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
  /** Class that declares the element (`CLASSORIGIN`); null when the server did not send it. */
  classOrigin: string | null;
  /** Whether the element is inherited from the superclass unchanged (`PROPAGATED`); null when not known. */
  propagated: boolean | null;
  // Created on first access: most properties read from CIM-XML have no qualifiers, and an
  // enumeration of many instances would otherwise keep one empty map per property.
  #qualifiers: NocaseMap<CIMQualifier> | null;

  constructor(name: string, value: CIMInputValue, options: CIMPropertyOptions = {}) {
    const typed = options[TYPED_VALUE] === true && options.type !== undefined && options.isArray !== undefined;
    const normalized = typed ? null : normalizeValue(value, options.type, `property ${name}`);
    this.name = name;
    this.value = normalized === null ? (value as CIMValue) : normalized.value;
    this.type = normalized === null ? options.type! : normalized.type;
    this.isArray = options.isArray ?? normalized!.isArray;
    this.arraySize = options.arraySize ?? null;
    this.referenceClass = options.referenceClass ?? null;
    this.embeddedObject = options.embeddedObject ?? (typed ? null : inferEmbeddedObject(this.value));
    this.classOrigin = options.classOrigin ?? null;
    this.propagated = options.propagated ?? null;
    const qualifiers = options.qualifiers;
    this.#qualifiers = qualifiers === undefined || qualifiers === null || isEmptyArray(qualifiers) ? null : qualifierMap(qualifiers);
  }

  /** Qualifiers by name, compared case-insensitively. */
  get qualifiers(): NocaseMap<CIMQualifier> {
    this.#qualifiers ??= new NocaseMap<CIMQualifier>();
    return this.#qualifiers;
  }

  /** Replaces the qualifiers with `qualifiers`. */
  set qualifiers(qualifiers: NocaseMap<CIMQualifier>) {
    this.#qualifiers = qualifiers;
  }

  /**
   * Compares every attribute: names (property, reference class, class origin)
   * case-insensitively, the value with `valuesEqual`, and the qualifiers.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMProperty)) return false;
    return (
      namesEqual(this.name, other.name) &&
      this.type === other.type &&
      this.isArray === other.isArray &&
      this.arraySize === other.arraySize &&
      namesEqual(this.referenceClass, other.referenceClass) &&
      this.embeddedObject === other.embeddedObject &&
      namesEqual(this.classOrigin, other.classOrigin) &&
      this.propagated === other.propagated &&
      valuesEqual(this.value, other.value) &&
      this.qualifiers.equals(other.qualifiers, (a, b) => a.equals(b))
    );
  }

  /** Copies the property, its value (arrays and embedded objects too) and its qualifiers. */
  copy(): CIMProperty {
    return new CIMProperty(this.name, copyValue(this.value), {
      type: this.type,
      isArray: this.isArray,
      arraySize: this.arraySize,
      referenceClass: this.referenceClass,
      embeddedObject: this.embeddedObject,
      classOrigin: this.classOrigin,
      propagated: this.propagated,
      qualifiers: [...this.qualifiers.values()].map((qualifier) => qualifier.copy()),
    });
  }

  /**
   * Formats the property as MOF: a declaration `[q] type Name = default;` as in a class,
   * or with `isInstance` an initializer `Name = value;` as in an instance.
   */
  toMOF(options: MOFOptions & { isInstance?: boolean } = {}): string {
    return options.isInstance ? formatPropertyValue(this, options) : formatPropertyDeclaration(this, options);
  }

  /** Returns a one-line summary with name, type and value; use `toMOF()` for MOF. */
  toString(): string {
    return formatTypedSummary('CIMProperty', this);
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
        classOrigin: this.classOrigin,
        propagated: this.propagated,
        qualifiers: this.qualifiers,
      },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated } = this;
    const fields = { name, type, value: this.value, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated, qualifiers: this.qualifiers };
    return inspectObject('CIMProperty', fields, depth, options, inspectValue);
  }
}

/** Builds the qualifier map of an element from a list of qualifiers. */
export function qualifierMap(qualifiers: Iterable<CIMQualifier> | null | undefined): NocaseMap<CIMQualifier> {
  const map = new NocaseMap<CIMQualifier>();
  for (const qualifier of qualifiers ?? []) map.set(qualifier.name, qualifier);
  return map;
}

function isEmptyArray(qualifiers: Iterable<CIMQualifier>): boolean {
  return Array.isArray(qualifiers) && qualifiers.length === 0;
}

function inferEmbeddedObject(value: CIMValue): EmbeddedObjectKind | null {
  const sample = Array.isArray(value) ? value.find((element) => element !== null) : value;
  if (sample instanceof CIMInstance) return 'instance';
  if (sample instanceof CIMClass) return 'object';
  return null;
}
