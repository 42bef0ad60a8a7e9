import type { CIMClass } from '../cim/class.js';
import { CIMClassName } from '../cim/class-name.js';
import { CIMError } from '../cim/errors.js';
import type { CIMInstance } from '../cim/instance.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { NocaseMap } from '../cim/nocase-map.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import {
  CIM_ERR_ALREADY_EXISTS,
  CIM_ERR_CLASS_HAS_CHILDREN,
  CIM_ERR_CLASS_HAS_INSTANCES,
  CIM_ERR_FAILED,
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_INVALID_PARAMETER,
  CIM_ERR_INVALID_SUPERCLASS,
  CIM_ERR_NAMESPACE_NOT_EMPTY,
  CIM_ERR_NOT_FOUND,
} from '../cim/status-codes.js';
import type { MOFTarget } from '../mof/target.js';
import { instancePathKey } from './instance-key.js';
import { buildStoredInstance, checkPathKeys, type InstanceCheckOptions } from './instance-validation.js';
import { MethodProviderRegistry, type MethodProvider } from './method-providers.js';
import { NamespaceStore } from './namespace-store.js';
import { isAbstractClass, normalizeNamespace } from './names.js';

/** Options of `new MockRepository(options)`. */
export interface MockRepositoryOptions {
  /**
   * Check that reference property values point to the declared reference class or a
   * subclass (CIM_ERR_TYPE_MISMATCH otherwise). Default true; some published sample
   * models assign references of the wrong class and load only with false.
   */
  checkReferenceClasses?: boolean;
}

/** A namespace added to or removed from a repository, as `onNamespaceChange` listeners receive it. */
export type NamespaceChange = {
  /** Whether the namespace was added or removed. */
  kind: 'added' | 'removed';
  /** Namespace name, normalised (no leading or trailing slash). */
  namespace: string;
};

/**
 * An in-memory CIM repository: namespaces with qualifier declarations, resolved classes
 * and instances, kept consistent as a WBEM server does. Getters return copies; stored
 * objects change only through the methods here. Errors are CIMError with the DSP0200
 * status code a server would return.
 */
export class MockRepository implements MOFTarget {
  readonly #namespaces = new NocaseMap<NamespaceStore>();
  readonly #listeners: Array<(change: NamespaceChange) => void> = [];
  readonly #checkOptions: InstanceCheckOptions;
  /**
   * Method providers for InvokeMethod, by namespace, class and method.
   * @internal
   */
  readonly methodProviders = new MethodProviderRegistry();

  constructor(options: MockRepositoryOptions = {}) {
    this.#checkOptions = { checkReferenceClasses: options.checkReferenceClasses ?? true };
  }

  /**
   * Registers the JavaScript handler of an extrinsic method for InvokeMethod. `methodName`
   * `'*'` handles every method of the class; providers of a superclass serve subclasses.
   */
  registerMethodProvider(namespace: string, className: string, methodName: string, provider: MethodProvider): void {
    this.methodProviders.register(normalizeNamespace(namespace), className, methodName, provider);
  }

  // Namespaces

