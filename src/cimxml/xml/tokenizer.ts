/**
 * Strict streaming XML 1.0 tokenizer for UTF-8 input, specialised for CIM-XML.
 *
 * We wrote our own because libxmljs2's SAX push parser is too slow (8.3 MB/s on a 227.6 MB
 * generated EnumerateInstances response) and saxes needs the bytes decoded to strings first.
 * Measured with `npx tsx bench/tokenizer.ts --mb 100 --skip-slow` on 2 shared cores, Node 20.20
 * (docs/benchmarks.md): this tokenizer 121 MB/s, saxes 77 MB/s, `xmllint --noout` 57 MB/s.
 * It works on bytes with lookup tables and decodes only the strings it hands out.
 */
import { XMLParseError } from '../../cim/errors.js';
import { BANG, GT, LT, QUESTION, SLASH } from './char-classes.js';
import { ContentScanner } from './content-scanner.js';
import { checkLength, scanComment, scanProcessingInstruction, skipDoctype } from './markup.js';
import { HAS_CR, HAS_NON_ASCII, INCOMPLETE } from './scanner-base.js';
import type { XmlHandler, XmlTokenizerOptions } from './tokenizer-options.js';

export type { XmlHandler, XmlTokenizerOptions } from './tokenizer-options.js';

const CDATA_OPEN = Buffer.from('<![CDATA[', 'latin1');
const CDATA_END = Buffer.from(']]>', 'latin1');
const COMMENT_OPEN = Buffer.from('<!--', 'latin1');
const DOCTYPE_OPEN = Buffer.from('<!DOCTYPE', 'latin1');

/** Pending bytes of an unfinished token are rescanned only once they have doubled, so feeding a long token in small chunks stays linear. */
const FIRST_RESCAN_LENGTH = 4096;

/**
 * Push tokenizer: `write` UTF-8 chunks split anywhere, then `end`. Events go to the handler
 * as soon as a token is complete. Every well-formedness error raises an `XMLParseError`
 * with line and column; after an error, `write` and `end` raise it again.
 */
export class XmlTokenizer extends ContentScanner {
  /** Unconsumed bytes: the start of a token that continues in the next chunk; allocated when first needed. */
  private pending: Buffer = Buffer.alloc(0);
  private pendingLength = 0;
  /** The pending token needs a `>` before a rescan can finish it. */
  private waitingForGt = false;
  private rescanLength = FIRST_RESCAN_LENGTH;

  private doctypeSeen = false;
  private started = false;
  /** Absolute offset of the first byte after a byte order mark. */
  private documentStart = 0;
  private failure: unknown = null;
  private ended = false;

  constructor(handler: XmlHandler, options?: XmlTokenizerOptions) {
    super(handler, options);
  }

  /** Feeds the next chunk of the document. */
  write(chunk: Uint8Array): void {
    this.checkUsable();
    if (chunk.length === 0) return;

    if (this.pendingLength === 0) {
      this.run(asBuffer(chunk), false);
      return;
    }

    this.append(chunk);
    if (this.waitingForGt && this.pendingLength < this.rescanLength && chunk.indexOf(GT) < 0) return;
    this.run(this.pending.subarray(0, this.pendingLength), false);
  }

  /** Signals the end of the document; raises if it is incomplete or has no root element. */
  end(): void {
    this.checkUsable();
    this.ended = true;

    if (this.pendingLength > 0) this.run(this.pending.subarray(0, this.pendingLength), true);
    const position = this.pendingLength;

    try {
      if (this.depth > 0) {
        const index = this.depth - 1;
        throw this.error(
          `document ends inside element <${this.openNames[index]}> opened at line ` +
            `${this.openLines[index]}, column ${this.openColumns[index]}; the end tag is missing`,
          position,
        );
      }
      if (!this.rootSeen) throw this.error('document has no root element', position);
    } catch (error) {
      this.failure = error;
      throw error;
    }
  }

  private checkUsable(): void {
    if (this.failure !== null) throw this.failure;
    if (this.ended) throw new XMLParseError('the XML tokenizer has already ended; create a new one per document');
  }

