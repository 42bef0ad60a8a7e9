/** How a line of output is shown: command echo, plain result, warning (yellow) or error (red). */
export type LineKind = 'command' | 'text' | 'warning' | 'error';

export interface OutputLine {
  readonly kind: LineKind;
  readonly text: string;
}

/** Lines of the output area, oldest first, with a cap that drops the oldest lines. */
export class OutputLog {
  /** Maximum number of lines kept. */
  readonly limit: number;
  #lines: OutputLine[] = [];
  #dropped = 0;

  /** `limit` defaults to 500,000 lines. */
  constructor(limit = 500_000) {
    this.limit = limit;
  }

  get lines(): readonly OutputLine[] {
    return this.#lines;
  }

  /** Number of lines dropped from the start because of the cap. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Appends text split at line breaks; tabs expand to the next multiple of 8 columns. Returns the number of lines added. */
  append(kind: LineKind, text: string): number {
    const added = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((line) => ({ kind, text: expandTabs(line) }));
    // A loop rather than push(...added): spreading a very long array overflows the call stack.
    for (const line of added) this.#lines.push(line);

    const excess = this.#lines.length - this.limit;
    if (excess > 0) {
      this.#lines = this.#lines.slice(excess);
      this.#dropped += excess;
    }
    return added.length;
  }

  clear(): void {
    this.#lines = [];
    this.#dropped = 0;
  }
}

/** Replaces tabs with spaces up to the next multiple of 8 columns, and removes other control characters. */
export function expandTabs(line: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  if (!clean.includes('\t')) return clean;

  let result = '';
  for (const char of clean) {
    result += char === '\t' ? ' '.repeat(8 - (result.length % 8)) : char;
  }
  return result;
}

/** Number of terminal rows a line takes at `width` columns. NOTE: counts code units, not display width, so wide (CJK) characters take more room than counted. */
export function rowsOf(text: string, width: number): number {
  return Math.max(1, Math.ceil(text.length / Math.max(1, width)));
}

/** One terminal row of output: a slice of a line. */
export interface OutputRow {
  readonly kind: LineKind;
  readonly text: string;
  /** Index of the line this row belongs to, for React keys. */
  readonly line: number;
  readonly part: number;
}

/**
 * Returns the rows that fill `height` rows ending with line `end` (exclusive), wrapping
 * lines at `width`. Only the lines that are visible are wrapped, so the cost does not
 * depend on the length of the log.
 */
export function visibleRows(lines: readonly OutputLine[], end: number, height: number, width: number): OutputRow[] {
  const rows: OutputRow[] = [];
  for (let index = Math.min(end, lines.length) - 1; index >= 0 && rows.length < height; index--) {
    const line = lines[index]!;
    const count = rowsOf(line.text, width);
    for (let part = count - 1; part >= 0 && rows.length < height; part--) {
      rows.push({ kind: line.kind, text: line.text.slice(part * width, (part + 1) * width), line: index, part });
    }
  }
  return rows.reverse();
}

/** Moves a view end (exclusive line index) up by `rows` terminal rows; never above the first page. */
export function scrollUp(lines: readonly OutputLine[], end: number, rows: number, width: number): number {
  let remaining = rows;
  let index = end;
  while (index > 0 && remaining > 0) {
    remaining -= rowsOf(lines[index - 1]!.text, width);
    index--;
  }
  return Math.max(index, firstPageEnd(lines, rows, width));
}

/** Moves a view end down by `rows` terminal rows; returns at most the number of lines. */
export function scrollDown(lines: readonly OutputLine[], end: number, rows: number, width: number): number {
  let remaining = rows;
  let index = end;
  while (index < lines.length && remaining > 0) {
    remaining -= rowsOf(lines[index]!.text, width);
    index++;
  }
  return index;
}

/** End of the view that shows the first page. */
export function firstPageEnd(lines: readonly OutputLine[], height: number, width: number): number {
  let used = 0;
  let index = 0;
  while (index < lines.length && used + rowsOf(lines[index]!.text, width) <= height) {
    used += rowsOf(lines[index]!.text, width);
    index++;
  }
  return Math.max(index, Math.min(1, lines.length));
}
