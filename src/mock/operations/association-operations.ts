import type { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIM_ERR_INVALID_PARAMETER, CIM_ERR_NOT_FOUND } from '../../cim/status-codes.js';
import { referenceKey } from '../instance-key.js';
import type { NamespaceStore } from '../namespace-store.js';
import { isAssociationClass, normalizeNamespace, sameName } from '../names.js';
import { filterClass, filterInstance } from '../output-filters.js';
import type { MockRepository } from '../repository.js';

/** Filters of ReferenceNames; every name compares case-insensitively and classes match their subclasses. */
export interface ReferenceFilters {
  /** Only associations of this class or a subclass. */
  resultClass?: string | null;
  /** Only associations whose reference to the source object has this name. */
  role?: string | null;
}

/** Filters of AssociatorNames. */
export interface AssociatorFilters {
  /** Only through associations of this class or a subclass. */
  assocClass?: string | null;
  /** Only associated objects of this class or a subclass. */
  resultClass?: string | null;
  /** Only where the association's reference to the source object has this name. */
  role?: string | null;
  /** Only where the association's reference to the associated object has this name. */
  resultRole?: string | null;
}

/** Options that shape the objects of Associators and References. */
export interface AssociationOutputOptions {
  /** Default false (deprecated in DSP0200). */
  includeQualifiers?: boolean;
  /** Default false. */
  includeClassOrigin?: boolean;
  /** Properties to return; null or left out for all. */
  propertyList?: readonly string[] | null;
}

type ObjectName = CIMInstanceName | CIMClassName;

/** One association that refers to the source object through `role`. */
interface AssociationMatch {
  association: CIMInstance;
  role: string;
}

// Instance-level traversal

function referringAssociations(
  store: NamespaceStore,
  source: CIMInstance,
  assocClass: string | null,
  role: string | null,
): AssociationMatch[] {
  const sourceKey = referenceKey(source.path as CIMInstanceName, store.name);
  const matches: AssociationMatch[] = [];

  for (const cimClass of associationClasses(store, assocClass)) {
    for (const association of store.instancesOfClass(cimClass.className).values()) {
      for (const property of association.properties.values()) {
        if (!(property.value instanceof CIMInstanceName)) continue;
        if (role !== null && !sameName(role, property.name)) continue;
        if (referenceKey(property.value, store.name) === sourceKey) matches.push({ association, role: property.name });
      }
    }
  }
  return matches;
}

function associationClasses(store: NamespaceStore, assocClass: string | null): CIMClass[] {
  return [...store.classes.values()].filter(
    (cimClass) => isAssociationClass(cimClass) && (assocClass === null || store.isSubclassOf(cimClass.className, assocClass)),
  );
}

function associatedInstances(repository: MockRepository, namespace: string, source: CIMInstance, filters: AssociatorFilters): CIMInstance[] {
  const store = repository.namespace(namespace);
  const results = new Map<string, CIMInstance>();

  for (const match of referringAssociations(store, source, filters.assocClass ?? null, filters.role ?? null)) {
    for (const property of match.association.properties.values()) {
      const target = property.value;
      if (!(target instanceof CIMInstanceName) || sameName(property.name, match.role)) continue;
      if (filters.resultRole && !sameName(filters.resultRole, property.name)) continue;
      if (target.namespace !== null && !sameName(normalizeNamespace(target.namespace), store.name)) continue;
      if (filters.resultClass && !store.isSubclassOf(target.className, filters.resultClass)) continue;

      const found = findInstance(repository, namespace, target);
      if (found) results.set(referenceKey(found.path as CIMInstanceName, store.name), found);
    }
  }
  return [...results.values()];
}

function findInstance(repository: MockRepository, namespace: string, path: CIMInstanceName): CIMInstance | undefined {
  try {
    return repository.storedInstance(namespace, path);
  } catch (error) {
    if (error instanceof CIMError) return undefined;
    throw error;
  }
}

