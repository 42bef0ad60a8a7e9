import type { CIMClass } from '../cim/class.js';
import type { NocaseMap } from '../cim/nocase-map.js';
import type { CIMQualifier } from '../cim/qualifier.js';

/** Returns a namespace name without leading or trailing slashes, as CIM-XML and WBEM URIs carry it. */
export function normalizeNamespace(namespace: string): string {
  return namespace.replace(/^\/+|\/+$/g, '');
}

/** True when the boolean qualifier is present with the value true. */
export function hasTrueQualifier(qualifiers: NocaseMap<CIMQualifier>, name: string): boolean {
  return qualifiers.get(name)?.value === true;
}

export function isKeyProperty(qualifiers: NocaseMap<CIMQualifier>): boolean {
  return hasTrueQualifier(qualifiers, 'Key');
}

/** True for a class with the Abstract qualifier, which has no instances of its own. */
export function isAbstractClass(cimClass: CIMClass): boolean {
  return hasTrueQualifier(cimClass.qualifiers, 'Abstract');
}

export function isAssociationClass(cimClass: CIMClass): boolean {
  return hasTrueQualifier(cimClass.qualifiers, 'Association');
}

/** Compares two CIM names (classes, properties, roles) case-insensitively. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Returns a property list as a set of lower-cased names, or null for "all properties". */
export function propertyNameSet(propertyList: readonly string[] | null | undefined): ReadonlySet<string> | null {
  if (propertyList === null || propertyList === undefined) return null;
  return new Set(propertyList.map((name) => name.toLowerCase()));
}
