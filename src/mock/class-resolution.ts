import type { CIMClass } from '../cim/class.js';
import type { NocaseMap } from '../cim/nocase-map.js';
import type { CIMQualifier } from '../cim/qualifier.js';
import { resolveClass } from '../mof/class-resolver.js';
import type { NamespaceStore } from './namespace-store.js';

/**
 * Resolves a class of CreateClass or ModifyClass with the MOF compiler's resolver, so
 * both paths apply the same DSP0004 rules. Raises CIM_ERR_INVALID_SUPERCLASS for a
 * missing superclass and CIM_ERR_INVALID_PARAMETER for undeclared or misplaced
 * qualifiers. Features and qualifiers marked propagated that the superclass has are
 * dropped first, so a class as GetClass returned it (LocalOnly false) can be sent back.
 * The caller's class is not changed.
 */
export function resolveNewClass(store: NamespaceStore, newClass: CIMClass): CIMClass {
  const superclass = newClass.superclass === null ? undefined : store.classes.get(newClass.superclass);
  const declared = withoutInheritedFeatures(newClass.copy(), superclass);
  return resolveClass(declared, superclass, (name) => store.qualifierDeclarations.get(name));
}

function withoutInheritedFeatures(declared: CIMClass, superclass: CIMClass | undefined): CIMClass {
  for (const property of [...declared.properties.values()]) {
    if (property.propagated === true && superclass?.properties.has(property.name)) declared.properties.delete(property.name);
  }
  for (const method of [...declared.methods.values()]) {
    if (method.propagated === true && superclass?.methods.has(method.name)) declared.methods.delete(method.name);
  }

  dropPropagated(declared.qualifiers);
  for (const property of declared.properties.values()) dropPropagated(property.qualifiers);
  for (const method of declared.methods.values()) dropPropagated(method.qualifiers);
  return declared;
}

function dropPropagated(qualifiers: NocaseMap<CIMQualifier>): void {
  for (const qualifier of [...qualifiers.values()]) {
    if (qualifier.propagated === true) qualifiers.delete(qualifier.name);
  }
}
