import { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { instancePathKey } from '../instance-key.js';
import type { MockRepository } from '../repository.js';
import {
  decodeClass,
  decodeInstance,
  decodeQualifierDeclaration,
  encodeClass,
  encodeInstance,
  encodeQualifierDeclaration,
  type PlainClass,
  type PlainInstance,
  type PlainQualifierDeclaration,
} from './plain-form.js';

/** The contents of one namespace as plain data. */
export interface NamespaceSnapshot {
  name: string;
  qualifierDeclarations: PlainQualifierDeclaration[];
  /** Resolved classes in the order they were added, which puts superclasses before subclasses. */
  classes: PlainClass[];
  instances: PlainInstance[];
}

/** Returns the qualifier declarations, classes and instances of every namespace as plain data. */
export function takeSnapshot(repository: MockRepository): NamespaceSnapshot[] {
  return repository.namespaceNames().map((name) => {
    const store = repository.namespace(name);
    // The order of addition is kept, so that a restored repository returns classes, and the
    // instances and associations found through them, in the same order as the compiled one.
    const classNames = [...store.classes.values()].map((cimClass) => cimClass.className);
    return {
      name: store.name,
      qualifierDeclarations: [...store.qualifierDeclarations.values()].map(encodeQualifierDeclaration),
      classes: classNames.map((className) => {
        const cimClass = store.classes.get(className)!;
        return encodeClass(cimClass, cimClass.superclass === null ? undefined : store.classes.get(cimClass.superclass));
      }),
      instances: classNames.flatMap((className) => [...store.instancesOfClass(className).values()].map(encodeInstance)),
    };
  });
}

/**
 * Adds the namespaces of a snapshot to a repository, storing the decoded objects
 * directly: they were checked when the snapshot was taken, so the checks of
 * `createClass` and `createInstance` are not repeated.
 */
export function restoreSnapshot(repository: MockRepository, snapshot: readonly NamespaceSnapshot[]): void {
  for (const namespace of snapshot) {
    if (!repository.hasNamespace(namespace.name)) repository.addNamespace(namespace.name);
    const store = repository.namespace(namespace.name);

    for (const plain of namespace.qualifierDeclarations) {
      const declaration = decodeQualifierDeclaration(plain);
      store.qualifierDeclarations.set(declaration.name, declaration);
    }

    for (const plain of namespace.classes) {
      const superclass = plain.s === null ? undefined : store.classes.get(plain.s);
      const cimClass = decodeClass(plain, superclass);
      cimClass.path = new CIMClassName(cimClass.className, { namespace: store.name });
      store.addClass(cimClass);
    }

    for (const plain of namespace.instances) {
      const instance = decodeInstance(plain);
      const key = instancePathKey(instance.path as CIMInstanceName, store.name);
      store.instancesOfClass(instance.className).set(key, instance);
    }
  }
}
