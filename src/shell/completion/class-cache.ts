import { CIMError, CIM_ERR_INVALID_CLASS, CIM_ERR_NOT_FOUND, type CIMClass, type CIMQualifierDeclaration, type WBEMConnection } from '../../index.js';
import { NameIndex } from './name-index.js';
import { ShellInputError } from '../shell-errors.js';

/** Persistent store of class-name lists, keyed by server URL and namespace. */
export interface ClassNameStore {
  load(url: string, namespace: string): readonly string[] | undefined;
  save(url: string, namespace: string, names: readonly string[]): void;
  clear(): void;
}

interface NamespaceEntry {
  names: Promise<NameIndex> | null;
  classes: Map<string, Promise<CIMClass>>;
  qualifiers: Promise<CIMQualifierDeclaration[]> | null;
}

/**
 * Classes, class names and qualifier declarations of one connection, cached per namespace.
 * Class names are filled on first use with a deep EnumerateClassNames (or from the
 * persistent store) and are dropped by `invalidate` after a class is created or deleted.
 * Concurrent requests for the same data share one server call.
 */
export class ClassCache {
  readonly #connection: WBEMConnection;
  readonly #store: ClassNameStore | null;
  readonly #namespaces = new Map<string, NamespaceEntry>();

  constructor(connection: WBEMConnection, store: ClassNameStore | null = null) {
    this.#connection = connection;
    this.#store = store;
  }

  /** Returns the class-name index of a namespace, loading it on first use. */
  classNames(namespace: string): Promise<NameIndex> {
    const entry = this.#entry(namespace);
    if (entry.names === null) {
      entry.names = this.#loadNames(namespace);
      entry.names.catch(() => {
        entry.names = null;
      });
    }
    return entry.names;
  }

  /** Returns the class-name index if it is loaded or loading, else null, without calling the server. */
  loadedClassNames(namespace: string): Promise<NameIndex> | null {
    return this.#entry(namespace).names;
  }

  /** Returns a class with inherited properties, qualifiers and methods (GetClass, LocalOnly false). */
  getClass(namespace: string, className: string): Promise<CIMClass> {
    const classes = this.#entry(namespace).classes;
    const key = className.toLowerCase();
    let cached = classes.get(key);
    if (cached === undefined) {
      cached = this.#connection.getClass(className, { namespace, localOnly: false, includeQualifiers: true }).catch((error: unknown) => {
        throw classNotFound(error, className, namespace);
      });
      classes.set(key, cached);
      cached.catch(() => classes.delete(key));
    }
    return cached;
  }

  /** Returns the qualifier declarations of a namespace (EnumerateQualifiers), cached. */
  qualifierDeclarations(namespace: string): Promise<CIMQualifierDeclaration[]> {
    const entry = this.#entry(namespace);
    if (entry.qualifiers === null) {
      entry.qualifiers = this.#connection.enumerateQualifiers({ namespace });
      entry.qualifiers.catch(() => {
        entry.qualifiers = null;
      });
    }
    return entry.qualifiers;
  }

  /** Forgets what is cached for a namespace (after class create or delete), or for all namespaces. */
  invalidate(namespace?: string): void {
    if (namespace === undefined) {
      this.#namespaces.clear();
      this.#store?.clear();
      return;
    }
    this.#namespaces.delete(namespace.toLowerCase());
    this.#store?.save(this.#connection.url, namespace, []);
  }

  async #loadNames(namespace: string): Promise<NameIndex> {
    const stored = this.#store?.load(this.#connection.url, namespace);
    if (stored !== undefined && stored.length > 0) return new NameIndex(stored);

    const names = await this.#connection.enumerateClassNames(null, { namespace, deepInheritance: true });
    this.#store?.save(this.#connection.url, namespace, names);
    return new NameIndex(names);
  }

  #entry(namespace: string): NamespaceEntry {
    const key = namespace.toLowerCase();
    let entry = this.#namespaces.get(key);
    if (entry === undefined) {
      entry = { names: null, classes: new Map(), qualifiers: null };
      this.#namespaces.set(key, entry);
    }
    return entry;
  }
}

/** Replaces a CIM_ERR_NOT_FOUND or CIM_ERR_INVALID_CLASS of GetClass by an error that explains how to find the name. */
function classNotFound(error: unknown, className: string, namespace: string): unknown {
  if (!(error instanceof CIMError) || (error.statusCode !== CIM_ERR_NOT_FOUND && error.statusCode !== CIM_ERR_INVALID_CLASS)) return error;
  return new ShellInputError(`The class ${className} does not exist in namespace ${namespace}; look the name up with "class find PATTERN".`, { cause: error });
}