function referencingInstances(repository: MockRepository, namespace: string, source: CIMInstance, filters: ReferenceFilters): CIMInstance[] {
  const store = repository.namespace(namespace);
  const results = new Map<string, CIMInstance>();
  for (const match of referringAssociations(store, source, filters.resultClass ?? null, filters.role ?? null)) {
    results.set(referenceKey(match.association.path as CIMInstanceName, store.name), match.association);
  }
  return [...results.values()];
}

// Class-level traversal

interface ClassRoleMatch {
  association: CIMClass;
  role: string;
}

function referringAssociationClasses(
  store: NamespaceStore,
  sourceClass: string,
  assocClass: string | null,
  role: string | null,
): ClassRoleMatch[] {
  const matches: ClassRoleMatch[] = [];
  for (const association of associationClasses(store, assocClass)) {
    for (const property of association.properties.values()) {
      if (property.type !== 'reference' || property.referenceClass === null) continue;
      if (role !== null && !sameName(role, property.name)) continue;
      if (store.isSubclassOf(sourceClass, property.referenceClass)) matches.push({ association, role: property.name });
    }
  }
  return matches;
}

function associatedClassNames(store: NamespaceStore, sourceClass: string, filters: AssociatorFilters): string[] {
  const results = new Map<string, string>();
  for (const match of referringAssociationClasses(store, sourceClass, filters.assocClass ?? null, filters.role ?? null)) {
    for (const property of match.association.properties.values()) {
      if (property.type !== 'reference' || property.referenceClass === null || sameName(property.name, match.role)) continue;
      if (filters.resultRole && !sameName(filters.resultRole, property.name)) continue;
      if (filters.resultClass && !store.isSubclassOf(property.referenceClass, filters.resultClass)) continue;

      const target = store.classes.get(property.referenceClass);
      if (target) results.set(target.className.toLowerCase(), target.className);
    }
  }
  return [...results.values()];
}

function referencingClassNames(store: NamespaceStore, sourceClass: string, filters: ReferenceFilters): string[] {
  const results = new Map<string, string>();
  for (const match of referringAssociationClasses(store, sourceClass, filters.resultClass ?? null, filters.role ?? null)) {
    results.set(match.association.className.toLowerCase(), match.association.className);
  }
  return [...results.values()];
}

// Operations

/** Associators: associated instances of an instance, or associated classes of a class. */
export function associators(
  repository: MockRepository,
  namespace: string,
  objectName: CIMInstanceName,
  options?: AssociatorFilters & AssociationOutputOptions,
): CIMInstance[];
export function associators(
  repository: MockRepository,
  namespace: string,
  objectName: CIMClassName,
  options?: AssociatorFilters & AssociationOutputOptions,
): CIMClass[];
export function associators(
  repository: MockRepository,
  namespace: string,
  objectName: ObjectName,
  options: AssociatorFilters & AssociationOutputOptions = {},
): CIMInstance[] | CIMClass[] {
  const store = repository.namespace(namespace);
  checkFilterClasses(store, options.assocClass, options.resultClass);

  if (objectName instanceof CIMClassName) {
    const source = sourceClass(store, objectName);
    return associatedClassNames(store, source.className, options).map((name) => outputClass(store, name, options));
  }
  const source = sourceInstance(repository, namespace, objectName);
  return associatedInstances(repository, namespace, source, options).map((found) => outputInstance(repository, namespace, found, options));
}

/** AssociatorNames: paths of the objects Associators returns, with the namespace set. */
export function associatorNames(
  repository: MockRepository,
  namespace: string,
  objectName: ObjectName,
  filters: AssociatorFilters = {},
): Array<CIMInstanceName | CIMClassName> {
  const store = repository.namespace(namespace);
  checkFilterClasses(store, filters.assocClass, filters.resultClass);

  if (objectName instanceof CIMClassName) {
    const source = sourceClass(store, objectName);
    return associatedClassNames(store, source.className, filters).map((name) => new CIMClassName(name, { namespace: store.name }));
  }
  const source = sourceInstance(repository, namespace, objectName);
  return associatedInstances(repository, namespace, source, filters).map((found) => (found.path as CIMInstanceName).copy());
}

