import {
  C_AMP,
  C_CR,
  C_LF,
  C_LT,
  C_NON_ASCII,
  C_QUOTE,
  C_RBRACKET,
  C_TAB,
  CONTENT_CLASS,
  TEXT_CLASS,
  APOS,
  EQUALS,
  GT,
  LF,
  LT,
  PLAIN,
  QUOTE,
  RBRACKET,
  SLASH,
  SPACE,
  TAB,
} from './char-classes.js';
import { describeControl, INCOMPLETE, ScannerBase } from './scanner-base.js';
import type { XmlHandler, XmlTokenizerOptions } from './tokenizer-options.js';
import { describeInvalidUtf8, UTF8_INCOMPLETE, utf8SequenceLength, writeCodePoint } from './utf8.js';

/** Attributes of every tag without attributes; frozen, because the record is shared. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Tags with up to this many attributes find duplicates by comparing names, larger ones by lookup. */
const SCANNED_ATTRIBUTE_NAMES = 16;

/** Attribute values up to this many bytes go through the string cache. */
const CACHED_VALUE_LENGTH = 24;

/**
 * Scanners for the element content: start tags with their attributes, end tags and
 * character data, with the stack of open elements that checks nesting.
 */
export class ContentScanner extends ScannerBase {
  protected readonly handler: XmlHandler;

  protected readonly openNames: string[] = [];
  protected readonly openLines: number[] = [];
  protected readonly openColumns: number[] = [];
  protected depth = 0;
  protected rootSeen = false;
  /** Bytes of the current text node so far, for `maxTextLength`. */
  protected textLength = 0;
  /** Value that `scanAttributeValue` last read. */
  private attributeValue = '';
  /** Attributes that `scanAttributes` last read. */
  private tagAttributes: Record<string, string> = NO_ATTRIBUTES;
  /**
   * Names of the attributes read so far in the current tag. Comparing a handful of names
   * is cheaper than a keyed lookup on an object whose shape changes with every tag.
   */
  private readonly attributeNames: string[] = [];

  constructor(handler: XmlHandler, options?: XmlTokenizerOptions) {
    super(options);
    this.handler = handler;
  }

  /**
   * Scans character data from `start` up to the next `<` and emits it as one `text` call.
   * Stops early, before the first byte that needs more input to be understood: part of a
   * reference, of a UTF-8 sequence, of a possible `]]>`, or a CR that may precede an LF.
   * Returns the index where it stopped.
   */
  protected scanText(bytes: Buffer, start: number, final: boolean): number {
    const end = bytes.length;
    if (this.textLength === 0) {
      // Servers such as OpenPegasus write one element per line, often indented, so most text
      // nodes are white space.
      if (bytes[start] === LF && bytes[start + 1] === LT) {
        this.lineEndAt(bytes, start);
        this.textLength = 1;
        this.handler.text('\n');
        return start + 1;
      }
      const indentEnd = this.scanIndentation(bytes, start);
      if (indentEnd >= 0) return indentEnd;
    }

    let index = start;
    let runStart = start;
    let nonAscii = false;
    // Text with line ends or references is rewritten into scratch bytes and decoded once,
    // so the value is one flat string and costs one decoding call however many references it has.
    let out: Buffer | null = null;
    let written = 0;

    while (index < end) {
      const byteClass = TEXT_CLASS[bytes[index]!]!;
      if (byteClass === PLAIN) {
        index++;
        continue;
      }
      if (byteClass === C_LT) break;

      if (byteClass === C_NON_ASCII) {
        const length = utf8SequenceLength(bytes, index, end);
        if (length > 0) {
          this.continuationBytes += length - 1;
          nonAscii = true;
          index += length;
          continue;
        }
        if (length === UTF8_INCOMPLETE && !final) break;
        throw this.error(describeInvalidUtf8(bytes, index, end), index);
      }

      if (byteClass === C_LF) {
        this.lineEndAt(bytes, index);
        index++;
        continue;
      }

      if (byteClass === C_CR) {
        if (index + 1 === end && !final) break;
        out ??= scratchFor(textBound(bytes, start, index));
        written = copyRun(bytes, runStart, index, out, written);
        out[written++] = LF;
        this.lineEndAt(bytes, index);
        index += bytes[index + 1] === LF ? 2 : 1;
        this.lineStart = this.base + index;
        runStart = index;
        continue;
      }

      if (byteClass === C_AMP) {
        const next = this.scanReference(bytes, index);
        if (next === INCOMPLETE) {
          if (final) throw this.error('document ends inside a reference', index);
          break;
        }
        out ??= scratchFor(textBound(bytes, start, index));
        written = copyRun(bytes, runStart, index, out, written);
        written = writeCodePoint(out, written, this.referenceCodePoint);
        if (this.referenceCodePoint >= 0x80) nonAscii = true;
        index = next;
        runStart = index;
        continue;
      }

      if (byteClass === C_RBRACKET) {
        if (index + 2 < end) {
          if (bytes[index + 1] === RBRACKET && bytes[index + 2] === GT) {
            throw this.error(`']]>' is not allowed in character data; write it as ']]&gt;'`, index);
          }
        } else if (!final && (index + 1 === end || bytes[index + 1] === RBRACKET)) {
          break;
        }
        index++;
        continue;
      }

      throw this.error(describeControl(bytes[index]!), index);
    }

    this.textLength += index - start;
    if (this.textLength > this.limits.maxTextLength) {
      throw this.error(
        `text node is longer than the maxTextLength limit of ${this.limits.maxTextLength} bytes; ` +
          'raise the option if the document is trusted',
        index,
      );
    }

    if (index === start) return index;
    if (out === null) {
      this.handler.text(decode(bytes, start, index, nonAscii));
      return index;
    }
    written = copyRun(bytes, runStart, index, out, written);
    this.handler.text(decode(out, 0, written, nonAscii));
    return index;
  }

