import { MOFCompileError, type MOFPosition, type MOFSource } from './errors.js';
import { MOFScanner, type MOFToken } from './scanner.js';

/** The parser's view of the scanner: the current token, one token of lookahead, and checks. */
export class MOFTokenStream {
  readonly source: MOFSource;
  readonly #scanner: MOFScanner;
  #current: MOFToken;
  #lookahead: MOFToken | null = null;

  constructor(source: MOFSource) {
    this.source = source;
    this.#scanner = new MOFScanner(source);
    this.#current = this.#scanner.next();
  }

  get current(): MOFToken {
    return this.#current;
  }

  /** Returns the token after the current one without consuming anything. */
  peek(): MOFToken {
    this.#lookahead ??= this.#scanner.next();
    return this.#lookahead;
  }

  /** Consumes the current token and returns it. */
  advance(): MOFToken {
    const token = this.#current;
    if (this.#lookahead !== null) {
      this.#current = this.#lookahead;
      this.#lookahead = null;
    } else {
      this.#current = this.#scanner.next();
    }
    return token;
  }

  isPunctuation(character: string): boolean {
    return this.#current.kind === 'punctuation' && this.#current.value === character;
  }

  /** True when the current token is the keyword `name` (keywords are case-insensitive). */
  isKeyword(name: string): boolean {
    return isKeywordToken(this.#current, name);
  }

  /** Consumes the punctuation `character` or raises a syntax error that names what was found. */
  expectPunctuation(character: string, context: string): MOFToken {
    if (!this.isPunctuation(character)) throw this.unexpected(`"${character}" ${context}`);
    return this.advance();
  }

  expectKeyword(name: string, context: string): MOFToken {
    if (!this.isKeyword(name)) throw this.unexpected(`"${name}" ${context}`);
    return this.advance();
  }

  /**
   * Consumes a name. TRUE, FALSE and NULL scan as literals but are accepted here too,
   * like every other keyword, because DSP0004 keywords may also be element names.
   */
  expectName(expected: string): { name: string; position: MOFPosition } {
    const token = this.#current;
    const name = nameOf(token, this.source);
    if (name === null) throw this.unexpected(expected);
    this.advance();
    return { name, position: positionOf(token) };
  }

  /** Creates a syntax error at the current token: "expected X, found Y". */
  unexpected(expected: string): MOFCompileError {
    return this.errorAt(`expected ${expected}, found ${describeToken(this.#current, this.source)}`, this.#current);
  }

  errorAt(reason: string, position: MOFPosition): MOFCompileError {
    return MOFCompileError.at(reason, 'ERR_MOF_SYNTAX', this.source, position);
  }
}

export function isKeywordToken(token: MOFToken, name: string): boolean {
  return token.kind === 'identifier' && typeof token.value === 'string' && token.value.length === name.length
    && token.value.toLowerCase() === name;
}

export function positionOf(token: MOFToken): MOFPosition {
  return { offset: token.offset, line: token.line, column: token.column };
}

function nameOf(token: MOFToken, source: MOFSource): string | null {
  if (token.kind === 'identifier') return String(token.value);
  if (token.kind === 'boolean' || token.kind === 'null') return source.text.slice(token.offset, token.end);
  return null;
}

function describeToken(token: MOFToken, source: MOFSource): string {
  if (token.kind === 'eof') return 'end of file';
  const text = source.text.slice(token.offset, Math.min(token.end, token.offset + 40));
  const excerpt = token.end - token.offset > 40 ? `${text}...` : text;
  return `${token.kind === 'punctuation' ? '' : `${token.kind} `}${JSON.stringify(excerpt)}`;
}
