import type { CIMType } from './cim-type.js';
import { NocaseMap } from './nocase-map.js';
import type { CIMParameter } from './parameter.js';
import type { CIMQualifier } from './qualifier.js';
import { qualifierMap } from './property.js';
import { inspect, type InspectOptionsStylized } from 'node:util';
import { TO_PLAIN_DATA, plainObject, type BigintMode } from './json-data.js';
import { formatMethod, type MOFOptions } from './mof-output/class.js';
import { inspectObject } from './object-inspect.js';
import { namesEqual } from './value-equality.js';

/** Options of `new CIMMethod(name, returnType, options)`. */
export interface CIMMethodOptions {
  /** Parameter declarations in order; default none. */
  parameters?: Iterable<CIMParameter> | null;
  /** Qualifiers; default none. */
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Class that declared the method (`CLASSORIGIN`). */
  classOrigin?: string | null;
  /** True when the method was inherited unchanged from a superclass. */
  propagated?: boolean | null;
}

/** A method declaration of a class: return type, parameters and qualifiers. */
export class CIMMethod {
  /** Method name; compared case-insensitively. */
  name: string;
  /** CIM type of the return value (the `TYPE` of the `METHOD` element); null if void or unknown. */
  returnType: CIMType | null;
  /** Parameter declarations by name (case-insensitive), in declaration order. */
  parameters: NocaseMap<CIMParameter>;
  /** Qualifiers by name, compared case-insensitively. */
  qualifiers: NocaseMap<CIMQualifier>;
  /** Class that declares the element (`CLASSORIGIN`); null when the server did not send it. */
  classOrigin: string | null;
  /** Whether the element is inherited from the superclass unchanged (`PROPAGATED`); null when not known. */
  propagated: boolean | null;

  constructor(name: string, returnType: CIMType | null, options: CIMMethodOptions = {}) {
    this.name = name;
    this.returnType = returnType;
    this.parameters = new NocaseMap<CIMParameter>();
    for (const parameter of options.parameters ?? []) this.parameters.set(parameter.name, parameter);
    this.qualifiers = qualifierMap(options.qualifiers);
    this.classOrigin = options.classOrigin ?? null;
    this.propagated = options.propagated ?? null;
  }

  /** Compares name, return type, class origin, propagated, parameters and qualifiers. */
  equals(other: unknown): boolean {
    if (!(other instanceof CIMMethod)) return false;
    return (
      namesEqual(this.name, other.name) &&
      this.returnType === other.returnType &&
      namesEqual(this.classOrigin, other.classOrigin) &&
      this.propagated === other.propagated &&
      this.parameters.equals(other.parameters, (a, b) => a.equals(b)) &&
      this.qualifiers.equals(other.qualifiers, (a, b) => a.equals(b))
    );
  }

  /** Returns a deep copy. */
  copy(): CIMMethod {
    return new CIMMethod(this.name, this.returnType, {
      parameters: [...this.parameters.values()].map((parameter) => parameter.copy()),
      qualifiers: [...this.qualifiers.values()].map((qualifier) => qualifier.copy()),
      classOrigin: this.classOrigin,
      propagated: this.propagated,
    });
  }

  /** Formats the method declaration as MOF, one parameter per line. */
  toMOF(options: MOFOptions = {}): string {
    return formatMethod(this, options);
  }

  /** Returns the signature as one line, such as `CIMMethod(uint32 Reboot())`; use `toMOF()` for the declaration. */
  toString(): string {
    const parameters = [...this.parameters.values()].map((parameter) => `${parameter.type} ${parameter.name}`);
    return `CIMMethod(${this.returnType ?? 'void'} ${this.name}(${parameters.join(', ')}))`;
  }

  /** Returns a plain object for `JSON.stringify`, with uint64 and sint64 values as decimal strings. */
  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

  /** @internal */
  [TO_PLAIN_DATA](mode: BigintMode): Record<string, unknown> {
    return plainObject(
      { name: this.name, returnType: this.returnType },
      {
        parameters: this.parameters,
        qualifiers: this.qualifiers,
        classOrigin: this.classOrigin,
        propagated: this.propagated,
      },
      mode,
    );
  }

  /** Formats the object for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, returnType, classOrigin, propagated } = this;
    const fields = { name, returnType, parameters: this.parameters, qualifiers: this.qualifiers, classOrigin, propagated };
    return inspectObject('CIMMethod', fields, depth, options, inspectValue);
  }
}