  /**
   * Emits the text from `start` when it is only spaces, tabs and LFs up to the next `<`.
   * Returns the index of the `<`, or -1 for any other text. The strings come from the string cache.
   */
  private scanIndentation(bytes: Buffer, start: number): number {
    const end = Math.min(bytes.length, start + CACHED_VALUE_LENGTH);
    let index = start;
    while (index < end && (bytes[index] === LF || bytes[index] === SPACE || bytes[index] === TAB)) index++;
    if (index === end || bytes[index] !== LT || index === start) return -1;
    // The general path raises the maxTextLength error.
    if (index - start > this.limits.maxTextLength) return -1;

    for (let position = start; position < index; position++) {
      if (bytes[position] === LF) this.lineEndAt(bytes, position);
    }
    this.textLength = index - start;
    this.handler.text(index - start === 1 ? ASCII_STRINGS[bytes[start]!]! : this.names.get(bytes, start, index));
    return index;
  }

  /** Skips the white space allowed before and after the root element; anything else is an error. */
  protected skipOutsideText(bytes: Buffer, start: number, final: boolean): number {
    const end = bytes.length;
    let index = start;

    while (index < end) {
      const byte = bytes[index]!;
      if (byte === LT) break;
      if (byte === 0x0d && index + 1 === end && !final) break;

      if (byte === LF || byte === 0x0d) {
        this.lineEndAt(bytes, index);
      } else if (byte >= 0x80 && utf8SequenceLength(bytes, index, end) <= UTF8_INCOMPLETE) {
        if (!final && utf8SequenceLength(bytes, index, end) === UTF8_INCOMPLETE) break;
        throw this.error(describeInvalidUtf8(bytes, index, end), index);
      } else if (byte !== 0x20 && byte !== 0x09) {
        const excerpt = bytes.toString('utf8', index, Math.min(end, index + 20));
        const where = this.rootSeen ? 'after the end of' : 'before';
        throw this.error(`text '${excerpt}' ${where} the root element; a document has exactly one root element`, index);
      }
      index++;
    }
    return index;
  }

  /** Scans the start tag or empty-element tag at `start` and emits its events. */
  protected scanStartTag(bytes: Buffer, start: number): number {
    const line = this.line;
    const column = this.columnAt(start);

    const nameEnd = this.scanName(bytes, start + 1);
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    if (nameEnd === start + 1) throw this.invalidCharacter(bytes, start + 1, "after '<'; expected an element name");
    const name = this.nameAt(bytes, start + 1, nameEnd);

    if (this.rootSeen && this.depth === 0) {
      throw this.error(`second root element <${name}>; a document has exactly one root element`, start);
    }

    const end = this.scanAttributes(bytes, nameEnd, name);
    if (end === INCOMPLETE) return INCOMPLETE;
    const attributes = this.tagAttributes;

    if (this.depth >= this.limits.maxDepth) {
      throw this.error(
        `element <${name}> is nested deeper than the maxDepth limit of ${this.limits.maxDepth}; ` +
          'raise the option if the document is trusted',
        start,
      );
    }

    this.openNames[this.depth] = name;
    this.openLines[this.depth] = line;
    this.openColumns[this.depth] = column;
    this.depth++;
    this.rootSeen = true;
    this.textLength = 0;
    this.handler.startElement(name, attributes, line, column);

    if (bytes[end - 2] === SLASH) this.closeElement(name);
    return end;
  }

