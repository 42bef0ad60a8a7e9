/**
 * A short list of objects, most recently used first, that a cache of shared objects searches
 * from the front. Adding to a full list drops the least recently used object.
 */
export class RecentList<T> implements Iterable<T> {
  readonly #items: T[] = [];
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The most recently used object, or undefined while the list is empty. */
  get first(): T | undefined {
    return this.#items[0];
  }

  /** Adds `item` at the front. */
  remember(item: T): void {
    if (this.#items.length >= this.#capacity) this.#items.pop();
    this.#items.unshift(item);
  }

  /** Moves `item` to the front, or adds it again when newer objects have pushed it out. */
  promote(item: T): void {
    if (this.#items[0] === item) return;
    const position = this.#items.indexOf(item);
    if (position < 0) {
      this.remember(item);
      return;
    }
    this.#items.splice(position, 1);
    this.#items.unshift(item);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.#items[Symbol.iterator]();
  }
}
