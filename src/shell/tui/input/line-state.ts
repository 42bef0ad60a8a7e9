/**
 * The text of the input line and the cursor, as an immutable value. Offsets count UTF-16
 * code units, and movement steps over whole code points so a surrogate pair is never split.
 */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

/** Returns a line with the cursor at the end of `text`. */
export function lineOf(text: string): LineState {
  return { text, cursor: text.length };
}

function previousOffset(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const low = text.charCodeAt(offset - 1);
  const isTrailSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isTrailSurrogate && offset >= 2 ? offset - 2 : offset - 1;
}

function nextOffset(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const codePoint = text.codePointAt(offset) ?? 0;
  return offset + (codePoint > 0xffff ? 2 : 1);
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

function wordStartBefore(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && isSpace(text[index - 1])) index--;
  while (index > 0 && !isSpace(text[index - 1])) index--;
  return index;
}

function wordEndAfter(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && isSpace(text[index])) index++;
  while (index < text.length && !isSpace(text[index])) index++;
  return index;
}

export function insertText(line: LineState, text: string): LineState {
  return {
    text: line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor),
    cursor: line.cursor + text.length,
  };
}

/** Replaces the text from `start` to the cursor, as completion does with the token at the cursor. */
export function replaceBeforeCursor(line: LineState, start: number, replacement: string): LineState {
  const from = Math.max(0, Math.min(start, line.cursor));
  return {
    text: line.text.slice(0, from) + replacement + line.text.slice(line.cursor),
    cursor: from + replacement.length,
  };
}

export function moveLeft(line: LineState): LineState {
  return { ...line, cursor: previousOffset(line.text, line.cursor) };
}

export function moveRight(line: LineState): LineState {
  return { ...line, cursor: nextOffset(line.text, line.cursor) };
}

export function moveWordLeft(line: LineState): LineState {
  return { ...line, cursor: wordStartBefore(line.text, line.cursor) };
}

export function moveWordRight(line: LineState): LineState {
  return { ...line, cursor: wordEndAfter(line.text, line.cursor) };
}

export function moveToStart(line: LineState): LineState {
  return { ...line, cursor: 0 };
}

export function moveToEnd(line: LineState): LineState {
  return { ...line, cursor: line.text.length };
}

export function deleteBackward(line: LineState): LineState {
  const start = previousOffset(line.text, line.cursor);
  return { text: line.text.slice(0, start) + line.text.slice(line.cursor), cursor: start };
}

export function deleteForward(line: LineState): LineState {
  const end = nextOffset(line.text, line.cursor);
  return { text: line.text.slice(0, line.cursor) + line.text.slice(end), cursor: line.cursor };
}

export function killToEnd(line: LineState): LineState {
  return { text: line.text.slice(0, line.cursor), cursor: line.cursor };
}

export function killToStart(line: LineState): LineState {
  return { text: line.text.slice(line.cursor), cursor: 0 };
}

/** Deletes back to the previous whitespace, as readline's unix-word-rubout (Ctrl-W) does. */
export function killWordBackward(line: LineState): LineState {
  const start = wordStartBefore(line.text, line.cursor);
  return { text: line.text.slice(0, start) + line.text.slice(line.cursor), cursor: start };
}

/**
 * Splits pasted text into the lines to run and the rest to leave in the editor. Line
 * breaks (CR, LF or CRLF) end a line; tabs become single spaces so a paste never
 * triggers completion; other control characters are dropped.
 */
export function splitPaste(text: string): { lines: string[]; rest: string } {
  const cleaned = text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  const parts = cleaned.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts, rest };
}
