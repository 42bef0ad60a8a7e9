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

export interface CIMMethodOptions {
  parameters?: Iterable<CIMParameter> | null;
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Class that declared the method (`CLASSORIGIN`). */
  classOrigin?: string | null;
  /** True when the method was inherited unchanged from a superclass. */
  propagated?: boolean | null;
}

/** A method declaration of a class: return type, parameters and qualifiers. */
export class CIMMethod {
  name: string;
  /** CIM type of the return value (the `TYPE` of the `METHOD` element); null if void or unknown. */
  returnType: CIMType | null;
  parameters: NocaseMap<CIMParameter>;
  qualifiers: NocaseMap<CIMQualifier>;
  classOrigin: string | null;
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

  toString(): string {
    const parameters = [...this.parameters.values()].map((parameter) => `${parameter.type} ${parameter.name}`);
    return `CIMMethod(${this.returnType ?? 'void'} ${this.name}(${parameters.join(', ')}))`;
  }

  toJSON(): Record<string, unknown> {
    return this[TO_PLAIN_DATA]('string');
  }

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

  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    const { name, returnType, classOrigin, propagated } = this;
    const fields = { name, returnType, parameters: this.parameters, qualifiers: this.qualifiers, classOrigin, propagated };
    return inspectObject('CIMMethod', fields, depth, options, inspectValue);
  }
}
