import {
  APOSTROPHE,
  BACKSLASH,
  BYTE_ORDER_MARK,
  CR,
  DOLLAR,
  DOT,
  FORM_FEED,
  isBinary,
  isDigit,
  isHexDigit,
  isIdentifierPart,
  isIdentifierStart,
  isOctal,
  LF,
  LOWER_B,
  LOWER_E,
  LOWER_X,
  MINUS,
  PLUS,
  PUNCTUATION,
  QUOTE,
  SIMPLE_ESCAPES,
  SLASH,
  SPACE,
  STAR,
  TAB,
  UPPER_B,
  UPPER_E,
  UPPER_X,
  VERTICAL_TAB,
  ZERO,
} from './characters.js';
import { MOFCompileError, type MOFSource } from './errors.js';

/** Kinds of MOF tokens. Keywords other than TRUE, FALSE and NULL are identifiers. */
export type MOFTokenKind =
  | 'identifier'
  | 'alias'
  | 'integer'
  | 'real'
  | 'string'
  | 'char16'
  | 'boolean'
  | 'null'
  | 'punctuation'
  | 'eof';

/** One MOF token with its position; `line` and `column` are 1-based, `offset` 0-based. */
export interface MOFToken {
  kind: MOFTokenKind;
  /**
   * Identifier or alias name (without `$`), punctuation character, decoded string or
   * char16, integer as bigint, real as number, boolean, or null for NULL and end of input.
   */
  value: string | bigint | number | boolean | null;
  offset: number;
  /** Offset just after the token; for concatenated strings, after the last literal. */
  end: number;
  line: number;
  column: number;
}

/**
 * Splits MOF text into tokens on demand. Works on character codes and keeps the line
 * and column of each token. Whitespace and comments are skipped; adjacent string
 * literals are joined into one string token.
 */
export class MOFScanner {
  readonly source: MOFSource;
  readonly #text: string;
  #offset = 0;
  #line = 1;
  /** Offset of the first character of the current line. */
  #lineStart = 0;

  constructor(source: MOFSource) {
    this.source = source;
    this.#text = source.text;
    if (this.#text.charCodeAt(0) === BYTE_ORDER_MARK) {
      this.#offset = 1;
      this.#lineStart = 1;
    }
  }

  /** Returns the next token; at the end of the text it returns `eof` tokens. */
  next(): MOFToken {
    this.#skipWhitespaceAndComments();

    const text = this.#text;
    const start = this.#offset;
    const line = this.#line;
    const column = start - this.#lineStart + 1;
    if (start >= text.length) return { kind: 'eof', value: null, offset: start, end: start, line, column };

    const code = text.charCodeAt(start);
    if (isIdentifierStart(code)) return this.#scanIdentifier(start, line, column);
    if (code === QUOTE) return this.#scanStrings(start, line, column);
    if (code === APOSTROPHE) return this.#scanChar16(start, line, column);
    if (isDigit(code) || code === PLUS || code === MINUS || code === DOT) {
      return this.#scanNumber(start, line, column);
    }
    if (code === DOLLAR) return this.#scanAlias(start, line, column);
    if (PUNCTUATION.has(code)) {
      this.#offset = start + 1;
      return { kind: 'punctuation', value: text[start] ?? '', offset: start, end: start + 1, line, column };
    }
    throw this.#error(`unexpected character ${JSON.stringify(text[start])}`, start, line, column);
  }

  #skipWhitespaceAndComments(): void {
    const text = this.#text;
    const length = text.length;
    let offset = this.#offset;

