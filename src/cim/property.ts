import type { CIMType } from './cim-type.js';
import { NocaseMap } from './nocase-map.js';
import { CIMInstance } from './instance.js';
import { CIMClass } from './class.js';
import type { CIMQualifier } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';

/** Marks a string property, parameter or return value that carries an embedded object. */
export type EmbeddedObjectKind = 'instance' | 'object';

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
  qualifiers?: Iterable<CIMQualifier> | null;
}

/** A property of a class or instance, with its type, value and qualifiers. */
export class CIMProperty {
  name: string;
  value: CIMValue;
  type: CIMType;
  isArray: boolean;
  arraySize: number | null;
  referenceClass: string | null;
  embeddedObject: EmbeddedObjectKind | null;
  classOrigin: string | null;
  propagated: boolean | null;
  qualifiers: NocaseMap<CIMQualifier>;

  constructor(name: string, value: CIMInputValue, options: CIMPropertyOptions = {}) {
    const normalized = normalizeValue(value, options.type, `property ${name}`);
    this.name = name;
    this.value = normalized.value;
    this.type = normalized.type;
    this.isArray = options.isArray ?? normalized.isArray;
    this.arraySize = options.arraySize ?? null;
    this.referenceClass = options.referenceClass ?? null;
    this.embeddedObject = options.embeddedObject ?? inferEmbeddedObject(normalized.value);
    this.classOrigin = options.classOrigin ?? null;
    this.propagated = options.propagated ?? null;
    this.qualifiers = qualifierMap(options.qualifiers);
  }
}

/** Builds the qualifier map of an element from a list of qualifiers. */
export function qualifierMap(qualifiers: Iterable<CIMQualifier> | null | undefined): NocaseMap<CIMQualifier> {
  const map = new NocaseMap<CIMQualifier>();
  for (const qualifier of qualifiers ?? []) map.set(qualifier.name, qualifier);
  return map;
}

function inferEmbeddedObject(value: CIMValue): EmbeddedObjectKind | null {
  const sample = Array.isArray(value) ? value.find((element) => element !== null) : value;
  if (sample instanceof CIMInstance) return 'instance';
  if (sample instanceof CIMClass) return 'object';
  return null;
}
