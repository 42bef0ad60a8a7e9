import { XMLParseError } from '../../cim/errors.js';
import {
  AMP,
  APOS,
  CR,
  GT,
  formatCodePoint,
  HASH,
  isWhitespace,
  isXmlChar,
  isXmlName,
  LF,
  LOWER_X,
  LT,
  NAME_CHAR,
  NAME_CLASS,
  NAME_START,
  QUOTE,
  SEMICOLON,
  TAB,
} from './char-classes.js';
import { StringCache } from './string-cache.js';
import { resolveTokenizerOptions, type ResolvedTokenizerOptions, type XmlTokenizerOptions } from './tokenizer-options.js';
import { describeInvalidUtf8, UTF8_INCOMPLETE, utf8SequenceLength } from './utf8.js';

/** Scanner result: the token continues past the end of the bytes received so far. */
export const INCOMPLETE = -1;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};

/**
 * One name cache for all tokenizers. Embedded objects start a tokenizer per property value,
 * and a cache per tokenizer would cost two 1024-slot arrays each time. Sharing is safe
 * because the cache keeps no state of a document and `get` runs to completion.
 */
const SHARED_NAMES = new StringCache();

/** `advanceChars` flag: the range contains a non-ASCII character. */
export const HAS_NON_ASCII = 1;
/** `advanceChars` flag: the range contains a carriage return. */
export const HAS_CR = 2;

/**
 * Position tracking and the small scanners shared by all token kinds: names, references,
 * white space and character validation. Positions are byte offsets into the buffer being
 * scanned; `base` is the absolute offset of that buffer's first byte in the document.
 */
export class ScannerBase {
  readonly limits: ResolvedTokenizerOptions;
  protected readonly names = SHARED_NAMES;

  /** Absolute document offset of index 0 of the buffer being scanned. */
  base = 0;
  /** 1-based line of the scan position. */
  line = 1;
  /** Absolute offset of the first byte of the current line. */
  lineStart = 0;
  /** UTF-8 continuation bytes seen on the current line, so columns count code points. */
  continuationBytes = 0;
  /** Code point of the reference that `scanReference` last read. */
  referenceCodePoint = 0;
  /** Whether the name that `scanName` last read contains non-ASCII characters. */
  private nameIsNonAscii = false;

  constructor(options?: XmlTokenizerOptions) {
    this.limits = resolveTokenizerOptions(options);
  }

  /** Returns the 1-based column of `index`, which must lie on the current line. */
  columnAt(index: number): number {
    return this.base + index - this.lineStart - this.continuationBytes + 1;
  }

  /** Creates an `XMLParseError` positioned at `index` of the buffer being scanned. */
  error(message: string, index: number): XMLParseError {
    const column = this.columnAt(index);
    const offset = this.base + index;
    return new XMLParseError(`${message} (line ${this.line}, column ${column}, byte offset ${offset})`, {
      line: this.line,
      column,
    });
  }

  /** Records a line end at `index` (LF or CR); an LF right after a CR ends the same line. */
  protected lineEndAt(bytes: Buffer, index: number): void {
    if (bytes[index] === LF && index > 0 && bytes[index - 1] === CR) {
      this.lineStart = this.base + index + 1;
      return;
    }
    this.line++;
    this.lineStart = this.base + index + 1;
    this.continuationBytes = 0;
  }

  /**
   * Validates `bytes[start..end)` as XML characters and advances the line count over them.
   * The range must be complete. Returns `HAS_NON_ASCII` and `HAS_CR` flags.
   */
  advanceChars(bytes: Buffer, start: number, end: number): number {
    let flags = 0;
    let index = start;

    while (index < end) {
      const byte = bytes[index]!;
      if (byte >= 0x20 && byte < 0x80) {
        index++;
        continue;
      }

      if (byte >= 0x80) {
        const length = utf8SequenceLength(bytes, index, end);
        if (length <= UTF8_INCOMPLETE) throw this.error(describeInvalidUtf8(bytes, index, end), index);
        this.continuationBytes += length - 1;
        flags |= HAS_NON_ASCII;
        index += length;
        continue;
      }

      if (byte === LF || byte === CR) {
        if (byte === CR) flags |= HAS_CR;
        this.lineEndAt(bytes, index);
      } else if (byte !== TAB) {
        throw this.error(describeControl(byte), index);
      }
      index++;
    }
    return flags;
  }

