import { ShellInputError } from '../shell-errors.js';

/** A word of a command line with its place in the line. */
export interface Token {
  /** The word as used by commands: outer quotes of a fully quoted word removed, other quotes kept. */
  readonly text: string;
  /** The word as typed. */
  readonly raw: string;
  /** Offset of the first character in the line. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
}

/** A tokenized line; `openQuote` is the quote character left open at the end, or null. */
export interface TokenizedLine {
  readonly tokens: readonly Token[];
  readonly openQuote: string | null;
}

/**
 * Splits a line into words. Whitespace separates words except inside single or double
 * quotes; a backslash inside double quotes keeps the next character in the word. A word
 * that is one quoted string (`"a b"`, `'x="1"'`) loses its outer quotes; quotes inside a
 * word (`InstanceID="a b"`, WBEM URIs) are kept for the value parsers.
 */
export function tokenize(line: string): TokenizedLine {
  const tokens: Token[] = [];
  let index = 0;
  let openQuote: string | null = null;

  while (index < line.length) {
    while (index < line.length && isSpace(line[index]!)) index += 1;
    if (index >= line.length) break;

    const start = index;
    let quote: string | null = null;
    while (index < line.length && (quote !== null || !isSpace(line[index]!))) {
      const char = line[index]!;
      if (quote === null && (char === '"' || char === "'")) quote = char;
      else if (quote !== null && char === quote) quote = null;
      else if (quote === '"' && char === '\\') index += 1;
      index += 1;
    }

    index = Math.min(index, line.length);
    const raw = line.slice(start, index);
    tokens.push({ text: unquoteWord(raw), raw, start, end: index });
    openQuote = quote;
  }
  return { tokens, openQuote };
}

/** Splits a line at `;` outside quotes into the text of each command. */
export function splitStatements(line: string): string[] {
  const statements: string[] = [];
  let quote: string | null = null;
  let start = 0;

  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote === null && (char === '"' || char === "'")) quote = char;
    else if (quote !== null && char === quote) quote = null;
    else if (quote === '"' && char === '\\') index += 1;
    else if (quote === null && char === ';') {
      statements.push(line.slice(start, index));
      start = index + 1;
    }
  }
  statements.push(line.slice(start));
  return statements.filter((statement) => statement.trim() !== '');
}

/** Tokenizes a line for execution; an unclosed quote is an error. */
export function tokenizeCommand(line: string): Token[] {
  const { tokens, openQuote } = tokenize(line);
  if (openQuote !== null) {
    throw new ShellInputError(`The command line has an unclosed ${openQuote} quote; close it and run the command again.`);
  }
  return [...tokens];
}

/**
 * Removes the quotes around a quoted string such as `"a \"b\""` and resolves its
 * backslash escapes. Text that is not one quoted string is returned unchanged.
 */
export function unquoteWord(raw: string): string {
  const quote = raw[0];
  if ((quote !== '"' && quote !== "'") || raw.length < 2 || raw[raw.length - 1] !== quote) return raw;
  if (quotedLength(raw) !== raw.length) return raw;

  const inner = raw.slice(1, -1);
  return quote === '"' ? inner.replace(/\\(.)/g, '$1') : inner;
}

/** Returns the length of the quoted string at the start of `text`, or -1 when it is not closed. */
function quotedLength(text: string): number {
  const quote = text[0];
  for (let index = 1; index < text.length; index += 1) {
    if (quote === '"' && text[index] === '\\') index += 1;
    else if (text[index] === quote) return index + 1;
  }
  return -1;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
