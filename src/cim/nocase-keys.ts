import { RecentList } from './recent-list.js';

/** Key lists of up to this many entries are searched by scanning, and longer ones build an index. */
const SCAN_SIZE = 32;

/** Maximum number of names in the lower-case cache. The cache is cleared when it is full. */
const LOWER_CASE_LIMIT = 4096;
/** Longer names are lower-cased each time, so that the cache keeps only short strings. */
const LOWER_CASE_MAX_LENGTH = 64;
const lowerCaseNames = new Map<string, string>();

/** Number of recent key lists kept for sharing. */
const SHARED_LIST_COUNT = 8;
/** Longer lists are not kept for sharing, so that the cache stays small. */
const SHARED_LIST_MAX_SIZE = 1024;
/** Recently built or matched lists without repeated names, most recent first. */
const sharedLists = new RecentList<KeyList>(SHARED_LIST_COUNT);

/**
 * Returns `name.toLowerCase()`, reusing the string of an earlier call for the same name.
 * CIM objects read in bulk repeat the same property and keybinding names, and without the
 * cache every map entry would keep its own lower-cased copy.
 */
export function lowerCase(name: string): string {
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
 * The names of a `NocaseMap` in insertion order: lower-cased in `keys` and as first
 * spelled in `names`. Maps that hold the same names in the same order share one list,
 * such as the property maps of the instances of one class in a response. Only the map in
 * `owner` may change a list in place. Any other map copies it before it adds a name, and
 * `delete` always builds a new list.
 */
export class KeyList {
  readonly keys: string[];
  readonly names: string[];
  /** The map that may change the list in place, or null while the list is or may be shared. */
  owner: object | null;
  /** Position of each key in lists of more than `SCAN_SIZE` entries, or null until a lookup needs it. */
  #index: Map<string, number> | null;

  constructor(keys: string[], names: string[], owner: object | null, index: Map<string, number> | null = null) {
    this.keys = keys;
    this.names = names;
    this.owner = owner;
    this.#index = index;
  }

  /** Returns the position of the lower-cased `key`, or -1. */
  find(key: string): number {
    const keys = this.keys;
    if (keys.length <= SCAN_SIZE) return keys.indexOf(key);

    if (this.#index === null) {
      this.#index = new Map();
      for (let position = 0; position < keys.length; position++) this.#index.set(keys[position]!, position);
    }
    return this.#index.get(key) ?? -1;
  }

  /** Appends a name. Only the owner calls this. */
  append(key: string, name: string): void {
    this.#index?.set(key, this.keys.length);
    this.keys.push(key);
    this.names.push(name);
  }

  /** Returns a copy of the list that `owner` may change. */
  copyFor(owner: object): KeyList {
    return new KeyList(this.keys.slice(), this.names.slice(), owner);
  }

  /** Returns a new list without the entry at `position`, owned by `owner`. */
  withoutPosition(position: number, owner: object): KeyList {
    return new KeyList(withoutPosition(this.keys, position), withoutPosition(this.names, position), owner);
  }
}

/** Returns a copy of `items` without the element at `position`. */
export function withoutPosition<T>(items: readonly T[], position: number): T[] {
  return [...items.slice(0, position), ...items.slice(position + 1)];
}

/**
 * Builds the key list of `count` names (at least one), calling `nameAt` once per position
 * in order. `onEntry(position, target)` receives the position of each name and the
 * position that its value takes in the map, which is an earlier one for a name that
 * repeats an earlier name in any case. The result is a cached list when the names match
 * one exactly, otherwise a new list. A new list without repeated names is cached as well,
 * and the map must copy it before it adds a name. A list with repeated names or with more
 * than `SHARED_LIST_MAX_SIZE` names is owned by `owner`.
 */
export function buildKeyList(
  count: number,
  nameAt: (position: number) => string,
  onEntry: (position: number, target: number) => void,
  owner: object,
): KeyList {
  let position = 0;
  let name = nameAt(0);
  let matched: KeyList | null = null;
  let shared = findSharedList(count, name, 0, null);

  // Follow cached lists while the names match one of them.
  while (shared !== null) {
    matched = shared;
    onEntry(position, position);
    position++;
    if (position === count) {
      sharedLists.promote(shared);
      return shared;
    }
    name = nameAt(position);
    if (name !== shared.names[position]) shared = findSharedList(count, name, position, shared);
  }

  return buildNewList(count, nameAt, onEntry, owner, matched, position, name);
}

/** Builds a new list whose first `start` names are those of `prefix`. */
function buildNewList(
  count: number,
  nameAt: (position: number) => string,
  onEntry: (position: number, target: number) => void,
  owner: object,
  prefix: KeyList | null,
  start: number,
  startName: string,
): KeyList {
  const keys = new Array<string>(count);
  const names = new Array<string>(count);
  const index = count > SCAN_SIZE ? new Map<string, number>() : null;
  if (prefix !== null) {
    for (let position = 0; position < start; position++) {
      keys[position] = prefix.keys[position]!;
      names[position] = prefix.names[position]!;
      index?.set(keys[position]!, position);
    }
  }

  let size = start;
  let name = startName;
  let position = start;
  for (;;) {
    const key = lowerCase(name);
    const existing = index === null ? keys.indexOf(key) : (index.get(key) ?? -1);
    if (existing >= 0) {
      onEntry(position, existing);
    } else {
      index?.set(key, size);
      keys[size] = key;
      names[size] = name;
      onEntry(position, size);
      size++;
    }

    position++;
    if (position === count) break;
    name = nameAt(position);
  }

  if (size < count) {
    keys.length = size;
    names.length = size;
    return new KeyList(keys, names, owner, index);
  }
  if (count > SHARED_LIST_MAX_SIZE) return new KeyList(keys, names, owner, index);

  const list = new KeyList(keys, names, null, index);
  sharedLists.remember(list);
  return list;
}

/**
 * Returns a cached list of `count` names that has `name` at `position` and the same names
 * as `matched` before it, or null. `matched` is the list that the names before `position`
 * matched, and null at position 0.
 */
function findSharedList(count: number, name: string, position: number, matched: KeyList | null): KeyList | null {
  for (const list of sharedLists) {
    if (list.names.length !== count || list.names[position] !== name) continue;
    if (matched !== null && !samePrefix(list.names, matched.names, position)) continue;
    return list;
  }
  return null;
}

function samePrefix(a: readonly string[], b: readonly string[], length: number): boolean {
  if (a === b) return true;
  for (let position = 0; position < length; position++) {
    if (a[position] !== b[position]) return false;
  }
  return true;
}
