import { NocaseMap } from './nocase-map.js';
import type { CIMClassName } from './class-name.js';
import type { CIMMethod } from './method.js';
import { qualifierMap, type CIMProperty } from './property.js';
import type { CIMQualifier } from './qualifier.js';

export interface CIMClassOptions {
  superclass?: string | null;
  properties?: Iterable<CIMProperty> | null;
  methods?: Iterable<CIMMethod> | null;
  qualifiers?: Iterable<CIMQualifier> | null;
  /** Class path, when the server returned one. */
  path?: CIMClassName | null;
}

/** A class declaration: name, superclass, properties, methods and qualifiers. */
export class CIMClass {
  className: string;
  superclass: string | null;
  properties: NocaseMap<CIMProperty>;
  methods: NocaseMap<CIMMethod>;
  qualifiers: NocaseMap<CIMQualifier>;
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
}
