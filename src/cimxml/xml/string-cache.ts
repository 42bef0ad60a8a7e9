const SLOT_COUNT = 1024;

/**
 * Direct-mapped cache from short ASCII byte strings to JS strings. CIM-XML repeats a few
 * dozen element names, attribute names and attribute values (`VALUE`, `TYPE`, `uint32`)
 * millions of times, so reusing the decoded string saves an allocation per occurrence.
 * A collision replaces the slot, so the cache never grows.
 */
export class StringCache {
  private readonly keys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(SLOT_COUNT);
  private readonly values: string[] = new Array<string>(SLOT_COUNT);

  /** Returns the string for the ASCII bytes `bytes[start..end)`. */
  get(bytes: Buffer, start: number, end: number): string {
    let hash = end - start;
    for (let index = start; index < end; index++) hash = (hash * 31 + bytes[index]!) | 0;
    const slot = hash & (SLOT_COUNT - 1);

    const key = this.keys[slot];
    if (key !== undefined && key.length === end - start && matches(key, bytes, start)) {
      return this.values[slot]!;
    }

    const value = bytes.toString('latin1', start, end);
    this.keys[slot] = new Uint8Array(bytes.subarray(start, end));
    this.values[slot] = value;
    return value;
  }
}

function matches(key: Uint8Array, bytes: Buffer, start: number): boolean {
  for (let index = 0; index < key.length; index++) {
    if (key[index] !== bytes[start + index]) return false;
  }
  return true;
}
