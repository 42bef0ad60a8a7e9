import type { CIMType } from './cim-type.js';
import type { QualifierFlavors } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { normalizeValue } from './value-normalize.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import type { MOFOptions } from './mof-output/class.js';
import { formatQualifierDeclaration, scopeNames } from './mof-output/qualifier-declaration.js';
import { formatValueInline } from './mof-output/value.js';
import { inspectObject } from './object-inspect.js';
import { flavorsEqual } from './qualifier.js';
import { copyValue } from './value-copy.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Scopes of a qualifier declaration (`SCOPE` element in CIM-XML, `Scope(...)` in MOF). */
export interface QualifierScopes {
  /** Applies to classes. */
  class?: boolean;
  /** Applies to associations. */
  association?: boolean;
  /** Applies to indications. */
  indication?: boolean;
  /** Applies to properties. */
  property?: boolean;
  /** Applies to references. */
  reference?: boolean;
  /** Applies to methods. */
  method?: boolean;
  /** Applies to parameters. */
  parameter?: boolean;
  /** MOF `Scope(any)`: all of the above. */
  any?: boolean;
}

/** Options of `new CIMQualifierDeclaration(name, type, options)`. */
export interface CIMQualifierDeclarationOptions extends QualifierFlavors {
  /** Default value; NULL when not given. */
  value?: CIMInputValue;
  /** Whether the value is an array; default: inferred from the value, else false. */
  isArray?: boolean;
  /** Fixed array size; null for variable size. */
  arraySize?: number | null;
  /** Elements the qualifier may be applied to; default none. */
  scopes?: QualifierScopes;
}

/** A qualifier type declaration: name, type, default value, scopes and flavors. */
export class CIMQualifierDeclaration {
  /** Qualifier name; compared case-insensitively. */
  name: string;
  /** CIM type name, such as `uint32`, `string` or `reference`. */
  type: CIMType;
  /** Default value; null when the declaration has none. */
  value: CIMValue;
  /** Whether the value is an array. */
  isArray: boolean;
  /** Fixed array size; null for a variable-size array or a scalar. */
  arraySize: number | null;
  /** Elements the qualifier may be applied to. */
  scopes: QualifierScopes;
  /** Flavor EnableOverride (true) or DisableOverride (false); null when not given, which means the DSP0004 default (true). */
  overridable: boolean | null;
  /** Flavor ToSubclass (true) or Restricted (false); null when not given, which means the DSP0004 default (true). */
  toSubclass: boolean | null;
  /** Flavor ToInstance (deprecated in DSP0004); null when not given. */
  toInstance: boolean | null;
  /** Flavor Translatable; null when not given, which means false. */
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

  /**
   * Compares name (case-insensitively), type, default value, array shape, flavors and
   * scopes; `{ class: true }` equals `{ class: true, method: false }`.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMQualifierDeclaration)) return false;
    return (
      namesEqual(this.name, other.name) &&
      this.type === other.type &&
      this.isArray === other.isArray &&
      this.arraySize === other.arraySize &&
      valuesEqual(this.value, other.value) &&
      flavorsEqual(this, other) &&
      scopeNames(this.scopes).join() === scopeNames(other.scopes).join()
    );
  }

  /** Returns a deep copy. */
  copy(): CIMQualifierDeclaration {
    return new CIMQualifierDeclaration(this.name, this.type, {
      value: copyValue(this.value),
      isArray: this.isArray,
      arraySize: this.arraySize,
      scopes: { ...this.scopes },
      overridable: this.overridable,
      toSubclass: this.toSubclass,
      toInstance: this.toInstance,
      translatable: this.translatable,
    });
  }

  /** Formats the declaration as MOF: `Qualifier Name : type = default, Scope(...), Flavor(...);`. */
  toMOF(options: MOFOptions = {}): string {
    return formatQualifierDeclaration(this, options);
  }

  /** Returns a one-line summary with name, type and default value; use `toMOF()` for MOF. */
  toString(): string {
    const arraySuffix = this.isArray ? `[${this.arraySize ?? ''}]` : '';
    const scopes = scopeNames(this.scopes).join(', ');
    return `CIMQualifierDeclaration(${this.name}: ${this.type}${arraySuffix} = ${formatValueInline(this.value, this.type)}, scope ${scopes})`;
  }

  /** Returns plain data; uint64 and sint64 values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { name: this.name, type: this.type, isArray: this.isArray, value: this.value, scopes: scopeNames(this.scopes) },
      {
        arraySize: this.arraySize,
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
    const { name, type, isArray, arraySize, overridable, toSubclass, toInstance, translatable } = this;
    const fields = {
      name, type, value: this.value, isArray, arraySize,
      scopes: scopeNames(this.scopes), overridable, toSubclass, toInstance, translatable,
    };
    return inspectObject('CIMQualifierDeclaration', fields, depth, options, inspectValue);
  }
}
