import type { CIMType } from './cim-type.js';
import type { QualifierFlavors } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';

/** Scopes of a qualifier declaration (`SCOPE` element in CIM-XML, `Scope(...)` in MOF). */
export interface QualifierScopes {
  class?: boolean;
  association?: boolean;
  indication?: boolean;
  property?: boolean;
  reference?: boolean;
  method?: boolean;
  parameter?: boolean;
  /** MOF `Scope(any)`: all of the above. */
  any?: boolean;
}

export interface CIMQualifierDeclarationOptions extends QualifierFlavors {
  /** Default value; NULL when not given. */
  value?: CIMInputValue;
  isArray?: boolean;
  /** Fixed array size; null for variable size. */
  arraySize?: number | null;
  scopes?: QualifierScopes;
}

/** A qualifier type declaration: name, type, default value, scopes and flavors. */
export class CIMQualifierDeclaration {
  name: string;
  type: CIMType;
  value: CIMValue;
  isArray: boolean;
  arraySize: number | null;
  scopes: QualifierScopes;
  overridable: boolean | null;
  toSubclass: boolean | null;
  toInstance: boolean | null;
  translatable: boolean | null;

  constructor(name: string, type: CIMType, options: CIMQualifierDeclarationOptions = {}) {
    const input = options.value ?? null;
    const normalized =
      input === null ? { value: null, isArray: options.isArray ?? false } : normalizeValue(input, type, `qualifier declaration ${name}`);
    this.name = name;
    this.type = type;
    this.value = normalized.value;
    this.isArray = options.isArray ?? normalized.isArray;
    this.arraySize = options.arraySize ?? null;
    this.scopes = { ...(options.scopes ?? {}) };
    this.overridable = options.overridable ?? null;
    this.toSubclass = options.toSubclass ?? null;
    this.toInstance = options.toInstance ?? null;
    this.translatable = options.translatable ?? null;
  }
}
