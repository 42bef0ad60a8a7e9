import type { CIMType } from './cim-type.js';
import { NocaseMap } from './nocase-map.js';
import type { CIMParameter } from './parameter.js';
import type { CIMQualifier } from './qualifier.js';
import { qualifierMap } from './property.js';

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
}
