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
  // The five attributes below are null for most properties. Their null default sits on the
  // prototype, and the constructor stores a value in the object only when it is not null, so
  // that each property read in bulk carries fewer fields. `declare` keeps TypeScript from
  // emitting an own field for them.
  // NOTE: V8 (Node 20) sizes the objects of a class by the first few that it constructs. When
  // those carry most attributes, every later object keeps room for them and saves less: a
  // property read from CIM-XML then takes 88 bytes instead of 72 (104 with own fields).
  /** Fixed array size; null for a variable-size array or a scalar. */
  declare arraySize: number | null;
  /** Class that a reference refers to (`REFERENCECLASS`); null when not a reference or not restricted. */
  declare referenceClass: string | null;
  /** Embedded object kind of a string value (`EmbeddedObject` qualifier); null for a plain string. */
  declare embeddedObject: EmbeddedObjectKind | null;
  /** Class that declares the element (`CLASSORIGIN`); null when the server did not send it. */
  declare classOrigin: string | null;
  /** Whether the element is inherited from the superclass unchanged (`PROPAGATED`); null when not known. */
  declare propagated: boolean | null;
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
    this.#qualifiers = optionalQualifierMap(options.qualifiers);

    const embeddedObject = options.embeddedObject ?? (typed ? null : inferEmbeddedObject(this.value));
    if (options.arraySize !== undefined && options.arraySize !== null) this.arraySize = options.arraySize;
    if (options.referenceClass !== undefined && options.referenceClass !== null) this.referenceClass = options.referenceClass;
    if (embeddedObject !== null) this.embeddedObject = embeddedObject;
    if (options.classOrigin !== undefined && options.classOrigin !== null) this.classOrigin = options.classOrigin;
    if (options.propagated !== undefined && options.propagated !== null) this.propagated = options.propagated;
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
      qualifierMapsEqual(this.#qualifiers, other.#qualifiers)
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
      qualifiers: [...(this.#qualifiers?.values() ?? [])].map((qualifier) => qualifier.copy()),
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
        qualifiers: this.#qualifiers,
      },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated } = this;
    const fields = { name, type, value: this.value, isArray, arraySize, referenceClass, embeddedObject, classOrigin, propagated, qualifiers: this.#qualifiers };
    return inspectObject('CIMProperty', fields, depth, options, inspectValue);
  }
}

// The null defaults of the optional attributes. They are not enumerable, so `for...in` skips them.
for (const field of ['arraySize', 'referenceClass', 'embeddedObject', 'classOrigin', 'propagated']) {
  Object.defineProperty(CIMProperty.prototype, field, { value: null, writable: true, enumerable: false, configurable: true });
}

/** Builds the qualifier map of an element from a list of qualifiers. */
export function qualifierMap(qualifiers: Iterable<CIMQualifier> | null | undefined): NocaseMap<CIMQualifier> {
  const map = new NocaseMap<CIMQualifier>();
  for (const qualifier of qualifiers ?? []) map.set(qualifier.name, qualifier);
  return map;
}

/**
 * Builds the qualifier map of an element, or returns null for an empty array or none, so
 * that the element creates its map only when it is first accessed.
 */
export function optionalQualifierMap(qualifiers: Iterable<CIMQualifier> | null | undefined): NocaseMap<CIMQualifier> | null {
  if (qualifiers === undefined || qualifiers === null || isEmptyArray(qualifiers)) return null;
  return qualifierMap(qualifiers);
}

/** Compares two qualifier maps, where null stands for a map not yet created and so empty. */
export function qualifierMapsEqual(a: NocaseMap<CIMQualifier> | null, b: NocaseMap<CIMQualifier> | null): boolean {
  if (a === null || b === null) return (a?.size ?? 0) === 0 && (b?.size ?? 0) === 0;
  return a.equals(b, (left, right) => left.equals(right));
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