  /**
   * Scans attributes up to `>` or `/>` into `tagAttributes`; returns the index after the tag
   * or `INCOMPLETE`. A tag without attributes gets the shared, frozen `NO_ATTRIBUTES`, since
   * most CIM-XML elements (VALUE, VALUE.NULL, KEYBINDING content) have none.
   */
  private scanAttributes(bytes: Buffer, start: number, elementName: string): number {
    const end = bytes.length;
    let index = start;
    let count = 0;
    // A plain object keeps V8's fast properties, and elements with the same attribute
    // names share one hidden class; `setAttribute` handles the name `__proto__`.
    let attributes = NO_ATTRIBUTES;
    this.tagAttributes = attributes;

    for (;;) {
      const afterSpace = this.skipWhitespace(bytes, index);
      if (afterSpace >= end) return INCOMPLETE;

      const byte = bytes[afterSpace]!;
      if (byte === GT) return afterSpace + 1;
      if (byte === SLASH) {
        if (afterSpace + 1 >= end) return INCOMPLETE;
        if (bytes[afterSpace + 1] === GT) return afterSpace + 2;
        throw this.error(`expected '>' after '/' in the tag <${elementName}>`, afterSpace + 1);
      }

      const nameEnd = this.scanName(bytes, afterSpace);
      if (nameEnd === INCOMPLETE) return INCOMPLETE;
      if (nameEnd === afterSpace) throw this.invalidCharacter(bytes, afterSpace, `in the tag <${elementName}>`);
      if (afterSpace === index) {
        throw this.error(`missing white space before attribute in the tag <${elementName}>`, afterSpace);
      }
      const name = this.nameAt(bytes, afterSpace, nameEnd);

      const valueEnd = this.scanAttribute(bytes, nameEnd, elementName, name);
      if (valueEnd === INCOMPLETE) return INCOMPLETE;

      if (this.isDuplicateAttribute(name, count)) {
        throw this.error(`duplicate attribute ${name} in the tag <${elementName}>`, afterSpace);
      }
      if (count < SCANNED_ATTRIBUTE_NAMES) this.attributeNames[count] = name;
      count++;
      if (count > this.limits.maxAttributes) {
        throw this.error(
          `the tag <${elementName}> has more than the maxAttributes limit of ${this.limits.maxAttributes} attributes; ` +
            'raise the option if the document is trusted',
          afterSpace,
        );
      }
      if (attributes === NO_ATTRIBUTES) {
        attributes = {};
        this.tagAttributes = attributes;
      }
      setAttribute(attributes, name, this.attributeValue);
      index = valueEnd;
    }
  }

  /** Checks `name` against the first `count` attribute names of the tag being scanned. */
  private isDuplicateAttribute(name: string, count: number): boolean {
    if (count > SCANNED_ATTRIBUTE_NAMES) return Object.hasOwn(this.tagAttributes, name);
    const names = this.attributeNames;
    for (let position = 0; position < count; position++) {
      if (names[position] === name) return true;
    }
    return false;
  }

  /** Scans `= "value"` after an attribute name; returns the index after the closing quote. */
  private scanAttribute(bytes: Buffer, start: number, elementName: string, name: string): number {
    const end = bytes.length;

    let index = this.skipWhitespace(bytes, start);
    if (index >= end) return INCOMPLETE;
    if (bytes[index] !== EQUALS) {
      throw this.error(`attribute ${name} in the tag <${elementName}> has no value; write ${name}="..."`, index);
    }

    index = this.skipWhitespace(bytes, index + 1);
    if (index >= end) return INCOMPLETE;
    const quote = bytes[index]!;
    if (quote !== QUOTE && quote !== APOS) {
      throw this.error(`value of attribute ${name} in the tag <${elementName}> must be quoted with " or '`, index);
    }
    return this.scanAttributeValue(bytes, index + 1, quote, name);
  }

