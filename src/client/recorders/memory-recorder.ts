import type { OperationRecord, OperationRecorder } from './operation-record.js';

/** Function that `MemoryRecorder.subscribe` calls with each new record. */
export type RecordListener = (record: OperationRecord) => void;

/** Keeps the latest records in memory and notifies listeners of each new one. */
export class MemoryRecorder implements OperationRecorder {
  enabled = true;
  /** Maximum number of records kept; older ones are dropped first. */
  readonly limit: number;

  #records: OperationRecord[] = [];
  readonly #listeners = new Set<RecordListener>();

  /** `limit` defaults to 1000 records. */
  constructor(options: { limit?: number } = {}) {
    this.limit = options.limit ?? 1000;
  }

  /** The kept records, oldest first. */
  get records(): readonly OperationRecord[] {
    return this.#records;
  }

  /** Keeps the record, dropping the oldest beyond `limit`, and calls the listeners. */
  record(record: OperationRecord): void {
    this.#records = [...this.#records.slice(-(this.limit - 1)), record];
    for (const listener of this.#listeners) listener(record);
  }

  /** Calls `listener` with every new record; returns the function that removes it. */
  subscribe(listener: RecordListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Drops all kept records. */
  clear(): void {
    this.#records = [];
  }
}
