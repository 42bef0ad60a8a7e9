import { inspect, type InspectOptionsStylized } from 'node:util';

/** Maps of up to this many entries are searched by scanning their keys. */
const SCAN_SIZE = 32;

/** Maximum number of names in the lower-case cache. The cache is cleared when it is full. */
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
  // Entries in insertion order, in three parallel arrays: the lower-cased names, the names as
  // the caller first spelled them, and the values. An enumeration keeps several maps per
  // instance (properties, keybindings, embedded objects), and the arrays take about half the
  // memory of two hash maps. Lookups scan the keys of small maps and build `#index` for
  // larger ones. The arrays are created on the first `set`, because most qualifier maps of
  // objects read from CIM-XML stay empty.
  #keys: string[] | null = null;
  #names: string[] | null = null;
  #values: V[] | null = null;
  /** Position of each key, for maps of more than `SCAN_SIZE` entries; null until a lookup needs it. */
  #index: Map<string, number> | null = null;

  constructor(init?: Iterable<readonly [string, V]> | Record<string, V> | null) {
    if (init === undefined || init === null) return;
    if (Array.isArray(init)) {
      const pairs = init as ReadonlyArray<readonly [string, V]>;
      this.#fill(pairs.length, (position) => pairs[position]![0], (position) => pairs[position]![1]);
      return;
    }
    const pairs = Symbol.iterator in Object(init)
      ? (init as Iterable<readonly [string, V]>)
      : Object.entries(init as Record<string, V>);
    for (const [name, value] of pairs) this.set(name, value);
  }

  /**
   * Creates a map of `values` keyed by `nameOf(value)`, in order; a later value replaces an
   * earlier one of the same name, as `set` does. Cheaper than `set` one by one, because
   * the storage is allocated once at its final size.
   */
  static byName<V>(values: readonly V[], nameOf: (value: V) => string): NocaseMap<V> {
    const map = new NocaseMap<V>();
    map.#fill(values.length, (position) => nameOf(values[position]!), (position) => values[position]!);
    return map;
  }

  /** Number of entries. */
  get size(): number {
    return this.#keys === null ? 0 : this.#keys.length;
  }

  /** Returns the value stored under `name` in any case, or undefined. */
  get(name: string): V | undefined {
    const position = this.#find(lowerCase(name));
    return position < 0 ? undefined : this.#values![position];
  }

  /** Returns whether an entry exists for `name` in any case. */
  has(name: string): boolean {
    return this.#find(lowerCase(name)) >= 0;
  }

  /** Sets a value; an existing entry keeps its position and its original spelling. */
  set(name: string, value: V): this {
    const key = lowerCase(name);
    const position = this.#find(key);
    if (position >= 0) {
      this.#values![position] = value;
      return this;
    }

    if (this.#keys === null || this.#names === null || this.#values === null) {
      this.#keys = [];
      this.#names = [];
      this.#values = [];
    }
    this.#index?.set(key, this.#keys.length);
    this.#keys.push(key);
    this.#names.push(name);
    this.#values.push(value);
    return this;
  }

  /** Removes the entry for `name` in any case; returns whether there was one. */
  delete(name: string): boolean {
    const position = this.#find(lowerCase(name));
    if (position < 0) return false;

    // New arrays, so that a loop over the entries that deletes the current one goes on
    // with the next one, as it does over a Map.
    this.#keys = withoutPosition(this.#keys!, position);
    this.#names = withoutPosition(this.#names!, position);
    this.#values = withoutPosition(this.#values!, position);
    this.#index = null;
    return true;
  }

  /** Removes every entry. */
  clear(): void {
    this.#keys = null;
    this.#names = null;
    this.#values = null;
    this.#index = null;
  }

  /** Returns the name as it was first spelled, or undefined. */
  canonicalName(name: string): string | undefined {
    const position = this.#find(lowerCase(name));
    return position < 0 ? undefined : this.#names![position];
  }

  /** Yields the names in insertion order, in the case they were first stored with. */
  *keys(): IterableIterator<string> {
    const names = this.#names;
    if (names === null) return;
    for (let position = 0; position < names.length; position++) yield names[position]!;
  }

  /** Yields the values in insertion order. */
  *values(): IterableIterator<V> {
    const values = this.#values;
    if (values === null) return;
    for (let position = 0; position < values.length; position++) yield values[position]!;
  }

  /** Yields `[name, value]` pairs in insertion order. */
  *entries(): IterableIterator<[string, V]> {
    const names = this.#names;
    const values = this.#values;
    if (names === null || values === null) return;
    for (let position = 0; position < names.length; position++) yield [names[position]!, values[position]!];
  }

  /** Yields `[name, value]` pairs in insertion order, as `entries()` does. */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** Sets `count` entries into an empty map, with arrays allocated at their final size. */
  #fill(count: number, nameAt: (position: number) => string, valueAt: (position: number) => V): void {
    if (count === 0) return;
    const keys = new Array<string>(count);
    const names = new Array<string>(count);
    const values = new Array<V>(count);
    const index = count > SCAN_SIZE ? new Map<string, number>() : null;
    let size = 0;

    for (let position = 0; position < count; position++) {
      const name = nameAt(position);
      const key = lowerCase(name);
      const existing = index === null ? keys.indexOf(key) : (index.get(key) ?? -1);
      if (existing >= 0) {
        values[existing] = valueAt(position);
        continue;
      }
      index?.set(key, size);
      keys[size] = key;
      names[size] = name;
      values[size] = valueAt(position);
      size++;
    }

    if (size < count) {
      keys.length = size;
      names.length = size;
      values.length = size;
    }
    this.#keys = keys;
    this.#names = names;
    this.#values = values;
  }

  /** Returns the position of the lower-cased `key`, or -1. */
  #find(key: string): number {
    const keys = this.#keys;
    if (keys === null) return -1;
    if (keys.length <= SCAN_SIZE) return keys.indexOf(key);

    if (this.#index === null) {
      this.#index = new Map();
      for (let position = 0; position < keys.length; position++) this.#index.set(keys[position]!, position);
    }
    return this.#index.get(key) ?? -1;
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

function withoutPosition<T>(items: readonly T[], position: number): T[] {
  return [...items.slice(0, position), ...items.slice(position + 1)];
}
