import type { CIMClass } from '../cim/class.js';
import type { CIMInstance } from '../cim/instance.js';
import { NocaseMap } from '../cim/nocase-map.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';

/**
 * The contents of one namespace: qualifier declarations, resolved classes with an index
 * of direct subclasses, and instances grouped by their creation class.
 */
export class NamespaceStore {
  readonly name: string;
  readonly qualifierDeclarations = new NocaseMap<CIMQualifierDeclaration>();
  readonly classes = new NocaseMap<CIMClass>();
  /** Direct subclass names by superclass name; top classes are under the empty name. */
  readonly #children = new NocaseMap<NocaseMap<string>>();
  /** Instances by class name, each map keyed by `instancePathKey`. */
  readonly #instances = new NocaseMap<Map<string, CIMInstance>>();

  constructor(name: string) {
    this.name = name;
  }

  get isEmpty(): boolean {
    return this.qualifierDeclarations.size === 0 && this.classes.size === 0;
  }

  addClass(cimClass: CIMClass): void {
    this.classes.set(cimClass.className, cimClass);
    this.#childrenOf(cimClass.superclass ?? '').set(cimClass.className, cimClass.className);
  }

  removeClass(className: string): void {
    const cimClass = this.classes.get(className);
    if (!cimClass) return;
    this.classes.delete(className);
    this.#children.get(cimClass.superclass ?? '')?.delete(className);
    this.#instances.delete(className);
  }

  /** Returns the names of the direct subclasses, or of the top classes for null. */
  directSubclassNames(className: string | null): string[] {
    return [...(this.#children.get(className ?? '')?.values() ?? [])];
  }

  /** Returns the names of all subclasses at any depth, parents before children. */
  allSubclassNames(className: string | null): string[] {
    const result: string[] = [];
    const pending = this.directSubclassNames(className);
    while (pending.length > 0) {
      const name = pending.shift() as string;
      result.push(name);
      pending.push(...this.directSubclassNames(name));
    }
    return result;
  }

  /** True when `className` is `ancestor` or one of its subclasses. */
  isSubclassOf(className: string, ancestor: string): boolean {
    const target = ancestor.toLowerCase();
    let current: string | null = className;
    const seen = new Set<string>();
    while (current !== null && !seen.has(current.toLowerCase())) {
      if (current.toLowerCase() === target) return true;
      seen.add(current.toLowerCase());
      current = this.classes.get(current)?.superclass ?? null;
    }
    return false;
  }

  /** Returns the instance map of one class, created on first use. */
  instancesOfClass(className: string): Map<string, CIMInstance> {
    let map = this.#instances.get(className);
    if (!map) {
      map = new Map();
      this.#instances.set(className, map);
    }
    return map;
  }

  countInstances(className: string): number {
    return this.#instances.get(className)?.size ?? 0;
  }

  get instanceCount(): number {
    let count = 0;
    for (const map of this.#instances.values()) count += map.size;
    return count;
  }

  #childrenOf(className: string): NocaseMap<string> {
    let map = this.#children.get(className);
    if (!map) {
      map = new NocaseMap<string>();
      this.#children.set(className, map);
    }
    return map;
  }
}
