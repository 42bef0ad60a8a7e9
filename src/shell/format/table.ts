/** A table rendered to text, with the columns that did not fit the width. */
export interface RenderedTable {
  readonly text: string;
  readonly hiddenColumns: readonly string[];
}

/** Longest cell text shown in a table; longer text ends with an ellipsis. */
const MAX_CELL_WIDTH = 48;
const GAP = '  ';

/**
 * Renders rows under a header line. Columns are kept from the left while they fit in
 * `width` characters; the first column is always kept. Cells longer than 48 characters
 * are cut with an ellipsis, and line breaks in cells become spaces.
 */
export function renderTable(columns: readonly string[], rows: ReadonlyArray<readonly string[]>, width: number): RenderedTable {
  const cells = rows.map((row) => columns.map((_, index) => cellText(row[index] ?? '')));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index]!.length)));

  const shown: number[] = [];
  let used = 0;
  for (let index = 0; index < columns.length; index += 1) {
    const needed = (shown.length === 0 ? 0 : GAP.length) + widths[index]!;
    if (shown.length > 0 && used + needed > width) continue;
    shown.push(index);
    used += needed;
  }

  const line = (values: readonly string[]) =>
    shown.map((index, position) => (position === shown.length - 1 ? values[index]! : values[index]!.padEnd(widths[index]!))).join(GAP);
  const rule = shown.map((index) => '-'.repeat(widths[index]!)).join(GAP);

  const lines = [line(columns), rule, ...cells.map(line)].map((text) => text.trimEnd());
  const hiddenColumns = columns.filter((_, index) => !shown.includes(index));
  return { text: lines.join('\n'), hiddenColumns };
}

function cellText(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > MAX_CELL_WIDTH ? `${flat.slice(0, MAX_CELL_WIDTH - 1)}…` : flat;
}
