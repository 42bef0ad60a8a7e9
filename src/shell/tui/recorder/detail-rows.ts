import type { DetailKind, DetailLine } from './record-view.js';
import { highlightXmlLine, type XmlToken } from './xml-pretty.js';

/** One terminal row of the operation detail: a slice of a detail line. */
export interface DetailRow {
  readonly kind: DetailKind;
  readonly line: DetailLine;
  /** Columns of indentation before the text. */
  readonly indent: number;
  /** Offset of this row's text in the line's text. */
  readonly start: number;
  readonly length: number;
}

/** Indentation of XML lines, in columns per level, and its maximum as a fraction of the width. */
const INDENT_WIDTH = 2;
const MAX_INDENT_SHARE = 0.5;

/** Wraps detail lines at `width` columns; XML lines keep their indentation on continuation rows. */
export function detailRows(lines: readonly DetailLine[], width: number): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const line of lines) {
    const indent = Math.min(line.depth * INDENT_WIDTH, Math.floor(width * MAX_INDENT_SHARE));
    const room = Math.max(1, width - indent);
    const count = Math.max(1, Math.ceil(line.text.length / room));
    for (let part = 0; part < count; part++) {
      rows.push({ kind: line.kind, line, indent, start: part * room, length: room });
    }
  }
  return rows;
}

/** Returns the tokens of a highlighted XML line that fall in `[start, start + length)`, cut at the edges. */
export function sliceTokens(tokens: readonly XmlToken[], start: number, length: number): XmlToken[] {
  const end = start + length;
  const slice: XmlToken[] = [];
  let offset = 0;
  for (const token of tokens) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) {
      slice.push({ kind: token.kind, text: token.text.slice(Math.max(0, start - offset), end - offset) });
    }
    offset = tokenEnd;
    if (offset >= end) break;
  }
  return slice;
}

/** Returns the styled tokens of one XML row. */
export function rowTokens(row: DetailRow): XmlToken[] {
  return sliceTokens(highlightXmlLine(row.line.text), row.start, row.length);
}
