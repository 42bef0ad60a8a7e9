import { inspect, type InspectOptionsStylized } from 'node:util';

/**
 * A map whose string keys compare case-insensitively, keep the case they were first
 * set with, and iterate in insertion order. CIM names (properties, keybindings,
 * qualifiers, methods, parameters) follow these rules in DSP0004.
 */
export class NocaseMap<V> implements Iterable<[string, V]> {
  // Keyed by the lower-cased name; each entry keeps the name as the caller spelled it.
  // Created on the first `set`, because most qualifier maps of objects read from CIM-XML stay empty.
  #entries: Map<string, { name: string; value: V }> | null = null;

  constructor(init?: Iterable<readonly [string, V]> | Record<string, V> | null) {
    if (init === undefined || init === null) return;
    const pairs = Symbol.iterator in Object(init)
      ? (init as Iterable<readonly [string, V]>)
      : Object.entries(init as Record<string, V>);
    for (const [name, value] of pairs) this.set(name, value);
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries === null ? 0 : this.#entries.size;
  }

  /** Returns the value stored under `name` in any case, or undefined. */
  get(name: string): V | undefined {
    return this.#entries?.get(name.toLowerCase())?.value;
  }

  /** Returns whether an entry exists for `name` in any case. */
  has(name: string): boolean {
    return this.#entries !== null && this.#entries.has(name.toLowerCase());
  }

  /** Sets a value; an existing entry keeps its position and its original spelling. */
  set(name: string, value: V): this {
    const key = name.toLowerCase();
    this.#entries ??= new Map();
    const entry = this.#entries.get(key);
    if (entry) entry.value = value;
    else this.#entries.set(key, { name, value });
    return this;
  }

  /** Removes the entry for `name` in any case; returns whether there was one. */
  delete(name: string): boolean {
    return this.#entries !== null && this.#entries.delete(name.toLowerCase());
  }

  /** Removes every entry. */
  clear(): void {
    this.#entries?.clear();
  }

  /** Returns the name as it was first spelled, or undefined. */
  canonicalName(name: string): string | undefined {
    return this.#entries?.get(name.toLowerCase())?.name;
  }

  /** Yields the names in insertion order, in the case they were first stored with. */
  *keys(): IterableIterator<string> {
    if (this.#entries === null) return;
    for (const entry of this.#entries.values()) yield entry.name;
  }

  /** Yields the values in insertion order. */
  *values(): IterableIterator<V> {
    if (this.#entries === null) return;
    for (const entry of this.#entries.values()) yield entry.value;
  }

  /** Yields `[name, value]` pairs in insertion order. */
  *entries(): IterableIterator<[string, V]> {
    if (this.#entries === null) return;
    for (const entry of this.#entries.values()) yield [entry.name, entry.value];
  }

  /** Yields `[name, value]` pairs in insertion order, as `entries()` does. */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** Copies the map; values are shared unless `copyValue` copies them. */
  copy(copyValue: (value: V) => V = (value) => value): NocaseMap<V> {
    const result = new NocaseMap<V>();
    for (const [name, value] of this) result.set(name, copyValue(value));
    return result;
  }

  /**
   * Compares two maps: keys case-insensitively, order ignored, values with `equalValue`.
   */
  equals(other: NocaseMap<V>, equalValue: (a: V, b: V) => boolean): boolean {
    if (this.size !== other.size) return false;
    for (const [name, value] of this) {
      if (!other.has(name)) return false;
      if (!equalValue(value, other.get(name) as V)) return false;
    }
    return true;
  }

  /** Returns a plain object keyed by the stored names, for `JSON.stringify`. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }

  /** Formats the map for `util.inspect` and `console.log`. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    if (depth < 0) return options.stylize(`[NocaseMap(${this.size})]`, 'special');
    const inner = { ...options, depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1 };
    return `NocaseMap(${this.size}) ${inspectValue(Object.fromEntries(this.entries()), inner)}`;
  }
}
