import { Box, Text } from 'ink';
import type { CompletionList } from '../hooks/use-completion.js';
import { useTheme } from '../theme.js';

/** Number of candidate rows shown at a time. */
export const COMPLETION_WINDOW = 8;

/** First candidate shown so that the selection is visible; the window moves by whole pages and wraps with the selection. */
export function windowStart(selected: number, count: number, size = COMPLETION_WINDOW): number {
  if (selected < 0 || count <= size) return 0;
  return Math.min(Math.floor(selected / size) * size, count - size);
}

export interface CompletionListViewProps {
  readonly list: CompletionList;
  readonly indent: number;
  readonly width: number;
  /** Text after the position on the last row, such as the keys of a pick list; default none. */
  readonly hint?: string;
}

/**
 * The candidates under the input line, in a fixed window of `COMPLETION_WINDOW` rows.
 * Only the rows in the window are rendered, so the cost does not depend on the number
 * of candidates. Pick lists use it too.
 */
export function CompletionListView({ list, indent, width, hint }: CompletionListViewProps) {
  const theme = useTheme();
  const count = list.candidates.length;
  const start = windowStart(list.selected, count);
  const shown = list.candidates.slice(start, start + COMPLETION_WINDOW);
  const valueWidth = Math.min(48, Math.max(...shown.map((candidate) => candidate.value.length)) + 2);
  const left = Math.min(indent, Math.max(0, width - valueWidth - 12));
  const position = list.selected < 0 ? `${count} candidates, Tab walks` : `${list.selected + 1}/${count}`;

  return (
    <Box flexDirection="column" paddingLeft={left} height={COMPLETION_WINDOW + 1}>
      {shown.map((candidate, index) => {
        const selected = start + index === list.selected;
        return (
          <Text key={start + index} wrap="truncate" inverse={selected}>
            {candidate.value.padEnd(valueWidth)}
            <Text color={theme.muted}>{candidate.detail ?? ''}</Text>
          </Text>
        );
      })}
      <Text color={theme.muted} wrap="truncate">
        {hint === undefined ? position : `${position}  ${hint}`}
      </Text>
    </Box>
  );
}
