const SLOT_BITS = 10;
const SLOT_COUNT = 1 << SLOT_BITS;

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
    const length = end - start;
    if (length === 0) return '';

    // The hash samples the length and four bytes, because the comparison below reads every
    // byte anyway. The frequent names differ in length or in their first, middle or last bytes.
    const sample = bytes[start]! | (bytes[end - 1]! << 8) | (bytes[start + (length >> 1)]! << 16) | (bytes[start + (length >> 2)]! << 24);
    const slot = Math.imul(sample ^ Math.imul(length, 0x9e3779b1), 0x85ebca6b) >>> (32 - SLOT_BITS);

    const key = this.keys[slot];
    if (key !== undefined && key.length === length && matches(key, bytes, start)) {
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
