import type { CIMClass } from '../cim/class.js';
import { CIMError } from '../cim/errors.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMInstance } from '../cim/instance.js';
import { NocaseMap } from '../cim/nocase-map.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { KeyBindingValue } from '../cim/value.js';
import type { MOFTarget } from './target.js';

/** The contents of one namespace of a MOFRepository. */
export interface MOFNamespaceContents {
  qualifierDeclarations: NocaseMap<CIMQualifierDeclaration>;
  /** Resolved classes in the order they were created. */
  classes: NocaseMap<CIMClass>;
  /** Instances keyed by their normalized path, in the order they were created. */
  instances: Map<string, CIMInstance>;
}

/**
 * An in-memory MOFTarget: qualifier declarations, resolved classes and instances per
 * namespace. Namespace, class and key names compare case-insensitively.
 */
export class MOFRepository implements MOFTarget {
  readonly #namespaces = new NocaseMap<MOFNamespaceContents>();

  /** Names of the namespaces that hold anything, in creation order. */
  get namespaces(): string[] {
    return [...this.#namespaces.keys()];
  }

  /** Returns the contents of a namespace, creating it empty on first use. */
  namespace(name: string): MOFNamespaceContents {
    let contents = this.#namespaces.get(name);
    if (contents === undefined) {
      contents = { qualifierDeclarations: new NocaseMap(), classes: new NocaseMap(), instances: new Map() };
      this.#namespaces.set(name, contents);
    }
    return contents;
  }

  getQualifierDeclaration(namespace: string, name: string): CIMQualifierDeclaration | undefined {
    return this.#namespaces.get(namespace)?.qualifierDeclarations.get(name);
  }

  /** Adds or replaces a qualifier declaration. */
  setQualifierDeclaration(namespace: string, declaration: CIMQualifierDeclaration): void {
    this.namespace(namespace).qualifierDeclarations.set(declaration.name, declaration);
  }

  getClass(namespace: string, className: string): CIMClass | undefined {
    return this.#namespaces.get(namespace)?.classes.get(className);
  }

  /** Stores a resolved class; raises CIMError CIM_ERR_ALREADY_EXISTS when the name is taken. */
  createClass(namespace: string, resolvedClass: CIMClass): void {
    const classes = this.namespace(namespace).classes;
    if (classes.has(resolvedClass.className)) {
      throw new CIMError(11, `Class ${resolvedClass.className} already exists in namespace ${namespace}.`);
    }
    classes.set(resolvedClass.className, resolvedClass);
  }

  /**
   * Stores an instance under its path and returns the path. An instance without a path
   * gets one with no keybindings. Raises CIMError CIM_ERR_ALREADY_EXISTS for a path in use.
   */
  createInstance(namespace: string, instance: CIMInstance): CIMInstanceName {
    const path = instance.path ?? new CIMInstanceName(instance.className, null, { namespace });
    const key = instancePathKey(path);
    const instances = this.namespace(namespace).instances;
    if (instances.has(key)) {
      throw new CIMError(11, `An instance with path ${path.toString()} already exists in namespace ${namespace}.`);
    }
    instance.path = path;
    instances.set(key, instance);
    return path;
  }

  /** Returns the instance with this path (namespace and host of the path are ignored). */
  getInstance(namespace: string, path: CIMInstanceName): CIMInstance | undefined {
    return this.#namespaces.get(namespace)?.instances.get(instancePathKey(path));
  }
}

/** Builds a text that is equal for equal paths: lower-case names, keys sorted by name. */
export function instancePathKey(path: CIMInstanceName): string {
  const keys = [...path.keybindings.entries()]
    .map(([name, value]) => `${name.toLowerCase()}=${keyValueText(value)}`)
    .sort();
  return `${path.className.toLowerCase()}.${keys.join(',')}`;
}

function keyValueText(value: KeyBindingValue): string {
  if (value instanceof CIMInstanceName) return `{${instancePathKey(value)}}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null && 'value' in value) return String(value.value);
  return String(value);
}
