import type { CIMClass } from '../cim/class.js';
import { CIMInstance } from '../cim/instance.js';
import { CIMProperty, TYPED_VALUE } from '../cim/property.js';
import type { CIMQualifier } from '../cim/qualifier.js';
import { copyValue } from '../cim/value-copy.js';
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
  // Builds the result from the kept properties only, instead of copying the whole instance
  // and deleting from the copy: enumerations call this once per instance they return.
  const requested = propertyNameSet(options.propertyList);
  const properties: CIMProperty[] = [];
  for (const property of stored.properties.values()) {
    const name = property.name.toLowerCase();
    if ((allowed !== null && !allowed.has(name)) || (requested !== null && !requested.has(name))) continue;
    properties.push(outputProperty(property, cimClass.properties.get(property.name), options));
  }

  return new CIMInstance(stored.className, {
    properties,
    qualifiers: options.includeQualifiers ? instanceQualifiers(stored, cimClass) : null,
    path: stored.path?.copy() ?? null,
  });
}

/** Copies a stored property with the class origin and qualifiers that the options ask for. */
function outputProperty(property: CIMProperty, declared: CIMProperty | undefined, options: InstanceOutputOptions): CIMProperty {
  const qualifiers = options.includeQualifiers && declared ? [...declared.qualifiers.values()].map((qualifier) => qualifier.copy()) : null;
  return new CIMProperty(property.name, copyValue(property.value), {
    type: property.type,
    isArray: property.isArray,
    arraySize: property.arraySize,
    referenceClass: property.referenceClass,
    embeddedObject: property.embeddedObject,
    classOrigin: options.includeClassOrigin ? (declared?.classOrigin ?? null) : null,
    propagated: options.includeClassOrigin ? (declared?.propagated ?? null) : null,
    qualifiers,
    [TYPED_VALUE]: true,
  });
}

/** Returns copies of the instance's own qualifiers, then of those of its class that it does not override. */
function instanceQualifiers(stored: CIMInstance, cimClass: CIMClass): CIMQualifier[] {
  const qualifiers = [...stored.qualifiers.values()].map((qualifier) => qualifier.copy());
  for (const qualifier of cimClass.qualifiers.values()) {
    if (!stored.qualifiers.has(qualifier.name)) qualifiers.push(qualifier.copy());
  }
  return qualifiers;
}