  /** Names of all namespaces, as first spelled. */
  namespaceNames(): string[] {
    return [...this.#namespaces.values()].map((store) => store.name);
  }

  /** Returns whether the namespace exists, compared case-insensitively and without leading or trailing slashes. */
  hasNamespace(namespace: string): boolean {
    return this.#namespaces.has(normalizeNamespace(namespace));
  }

  /** Adds an empty namespace; raises CIM_ERR_ALREADY_EXISTS if it exists. */
  addNamespace(namespace: string): void {
    const name = normalizeNamespace(namespace);
    if (name === '') throw new CIMError(CIM_ERR_INVALID_PARAMETER, 'The namespace name is empty; pass a name such as "root/cimv2".');
    if (this.#namespaces.has(name)) {
      throw new CIMError(CIM_ERR_ALREADY_EXISTS, `Namespace "${name}" exists already.`);
    }
    this.#namespaces.set(name, new NamespaceStore(name));
    this.#notify({ kind: 'added', namespace: name });
  }

  /** Removes a namespace; raises CIM_ERR_NAMESPACE_NOT_EMPTY unless it has no classes or qualifiers. */
  removeNamespace(namespace: string): void {
    const store = this.namespace(namespace);
    if (!store.isEmpty) {
      throw new CIMError(
        CIM_ERR_NAMESPACE_NOT_EMPTY,
        `Namespace "${store.name}" still has ${store.classes.size} classes and ${store.qualifierDeclarations.size} qualifier declarations; delete them first.`,
      );
    }
    this.#namespaces.delete(store.name);
    this.#notify({ kind: 'removed', namespace: store.name });
  }

  /** Registers a listener for added and removed namespaces; returns a function that removes it. */
  onNamespaceChange(listener: (change: NamespaceChange) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  }

  /**
   * Returns the store of a namespace; raises CIM_ERR_INVALID_NAMESPACE if there is none.
   * The store contains the stored objects themselves, not copies.
   * @internal
   */
  namespace(namespace: string): NamespaceStore {
    const store = this.#namespaces.get(normalizeNamespace(namespace));
    if (!store) {
      const known = this.namespaceNames().join(', ') || '(none)';
      throw new CIMError(CIM_ERR_INVALID_NAMESPACE, `Namespace "${namespace}" does not exist; namespaces are: ${known}.`);
    }
    return store;
  }

  // Qualifier declarations

  getQualifierDeclaration(namespace: string, name: string): CIMQualifierDeclaration | undefined {
    const declaration = this.namespace(namespace).qualifierDeclarations.get(name);
    return declaration ? declaration.copy() : undefined;
  }

  /** Creates or replaces a qualifier declaration. */
  setQualifierDeclaration(namespace: string, declaration: CIMQualifierDeclaration): void {
    this.namespace(namespace).qualifierDeclarations.set(declaration.name, declaration.copy());
  }

  /** Deletes a qualifier declaration; raises CIM_ERR_NOT_FOUND if there is none. */
  deleteQualifierDeclaration(namespace: string, name: string): void {
    const store = this.namespace(namespace);
    if (!store.qualifierDeclarations.delete(name)) {
      throw new CIMError(CIM_ERR_NOT_FOUND, `Qualifier declaration ${name} does not exist in namespace "${store.name}".`);
    }
  }

  /** Returns copies of all qualifier declarations of a namespace; raises CIM_ERR_INVALID_NAMESPACE if there is none. */
  qualifierDeclarations(namespace: string): CIMQualifierDeclaration[] {
    return [...this.namespace(namespace).qualifierDeclarations.values()].map((declaration) => declaration.copy());
  }

  // Classes

  /** Returns a copy of the stored (resolved) class, or undefined. */
  getClass(namespace: string, className: string): CIMClass | undefined {
    const cimClass = this.namespace(namespace).classes.get(className);
    return cimClass ? cimClass.copy() : undefined;
  }

  /** Returns the stored class, which callers must not change; raises CIM_ERR_INVALID_CLASS if missing. */
  storedClass(namespace: string, className: string): CIMClass {
    const store = this.namespace(namespace);
    const cimClass = store.classes.get(className);
    if (!cimClass) {
      throw new CIMError(CIM_ERR_INVALID_CLASS, `Class ${className} does not exist in namespace "${store.name}".`);
    }
    return cimClass;
  }

  /**
   * Stores a resolved class. Raises CIM_ERR_ALREADY_EXISTS for a duplicate name and
   * CIM_ERR_INVALID_SUPERCLASS when the superclass is not in the namespace.
   */
  createClass(namespace: string, resolvedClass: CIMClass): void {
    const store = this.namespace(namespace);
    if (store.classes.has(resolvedClass.className)) {
      throw new CIMError(CIM_ERR_ALREADY_EXISTS, `Class ${resolvedClass.className} exists already in namespace "${store.name}".`);
    }
    this.#checkSuperclass(store, resolvedClass);
    store.addClass(this.#storable(store, resolvedClass));
  }

  /**
   * Replaces a stored class with a resolved one. Raises CIM_ERR_INVALID_CLASS if it does
   * not exist, CIM_ERR_CLASS_HAS_CHILDREN if subclasses would keep the old definition,
   * CIM_ERR_CLASS_HAS_INSTANCES if instances exist and CIM_ERR_INVALID_SUPERCLASS for a
   * missing superclass.
   */
  modifyClass(namespace: string, resolvedClass: CIMClass): void {
    const store = this.namespace(namespace);
    const existing = this.storedClass(store.name, resolvedClass.className);
    this.#checkNoSubclasses(store, existing.className, 'modified');
    this.#checkNoInstances(store, existing.className, 'modified');
    this.#checkSuperclass(store, resolvedClass);

    const replacement = this.#storable(store, resolvedClass, existing.className);
    store.removeClass(existing.className);
    store.addClass(replacement);
  }

  /** Deletes a class; raises CIM_ERR_CLASS_HAS_CHILDREN or CIM_ERR_CLASS_HAS_INSTANCES when it is in use. */
  deleteClass(namespace: string, className: string): void {
    const store = this.namespace(namespace);
    const existing = this.storedClass(store.name, className);
    this.#checkNoSubclasses(store, existing.className, 'deleted');
    this.#checkNoInstances(store, existing.className, 'deleted');
    store.removeClass(existing.className);
  }

  #checkSuperclass(store: NamespaceStore, cimClass: CIMClass): void {
    if (cimClass.superclass === null || store.classes.has(cimClass.superclass)) return;
    throw new CIMError(
      CIM_ERR_INVALID_SUPERCLASS,
      `Superclass ${cimClass.superclass} of class ${cimClass.className} does not exist in namespace "${store.name}"; create it first.`,
    );
  }

  #checkNoSubclasses(store: NamespaceStore, className: string, action: string): void {
    const children = store.directSubclassNames(className);
    if (children.length === 0) return;
    throw new CIMError(
      CIM_ERR_CLASS_HAS_CHILDREN,
      `Class ${className} cannot be ${action} because it has subclasses: ${children.join(', ')}.`,
    );
  }

