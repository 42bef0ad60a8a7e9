/**
 * Command-line history with Up/Down navigation and reverse search. Entries are kept
 * oldest first; a line equal to the newest entry is not added again.
 */
export class History {
  readonly #entries: string[];
  readonly #limit: number;
  /** Index of the entry shown while navigating; equal to the length when at the draft. */
  #position: number;
  #draft = '';

  /** `limit` is the maximum number of entries kept; default 1000. */
  constructor(entries: readonly string[] = [], limit = 1000) {
    this.#limit = limit;
    this.#entries = entries.filter((entry) => entry.trim() !== '').slice(-limit);
    this.#position = this.#entries.length;
  }

  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Adds a command line and ends navigation; returns false when the line was not added. */
  add(line: string): boolean {
    this.#position = this.#entries.length;
    this.#draft = '';
    if (line.trim() === '' || this.#entries.at(-1) === line) return false;

    this.#entries.push(line);
    if (this.#entries.length > this.#limit) this.#entries.shift();
    this.#position = this.#entries.length;
    return true;
  }

  /** Returns the previous entry, keeping `current` as the draft when navigation starts; null at the oldest. */
  previous(current: string): string | null {
    if (this.#position === 0) return null;
    if (this.#position === this.#entries.length) this.#draft = current;
    this.#position--;
    return this.#entries[this.#position] ?? null;
  }

  /** Returns the next entry, or the draft after the newest; null when not navigating. */
  next(): string | null {
    if (this.#position >= this.#entries.length) return null;
    this.#position++;
    return this.#position === this.#entries.length ? this.#draft : (this.#entries[this.#position] ?? null);
  }

  /** Ends navigation, as when the user edits the recalled line. */
  reset(): void {
    this.#position = this.#entries.length;
    this.#draft = '';
  }

  /**
   * Finds the newest entry before index `before` that contains `query` (case-insensitive);
   * returns its index, or -1. Pass the length of `entries` to search from the newest.
   */
  search(query: string, before: number): number {
    const needle = query.toLowerCase();
    for (let index = Math.min(before, this.#entries.length) - 1; index >= 0; index--) {
      if (this.#entries[index]!.toLowerCase().includes(needle)) return index;
    }
    return -1;
  }
}
