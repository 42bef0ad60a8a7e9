import { inspect, type InspectOptionsStylized } from 'node:util';
import { KeyList, buildKeyList, lowerCase, withoutPosition } from './nocase-keys.js';

/**
 * @internal The key list of the maps built by `NocaseMap.deferred`, which keep source values
 * until code first reads a value. It has the names of `keyList`. A map replaces it by
 * `keyList` when it creates its values, so a map whose key list is a `DeferredKeyList`
 * still contains source values.
 */
export class DeferredKeyList<V> extends KeyList {
  /** The key list that a map takes once it has created its values. No map owns it. */
  readonly keyList: KeyList;
  /** Creates the value at `position` from its source value. */
  readonly createValue: (position: number, sourceValue: unknown) => V;

  constructor(keyList: KeyList, createValue: (position: number, sourceValue: unknown) => V) {
    super(keyList.keys, keyList.names, null);
    this.keyList = keyList;
    this.createValue = createValue;
  }
}

/**
 * @internal Method key of `NocaseMap` that returns the source value of an entry while the
 * values of a deferred map are not yet created, or `sourceOf(value)` once they are.
 */
export const SOURCE_VALUE: unique symbol = Symbol('sourceValue');

/**
 * A map whose string keys compare case-insensitively, keep the case they were first
 * set with, and iterate in insertion order. CIM names (properties, keybindings,
 * qualifiers, methods, parameters) follow these rules in DSP0004.
 */
export class NocaseMap<V> implements Iterable<[string, V]> {
  // Entries in insertion order: the names in a key list and the values in an array of the
  // same length. An enumeration keeps several maps per instance (properties, keybindings,
  // embedded objects). Maps built by `byName`, from an array, an object or another map, or
  // by `copy` share the key list of an earlier map with the same names. Both are created on
  // the first `set`, because most qualifier maps of objects read from CIM-XML stay empty.
  #keyList: KeyList | null = null;
  // While the key list is a `DeferredKeyList`, the values array contains source values
  // instead of values of type V. Every method that reads or changes a value calls
  // `#createValues` first, so that only `size`, `has`, `keys` and `canonicalName`, which
  // read the names only, and `SOURCE_VALUE` see the source values.
  #values: V[] | null = null;

  constructor(init?: Iterable<readonly [string, V]> | Record<string, V> | null) {
    if (init === undefined || init === null) return;
    if (init instanceof NocaseMap) {
      this.#shareFrom(init as NocaseMap<V>, (value) => value);
      return;
    }
    if (Array.isArray(init)) {
      const pairs = init as ReadonlyArray<readonly [string, V]>;
      this.#fill(pairs.length, (position) => pairs[position]![0], (position) => pairs[position]![1]);
      return;
    }
    if (!(Symbol.iterator in Object(init))) {
      const pairs = Object.entries(init as Record<string, V>);
      this.#fill(pairs.length, (position) => pairs[position]![0], (position) => pairs[position]![1]);
      return;
    }
    for (const [name, value] of init as Iterable<readonly [string, V]>) this.set(name, value);
  }

  /**
   * Creates a map of `values` keyed by `nameOf(value)`, in order; a later value replaces an
   * earlier one of the same name, as `set` does. Cheaper than `set` one by one, because
   * the storage is allocated once at its final size and the names are shared with an
   * earlier map of the same names when there is one.
   */
  static byName<V>(values: readonly V[], nameOf: (value: V) => string): NocaseMap<V> {
    const map = new NocaseMap<V>();
    map.#fill(values.length, (position) => nameOf(values[position]!), (position) => values[position]!);
    return map;
  }

  /**
   * @internal Creates a map with the names of `keyList` and one source value per name. The
   * map replaces the source values by `keyList.createValue` in place when code first reads
   * or changes a value. The names must not repeat in any case.
   */
  static deferred<V>(keyList: DeferredKeyList<V>, sourceValues: unknown[]): NocaseMap<V> {
    const map = new NocaseMap<V>();
    if (sourceValues.length === 0) return map;

    map.#keyList = keyList;
    map.#values = sourceValues as V[];
    return map;
  }

  /** Number of entries. */
  get size(): number {
    return this.#values === null ? 0 : this.#values.length;
  }

  /** Returns the value stored under `name` in any case, or undefined. */
  get(name: string): V | undefined {
    const position = this.#find(name);
    if (position < 0) return undefined;
    return this.#createValues()![position];
  }

  /** @internal See `SOURCE_VALUE`. Returns undefined when there is no entry for `name`. */
  [SOURCE_VALUE]<S>(name: string, sourceOf: (value: V) => S): S | undefined {
    const position = this.#find(name);
    if (position < 0) return undefined;
    const value = this.#values![position]!;
    return this.#keyList instanceof DeferredKeyList ? (value as unknown as S) : sourceOf(value);
  }

  /** Returns whether an entry exists for `name` in any case. */
  has(name: string): boolean {
    return this.#find(name) >= 0;
  }

