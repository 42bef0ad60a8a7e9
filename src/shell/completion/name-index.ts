/**
 * A sorted list of names searched by case-insensitive prefix with binary search, so a
 * lookup over thousands of class names costs O(log n) plus the matches returned.
 */
export class NameIndex {
  readonly #lower: string[];
  readonly #names: string[];

  constructor(names: Iterable<string>) {
    const unique = new Map<string, string>();
    for (const name of names) if (!unique.has(name.toLowerCase())) unique.set(name.toLowerCase(), name);

    const entries = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#lower = entries.map(([lower]) => lower);
    this.#names = entries.map(([, name]) => name);
  }

  get size(): number {
    return this.#names.length;
  }

  /** All names, sorted case-insensitively. */
  get names(): readonly string[] {
    return this.#names;
  }

  /** Returns the names that start with `prefix` (case-insensitive), at most `limit` of them. */
  withPrefix(prefix: string, limit = Infinity): string[] {
    const lowerPrefix = prefix.toLowerCase();
    const matches: string[] = [];
    for (let index = this.#lowerBound(lowerPrefix); index < this.#lower.length && matches.length < limit; index += 1) {
      if (!this.#lower[index]!.startsWith(lowerPrefix)) break;
      matches.push(this.#names[index]!);
    }
    return matches;
  }

  /** Returns the name as stored for `name` in any case, or undefined. */
  find(name: string): string | undefined {
    const lower = name.toLowerCase();
    const index = this.#lowerBound(lower);
    return this.#lower[index] === lower ? this.#names[index] : undefined;
  }

  #lowerBound(key: string): number {
    let low = 0;
    let high = this.#lower.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#lower[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
