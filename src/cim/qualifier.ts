import type { CIMType } from './cim-type.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatQualifier } from './mof-output/qualifiers.js';
import { formatValueInline } from './mof-output/value.js';
import { inspectObject } from './object-inspect.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

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

  /** Compares name (case-insensitively), type, value, propagated and flavors. */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMQualifier)) return false;
    return (
      namesEqual(this.name, other.name) &&
      this.type === other.type &&
      valuesEqual(this.value, other.value) &&
      this.propagated === other.propagated &&
      flavorsEqual(this, other)
    );
  }

  copy(): CIMQualifier {
    return new CIMQualifier(this.name, copyValue(this.value), {
      type: this.type,
      propagated: this.propagated,
      overridable: this.overridable,
      toSubclass: this.toSubclass,
      toInstance: this.toInstance,
      translatable: this.translatable,
    });
  }

  /** Formats the qualifier as in a MOF qualifier list, such as `Description ("text")`. */
  toMOF(options: { indent?: number; maxLineLength?: number } = {}): string {
    const indent = options.indent ?? 0;
    return formatQualifier(this, { indent: indent + 3, column: indent, width: options.maxLineLength ?? 80 });
  }

  toString(): string {
    return `CIMQualifier(${this.name}: ${this.type} = ${formatValueInline(this.value, this.type)})`;
  }

  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { name: this.name, type: this.type, value: this.value },
      {
        propagated: this.propagated,
        overridable: this.overridable,
        toSubclass: this.toSubclass,
        toInstance: this.toInstance,
        translatable: this.translatable,
      },
      mode,
    );
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, value, propagated, overridable, toSubclass, toInstance, translatable } = this;
    const fields = { name, type, value, propagated, overridable, toSubclass, toInstance, translatable };
    return inspectObject('CIMQualifier', fields, depth, options, inspectValue);
  }
}

/** Compares the four flavors of two qualifiers or qualifier declarations. */
export function flavorsEqual(a: QualifierFlavors, b: QualifierFlavors): boolean {
  return (
    (a.overridable ?? null) === (b.overridable ?? null) &&
    (a.toSubclass ?? null) === (b.toSubclass ?? null) &&
    (a.toInstance ?? null) === (b.toInstance ?? null) &&
    (a.translatable ?? null) === (b.translatable ?? null)
  );
}