  /** Skips white space from `index`, counting line ends; returns the first other index. */
  protected skipWhitespace(bytes: Buffer, index: number): number {
    const end = bytes.length;
    while (index < end) {
      const byte = bytes[index]!;
      if (!isWhitespace(byte)) break;
      if (byte === LF || byte === CR) this.lineEndAt(bytes, index);
      index++;
    }
    return index;
  }

  /**
   * Scans an XML Name starting at `start`. Returns `start` when no name starts there, the
   * index after the name, or `INCOMPLETE` when the name may continue past the buffer.
   */
  scanName(bytes: Buffer, start: number): number {
    const end = bytes.length;
    if (start >= end) return INCOMPLETE;

    const first = bytes[start]!;
    if (first >= 0x80) return this.scanNonAsciiName(bytes, start);
    if ((NAME_CLASS[first]! & NAME_START) === 0) return start;

    let index = start + 1;
    while (index < end) {
      const byte = bytes[index]!;
      if ((NAME_CLASS[byte]! & NAME_CHAR) !== 0) {
        index++;
      } else if (byte >= 0x80) {
        return this.scanNonAsciiName(bytes, start);
      } else {
        break;
      }
    }
    if (index - start > this.limits.maxNameLength) throw this.nameTooLong(bytes, start, index);
    if (index === end) return INCOMPLETE;

    this.nameIsNonAscii = false;
    return index;
  }

  /** Returns the name that `scanName` found at `bytes[start..end)`. */
  nameAt(bytes: Buffer, start: number, end: number): string {
    if (this.nameIsNonAscii) return bytes.toString('utf8', start, end);
    return this.names.get(bytes, start, end);
  }

  private scanNonAsciiName(bytes: Buffer, start: number): number {
    const end = bytes.length;
    let index = start;
    let continuationBytes = 0;

    while (index < end) {
      const byte = bytes[index]!;
      if (byte < 0x80) {
        if ((NAME_CLASS[byte]! & NAME_CHAR) === 0) break;
        index++;
        continue;
      }

      const length = utf8SequenceLength(bytes, index, end);
      if (length === UTF8_INCOMPLETE) return INCOMPLETE;
      if (length < 0) throw this.error(describeInvalidUtf8(bytes, index, end), index);
      continuationBytes += length - 1;
      index += length;
    }
    if (index - start > this.limits.maxNameLength) throw this.nameTooLong(bytes, start, index);
    if (index === end) return INCOMPLETE;

    const name = bytes.toString('utf8', start, index);
    if (!isXmlName(name)) {
      throw this.error(`invalid XML name '${name}': a name starts with a letter, '_' or ':'`, start);
    }
    this.continuationBytes += continuationBytes;
    this.nameIsNonAscii = true;
    return index;
  }

  private nameTooLong(bytes: Buffer, start: number, end: number): XMLParseError {
    const excerpt = bytes.toString('utf8', start, Math.min(end, start + 40));
    return this.error(
      `name '${excerpt}...' is longer than ${this.limits.maxNameLength} bytes; ` +
        'raise the maxNameLength option if the document is trusted',
      start,
    );
  }

