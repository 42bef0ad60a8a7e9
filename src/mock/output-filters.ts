import type { CIMClass } from '../cim/class.js';
import type { CIMInstance } from '../cim/instance.js';
import { propertyNameSet } from './names.js';

/** Options that shape a class returned by GetClass, EnumerateClasses and class-level association operations. */
export interface ClassOutputOptions {
  /** Leave out inherited properties, methods and qualifiers (those marked propagated). */
  localOnly: boolean;
  /** Keep qualifiers on the class, properties, methods and parameters. */
  includeQualifiers: boolean;
  /** Keep the `classOrigin` of properties and methods. */
  includeClassOrigin: boolean;
  /** Names of the properties to keep; null keeps all. Names the class lacks are ignored. */
  propertyList: readonly string[] | null;
}

/** Returns a filtered copy of a stored class. */
export function filterClass(stored: CIMClass, options: ClassOutputOptions): CIMClass {
  const result = stored.copy();
  const requested = propertyNameSet(options.propertyList);

  for (const property of [...result.properties.values()]) {
    const dropped = (options.localOnly && property.propagated === true) || (requested !== null && !requested.has(property.name.toLowerCase()));
    if (dropped) result.properties.delete(property.name);
  }
  for (const method of [...result.methods.values()]) {
    if (options.localOnly && method.propagated === true) result.methods.delete(method.name);
  }
  if (options.localOnly) {
    for (const qualifier of [...result.qualifiers.values()]) {
      if (qualifier.propagated === true) result.qualifiers.delete(qualifier.name);
    }
  }

  if (!options.includeQualifiers) stripClassQualifiers(result);
  if (!options.includeClassOrigin) {
    for (const property of result.properties.values()) property.classOrigin = null;
    for (const method of result.methods.values()) method.classOrigin = null;
  }
  return result;
}

function stripClassQualifiers(cimClass: CIMClass): void {
  cimClass.qualifiers.clear();
  for (const property of cimClass.properties.values()) property.qualifiers.clear();
  for (const method of cimClass.methods.values()) {
    method.qualifiers.clear();
    for (const parameter of method.parameters.values()) parameter.qualifiers.clear();
  }
}

/** Options that shape an instance returned by the instance operations. */
export interface InstanceOutputOptions {
  /** Add the qualifiers of the class and its property declarations (deprecated in DSP0200). */
  includeQualifiers: boolean;
  /** Set the `classOrigin` of each property from the class. */
  includeClassOrigin: boolean;
  /** Names of the properties to keep; null keeps all. */
  propertyList: readonly string[] | null;
}

/**
 * Returns a filtered copy of a stored instance. `allowed`, when given, is the set of
 * lower-cased property names the operation may return (for DeepInheritance and
 * LocalOnly); the property list narrows it further.
 */
export function filterInstance(
  stored: CIMInstance,
  cimClass: CIMClass,
  options: InstanceOutputOptions,
  allowed: ReadonlySet<string> | null = null,
): CIMInstance {
  const result = stored.copy();
  const requested = propertyNameSet(options.propertyList);

  for (const property of [...result.properties.values()]) {
    const name = property.name.toLowerCase();
    if ((allowed !== null && !allowed.has(name)) || (requested !== null && !requested.has(name))) {
      result.properties.delete(property.name);
    }
  }

  for (const property of result.properties.values()) {
    const declared = cimClass.properties.get(property.name);
    property.classOrigin = options.includeClassOrigin ? (declared?.classOrigin ?? null) : null;
    property.propagated = options.includeClassOrigin ? (declared?.propagated ?? null) : null;
    property.qualifiers.clear();
    if (options.includeQualifiers && declared) {
      for (const qualifier of declared.qualifiers.values()) property.qualifiers.set(qualifier.name, qualifier.copy());
    }
  }
  if (options.includeQualifiers) {
    for (const qualifier of cimClass.qualifiers.values()) {
      if (!result.qualifiers.has(qualifier.name)) result.qualifiers.set(qualifier.name, qualifier.copy());
    }
  } else {
    result.qualifiers.clear();
  }
  return result;
}
