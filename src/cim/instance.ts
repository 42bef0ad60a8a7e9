import { NocaseMap } from './nocase-map.js';
import { CIMProperty, qualifierMap } from './property.js';
import type { CIMInstanceName } from './instance-name.js';
import type { CIMQualifier } from './qualifier.js';
import type { CIMInputValue, CIMValue } from './value.js';

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
  className: string;
  properties: NocaseMap<CIMProperty>;
  qualifiers: NocaseMap<CIMQualifier>;
  path: CIMInstanceName | null;

  constructor(className: string, options: CIMInstanceOptions = {}) {
    this.className = className;
    this.properties = new NocaseMap<CIMProperty>();
    for (const property of options.properties ?? []) this.properties.set(property.name, property);
    this.qualifiers = qualifierMap(options.qualifiers);
    this.path = options.path ?? null;
  }

  /** Returns the value of a property, or undefined when the instance has no such property. */
  get(name: string): CIMValue | undefined {
    return this.properties.get(name)?.value;
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
}
