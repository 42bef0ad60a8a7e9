import { NocaseMap } from './nocase-map.js';
import type { CIMClassName } from './class-name.js';
import type { CIMMethod } from './method.js';
import { qualifierMap, type CIMProperty } from './property.js';
import type { CIMQualifier } from './qualifier.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatClass, type MOFOptions } from './mof-output/class.js';
import { inspectObject } from './object-inspect.js';
import { namesEqual, valuesEqual } from './value-equality.js';

/** Options of `new CIMClass(className, options)`. */
export interface CIMClassOptions {
  /** Name of the superclass; default none (a top-level class). */
  superclass?: string | null;
  /** Property declarations; default none. */
  properties?: Iterable<CIMProperty> | null;
  /** Method declarations; default none. */
  methods?: Iterable<CIMMethod> | null;
  /** Qualifiers; default none. */
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Class path, when the server returned one. */
  path?: CIMClassName | null;
}

/** A class declaration: name, superclass, properties, methods and qualifiers. */
export class CIMClass {
  /** Class name; compared case-insensitively. */
  className: string;
  /** Name of the superclass; null for a top-level class. */
  superclass: string | null;
  /** Property declarations by name, compared case-insensitively. */
  properties: NocaseMap<CIMProperty>;
  /** Method declarations by name, compared case-insensitively. */
  methods: NocaseMap<CIMMethod>;
  /** Qualifiers by name, compared case-insensitively. */
  qualifiers: NocaseMap<CIMQualifier>;
  /** Class path with namespace and host, when the server returned one; null otherwise. */
  path: CIMClassName | null;

  constructor(className: string, options: CIMClassOptions = {}) {
    this.className = className;
    this.superclass = options.superclass ?? null;
    this.properties = new NocaseMap<CIMProperty>();
    for (const property of options.properties ?? []) this.properties.set(property.name, property);
    this.methods = new NocaseMap<CIMMethod>();
    for (const method of options.methods ?? []) this.methods.set(method.name, method);
    this.qualifiers = qualifierMap(options.qualifiers);
    this.path = options.path ?? null;
  }

  /**
   * Compares class name and superclass case-insensitively, then properties, methods and
   * qualifiers in any order, and the path.
   */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMClass)) return false;
    return (
      namesEqual(this.className, other.className) &&
      namesEqual(this.superclass, other.superclass) &&
      this.properties.equals(other.properties, (a, b) => a.equals(b)) &&
      this.methods.equals(other.methods, (a, b) => a.equals(b)) &&
      this.qualifiers.equals(other.qualifiers, (a, b) => a.equals(b)) &&
      valuesEqual(this.path, other.path)
    );
  }

  /** Copies the class with all its properties, methods, qualifiers and path. */
  copy(): CIMClass {
    return new CIMClass(this.className, {
      superclass: this.superclass,
      properties: [...this.properties.values()].map((property) => property.copy()),
      methods: [...this.methods.values()].map((method) => method.copy()),
      qualifiers: [...this.qualifiers.values()].map((qualifier) => qualifier.copy()),
      path: this.path?.copy() ?? null,
    });
  }

  /** Formats the class declaration as MOF in the layout of the DMTF schema files. */
  toMOF(options: MOFOptions = {}): string {
    return formatClass(this, options);
  }

  /** Returns a one-line summary such as `CIMClass(CIM_Foo : CIM_Bar, properties=3, methods=1)`; use `toMOF()` for the declaration. */
  toString(): string {
    const superclass = this.superclass ? ` : ${this.superclass}` : '';
    return `CIMClass(${this.className}${superclass}, properties=${this.properties.size}, methods=${this.methods.size})`;
  }

  /** Returns plain data; uint64 and sint64 values become decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { className: this.className, superclass: this.superclass },
      { qualifiers: this.qualifiers, properties: this.properties, methods: this.methods, path: this.path },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const fields = {
      className: this.className,
      superclass: this.superclass,
      path: this.path,
      qualifiers: this.qualifiers,
      properties: this.properties,
      methods: this.methods,
    };
    return inspectObject('CIMClass', fields, depth, options, inspectValue);
  }
}
