import type { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_ALREADY_EXISTS, CIM_ERR_NOT_FOUND } from '../../cim/status-codes.js';
import { resolveNewClass } from '../class-resolution.js';
import { filterClass } from '../output-filters.js';
import type { MockRepository } from '../repository.js';

export interface GetClassOptions {
  /** Leave out inherited properties, methods and qualifiers; default true. */
  localOnly?: boolean;
  /** Default true. */
  includeQualifiers?: boolean;
  /** Default false. */
  includeClassOrigin?: boolean;
  /** Properties to return; null or left out for all. */
  propertyList?: readonly string[] | null;
}

export interface EnumerateClassesOptions {
  /** Base class whose subclasses are returned; null or left out for the top classes. */
  className?: string | null;
  /** Return subclasses at every depth instead of direct subclasses only; default false. */
  deepInheritance?: boolean;
  /** Default true. */
  localOnly?: boolean;
  /** Default true. */
  includeQualifiers?: boolean;
  /** Default false. */
  includeClassOrigin?: boolean;
}

/** GetClass: raises CIM_ERR_INVALID_NAMESPACE or CIM_ERR_NOT_FOUND (DSP0200 uses NOT_FOUND for a missing class here). */
export function getClass(repository: MockRepository, namespace: string, className: string, options: GetClassOptions = {}): CIMClass {
  const stored = repository.namespace(namespace).classes.get(className);
  if (!stored) throw classNotFound(repository, namespace, className);

  return filterClass(stored, {
    localOnly: options.localOnly ?? true,
    includeQualifiers: options.includeQualifiers ?? true,
    includeClassOrigin: options.includeClassOrigin ?? false,
    propertyList: options.propertyList ?? null,
  });
}

/** EnumerateClasses: subclasses of `className` (top classes for null), parents before children. */
export function enumerateClasses(repository: MockRepository, namespace: string, options: EnumerateClassesOptions = {}): CIMClass[] {
  const store = repository.namespace(namespace);
  const outputOptions = {
    localOnly: options.localOnly ?? true,
    includeQualifiers: options.includeQualifiers ?? true,
    includeClassOrigin: options.includeClassOrigin ?? false,
    propertyList: null,
  };
  return subclassNames(repository, namespace, options).map((name) =>
    filterClass(store.classes.get(name) as CIMClass, outputOptions),
  );
}

/** EnumerateClassNames: names as class paths with the namespace set. */
export function enumerateClassNames(
  repository: MockRepository,
  namespace: string,
  options: Pick<EnumerateClassesOptions, 'className' | 'deepInheritance'> = {},
): CIMClassName[] {
  const store = repository.namespace(namespace);
  return subclassNames(repository, namespace, options).map((name) => new CIMClassName(name, { namespace: store.name }));
}

function subclassNames(
  repository: MockRepository,
  namespace: string,
  options: Pick<EnumerateClassesOptions, 'className' | 'deepInheritance'>,
): string[] {
  const store = repository.namespace(namespace);
  const base = options.className ?? null;
  const baseName = base === null ? null : repository.storedClass(namespace, base).className;
  return options.deepInheritance ? store.allSubclassNames(baseName) : store.directSubclassNames(baseName);
}

/**
 * CreateClass: resolves the class against its superclass and stores it. Raises
 * CIM_ERR_ALREADY_EXISTS for an existing class, CIM_ERR_INVALID_SUPERCLASS for a missing
 * superclass and CIM_ERR_INVALID_PARAMETER for undeclared or misplaced qualifiers.
 */
export function createClass(repository: MockRepository, namespace: string, newClass: CIMClass): void {
  const store = repository.namespace(namespace);
  if (store.classes.has(newClass.className)) {
    throw new CIMError(CIM_ERR_ALREADY_EXISTS, `Class ${newClass.className} exists already in namespace "${store.name}".`);
  }
  const resolved = resolveNewClass(store, newClass);
  repository.createClass(namespace, resolved);
}

/** ModifyClass: replaces a class that has neither subclasses nor instances; CIM_ERR_NOT_FOUND if it does not exist. */
export function modifyClass(repository: MockRepository, namespace: string, modifiedClass: CIMClass): void {
  const store = repository.namespace(namespace);
  if (!store.classes.has(modifiedClass.className)) throw classNotFound(repository, namespace, modifiedClass.className);
  const resolved = resolveNewClass(store, modifiedClass);
  repository.modifyClass(namespace, resolved);
}

/** DeleteClass: raises CIM_ERR_NOT_FOUND for a missing class, 8 or 9 when the class is in use. */
export function deleteClass(repository: MockRepository, namespace: string, className: string): void {
  if (!repository.namespace(namespace).classes.has(className)) throw classNotFound(repository, namespace, className);
  repository.deleteClass(namespace, className);
}

function classNotFound(repository: MockRepository, namespace: string, className: string): CIMError {
  const store = repository.namespace(namespace);
  return new CIMError(CIM_ERR_NOT_FOUND, `Class ${className} does not exist in namespace "${store.name}".`);
}
