import { inspect, type InspectOptionsStylized } from 'node:util';

/**
 * A map whose string keys compare case-insensitively, keep the case they were first
 * set with, and iterate in insertion order. CIM names (properties, keybindings,
 * qualifiers, methods, parameters) follow these rules in DSP0004.
 */
export class NocaseMap<V> implements Iterable<[string, V]> {
  // Keyed by the lower-cased name; each entry keeps the name as the caller spelled it.
  readonly #entries = new Map<string, { name: string; value: V }>();

  constructor(init?: Iterable<readonly [string, V]> | Record<string, V> | null) {
    if (init === undefined || init === null) return;
    const pairs = Symbol.iterator in Object(init)
      ? (init as Iterable<readonly [string, V]>)
      : Object.entries(init as Record<string, V>);
    for (const [name, value] of pairs) this.set(name, value);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(name: string): V | undefined {
    return this.#entries.get(name.toLowerCase())?.value;
  }

  has(name: string): boolean {
    return this.#entries.has(name.toLowerCase());
  }

  /** Sets a value; an existing entry keeps its position and its original spelling. */
  set(name: string, value: V): this {
    const key = name.toLowerCase();
    const entry = this.#entries.get(key);
    if (entry) entry.value = value;
    else this.#entries.set(key, { name, value });
    return this;
  }

  delete(name: string): boolean {
    return this.#entries.delete(name.toLowerCase());
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Returns the name as it was first spelled, or undefined. */
  canonicalName(name: string): string | undefined {
    return this.#entries.get(name.toLowerCase())?.name;
  }

  *keys(): IterableIterator<string> {
    for (const entry of this.#entries.values()) yield entry.name;
  }

  *values(): IterableIterator<V> {
    for (const entry of this.#entries.values()) yield entry.value;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const entry of this.#entries.values()) yield [entry.name, entry.value];
  }

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

  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, inspectValue: typeof inspect): string {
    if (depth < 0) return options.stylize(`[NocaseMap(${this.size})]`, 'special');
    const inner = { ...options, depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1 };
    return `NocaseMap(${this.size}) ${inspectValue(Object.fromEntries(this.entries()), inner)}`;
  }
}
