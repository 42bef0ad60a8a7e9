import { tokenize, type Token } from '../commands/command-line.js';

/** The cursor position in a command line: the word being completed and the words before it. */
export interface CursorPosition {
  /** Offset in the line where the word at the cursor starts. */
  readonly start: number;
  /** The text of the word up to the cursor, as typed (quotes kept). */
  readonly prefix: string;
  /** The words before it in the same command (after the last `;`). */
  readonly before: readonly Token[];
}

/** Finds the word at the cursor; only the text before the cursor is considered. */
export function cursorPosition(line: string, cursor: number): CursorPosition {
  const text = line.slice(0, cursor);
  const statementStart = lastStatementStart(text);
  const statement = text.slice(statementStart);
  const { tokens, openQuote } = tokenize(statement);

  const last = tokens[tokens.length - 1];
  const endsInWord = last !== undefined && (openQuote !== null || last.end === statement.length);
  if (!endsInWord) return { start: cursor, prefix: '', before: tokens };

  return { start: statementStart + last.start, prefix: last.raw, before: tokens.slice(0, -1) };
}

function lastStatementStart(text: string): number {
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote === null && (char === '"' || char === "'")) quote = char;
    else if (quote !== null && char === quote) quote = null;
    else if (quote === '"' && char === '\\') index += 1;
    else if (quote === null && char === ';') start = index + 1;
  }
  return start;
}

/** Returns the class name in an argument: `CIM_Foo`, `CIM_Foo.?`, or the class of a WBEM URI. */
export function classNameOf(word: string): string {
  const afterNamespace = word.includes(':') ? word.slice(word.lastIndexOf(':', word.indexOf('.') === -1 ? undefined : word.indexOf('.')) + 1) : word;
  return afterNamespace.split('.')[0]!.replace(/^\/+/, '');
}
