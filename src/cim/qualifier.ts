import type { CIMType } from './cim-type.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';

/** Qualifier flavors of DSP0004; `null` means the flavor was not stated. */
export interface QualifierFlavors {
  /** EnableOverride (true) or DisableOverride (false). CIM-XML default when absent: true. */
  overridable?: boolean | null;
  /** ToSubclass (true) or Restricted (false). CIM-XML default when absent: true. */
  toSubclass?: boolean | null;
  /** ToInstance; deprecated in DSP0004. CIM-XML default when absent: false. */
  toInstance?: boolean | null;
  /** Translatable. CIM-XML default when absent: false. */
  translatable?: boolean | null;
}

export interface CIMQualifierOptions extends QualifierFlavors {
  /** CIM type; inferred from the value when left out (a number needs a typed wrapper). */
  type?: CIMType;
  /** True when the qualifier was inherited from a superclass rather than set here. */
  propagated?: boolean | null;
}

/** A qualifier value attached to a class, property, method, parameter or instance. */
export class CIMQualifier {
  name: string;
  value: CIMValue;
  type: CIMType;
  propagated: boolean | null;
  overridable: boolean | null;
  toSubclass: boolean | null;
  toInstance: boolean | null;
  translatable: boolean | null;

  constructor(name: string, value: CIMInputValue, options: CIMQualifierOptions = {}) {
    const normalized = normalizeValue(value, options.type, `qualifier ${name}`);
    this.name = name;
    this.value = normalized.value;
    this.type = normalized.type;
    this.propagated = options.propagated ?? null;
    this.overridable = options.overridable ?? null;
    this.toSubclass = options.toSubclass ?? null;
    this.toInstance = options.toInstance ?? null;
    this.translatable = options.translatable ?? null;
  }
}