  /**
   * Reads a quoted attribute value into `attributeValue` and resolves its references.
   * White space is normalised as XML 1.0 section 3.3.3 requires for undeclared attributes:
   * each tab, LF, CR or CR LF becomes one space, while `&#10;` and other references keep their character.
   */
  private scanAttributeValue(bytes: Buffer, start: number, quote: number, name: string): number {
    const end = bytes.length;
    let index = start;
    let runStart = start;
    let nonAscii = false;
    // The value goes into scratch bytes once a reference or white space to normalise appears, as in `scanText`.
    let out: Buffer | null = null;
    let written = 0;

    for (;;) {
      if (index >= end) {
        this.checkAttributeLength(index - start, name, start);
        return INCOMPLETE;
      }

      const byte = bytes[index]!;
      const byteClass = CONTENT_CLASS[byte]!;
      if (byteClass === PLAIN || byteClass === C_RBRACKET) {
        index++;
        continue;
      }
      if (byteClass === C_QUOTE) {
        if (byte === quote) break;
        index++;
        continue;
      }

      if (byteClass === C_NON_ASCII) {
        const length = utf8SequenceLength(bytes, index, end);
        if (length === UTF8_INCOMPLETE) return INCOMPLETE;
        if (length < 0) throw this.error(describeInvalidUtf8(bytes, index, end), index);
        this.continuationBytes += length - 1;
        nonAscii = true;
        index += length;
        continue;
      }

      if (byteClass === C_AMP) {
        const next = this.scanReference(bytes, index);
        if (next === INCOMPLETE) return INCOMPLETE;
        out ??= scratchFor(valueBound(bytes, start, index, quote));
        written = copyRun(bytes, runStart, index, out, written);
        written = writeCodePoint(out, written, this.referenceCodePoint);
        if (this.referenceCodePoint >= 0x80) nonAscii = true;
        index = next;
        runStart = index;
        continue;
      }

      if (byteClass === C_TAB || byteClass === C_LF || byteClass === C_CR) {
        if (byteClass === C_CR && index + 1 >= end) return INCOMPLETE;
        out ??= scratchFor(valueBound(bytes, start, index, quote));
        written = copyRun(bytes, runStart, index, out, written);
        out[written++] = SPACE;
        if (byteClass !== C_TAB) this.lineEndAt(bytes, index);
        index += byteClass === C_CR && bytes[index + 1] === LF ? 2 : 1;
        if (byteClass === C_CR) this.lineStart = this.base + index;
        runStart = index;
        continue;
      }

      if (byteClass === C_LT) {
        throw this.error(`'<' is not allowed in the value of attribute ${name}; write it as '&lt;'`, index);
      }
      throw this.error(describeControl(byte), index);
    }

    this.checkAttributeLength(index - start, name, start);
    if (out !== null) {
      written = copyRun(bytes, runStart, index, out, written);
      this.attributeValue = decode(out, 0, written, nonAscii);
    } else if (!nonAscii && index - start <= CACHED_VALUE_LENGTH) {
      this.attributeValue = this.names.get(bytes, start, index);
    } else {
      this.attributeValue = decode(bytes, start, index, nonAscii);
    }
    return index + 1;
  }

  private checkAttributeLength(length: number, name: string, start: number): void {
    if (length <= this.limits.maxAttributeLength) return;

    throw this.error(
      `value of attribute ${name} is longer than the maxAttributeLength limit of ` +
        `${this.limits.maxAttributeLength} bytes; raise the option if the document is trusted`,
      start,
    );
  }

  /** Scans the end tag at `start` and checks that it closes the innermost open element. */
  protected scanEndTag(bytes: Buffer, start: number): number {
    // Fast path: the end tag spells the innermost open name and `>` follows. That name was
    // checked when its start tag was read, and `>` cannot continue a name.
    const depth = this.depth;
    if (depth > 0) {
      const open = this.openNames[depth - 1]!;
      const close = start + 2 + open.length;
      if (close < bytes.length && bytes[close] === GT && sameAsciiName(open, bytes, start + 2, close)) {
        this.closeElement(open);
        return close + 1;
      }
    }

    const nameEnd = this.scanName(bytes, start + 2);
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    if (nameEnd === start + 2) throw this.invalidCharacter(bytes, start + 2, "after '</'; expected an element name");

    const close = this.skipWhitespace(bytes, nameEnd);
    if (close >= bytes.length) return INCOMPLETE;
    if (bytes[close] !== GT) {
      const name = this.nameAt(bytes, start + 2, nameEnd);
      throw this.invalidCharacter(bytes, close, `in the end tag </${name}>; expected '>'`);
    }

    const index = this.depth - 1;
    const open = index >= 0 ? this.openNames[index]! : '';
    if (sameAsciiName(open, bytes, start + 2, nameEnd)) {
      this.closeElement(open);
      return close + 1;
    }

    const name = this.nameAt(bytes, start + 2, nameEnd);
    if (this.depth === 0) throw this.error(`end tag </${name}> has no matching start tag`, start);
    if (name !== open) {
      throw this.error(
        `end tag </${name}> does not match the start tag <${open}> at line ` +
          `${this.openLines[index]}, column ${this.openColumns[index]}`,
        start,
      );
    }

    this.closeElement(name);
    return close + 1;
  }