    while (offset < length) {
      const code = text.charCodeAt(offset);
      if (code === LF) {
        offset++;
        this.#line++;
        this.#lineStart = offset;
      } else if (code === SPACE || code === TAB || code === CR || code === FORM_FEED || code === VERTICAL_TAB) {
        offset++;
      } else if (code === SLASH && text.charCodeAt(offset + 1) === SLASH) {
        const newline = text.indexOf('\n', offset + 2);
        offset = newline === -1 ? length : newline;
      } else if (code === SLASH && text.charCodeAt(offset + 1) === STAR) {
        offset = this.#skipBlockComment(offset);
      } else {
        break;
      }
    }
    this.#offset = offset;
  }

  /** Skips a `/* ... *\/` comment starting at `start`, counting its lines; returns the offset after it. */
  #skipBlockComment(start: number): number {
    const text = this.#text;
    const close = text.indexOf('*/', start + 2);
    if (close === -1) {
      throw this.#error('unterminated comment: "/*" has no closing "*/"', start, this.#line, start - this.#lineStart + 1);
    }

    let newline = text.indexOf('\n', start);
    while (newline !== -1 && newline < close) {
      this.#line++;
      this.#lineStart = newline + 1;
      newline = text.indexOf('\n', newline + 1);
    }
    return close + 2;
  }

  #scanIdentifier(start: number, line: number, column: number): MOFToken {
    const text = this.#text;
    let offset = start + 1;
    while (offset < text.length && isIdentifierPart(text.charCodeAt(offset))) offset++;
    this.#offset = offset;

    const name = text.slice(start, offset);
    const length = offset - start;
    if (length === 4 || length === 5) {
      const lower = name.toLowerCase();
      if (lower === 'true') return { kind: 'boolean', value: true, offset: start, end: offset, line, column };
      if (lower === 'false') return { kind: 'boolean', value: false, offset: start, end: offset, line, column };
      if (lower === 'null') return { kind: 'null', value: null, offset: start, end: offset, line, column };
    }
    return { kind: 'identifier', value: name, offset: start, end: offset, line, column };
  }

  #scanAlias(start: number, line: number, column: number): MOFToken {
    const text = this.#text;
    let offset = start + 1;
    if (!isIdentifierStart(text.charCodeAt(offset))) {
      throw this.#error('an alias needs a name after "$", such as $myAlias', start, line, column);
    }
    while (offset < text.length && isIdentifierPart(text.charCodeAt(offset))) offset++;
    this.#offset = offset;
    return { kind: 'alias', value: text.slice(start + 1, offset), offset: start, end: offset, line, column };
  }

  /** Scans one string literal and every string literal that follows it after whitespace or comments. */
  #scanStrings(start: number, line: number, column: number): MOFToken {
    let value = this.#scanStringLiteral(this.#offset, line, column);
    let end = this.#offset;
    let parts: string[] | null = null;

    for (;;) {
      this.#skipWhitespaceAndComments();
      const next = this.#offset;
      if (this.#text.charCodeAt(next) !== QUOTE) break;

      const part = this.#scanStringLiteral(next, this.#line, next - this.#lineStart + 1);
      if (parts === null) parts = [value];
      parts.push(part);
      end = this.#offset;
    }

    if (parts !== null) value = parts.join('');
    return { kind: 'string', value, offset: start, end, line, column };
  }

  /** Decodes the literal whose opening quote is at `start` and moves past its closing quote. */
  #scanStringLiteral(start: number, line: number, column: number): string {
    const text = this.#text;
    let offset = start + 1;
    let segmentStart = offset;
    let parts: string[] | null = null;

    for (;;) {
      const code = text.charCodeAt(offset);
      if (code === QUOTE) break;
      if (Number.isNaN(code) || code === LF || code === CR) {
        throw this.#error('unterminated string: the closing double quote is missing on this line', start, line, column);
      }
      if (code !== BACKSLASH) {
        offset++;
        continue;
      }

      if (parts === null) parts = [];
      parts.push(text.slice(segmentStart, offset));
      const escape = this.#decodeEscape(offset, line, column + (offset - start));
      parts.push(escape.value);
      offset = escape.end;
      segmentStart = offset;
    }

    this.#offset = offset + 1;
    const tail = text.slice(segmentStart, offset);
    if (parts === null) return tail;
    parts.push(tail);
    return parts.join('');
  }

  /**
   * Decodes the escape sequence at `offset` (a backslash): `\b \t \n \f \r \" \' \\` and
   * `\xH` to `\xHHHH` (also `\X`) with one to four hex digits.
   */
  #decodeEscape(offset: number, line: number, column: number): { value: string; end: number } {
    const text = this.#text;
    const code = text.charCodeAt(offset + 1);
    const simple = SIMPLE_ESCAPES.get(code);
    if (simple !== undefined) return { value: simple, end: offset + 2 };

    if (code === LOWER_X || code === UPPER_X) {
      let end = offset + 2;
      while (end < offset + 6 && isHexDigit(text.charCodeAt(end))) end++;
      if (end === offset + 2) {
        throw this.#error(
          `invalid escape "${text.slice(offset, offset + 3)}": \\x needs 1 to 4 hex digits, such as \\x0041`,
          offset,
          line,
          column,
        );
      }
      return { value: String.fromCharCode(parseInt(text.slice(offset + 2, end), 16)), end };
    }

    throw this.#error(
      `invalid escape "${text.slice(offset, offset + 2)}" (allowed: \\b \\t \\n \\f \\r \\" \\' \\\\ \\xHHHH); write a backslash as \\\\`,
      offset,
      line,
      column,
    );
  }

  #scanChar16(start: number, line: number, column: number): MOFToken {
    const text = this.#text;
    let value: string;
    let end: number;

    if (text.charCodeAt(start + 1) === BACKSLASH) {
      const escape = this.#decodeEscape(start + 1, line, column + 1);
      value = escape.value;
      end = escape.end;
    } else {
      value = text.charAt(start + 1);
      end = start + 2;
    }

    const first = text.charCodeAt(start + 1);
    if (value === '' || first === LF || first === APOSTROPHE || text.charCodeAt(end) !== APOSTROPHE) {
      throw this.#error(
        `invalid char16 literal ${JSON.stringify(text.slice(start, Math.min(end + 1, text.length)))}: write one character in single quotes, such as 'a' or '\\n'`,
        start,
        line,
        column,
      );
    }
    this.#offset = end + 1;
    return { kind: 'char16', value, offset: start, end: end + 1, line, column };
  }

  /**
   * Scans an integer or real literal of DSP0004: decimal `12`, binary `0101b`, octal `077`,
   * hex `0x1F`, each with an optional sign, and reals such as `1.5`, `.1` or `-1.1e-15`.
   */
  #scanNumber(start: number, line: number, column: number): MOFToken {
    const text = this.#text;
    let offset = start;
    const sign = text.charCodeAt(offset);
    const negative = sign === MINUS;
    if (sign === PLUS || sign === MINUS) offset++;

    // `+INF` and `-INF`: DSP0004 MOF has no literal for infinity, but CIM-XML has one and
    // this project's MOF output writes it, so the compiler reads it back.
    if (text.startsWith('INF', offset) && !isIdentifierPart(text.charCodeAt(offset + 3))) {
      this.#offset = offset + 3;
      return { kind: 'real', value: negative ? -Infinity : Infinity, offset: start, end: offset + 3, line, column };
    }

    const digitsStart = offset;
    const first = text.charCodeAt(offset);
    if (first === ZERO && (text.charCodeAt(offset + 1) === LOWER_X || text.charCodeAt(offset + 1) === UPPER_X)) {
      offset += 2;
      while (isHexDigit(text.charCodeAt(offset))) offset++;
      if (offset === digitsStart + 2) throw this.#numberError(start, offset, line, column);
      return this.#integerToken(BigInt(text.slice(digitsStart, offset)), negative, start, offset, line, column);
    }

    while (isDigit(text.charCodeAt(offset))) offset++;
    const digitsEnd = offset;
    const next = text.charCodeAt(offset);
    const hasDigits = digitsEnd > digitsStart;
    if (next === DOT || (hasDigits && (next === LOWER_E || next === UPPER_E))) {
      return this.#scanReal(start, digitsEnd, line, column);
    }
    if (!hasDigits) throw this.#numberError(start, offset, line, column);

    const digits = text.slice(digitsStart, digitsEnd);
    if ((next === LOWER_B || next === UPPER_B) && isBinary(digits)) {
      offset++;
      this.#checkNumberEnd(start, offset, line, column);
      return this.#integerToken(BigInt(`0b${digits}`), negative, start, offset, line, column);
    }

    this.#checkNumberEnd(start, offset, line, column);
    if (digits.length > 1 && first === ZERO) {
      if (!isOctal(digits)) throw this.#numberError(start, offset, line, column, 'an octal literal has only digits 0 to 7');
      return this.#integerToken(BigInt(`0o${digits.slice(1)}`), negative, start, offset, line, column);
    }
    return this.#integerToken(BigInt(digits), negative, start, offset, line, column);
  }

  /** Scans the fraction and exponent of a real literal whose integer digits end at `offset`. */
  #scanReal(start: number, offset: number, line: number, column: number): MOFToken {
    const text = this.#text;
    if (text.charCodeAt(offset) === DOT) {
      offset++;
      const fractionStart = offset;
      while (isDigit(text.charCodeAt(offset))) offset++;
      if (offset === fractionStart) throw this.#numberError(start, offset, line, column, 'a real needs digits after the "."');
    }

    const exponent = text.charCodeAt(offset);
    if (exponent === LOWER_E || exponent === UPPER_E) {
      offset++;
      const sign = text.charCodeAt(offset);
      if (sign === PLUS || sign === MINUS) offset++;
      const exponentStart = offset;
      while (isDigit(text.charCodeAt(offset))) offset++;
      if (offset === exponentStart) throw this.#numberError(start, offset, line, column, 'the exponent needs digits');
    }

    this.#checkNumberEnd(start, offset, line, column);
    this.#offset = offset;
    return { kind: 'real', value: Number(text.slice(start, offset)), offset: start, end: offset, line, column };
  }

  #integerToken(magnitude: bigint, negative: boolean, start: number, end: number, line: number, column: number): MOFToken {
    this.#checkNumberEnd(start, end, line, column);
    this.#offset = end;
    return { kind: 'integer', value: negative ? -magnitude : magnitude, offset: start, end, line, column };
  }

  /** Rejects a number that runs into letters or digits, such as `12ab` or `0x1G`. */
  #checkNumberEnd(start: number, end: number, line: number, column: number): void {
    const code = this.#text.charCodeAt(end);
    if (isIdentifierPart(code) || code === DOT) throw this.#numberError(start, end + 1, line, column);
  }

  #numberError(start: number, end: number, line: number, column: number, detail?: string): MOFCompileError {
    let stop = end;
    while (stop < this.#text.length && isIdentifierPart(this.#text.charCodeAt(stop))) stop++;
    const literal = this.#text.slice(start, Math.max(stop, start + 1));
    const reason = detail ?? 'use decimal 12, hex 0x1F, octal 017, binary 101b or a real such as 1.5e3';
    return this.#error(`invalid number ${JSON.stringify(literal)}: ${reason}`, start, line, column);
  }

  #error(message: string, offset: number, line: number, column: number): MOFCompileError {
    return new MOFCompileError(message, 'ERR_MOF_SYNTAX', { source: this.source, offset, line, column });
  }
}
