import type { CIMType } from './cim-type.js';
import type { NocaseMap } from './nocase-map.js';
import type { CIMQualifier } from './qualifier.js';
import { qualifierMap, type EmbeddedObjectKind } from './property.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';

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
}
