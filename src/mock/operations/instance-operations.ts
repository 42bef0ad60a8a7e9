import type { CIMClass } from '../../cim/class.js';
import { CIMError } from '../../cim/errors.js';
import { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { NocaseMap } from '../../cim/nocase-map.js';
import { CIMProperty } from '../../cim/property.js';
import { CIM_ERR_INVALID_PARAMETER, CIM_ERR_NO_SUCH_PROPERTY } from '../../cim/status-codes.js';
import type { CIMInputValue, CIMValue, KeyBindingValue } from '../../cim/value.js';
import { copyValue } from '../../cim/value-copy.js';
import type { EnumerationSnapshot } from '../enumeration-contexts.js';
import { instancePathKey } from '../instance-key.js';
import { typedPropertyValue } from '../instance-validation.js';
import { isKeyProperty } from '../names.js';
import { filterInstance } from '../output-filters.js';
import type { MockRepository } from '../repository.js';

export interface GetInstanceOptions {
  /**
   * Only properties not inherited by the instance's class. DSP0200 deprecates LocalOnly on
   * instance operations and allows servers to treat it as false; this server does so when the
   * client leaves it out, as OpenPegasus and SFCB do, and honours an explicit true.
   */
  localOnly?: boolean;
  /** Default false (deprecated in DSP0200). */
  includeQualifiers?: boolean;
  /** Default false. */
  includeClassOrigin?: boolean;
  /** Properties to return; null or left out for all. */
  propertyList?: readonly string[] | null;
}

export interface EnumerateInstancesOptions extends GetInstanceOptions {
  /** Include properties that subclasses add to the class named in the request; default true. */
  deepInheritance?: boolean;
}

export interface ModifyInstanceOptions {
  /** Default true (deprecated in DSP0200); instance qualifiers are not stored by this repository. */
  includeQualifiers?: boolean;
  /** Properties to modify; null or left out for those in the modified instance. */
  propertyList?: readonly string[] | null;
}

/** GetInstance: CIM_ERR_INVALID_CLASS for an unknown class, CIM_ERR_NOT_FOUND for a missing instance. */
export function getInstance(
  repository: MockRepository,
  namespace: string,
  instanceName: CIMInstanceName,
  options: GetInstanceOptions = {},
): CIMInstance {
  const stored = repository.storedInstance(namespace, instanceName);
  const cimClass = repository.storedClass(namespace, stored.className);
  const allowed = options.localOnly === true ? localPropertyNames(cimClass) : null;
  return filterInstance(stored, cimClass, outputOptions(options), allowed);
}

/**
 * EnumerateInstances: instances of the class and its subclasses. Without DeepInheritance
 * each instance carries only the properties of the requested class; with LocalOnly only
 * the properties the requested class declares or overrides, plus those that subclasses
 * add when DeepInheritance is set.
 */
export function enumerateInstances(
  repository: MockRepository,
  namespace: string,
  className: string,
  options: EnumerateInstancesOptions = {},
): CIMInstance[] {
  return [...enumeratedInstances(repository, namespace, className, options)];
}

/**
 * EnumerateInstances as a sequence that is read once and copies each instance as it is
 * read, so a server can write a large result while it generates it. The class is checked
 * at once, and the sequence contains the instances stored at the time of the call.
 */
export function enumeratedInstances(
  repository: MockRepository,
  namespace: string,
  className: string,
  options: EnumerateInstancesOptions = {},
): Iterable<CIMInstance> {
  const { snapshot, output } = instanceEnumeration(repository, namespace, className, options);

  function* copies(): Generator<CIMInstance> {
    for (const stored of snapshot) yield output(stored);
  }
  return copies();
}

/**
 * Collects the stored instances that EnumerateInstances returns, and their classes, as
 * they are now, with the function that makes the returned copy of one of them. Later
 * changes to the repository do not alter the copies, because the repository replaces
 * instances and classes rather than changing them.
 */
export function instanceEnumeration(
  repository: MockRepository,
  namespace: string,
  className: string,
  options: EnumerateInstancesOptions = {},
): EnumerationSnapshot<CIMInstance, CIMInstance> {
  const requested = repository.storedClass(namespace, className);
  const deep = options.deepInheritance ?? true;
  const localOnly = options.localOnly ?? false;
  const filters = outputOptions(options);
  const snapshot = repository.storedInstances(namespace, requested.className);

  const shapes = new NocaseMap<InstanceShape>();
  const store = repository.namespace(namespace);
  for (const name of [requested.className, ...store.allSubclassNames(requested.className)]) {
    const cimClass = repository.storedClass(namespace, name);
    shapes.set(name, { cimClass, allowed: enumerationPropertyNames(requested, cimClass, deep, localOnly) });
  }

  const output = (stored: CIMInstance): CIMInstance => {
    const shape = shapes.get(stored.className) as InstanceShape;
    return filterInstance(stored, shape.cimClass, filters, shape.allowed);
  };
  return { snapshot, output };
}

/** The class of enumerated instances and the lower-cased names of the properties they may carry (null for all). */
interface InstanceShape {
  cimClass: CIMClass;
  allowed: ReadonlySet<string> | null;
}

function enumerationPropertyNames(
  requested: CIMClass,
  instanceClass: CIMClass,
  deep: boolean,
  localOnly: boolean,
): ReadonlySet<string> | null {
  if (deep && !localOnly) return null;

  const names = new Set<string>();
  for (const property of instanceClass.properties.values()) {
    const inRequested = requested.properties.get(property.name);
    if (inRequested) {
      if (!localOnly || inRequested.propagated !== true) names.add(property.name.toLowerCase());
    } else if (deep) {
      names.add(property.name.toLowerCase());
    }
  }
  return names;
}

function localPropertyNames(cimClass: CIMClass): ReadonlySet<string> {
  return new Set(
    [...cimClass.properties.values()].filter((property) => property.propagated !== true).map((property) => property.name.toLowerCase()),
  );
}

function outputOptions(options: GetInstanceOptions) {
  return {
    includeQualifiers: options.includeQualifiers ?? false,
    includeClassOrigin: options.includeClassOrigin ?? false,
    propertyList: options.propertyList ?? null,
  };
}

/** EnumerateInstanceNames: paths of the instances of the class and its subclasses, with the namespace set. */
export function enumerateInstanceNames(repository: MockRepository, namespace: string, className: string): CIMInstanceName[] {
  const { snapshot, output } = instanceNameEnumeration(repository, namespace, className);
  return snapshot.map(output);
}

/** Collects the stored instances that EnumerateInstanceNames lists, with the function that copies the path of one of them. */
export function instanceNameEnumeration(
  repository: MockRepository,
  namespace: string,
  className: string,
): EnumerationSnapshot<CIMInstance, CIMInstanceName> {
  const snapshot = repository.storedInstances(namespace, className);
  return { snapshot, output: (stored) => (stored.path as CIMInstanceName).copy() };
}

/** CreateInstance: stores the instance and returns its path; see MockRepository.createInstance for the errors. */
export function createInstance(repository: MockRepository, namespace: string, newInstance: CIMInstance): CIMInstanceName {
  return repository.createInstance(namespace, newInstance);
}

/**
 * ModifyInstance: sets the properties of the modified instance, or with a property list
 * the listed ones (a listed property the modified instance lacks gets the class
 * default). Key properties cannot change (CIM_ERR_INVALID_PARAMETER); unknown properties
 * raise CIM_ERR_NO_SUCH_PROPERTY.
 */
export function modifyInstance(
  repository: MockRepository,
  namespace: string,
  modifiedInstance: CIMInstance,
  options: ModifyInstanceOptions = {},
): void {
  const path = modifiedInstance.path;
  if (!path) {
    throw new CIMError(CIM_ERR_INVALID_PARAMETER, `The modified instance of class ${modifiedInstance.className} has no path; set its path.`);
  }
  const stored = repository.storedInstance(namespace, path);
  const cimClass = repository.storedClass(namespace, stored.className);
  const names = options.propertyList ?? [...modifiedInstance.properties.keys()];

  for (const name of modifiedInstance.properties.keys()) declaredProperty(cimClass, name);

  const updated = new CIMInstance(stored.className, { properties: [...stored.properties.values()].map((p) => p.copy()) });
  for (const name of names) {
    const declared = declaredProperty(cimClass, name);
    const given = modifiedInstance.properties.get(name);
    const value = given ? typedValue(repository, namespace, cimClass, declared, given.value) : copyValue(declared.value);
    checkKeyUnchanged(cimClass, declared, stored, value, repository, namespace);
    updated.properties.set(declared.name, declaredPropertyWithValue(declared, value));
  }
  repository.replaceInstance(namespace, updated);
}

/** DeleteInstance: CIM_ERR_NOT_FOUND for a missing instance. */
export function deleteInstance(repository: MockRepository, namespace: string, instanceName: CIMInstanceName): void {
  repository.deleteInstance(namespace, instanceName);
}

/** GetProperty: returns the property (value and type); CIM_ERR_NO_SUCH_PROPERTY if the class lacks it. */
export function getProperty(
  repository: MockRepository,
  namespace: string,
  instanceName: CIMInstanceName,
  propertyName: string,
): CIMProperty {
  const stored = repository.storedInstance(namespace, instanceName);
  const declared = declaredProperty(repository.storedClass(namespace, stored.className), propertyName);
  const property = stored.properties.get(declared.name) as CIMProperty;
  return property.copy();
}

/** SetProperty: sets one non-key property; NULL when `newValue` is null or left out. */
export function setProperty(
  repository: MockRepository,
  namespace: string,
  instanceName: CIMInstanceName,
  propertyName: string,
  newValue: CIMInputValue = null,
): void {
  const stored = repository.storedInstance(namespace, instanceName);
  const cimClass = repository.storedClass(namespace, stored.className);
  const declared = declaredProperty(cimClass, propertyName);
  const value = typedValue(repository, namespace, cimClass, declared, newValue);
  checkKeyUnchanged(cimClass, declared, stored, value, repository, namespace);

  const updated = new CIMInstance(stored.className, { properties: [...stored.properties.values()].map((p) => p.copy()) });
  updated.properties.set(declared.name, declaredPropertyWithValue(declared, value));
  repository.replaceInstance(namespace, updated);
}

/**
 * Converts a value to the declared type (CIM_ERR_TYPE_MISMATCH otherwise). Reference
 * classes are checked later by the repository, according to its options.
 */
function typedValue(
  repository: MockRepository,
  namespace: string,
  cimClass: CIMClass,
  declared: CIMProperty,
  value: CIMInputValue,
): CIMValue {
  const store = repository.namespace(namespace);
  return typedPropertyValue(store, declared, value as CIMValue, `instance of ${cimClass.className}`, {
    checkReferenceClasses: false,
  });
}

/**
 * Copies a declared property with another value. It runs the constructor rather than
 * `copy()`, so the embedded object kind is inferred from the new value.
 */
function declaredPropertyWithValue(declared: CIMProperty, value: CIMValue): CIMProperty {
  return new CIMProperty(declared.name, copyValue(value), {
    type: declared.type,
    isArray: declared.isArray,
    arraySize: declared.arraySize,
    referenceClass: declared.referenceClass,
    embeddedObject: declared.embeddedObject,
    classOrigin: declared.classOrigin,
    propagated: declared.propagated,
    qualifiers: [...declared.qualifiers.values()].map((qualifier) => qualifier.copy()),
  });
}

function declaredProperty(cimClass: CIMClass, name: string): CIMProperty {
  const declared = cimClass.properties.get(name);
  if (!declared) {
    throw new CIMError(CIM_ERR_NO_SUCH_PROPERTY, `Property ${name} is not declared in class ${cimClass.className}.`);
  }
  return declared;
}

function checkKeyUnchanged(
  cimClass: CIMClass,
  declared: CIMProperty,
  stored: CIMInstance,
  value: CIMValue,
  repository: MockRepository,
  namespace: string,
): void {
  if (!isKeyProperty(declared.qualifiers)) return;

  const before = stored.path as CIMInstanceName;
  const after = before.copy();
  after.keybindings.set(declared.name, value as KeyBindingValue);
  const store = repository.namespace(namespace);
  if (value !== null && instancePathKey(before, store.name) === instancePathKey(after, store.name)) return;
  throw new CIMError(
    CIM_ERR_INVALID_PARAMETER,
    `Key property ${declared.name} of class ${cimClass.className} cannot be changed; create a new instance instead.`,
  );
}
