import type Conf from 'conf';
import type { ClassNameStore } from '../completion/class-cache.js';
import { openStore } from './config-directory.js';

/** Number of command lines kept in the history. */
export const HISTORY_LIMIT = 1000;

type HistoryData = { lines: string[] } & Record<string, unknown>;
type ClassNameData = { namespaces: Record<string, string[]> } & Record<string, unknown>;

/** Command history persisted in the `history` conf store, newest last. */
export class HistoryStore {
  readonly #store: Conf<HistoryData>;

  constructor() {
    this.#store = openStore<HistoryData>('history', { lines: [] });
  }

  load(): string[] {
    return [...this.#store.get('lines')];
  }

  save(lines: readonly string[]): void {
    this.#store.set('lines', lines.slice(-HISTORY_LIMIT));
  }
}

/** Class names per server URL and namespace, persisted in the `class-names` conf store. */
export class PersistentClassNames implements ClassNameStore {
  readonly #store: Conf<ClassNameData>;

  constructor() {
    this.#store = openStore<ClassNameData>('class-names', { namespaces: {} });
  }

  load(url: string, namespace: string): readonly string[] | undefined {
    return this.#store.get('namespaces')[key(url, namespace)];
  }

  save(url: string, namespace: string, names: readonly string[]): void {
    const namespaces = { ...this.#store.get('namespaces') };
    if (names.length === 0) delete namespaces[key(url, namespace)];
    else namespaces[key(url, namespace)] = [...names];
    this.#store.set('namespaces', namespaces);
  }

  clear(): void {
    this.#store.set('namespaces', {});
  }
}

function key(url: string, namespace: string): string {
  return `${url} ${namespace.toLowerCase()}`;
}
