import { Text } from 'ink';
import type { LineState } from '../input/line-state.js';
import type { SearchState } from '../hooks/use-line-editor.js';
import { useTheme } from '../theme.js';

/** Returns the part of `line` that fits `width` columns and keeps the cursor visible, and the cursor offset inside it. */
export function visibleInput(line: LineState, width: number): { text: string; cursor: number } {
  const room = Math.max(1, width - 1);
  if (line.text.length < room) return { text: line.text, cursor: line.cursor };

  const start = Math.max(0, Math.min(line.cursor - Math.floor(room * 0.75), line.text.length - room + 1));
  return { text: line.text.slice(start, start + room), cursor: line.cursor - start };
}

/** The prompt (current namespace) and the input line with its cursor, or the reverse-search prompt during Ctrl-R. */
export function InputLine(props: { namespace: string; line: LineState; search: SearchState | null; width: number; focused: boolean }) {
  const theme = useTheme();
  const prompt = props.search
    ? `(reverse-i-search${props.search.match < 0 && props.search.query !== '' ? ', no match' : ''})'${props.search.query}': `
    : `${props.namespace}> `;

  const { text, cursor } = visibleInput(props.line, props.width - prompt.length);
  const before = text.slice(0, cursor);
  const atCursor = text.slice(cursor, cursor + 1) || ' ';
  const after = text.slice(cursor + 1);

  return (
    <Text wrap="truncate">
      <Text color={theme.command} bold>
        {prompt}
      </Text>
      {before}
      <Text inverse={props.focused}>{atCursor}</Text>
      {after}
    </Text>
  );
}