  #checkNoInstances(store: NamespaceStore, className: string, action: string): void {
    const count = store.countInstances(className);
    if (count === 0) return;
    throw new CIMError(
      CIM_ERR_CLASS_HAS_INSTANCES,
      `Class ${className} cannot be ${action} because it has ${count} instances; delete them first.`,
    );
  }

  /** Returns the copy to store, with the superclass spelled as stored and the class path set. */
  #storable(store: NamespaceStore, cimClass: CIMClass, className = cimClass.className): CIMClass {
    const copy = cimClass.copy();
    copy.className = className;
    if (copy.superclass !== null) copy.superclass = store.classes.get(copy.superclass)?.className ?? copy.superclass;
    copy.path = new CIMClassName(copy.className, { namespace: store.name });
    return copy;
  }

  // Instances

  /**
   * Stores a new instance and returns its path. The class must exist
   * (CIM_ERR_INVALID_CLASS); values are converted to the declared types
   * (CIM_ERR_TYPE_MISMATCH), unknown properties raise CIM_ERR_NO_SUCH_PROPERTY, NULL
   * keys CIM_ERR_INVALID_PARAMETER and an existing path CIM_ERR_ALREADY_EXISTS. A class
   * with the Abstract qualifier has no instances of its own (CIM_ERR_FAILED).
   */
  createInstance(namespace: string, instance: CIMInstance): CIMInstanceName {
    const store = this.namespace(namespace);
    const cimClass = this.storedClass(store.name, instance.className);
    if (isAbstractClass(cimClass)) {
      throw new CIMError(
        CIM_ERR_FAILED,
        `Class ${cimClass.className} is abstract and cannot have instances of its own; create an instance of a concrete subclass of ${cimClass.className} instead.`,
      );
    }
    const stored = buildStoredInstance(store, cimClass, instance, this.#checkOptions);
    const path = stored.path as CIMInstanceName;

    const instances = store.instancesOfClass(cimClass.className);
    const key = instancePathKey(path, store.name);
    if (instances.has(key)) {
      throw new CIMError(CIM_ERR_ALREADY_EXISTS, `Instance ${describePath(path)} exists already in namespace "${store.name}".`);
    }
    instances.set(key, stored);
    return path.copy();
  }

  /** Returns a copy of the instance at `path`; raises CIM_ERR_NOT_FOUND if there is none. */
  getInstance(namespace: string, path: CIMInstanceName): CIMInstance {
    return this.storedInstance(namespace, path).copy();
  }

  /**
   * Returns the stored instance, which callers must not change. Raises
   * CIM_ERR_INVALID_CLASS for an unknown class, CIM_ERR_INVALID_PARAMETER for keybindings
   * that do not match the class keys and CIM_ERR_NOT_FOUND for a missing instance.
   */
  storedInstance(namespace: string, path: CIMInstanceName): CIMInstance {
    const store = this.namespace(namespace);
    const cimClass = this.storedClass(store.name, path.className);
    checkPathKeys(cimClass, path);

    const found = store.instancesOfClass(cimClass.className).get(instancePathKey(path, store.name));
    if (!found) {
      throw new CIMError(CIM_ERR_NOT_FOUND, `Instance ${describePath(path)} does not exist in namespace "${store.name}".`);
    }
    return found;
  }

  /** Replaces a stored instance by one built from `instance`, with the same checks as createInstance. */
  replaceInstance(namespace: string, instance: CIMInstance): void {
    const store = this.namespace(namespace);
    const cimClass = this.storedClass(store.name, instance.className);
    const stored = buildStoredInstance(store, cimClass, instance, this.#checkOptions);
    const key = instancePathKey(stored.path as CIMInstanceName, store.name);

    const instances = store.instancesOfClass(cimClass.className);
    if (!instances.has(key)) {
      throw new CIMError(CIM_ERR_NOT_FOUND, `Instance ${describePath(stored.path as CIMInstanceName)} does not exist in namespace "${store.name}".`);
    }
    instances.set(key, stored);
  }

  /** Deletes the instance at `path`; raises CIM_ERR_NOT_FOUND if there is none. */
  deleteInstance(namespace: string, path: CIMInstanceName): void {
    const stored = this.storedInstance(namespace, path);
    const store = this.namespace(namespace);
    store.instancesOfClass(stored.className).delete(instancePathKey(stored.path as CIMInstanceName, store.name));
  }

  /**
   * Returns the stored instances of a class, and of its subclasses when `deep` is set, in
   * class order. Callers must not change them.
   */
  storedInstances(namespace: string, className: string, deep = true): CIMInstance[] {
    const store = this.namespace(namespace);
    const cimClass = this.storedClass(store.name, className);
    const classNames = deep ? [cimClass.className, ...store.allSubclassNames(cimClass.className)] : [cimClass.className];
    return classNames.flatMap((name) => [...store.instancesOfClass(name).values()]);
  }

  /** Returns the stored instances of every class in a namespace. */
  allStoredInstances(namespace: string): CIMInstance[] {
    const store = this.namespace(namespace);
    return [...store.classes.keys()].flatMap((name) => [...store.instancesOfClass(name).values()]);
  }

  #notify(change: NamespaceChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

/** Returns a path as `Class.key="value",...` for messages. */
export function describePath(path: CIMInstanceName): string {
  const bindings = [...path.keybindings].map(([name, value]) => `${name}=${JSON.stringify(keyText(value))}`);
  return bindings.length === 0 ? path.className : `${path.className}.${bindings.join(',')}`;
}

function keyText(value: unknown): string {
  if (value instanceof CIMInstanceName) return describePath(value);
  if (value instanceof CIMClassName) return value.className;
  return String(value);
}
