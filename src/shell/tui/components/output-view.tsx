import { Box, Text } from 'ink';
import { memo } from 'react';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import { visibleRows, type LineKind, type OutputLine } from '../output/output-log.js';
import { useTheme, type Theme } from '../theme.js';

function colourOf(kind: LineKind, theme: Theme): string | undefined {
  if (kind === 'error') return theme.error;
  if (kind === 'warning') return theme.warning;
  if (kind === 'command') return theme.command;
  return undefined;
}

export interface OutputViewProps {
  readonly lines: readonly OutputLine[];
  /** Changes whenever lines were added, so the memoised view renders again. */
  readonly version: number;
  /** End (exclusive) of the lines shown; null follows new output. */
  readonly end: number | null;
  readonly height: number;
  readonly width: number;
}

/** The output area: only the rows that fit `height` are rendered, whatever the length of the log. */
export const OutputView = memo(function OutputView({ lines, end, height, width }: OutputViewProps) {
  const theme = useTheme();
  const bindings = useKeyBindings();
  const below = end !== null && end < lines.length ? lines.length - end : 0;
  const rows = visibleRows(lines, end ?? lines.length, below > 0 ? height - 1 : height, width);

  return (
    <Box flexDirection="column" height={height} width={width} justifyContent="flex-end">
      {rows.map((row) => (
        <Text key={`${row.line}:${row.part}`} wrap="truncate" color={colourOf(row.kind, theme)} bold={row.kind === 'command'}>
          {row.text === '' ? ' ' : row.text}
        </Text>
      ))}
      {below > 0 ? (
        <Text inverse wrap="truncate">{` ${below.toLocaleString('en-US')} more lines below; ${bindings.firstKey('scrollBottom')} follows new output `}</Text>
      ) : null}
    </Box>
  );
});