  /**
   * Reads the reference (`&name;`, `&#N;` or `&#xH;`) at `start` into `referenceCodePoint`.
   * Only the five predefined entities exist, because DOCTYPE declarations are never read;
   * this is what keeps external entities and entity expansion attacks out.
   * Returns the index after the `;`, or `INCOMPLETE`.
   */
  scanReference(bytes: Buffer, start: number): number {
    const end = bytes.length;
    if (start + 1 >= end) return INCOMPLETE;
    if (bytes[start + 1] === HASH) return this.scanCharacterReference(bytes, start);

    const predefined = this.scanPredefinedEntity(bytes, start);
    if (predefined > 0) return predefined;

    const nameEnd = this.scanName(bytes, start + 1);
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    if (nameEnd === start + 1 || bytes[nameEnd] !== SEMICOLON) {
      throw this.error(`'&' does not start a reference; write a literal '&' as '&amp;'`, start);
    }

    const name = this.nameAt(bytes, start + 1, nameEnd);
    const text = Object.hasOwn(PREDEFINED_ENTITIES, name) ? PREDEFINED_ENTITIES[name] : undefined;
    if (text === undefined) {
      throw this.error(
        `undefined entity '&${name};': only &lt; &gt; &amp; &apos; &quot; and character ` +
          'references are allowed, because entities declared in a DOCTYPE are not expanded',
        start,
      );
    }
    this.referenceCodePoint = text.charCodeAt(0);
    return nameEnd + 1;
  }

  /**
   * Reads a predefined entity (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`) at `start` byte by
   * byte, without decoding its name. Returns the index after the `;`, or 0 for any other reference.
   */
  private scanPredefinedEntity(bytes: Buffer, start: number): number {
    const end = bytes.length;
    const first = bytes[start + 1];
    if ((first === 0x6c || first === 0x67) && start + 3 < end && bytes[start + 2] === 0x74 && bytes[start + 3] === SEMICOLON) {
      this.referenceCodePoint = first === 0x6c ? LT : GT;
      return start + 4;
    }
    if (first === 0x61 && start + 4 < end && bytes[start + 2] === 0x6d && bytes[start + 3] === 0x70 && bytes[start + 4] === SEMICOLON) {
      this.referenceCodePoint = AMP;
      return start + 5;
    }
    if (start + 5 >= end || bytes[start + 5] !== SEMICOLON) return 0;
    if (first === 0x71 && bytes[start + 2] === 0x75 && bytes[start + 3] === 0x6f && bytes[start + 4] === 0x74) {
      this.referenceCodePoint = QUOTE;
      return start + 6;
    }
    if (first === 0x61 && bytes[start + 2] === 0x70 && bytes[start + 3] === 0x6f && bytes[start + 4] === 0x73) {
      this.referenceCodePoint = APOS;
      return start + 6;
    }
    return 0;
  }

  private scanCharacterReference(bytes: Buffer, start: number): number {
    const end = bytes.length;
    if (start + 2 >= end) return INCOMPLETE;

    const hex = bytes[start + 2] === LOWER_X;
    let index = hex ? start + 3 : start + 2;
    const digitsStart = index;
    let codePoint = 0;

    for (; index < end; index++) {
      const digit = digitValue(bytes[index]!, hex);
      if (digit < 0) break;
      // Saturate so that long digit strings cannot overflow; any value this large is rejected below.
      codePoint = Math.min(codePoint * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (index === end) return INCOMPLETE;

    if (index === digitsStart || bytes[index] !== SEMICOLON) {
      const excerpt = bytes.toString('latin1', start, Math.min(index + 1, end));
      throw this.error(`invalid character reference '${excerpt}'; expected &#DIGITS; or &#xHEX;`, start);
    }
    if (!isXmlChar(codePoint)) {
      const excerpt = bytes.toString('latin1', start, index + 1);
      const target = codePoint > 0x10ffff ? 'a value above U+10FFFF' : formatCodePoint(codePoint);
      throw this.error(`character reference '${excerpt}' refers to ${target}, which is not allowed in XML 1.0`, start);
    }

    this.referenceCodePoint = codePoint;
    return index + 1;
  }
}

function digitValue(byte: number, hex: boolean): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (!hex) return -1;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return -1;
}

/** Describes a raw control character that the XML Char production excludes. */
export function describeControl(byte: number): string {
  return `character ${formatCodePoint(byte)} is not allowed in XML 1.0, not even as a character reference`;
}