  /** Sets a value; an existing entry keeps its position and its original spelling. */
  set(name: string, value: V): this {
    this.#createValues();
    const key = lowerCase(name);
    let keyList = this.#keyList;
    const position = keyList === null ? -1 : keyList.find(key);
    if (position >= 0) {
      this.#values![position] = value;
      return this;
    }

    if (keyList === null || this.#values === null) {
      keyList = new KeyList([], [], this);
      this.#keyList = keyList;
      this.#values = [];
    } else if (keyList.owner !== this) {
      keyList = keyList.copyFor(this);
      this.#keyList = keyList;
    }
    keyList.append(key, name);
    this.#values.push(value);
    return this;
  }

  /** Removes the entry for `name` in any case; returns whether there was one. */
  delete(name: string): boolean {
    const position = this.#find(name);
    if (position < 0) return false;
    this.#createValues();

    // New arrays, so that a loop over the entries that deletes the current one goes on
    // with the next one, as it does over a Map.
    this.#keyList = this.#keyList!.withoutPosition(position, this);
    this.#values = withoutPosition(this.#values!, position);
    return true;
  }

  /** Removes every entry. */
  clear(): void {
    this.#keyList = null;
    this.#values = null;
  }

  /** Returns the name as it was first spelled, or undefined. */
  canonicalName(name: string): string | undefined {
    const position = this.#find(name);
    return position < 0 ? undefined : this.#keyList!.names[position];
  }

  /** Yields the names in insertion order, in the case they were first stored with. */
  *keys(): IterableIterator<string> {
    const values = this.#values;
    let keyList = this.#keyList;
    if (values === null || keyList === null) return;
    for (let position = 0; position < values.length; position++) {
      if (this.#values === values) keyList = this.#keyList!;
      yield keyList.names[position]!;
    }
  }

  /** Yields the values in insertion order. */
  *values(): IterableIterator<V> {
    this.#createValues();
    const values = this.#values;
    if (values === null) return;
    for (let position = 0; position < values.length; position++) yield values[position]!;
  }

  /**
   * Yields `[name, value]` pairs in insertion order. Entries set during the loop are
   * visited. After a `delete` or `clear` the loop goes on over the entries as they were.
   */
  *entries(): IterableIterator<[string, V]> {
    this.#createValues();
    const values = this.#values;
    let keyList = this.#keyList;
    if (values === null || keyList === null) return;
    for (let position = 0; position < values.length; position++) {
      // `set` of a new name may replace a shared key list by a longer copy but keeps the
      // values array, which `delete` and `clear` replace.
      if (this.#values === values) keyList = this.#keyList!;
      yield [keyList.names[position]!, values[position]!];
    }
  }

  /** Yields `[name, value]` pairs in insertion order, as `entries()` does. */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** Sets `count` entries into an empty map, with the values array allocated at its final size. */
  #fill(count: number, nameAt: (position: number) => string, valueAt: (position: number) => V): void {
    if (count === 0) return;
    const values = new Array<V>(count);
    const keyList = buildKeyList(count, nameAt, (position, target) => {
      values[target] = valueAt(position);
    }, this);
    if (keyList.names.length < count) values.length = keyList.names.length;
    this.#keyList = keyList;
    this.#values = values;
  }

  /** Makes this empty map share the key list of `source`, with values copied by `copyValue`. */
  #shareFrom(source: NocaseMap<V>, copyValue: (value: V) => V): void {
    source.#createValues();
    const keyList = source.#keyList;
    const values = source.#values;
    if (keyList === null || values === null || values.length === 0) return;

    keyList.owner = null;
    this.#keyList = keyList;
    this.#values = values.map((value) => copyValue(value));
  }

  /** Returns the position of `name` in any case, or -1. */
  #find(name: string): number {
    const keyList = this.#keyList;
    return keyList === null ? -1 : keyList.find(lowerCase(name));
  }

  /**
   * Returns the values array, after replacing the source values of a deferred map by the
   * values created from them. The array stays the same, so that a loop over `keys()` goes on
   * over it. The values are created once and kept, so that later changes to them stick.
   */
  #createValues(): V[] | null {
    const keyList = this.#keyList;
    const values = this.#values;
    if (!(keyList instanceof DeferredKeyList) || values === null) return values;

    for (let position = 0; position < values.length; position++) {
      values[position] = (keyList as DeferredKeyList<V>).createValue(position, values[position]);
    }
    this.#keyList = keyList.keyList;
    return values;
  }

  /** Copies the map; values are shared unless `copyValue` copies them. */
  copy(copyValue: (value: V) => V = (value) => value): NocaseMap<V> {
    const result = new NocaseMap<V>();
    result.#shareFrom(this, copyValue);
    return result;
  }

  /**
   * Compares two maps: keys case-insensitively, order ignored, values with `equalValue`.
   */
  equals(other: NocaseMap<V>, equalValue: (a: V, b: V) => boolean): boolean {
    if (this.size !== other.size) return false;
    this.#createValues();
    other.#createValues();
    if (this.#keyList === other.#keyList) return this.#valuesEqual(other, equalValue);
    for (const [name, value] of this) {
      if (!other.has(name)) return false;
      if (!equalValue(value, other.get(name) as V)) return false;
    }
    return true;
  }

  /** Compares the values by position, for two maps that share a key list. */
  #valuesEqual(other: NocaseMap<V>, equalValue: (a: V, b: V) => boolean): boolean {
    const values = this.#values ?? [];
    const otherValues = other.#values ?? [];
    for (let position = 0; position < values.length; position++) {
      if (!equalValue(values[position]!, otherValues[position]!)) return false;
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
