import { inspect, type InspectOptionsStylized } from 'node:util';

/** Most keys lower-cased so far, by name; cleared when full, so it never grows past this. */
const LOWER_CASE_LIMIT = 4096;
/** Longer names are lower-cased each time, so that the cache keeps only short strings. */
const LOWER_CASE_MAX_LENGTH = 64;
const lowerCaseNames = new Map<string, string>();

/**
 * Returns `name.toLowerCase()`, reusing the string of an earlier call for the same name.
 * CIM objects read in bulk repeat the same property and keybinding names, and without the
 * cache every map entry would keep its own lower-cased copy.
 */
function lowerCase(name: string): string {
  if (name.length > LOWER_CASE_MAX_LENGTH) return name.toLowerCase();
  let key = lowerCaseNames.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (lowerCaseNames.size >= LOWER_CASE_LIMIT) lowerCaseNames.clear();
    lowerCaseNames.set(name, key);
  }
  return key;
}

/**
 * A map whose string keys compare case-insensitively, keep the case they were first
 * set with, and iterate in insertion order. CIM names (properties, keybindings,
 * qualifiers, methods, parameters) follow these rules in DSP0004.
 */
export class NocaseMap<V> implements Iterable<[string, V]> {
  // Both maps are keyed by the lower-cased name: one contains the values, the other the names
  // as the caller first spelled them. Two maps instead of one map of {name, value} entries
  // save an object per entry. They are created on the first `set`, because most qualifier
  // maps of objects read from CIM-XML stay empty.
  #values: Map<string, V> | null = null;
  #names: Map<string, string> | null = null;

  constructor(init?: Iterable<readonly [string, V]> | Record<string, V> | null) {
    if (init === undefined || init === null) return;
    const pairs = Symbol.iterator in Object(init)
      ? (init as Iterable<readonly [string, V]>)
      : Object.entries(init as Record<string, V>);
    for (const [name, value] of pairs) this.set(name, value);
  }

  /** Number of entries. */
  get size(): number {
    return this.#values === null ? 0 : this.#values.size;
  }

  /** Returns the value stored under `name` in any case, or undefined. */
  get(name: string): V | undefined {
    return this.#values?.get(lowerCase(name));
  }

  /** Returns whether an entry exists for `name` in any case. */
  has(name: string): boolean {
    return this.#values !== null && this.#values.has(lowerCase(name));
  }

  /** Sets a value; an existing entry keeps its position and its original spelling. */
  set(name: string, value: V): this {
    const key = lowerCase(name);
    if (this.#values === null || this.#names === null) {
      this.#values = new Map();
      this.#names = new Map();
    }
    if (!this.#names.has(key)) this.#names.set(key, name);
    this.#values.set(key, value);
    return this;
  }

  /** Removes the entry for `name` in any case; returns whether there was one. */
  delete(name: string): boolean {
    const key = lowerCase(name);
    this.#names?.delete(key);
    return this.#values !== null && this.#values.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.#values?.clear();
    this.#names?.clear();
  }

  /** Returns the name as it was first spelled, or undefined. */
  canonicalName(name: string): string | undefined {
    return this.#names?.get(lowerCase(name));
  }

  /** Yields the names in insertion order, in the case they were first stored with. */
  *keys(): IterableIterator<string> {
    if (this.#names === null) return;
    yield* this.#names.values();
  }

  /** Yields the values in insertion order. */
  *values(): IterableIterator<V> {
    if (this.#values === null) return;
    yield* this.#values.values();
  }

  /** Yields `[name, value]` pairs in insertion order. */
  *entries(): IterableIterator<[string, V]> {
    if (this.#values === null || this.#names === null) return;
    for (const [key, value] of this.#values) yield [this.#names.get(key)!, value];
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
