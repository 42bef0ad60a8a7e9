import { writeCodePoint } from '../xml/utf8.js';
import { CIMXMLWriteError } from './write-error.js';
import { ATTRIBUTE_REFERENCES, checkXmlChars, escapeAttribute, escapeText, TEXT_REFERENCES } from './xml-escape.js';
import type { XmlSink } from './xml-sink.js';

/** First capacity of a `ByteSink` buffer, which doubles as needed. */
const INITIAL_CAPACITY = 80 * 1024;

/** Escape classes of the characters below 0x80, where `PLAIN` is written as it is. */
const PLAIN = 0;
const REFERENCE = 1;
const INVALID = 2;

/** Returns the escape class of each character below 0x80 for the given references. */
function escapeClasses(references: Readonly<Record<string, string>>): Uint8Array {
  const classes = new Uint8Array(128);
  for (let code = 0; code < 0x20; code++) classes[code] = INVALID;
  classes[0x09] = PLAIN;
  classes[0x0a] = PLAIN;
  for (const char of Object.keys(references)) classes[char.charCodeAt(0)] = REFERENCE;
  return classes;
}

const TEXT_CLASSES = escapeClasses(TEXT_REFERENCES);
const ATTRIBUTE_CLASSES = escapeClasses(ATTRIBUTE_REFERENCES);

/** References of `escapeText` and `escapeAttribute` by character code. Text uses a subset of them. */
const REFERENCES: readonly string[] = (() => {
  const references: string[] = [];
  for (const [char, reference] of Object.entries(ATTRIBUTE_REFERENCES)) references[char.charCodeAt(0)] = reference;
  return references;
})();

/** Maximum bytes that one UTF-16 code unit takes once escaped: 6 for `&quot;`, while UTF-8 needs at most 3. */
const MAX_ESCAPED_BYTES = 6;

/** Longer values take the string escapers, so that room for the worst case stays small. */
const LONG_VALUE_LENGTH = 16 * 1024;

/**
 * Builds XML as UTF-8 bytes, for large responses that go straight to a socket. It writes what
 * `TextSink` writes, byte for byte, and escapes and encodes each value in one pass into its
 * buffer. A `TextSink` string is a chain of concatenations that must be flattened and then
 * encoded before it is sent.
 */
export class ByteSink implements XmlSink {
  #buffer = Buffer.allocUnsafe(INITIAL_CAPACITY);
  #length = 0;
  #startTagOpen = false;

  start(name: string): void {
    this.#reserve(name.length + 2);
    if (this.#startTagOpen) this.#buffer[this.#length++] = 0x3e;
    this.#buffer[this.#length++] = 0x3c;
    this.#ascii(name);
    this.#startTagOpen = true;
  }

  attribute(name: string, value: string, where?: string): void {
    this.#reserve(name.length + 3);
    this.#buffer[this.#length++] = 0x20;
    this.#ascii(name);
    this.#buffer[this.#length++] = 0x3d;
    this.#buffer[this.#length++] = 0x22;
    this.#escaped(value, ATTRIBUTE_CLASSES, where ?? `attribute ${name}`);
    this.#reserve(1);
    this.#buffer[this.#length++] = 0x22;
  }

  text(value: string, where: string): void {
    this.#closeStartTag();
    this.#escaped(value, TEXT_CLASSES, where);
  }

  end(name: string): void {
    this.#reserve(name.length + 4);
    if (this.#startTagOpen) {
      this.#buffer[this.#length++] = 0x3e;
      this.#startTagOpen = false;
    }
    this.#buffer[this.#length++] = 0x3c;
    this.#buffer[this.#length++] = 0x2f;
    this.#ascii(name);
    this.#buffer[this.#length++] = 0x3e;
  }

  /** Appends text that is already well-formed XML, such as a declaration. */
  raw(text: string): void {
    this.#closeStartTag();
    this.#utf8(text);
  }

  /** Number of bytes written since the last `take()`. */
  get length(): number {
    return this.#length;
  }

  /** Returns the bytes written since the last call and starts a new buffer, so the caller may keep them. */
  take(): Buffer {
    const bytes = this.#buffer.subarray(0, this.#length);
    this.#buffer = Buffer.allocUnsafe(Math.max(INITIAL_CAPACITY, this.#length));
    this.#length = 0;
    return bytes;
  }

  #closeStartTag(): void {
    if (!this.#startTagOpen) return;
    this.#reserve(1);
    this.#buffer[this.#length++] = 0x3e;
    this.#startTagOpen = false;
  }

  /** Writes an element or attribute name, which the writer spells in ASCII, into room that `#reserve` has made. */
  #ascii(name: string): void {
    const buffer = this.#buffer;
    let position = this.#length;
    for (let index = 0; index < name.length; index++) buffer[position++] = name.charCodeAt(index);
    this.#length = position;
  }

  /**
   * Escapes `value` and encodes it as UTF-8 in one pass. Characters outside XML 1.0 raise
   * the error of `checkXmlChars`.
   */
  #escaped(value: string, classes: Uint8Array, where: string): void {
    if (value.length > LONG_VALUE_LENGTH) {
      this.#utf8(classes === TEXT_CLASSES ? escapeText(value, where) : escapeAttribute(value, where));
      return;
    }
    this.#reserve(value.length * MAX_ESCAPED_BYTES);
    const buffer = this.#buffer;
    let position = this.#length;

    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) {
        const next = index + 1 < value.length ? value.charCodeAt(index + 1) : 0;
        const written = writeNonAscii(buffer, position, code, next);
        if (written === 0) throw notEncodable(value, index, where);
        if (written === 4) index++;
        position += written;
        continue;
      }

      const kind = classes[code]!;
      if (kind === PLAIN) {
        buffer[position++] = code;
      } else if (kind === REFERENCE) {
        const reference = REFERENCES[code]!;
        for (let offset = 0; offset < reference.length; offset++) buffer[position++] = reference.charCodeAt(offset);
      } else {
        // Raises an error that names the character, its offset and `where`.
        checkXmlChars(value, where);
      }
    }
    this.#length = position;
  }

  #utf8(text: string): void {
    this.#reserve(Buffer.byteLength(text, 'utf8'));
    this.#length += this.#buffer.write(text, this.#length, 'utf8');
  }

  /** Makes room for `count` more bytes. */
  #reserve(count: number): void {
    const needed = this.#length + count;
    if (needed <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.#buffer.length * 2));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }
}

/**
 * Writes the UTF-8 of the code unit `code` (0x80 or above), or of the surrogate pair it
 * starts with `next`, at `position`. Returns the bytes written: 2, 3, or 4 for a pair, and 0
 * for a character that XML 1.0 does not allow (a lone surrogate, U+FFFE or U+FFFF).
 */
function writeNonAscii(buffer: Buffer, position: number, code: number, next: number): number {
  if (code >= 0xd800 && code <= 0xdfff) {
    if (code > 0xdbff || next < 0xdc00 || next > 0xdfff) return 0;
    return writeCodePoint(buffer, position, 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00)) - position;
  }
  if (code >= 0xfffe) return 0;
  return writeCodePoint(buffer, position, code) - position;
}

/**
 * Returns the error for the character at `index` that `writeNonAscii` rejected. `checkXmlChars`
 * raises the usual message for it; the error below only keeps a character from being dropped
 * silently if the two ever disagree.
 */
function notEncodable(value: string, index: number, where: string): CIMXMLWriteError {
  checkXmlChars(value, where);
  const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return new CIMXMLWriteError(`The value of ${where} contains U+${code} at offset ${index}, which XML 1.0 cannot carry.`, where);
}
