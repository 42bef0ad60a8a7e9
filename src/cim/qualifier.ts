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
  /** Qualifier name; compared case-insensitively. */
  name: string;
  /** The value in the form of the value model (`bigint` for uint64 and sint64); null for NULL. */
  value: CIMValue;
  /** CIM type name, such as `uint32`, `string` or `reference`. */
  type: CIMType;
  /** Whether the element is inherited from the superclass unchanged (`PROPAGATED`); null when not known. */
  propagated: boolean | null;
  /** Flavor EnableOverride (true) or DisableOverride (false); null when not given, which means the DSP0004 default (true). */
  overridable: boolean | null;
  /** Flavor ToSubclass (true) or Restricted (false); null when not given, which means the DSP0004 default (true). */
  toSubclass: boolean | null;
  /** Flavor ToInstance (deprecated in DSP0004); null when not given. */
  toInstance: boolean | null;
  /** Flavor Translatable; null when not given, which means false. */
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

  /** Compares name (case-insensitively), type, value, propagated and flavors (see `flavorsEqual`). */
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

  /** Returns a deep copy. */
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

  /** Returns a one-line summary with name, type and value; use `toMOF()` for MOF. */
  toString(): string {
    return `CIMQualifier(${this.name}: ${this.type} = ${formatValueInline(this.value, this.type)})`;
  }

  /** Returns a plain object for `JSON.stringify`, with uint64 and sint64 values as decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
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

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, type, value, propagated, overridable, toSubclass, toInstance, translatable } = this;
    const fields = { name, type, value, propagated, overridable, toSubclass, toInstance, translatable };
    return inspectObject('CIMQualifier', fields, depth, options, inspectValue);
  }
}

/**
 * Compares the four flavors of two qualifiers or qualifier declarations. A flavor that is
 * not stated counts as its DSP0004 default (EnableOverride, ToSubclass, not ToInstance, not
 * Translatable), which is also the CIM-XML attribute default, so a flavor left out by MOF
 * equals the same flavor read from CIM-XML.
 */
export function flavorsEqual(a: QualifierFlavors, b: QualifierFlavors): boolean {
  return (
    (a.overridable ?? true) === (b.overridable ?? true) &&
    (a.toSubclass ?? true) === (b.toSubclass ?? true) &&
    (a.toInstance ?? false) === (b.toInstance ?? false) &&
    (a.translatable ?? false) === (b.translatable ?? false)
  );
}
