import { WBEMURIError } from '../errors.js';

/** A cursor over one WBEM URI that raises errors pointing at a column of it. */
export class UriScanner {
  pos = 0;

  constructor(readonly text: string) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** Consumes `expected` when the text continues with it. */
  accept(expected: string): boolean {
    if (!this.text.startsWith(expected, this.pos)) return false;
    this.pos += expected.length;
    return true;
  }

  /** Consumes and returns the match of the sticky regex `pattern` at the position, or null. */
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.pos += found[0].length;
    return found[0];
  }

  /** Creates an error at `at` (an offset, the current one by default). */
  error(reason: string, at = this.pos, cause?: unknown): WBEMURIError {
    return uriError(this.text, at, reason, cause);
  }
}

/**
 * Creates a `WBEMURIError` whose message quotes the URI, names the 1-based column and shows
 * a caret under it.
 */
export function uriError(uri: string, offset: number, reason: string, cause?: unknown): WBEMURIError {
  const column = offset + 1;
  const frame = `  ${uri}\n  ${' '.repeat(offset)}^`;
  return new WBEMURIError(`Invalid WBEM URI ${JSON.stringify(uri)} at column ${column}: ${reason}.\n${frame}`, {
    uri,
    column,
    cause,
  });
}
