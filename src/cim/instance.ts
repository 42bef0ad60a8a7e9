import { NocaseMap, SOURCE_VALUE } from './nocase-map.js';
import { CIMProperty, optionalQualifierMap, qualifierMapsEqual } from './property.js';
import type { PropertyLayout } from './property-layout.js';
import type { CIMInstanceName } from './instance-name.js';
import type { CIMQualifier } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import type { MOFOptions } from './mof-output/class.js';
import { formatInstance } from './mof-output/instance.js';
import { inspectObject } from './object-inspect.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Options of `new CIMInstance(className, options)`. */
export interface CIMInstanceOptions {
  /** Properties as CIMProperty objects. */
  properties?: Iterable<CIMProperty> | null;
  /** Instance-level qualifiers (rare; deprecated in DSP0200). */
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Instance path, when the server returned one. */
  path?: CIMInstanceName | null;
}

/** An instance of a CIM class: its class name, properties and, if known, its path. */
export class CIMInstance {
  /** Class name; compared case-insensitively. */
  className: string;
  /** Properties by name, compared case-insensitively, in the order the server sent them. */
  properties: NocaseMap<CIMProperty>;
  /** Instance path, when the server returned one or the caller set it; null otherwise. */
  path: CIMInstanceName | null;
  // Created on first access, as for CIMProperty, because instances read from CIM-XML almost
  // never have qualifiers and an enumeration would otherwise keep one empty map per instance.
  #qualifiers: NocaseMap<CIMQualifier> | null;

  constructor(className: string, options: CIMInstanceOptions = {}) {
    this.className = className;
    const properties = options.properties ?? [];
    this.properties = NocaseMap.byName(Array.isArray(properties) ? properties : [...properties], propertyName);
    this.path = options.path ?? null;
    this.#qualifiers = optionalQualifierMap(options.qualifiers);
  }

  /**
   * @internal Creates an instance with the properties that `layout` describes and `values`
   * (one value per description, already converted and checked for its type). The instance
   * creates its `CIMProperty` objects when code first reads one from `properties`.
   */
  static fromLayout(
    className: string,
    layout: PropertyLayout,
    values: CIMValue[],
    qualifiers: Iterable<CIMQualifier> | null = null,
  ): CIMInstance {
    const instance = new CIMInstance(className, { qualifiers });
    instance.properties = layout.hasRepeatedNames
      ? NocaseMap.byName(layout.createProperties(values), propertyName)
      : NocaseMap.deferred(layout.deferredKeyList, values);
    return instance;
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

  /** Returns the value of a property, or undefined when the instance has no such property. */
  get(name: string): CIMValue | undefined {
    return this.properties[SOURCE_VALUE](name, propertyValue);
  }

  /**
   * Sets a property value. An existing property keeps its type and the value is checked
   * against it; a new property infers its type from the value.
   */
  set(name: string, value: CIMInputValue): this {
    const existing = this.properties.get(name);
    const property = existing
      ? new CIMProperty(existing.name, value, {
          type: existing.type,
          isArray: existing.isArray,
          arraySize: existing.arraySize,
          referenceClass: existing.referenceClass,
          embeddedObject: existing.embeddedObject,
          classOrigin: existing.classOrigin,
          propagated: existing.propagated,
          qualifiers: existing.qualifiers.values(),
        })
      : new CIMProperty(name, value);
    this.properties.set(name, property);
    return this;
  }

  /**
   * Compares class name case-insensitively, then properties and qualifiers in any order,
   * and the path.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMInstance)) return false;
    return (
      namesEqual(this.className, other.className) &&
      this.properties.equals(other.properties, (a, b) => a.equals(b)) &&
      qualifierMapsEqual(this.#qualifiers, other.#qualifiers) &&
      valuesEqual(this.path, other.path)
    );
  }

  /** Copies the instance with all its properties (embedded instances too), qualifiers and path. */
  copy(): CIMInstance {
    return new CIMInstance(this.className, {
      properties: [...this.properties.values()].map((property) => property.copy()),
      qualifiers: [...(this.#qualifiers?.values() ?? [])].map((qualifier) => qualifier.copy()),
      path: this.path?.copy() ?? null,
    });
  }

  /** Formats the instance as MOF: `instance of Class { Prop = value; };`. The path is not written. */
  toMOF(options: MOFOptions = {}): string {
    return formatInstance(this, options);
  }

  /** Returns a one-line summary with the class name and path; use `toMOF()` for MOF. */
  toString(): string {
    const path = this.path ? `, path=${this.path.toString()}` : '';
    return `CIMInstance(${this.className}${path}, properties=${this.properties.size})`;
  }

  /** Returns plain data; uint64 and sint64 values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { className: this.className },
      { path: this.path, qualifiers: this.#qualifiers, properties: this.properties },
      mode,
    );
  }

  /** Shows the property values directly, keyed by property name. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const values = new NocaseMap<CIMValue>();
    for (const [name, property] of this.properties) values.set(name, property.value);
    const fields = { className: this.className, path: this.path, properties: values, qualifiers: this.#qualifiers };
    return inspectObject('CIMInstance', fields, depth, options, inspectValue);
  }
}

function propertyName(property: CIMProperty): string {
  return property.name;
}

function propertyValue(property: CIMProperty): CIMValue {
  return property.value;
}