  private closeElement(name: string): void {
    this.depth--;
    this.textLength = 0;
    this.handler.endElement(name);
  }

  private invalidCharacter(bytes: Buffer, index: number, context: string): Error {
    const byte = bytes[index]!;
    const excerpt = byte >= 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).toUpperCase()}`;
    return this.error(`unexpected ${excerpt} ${context}`, index);
  }
}

/**
 * Checks whether the ASCII bytes `bytes[start..end)` spell `name`. A byte of 0x80 or above
 * never matches, so names with non-ASCII characters take the slower path, which validates
 * their UTF-8 (`Ã` is the character 0xC3, but the lone byte 0xC3 is not UTF-8).
 */
function sameAsciiName(name: string, bytes: Buffer, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let index = 0; index < name.length; index++) {
    const byte = bytes[start + index]!;
    if (byte >= 0x80 || name.charCodeAt(index) !== byte) return false;
  }
  return true;
}

function setAttribute(attributes: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') {
    Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    attributes[name] = value;
  }
}

/** Scratch buffers up to this size are kept for the next text, and larger ones are dropped after use. */
const SCRATCH_KEEP_BYTES = 1024 * 1024;

/**
 * Scratch bytes for text and attribute values that need rewriting. One buffer serves all
 * tokenizers, because a scanner fills and decodes it before it calls the handler.
 */
let scratch = Buffer.allocUnsafe(0);

/**
 * Returns a scratch buffer of at least `length` bytes. Rewritten text is never longer than
 * its source: a reference is longer than the UTF-8 of its character, and CR LF becomes one byte.
 */
function scratchFor(length: number): Buffer {
  if (length <= scratch.length) return scratch;
  const buffer = Buffer.allocUnsafe(Math.max(length, 4096));
  if (buffer.length <= SCRATCH_KEEP_BYTES) scratch = buffer;
  return buffer;
}

/** Returns the maximum length in bytes of the text from `start`, which ends at the next `<` at the latest. */
function textBound(bytes: Buffer, start: number, index: number): number {
  const lt = bytes.indexOf(LT, index);
  return (lt < 0 ? bytes.length : lt) - start;
}

/** Returns the maximum length in bytes of the attribute value from `start`, which ends at its closing quote. */
function valueBound(bytes: Buffer, start: number, index: number, quote: number): number {
  const close = bytes.indexOf(quote, index);
  return (close < 0 ? bytes.length : close) - start;
}

/** Copies `source[start..end)` to `target` at `offset` and returns the offset after it. */
function copyRun(source: Buffer, start: number, end: number, target: Buffer, offset: number): number {
  // Most runs between references are a few bytes, where a loop saves the cost of a native call.
  if (end - start > 32) return offset + source.copy(target, offset, start, end);
  let position = offset;
  for (let index = start; index < end; index++) target[position++] = source[index]!;
  return position;
}

/** Single-character strings of the bytes 0 to 127, since one-byte text between tags is common. */
const ASCII_STRINGS = Array.from({ length: 128 }, (_unused, code) => String.fromCharCode(code));

/**
 * Decoding methods that Node's Buffer has had since its first releases and that
 * `Buffer#toString` calls after checking its arguments; @types/node does not declare them.
 * NOTE: they are undocumented; if a Node release drops them, use `toString(encoding, start, end)`.
 */
interface BufferSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Decodes validated bytes; `nonAscii` false means every byte is below 0x80. */
function decode(bytes: Buffer, start: number, end: number, nonAscii: boolean): string {
  const length = end - start;
  if (length === 0) return '';
  if (nonAscii) return (bytes as Buffer & BufferSlices).utf8Slice(start, end);
  if (length === 1) return ASCII_STRINGS[bytes[start]!]!;
  return (bytes as Buffer & BufferSlices).latin1Slice(start, end);
}