  private append(chunk: Uint8Array): void {
    const needed = this.pendingLength + chunk.length;
    if (needed > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.pending.length * 2));
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    this.pending.set(chunk, this.pendingLength);
    this.pendingLength = needed;
  }

  /** Scans `bytes` and keeps what is left of an unfinished token in `pending`. */
  private run(bytes: Buffer, final: boolean): void {
    let consumed: number;
    try {
      consumed = this.scan(bytes, final);
    } catch (error) {
      this.failure = error;
      throw error;
    }

    const rest = bytes.length - consumed;
    this.base += consumed;
    if (rest === 0) {
      this.pendingLength = 0;
      this.rescanLength = FIRST_RESCAN_LENGTH;
      return;
    }

    if (bytes.buffer === this.pending.buffer && bytes.byteOffset === this.pending.byteOffset) {
      this.pending.copyWithin(0, consumed, bytes.length);
      this.pendingLength = rest;
    } else {
      this.pendingLength = 0;
      this.append(bytes.subarray(consumed));
    }
    if (this.waitingForGt) this.rescanLength = Math.max(FIRST_RESCAN_LENGTH, rest * 2);
  }

  /** Scans tokens from the start of `bytes`; returns the index of the first unconsumed byte. */
  private scan(bytes: Buffer, final: boolean): number {
    const end = bytes.length;
    let index = 0;
    this.waitingForGt = false;

    if (!this.started) {
      index = this.skipByteOrderMark(bytes, final);
      if (!this.started) return 0;
    }

    while (index < end) {
      if (bytes[index] !== LT) {
        const stop = this.depth > 0 ? this.scanText(bytes, index, final) : this.skipOutsideText(bytes, index, final);
        if (stop < end && bytes[stop] !== LT) return stop;
        index = stop;
        continue;
      }

      const line = this.line;
      const lineStart = this.lineStart;
      const continuationBytes = this.continuationBytes;
      const next = this.scanMarkup(bytes, index);
      if (next === INCOMPLETE) {
        this.line = line;
        this.lineStart = lineStart;
        this.continuationBytes = continuationBytes;
        if (final) throw this.error(`document ends inside markup that starts here${this.openElementText()}`, index);
        this.waitingForGt = true;
        return index;
      }
      index = next;
    }
    return index;
  }

  /** Returns the part of an error message that names the innermost open element, or '' outside the root element. */
  private openElementText(): string {
    if (this.depth === 0) return '';
    const index = this.depth - 1;
    return `, inside element <${this.openNames[index]}> opened at line ${this.openLines[index]}, column ${this.openColumns[index]}`;
  }

  private skipByteOrderMark(bytes: Buffer, final: boolean): number {
    const first = bytes[0]!;
    if (first === 0xfe || first === 0xff) {
      throw this.error('the document starts with a UTF-16 byte order mark; only UTF-8 is supported', 0);
    }
    if (first !== 0xef) {
      this.started = true;
      return 0;
    }
    if (bytes.length < 3 && !final) return 0;

    this.started = true;
    if (bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.documentStart = 3;
      this.lineStart = 3;
      return 3;
    }
    return 0;
  }

  /** Scans the markup whose `<` is at `start`; returns the index after it or `INCOMPLETE`. */
  private scanMarkup(bytes: Buffer, start: number): number {
    if (start + 1 >= bytes.length) return INCOMPLETE;

    const next = bytes[start + 1]!;
    if (next === SLASH) return this.scanEndTag(bytes, start);
    if (next === QUESTION) {
      return scanProcessingInstruction(this, bytes, start, this.base + start === this.documentStart);
    }
    if (next === BANG) return this.scanDeclaration(bytes, start);
    return this.scanStartTag(bytes, start);
  }

  /** Scans `<!--`, `<![CDATA[` or `<!DOCTYPE` at `start`. */
  private scanDeclaration(bytes: Buffer, start: number): number {
    if (startsWith(bytes, start, COMMENT_OPEN)) return scanComment(this, bytes, start);
    if (startsWith(bytes, start, CDATA_OPEN)) return this.scanCDataSection(bytes, start);
    if (startsWith(bytes, start, DOCTYPE_OPEN)) {
      this.checkDoctypePlace(start);
      const next = skipDoctype(this, bytes, start);
      if (next !== INCOMPLETE) this.doctypeSeen = true;
      return next;
    }

    const available = bytes.length - start;
    if (isPrefixOf(bytes, start, COMMENT_OPEN) || isPrefixOf(bytes, start, CDATA_OPEN) || isPrefixOf(bytes, start, DOCTYPE_OPEN)) {
      if (available < CDATA_OPEN.length) return INCOMPLETE;
    }
    const excerpt = bytes.toString('latin1', start, Math.min(bytes.length, start + 12));
    throw this.error(`invalid markup '${excerpt}'; expected a comment '<!--', CDATA section or DOCTYPE`, start);
  }

  private checkDoctypePlace(start: number): void {
    if (this.rootSeen) throw this.error('a DOCTYPE is allowed only before the root element', start);
    if (this.doctypeSeen) throw this.error('a document may contain only one DOCTYPE', start);
  }

  /** Emits the content of the CDATA section at `start` as text. */
  private scanCDataSection(bytes: Buffer, start: number): number {
    if (this.depth === 0) throw this.error('a CDATA section is allowed only inside the root element', start);

    const contentStart = start + CDATA_OPEN.length;
    const closing = bytes.indexOf(CDATA_END, contentStart);
    if (closing < 0) {
      checkLength(this, start, bytes.length, 'CDATA section');
      return INCOMPLETE;
    }

    this.textLength += closing - contentStart;
    checkLength(this, 0, this.textLength, 'text node');
    const flags = this.advanceChars(bytes, contentStart, closing);
    if (closing > contentStart) {
      const text = bytes.toString((flags & HAS_NON_ASCII) !== 0 ? 'utf8' : 'latin1', contentStart, closing);
      this.handler.text((flags & HAS_CR) !== 0 ? text.replace(/\r\n?/g, '\n') : text);
    }
    return closing + 3;
  }
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function startsWith(bytes: Buffer, start: number, prefix: Buffer): boolean {
  if (start + prefix.length > bytes.length) return false;
  for (let index = 0; index < prefix.length; index++) {
    if (bytes[start + index] !== prefix[index]) return false;
  }
  return true;
}

/** Checks whether the bytes from `start` to the end of the buffer are a prefix of `marker`. */
function isPrefixOf(bytes: Buffer, start: number, marker: Buffer): boolean {
  const length = Math.min(bytes.length - start, marker.length);
  for (let index = 0; index < length; index++) {
    if (bytes[start + index] !== marker[index]) return false;
  }
  return true;
}