/** References: association instances that refer to an instance, or association classes that refer to a class. */
export function references(
  repository: MockRepository,
  namespace: string,
  objectName: CIMInstanceName,
  options?: ReferenceFilters & AssociationOutputOptions,
): CIMInstance[];
export function references(
  repository: MockRepository,
  namespace: string,
  objectName: CIMClassName,
  options?: ReferenceFilters & AssociationOutputOptions,
): CIMClass[];
export function references(
  repository: MockRepository,
  namespace: string,
  objectName: ObjectName,
  options: ReferenceFilters & AssociationOutputOptions = {},
): CIMInstance[] | CIMClass[] {
  const store = repository.namespace(namespace);
  checkFilterClasses(store, undefined, options.resultClass);

  if (objectName instanceof CIMClassName) {
    const source = sourceClass(store, objectName);
    return referencingClassNames(store, source.className, options).map((name) => outputClass(store, name, options));
  }
  const source = sourceInstance(repository, namespace, objectName);
  return referencingInstances(repository, namespace, source, options).map((found) => outputInstance(repository, namespace, found, options));
}

/** ReferenceNames: paths of the objects References returns, with the namespace set. */
export function referenceNames(
  repository: MockRepository,
  namespace: string,
  objectName: ObjectName,
  filters: ReferenceFilters = {},
): Array<CIMInstanceName | CIMClassName> {
  const store = repository.namespace(namespace);
  checkFilterClasses(store, undefined, filters.resultClass);

  if (objectName instanceof CIMClassName) {
    const source = sourceClass(store, objectName);
    return referencingClassNames(store, source.className, filters).map((name) => new CIMClassName(name, { namespace: store.name }));
  }
  const source = sourceInstance(repository, namespace, objectName);
  return referencingInstances(repository, namespace, source, filters).map((found) => (found.path as CIMInstanceName).copy());
}

function checkFilterClasses(store: NamespaceStore, assocClass: string | null | undefined, resultClass: string | null | undefined): void {
  for (const [parameter, className] of [['AssocClass', assocClass], ['ResultClass', resultClass]] as const) {
    if (className && !store.classes.has(className)) {
      throw new CIMError(
        CIM_ERR_INVALID_PARAMETER,
        `${parameter} ${className} is not a class in namespace "${store.name}"; pass an existing class or leave it out.`,
      );
    }
  }
}

function sourceClass(store: NamespaceStore, objectName: CIMClassName): CIMClass {
  const found = store.classes.get(objectName.className);
  if (!found) throw new CIMError(CIM_ERR_NOT_FOUND, `Class ${objectName.className} does not exist in namespace "${store.name}".`);
  return found;
}

function sourceInstance(repository: MockRepository, namespace: string, objectName: CIMInstanceName): CIMInstance {
  return repository.storedInstance(namespace, objectName);
}

function outputClass(store: NamespaceStore, className: string, options: AssociationOutputOptions): CIMClass {
  const result = filterClass(store.classes.get(className) as CIMClass, {
    localOnly: false,
    includeQualifiers: options.includeQualifiers ?? false,
    includeClassOrigin: options.includeClassOrigin ?? false,
    propertyList: options.propertyList ?? null,
  });
  result.path = new CIMClassName(result.className, { namespace: store.name });
  return result;
}

function outputInstance(repository: MockRepository, namespace: string, stored: CIMInstance, options: AssociationOutputOptions): CIMInstance {
  const cimClass = repository.storedClass(namespace, stored.className);
  return filterInstance(stored, cimClass, {
    includeQualifiers: options.includeQualifiers ?? false,
    includeClassOrigin: options.includeClassOrigin ?? false,
    propertyList: options.propertyList ?? null,
  });
}
