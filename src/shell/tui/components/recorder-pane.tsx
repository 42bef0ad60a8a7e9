import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { RecordList } from '../hooks/use-session.js';
import { detailRows, rowTokens, type DetailRow } from '../recorder/detail-rows.js';
import { recordDetail, summarizeRecord, type DetailKind } from '../recorder/record-view.js';
import { MARK_WIDTH, validationLines, validationMark, type ValidationMark } from '../recorder/validation-view.js';
import type { XmlTokenKind } from '../recorder/xml-pretty.js';
import { useTheme, type Theme } from '../theme.js';

/** Which part of the pane has the keyboard focus, if any. */
export type PaneFocus = 'list' | 'detail' | null;

export interface RecorderPaneProps {
  readonly records: RecordList;
  /** Index into `records.records`; the newest when null. */
  readonly selected: number | null;
  readonly focus: PaneFocus;
  /** First detail row shown. */
  readonly detailOffset: number;
  /** Detail rows of the selected record, from `useDetailRows`. */
  readonly rows: readonly DetailRow[];
  readonly width: number;
  readonly height: number;
  readonly recorderOn: boolean;
}

/** Width of the status column; long CIM status names are cut by the row's truncation. */
const STATUS_WIDTH = 12;

/** Rows of the operation list for a pane of `height` rows. */
export function listHeight(height: number, count: number): number {
  return Math.max(1, Math.min(count, Math.floor((height - 2) / 3)));
}

/** Rows left for the detail in a pane of `height` rows. */
export function detailHeight(height: number, count: number): number {
  return Math.max(1, height - 3 - listHeight(height, count));
}

function tokenColour(kind: XmlTokenKind, theme: Theme): string | undefined {
  const colours: Record<XmlTokenKind, string | undefined> = {
    punctuation: theme.muted,
    tag: theme.xmlTag,
    attribute: theme.xmlAttribute,
    value: theme.xmlValue,
    text: undefined,
    comment: theme.xmlComment,
  };
  return colours[kind];
}

function kindColour(kind: DetailKind, theme: Theme): string | undefined {
  if (kind === 'error') return theme.error;
  if (kind === 'heading') return theme.accent;
  if (kind === 'note') return theme.warning;
  return undefined;
}

/** Colour of a validation mark; a valid mark keeps the colour of its line. */
export function markColour(kind: ValidationMark['kind'], theme: Theme): string | undefined {
  const colours: Record<ValidationMark['kind'], string | undefined> = { valid: undefined, invalid: theme.error, deviation: theme.warning, skipped: theme.muted };
  return colours[kind];
}

/** The validation column of one operation line; blank when the operation was not validated. */
function MarkCell({ mark, theme }: { mark: ValidationMark | null; theme: Theme }) {
  if (mark === null) return <Text>{' '.repeat(MARK_WIDTH + 1)}</Text>;
  return <Text color={markColour(mark.kind, theme)}>{` ${mark.text.padEnd(MARK_WIDTH)}`}</Text>;
}

function DetailRowView({ row, theme }: { row: DetailRow; theme: Theme }) {
  const pad = ' '.repeat(row.indent);
  if (row.kind !== 'xml') {
    return (
      <Text wrap="truncate" color={kindColour(row.kind, theme)} bold={row.kind === 'heading'}>
        {pad + row.line.text.slice(row.start, row.start + row.length) || ' '}
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      {pad}
      {rowTokens(row).map((token, index) => (
        <Text key={index} color={tokenColour(token.kind, theme)}>
          {token.text}
        </Text>
      ))}
    </Text>
  );
}

/**
 * The operations pane: one line per operation, then the detail of the selected one
 * (request and response, headers and trailers, indented and coloured XML). Only the
 * visible rows of the detail are rendered.
 */
export function RecorderPane(props: RecorderPaneProps) {
  const theme = useTheme();
  const { records, firstNumber } = props.records;
  const selectedIndex = props.selected ?? records.length - 1;
  const rows = props.rows;

  const listRows = listHeight(props.height, records.length);
  const listStart = Math.max(0, Math.min(selectedIndex - listRows + 1, records.length - listRows));
  const shownRecords = records.slice(Math.max(0, listStart), Math.max(0, listStart) + listRows);
  const detailRowsShown = detailHeight(props.height, records.length);
  const visibleDetail = rows.slice(props.detailOffset, props.detailOffset + detailRowsShown);

  // The validation column appears once any kept operation was validated.
  const validations = props.records.validations;
  const markWidth = validations.size > 0 ? MARK_WIDTH + 1 : 0;
  const title = props.recorderOn ? 'operations' : 'operations (recorder off: `recorder on` records)';
  const borderColour = props.focus !== null ? theme.accent : theme.muted;

  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="single" borderColor={borderColour}>
      <Text bold wrap="truncate" color={props.focus === 'list' ? theme.accent : undefined}>
        {`${title}${records.length > 0 ? `  ${records.length}` : ''}`}
      </Text>
      {records.length === 0 ? <Text color={theme.muted}>No operations yet.</Text> : null}
      {shownRecords.map((entry, index) => {
        const position = Math.max(0, listStart) + index;
        const summary = summarizeRecord(entry, firstNumber + position);
        const marker = position === selectedIndex ? '▶' : ' ';
        const columns = ` ${summary.status.padEnd(STATUS_WIDTH)} ${summary.time.padStart(7)} ${summary.size.padStart(6)}`;
        const operationWidth = Math.max(8, props.width - 2 - 6 - columns.length - markWidth);
        const text = `${marker}${String(summary.number).padStart(4)} ${summary.operation.slice(0, operationWidth - 1).padEnd(operationWidth)}${columns}`;
        const validation = validations.get(entry);
        const mark = validation === undefined ? null : validationMark(validation);
        return (
          <Text key={summary.number} wrap="truncate" color={summary.failed ? theme.error : undefined} inverse={position === selectedIndex && props.focus === 'list'}>
            {text}
            {markWidth > 0 ? <MarkCell mark={mark} theme={theme} /> : null}
          </Text>
        );
      })}
      <Box flexDirection="column" height={detailRowsShown} overflow="hidden">
        {visibleDetail.map((row, index) => (
          <DetailRowView key={props.detailOffset + index} row={row} theme={theme} />
        ))}
      </Box>
    </Box>
  );
}

/** Detail rows of the selected record (the newest when `selected` is null) for a pane `width` columns wide. */
export function useDetailRows(records: RecordList, selected: number | null, width: number): readonly DetailRow[] {
  const index = selected ?? records.records.length - 1;
  const record = records.records[index];
  const number = records.firstNumber + index;
  const validation = record === undefined ? undefined : records.validations.get(record);
  return useMemo(() => {
    if (record === undefined) return [];
    const findings = validation === undefined ? [] : validationLines(validation);
    return detailRows(recordDetail(record, number, undefined, findings), Math.max(10, width - 2));
  }, [record, number, width, validation]);
}
