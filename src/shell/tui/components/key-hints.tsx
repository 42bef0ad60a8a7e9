import { Text } from 'ink';
import { actionKeys, type KeyAction } from '../input/key-bindings.js';
import { useTheme } from '../theme.js';

const HINTS: ReadonlyArray<readonly [KeyAction, string]> = [
  ['complete', 'complete'],
  ['historyPrevious', 'history'],
  ['reverseSearch', 'search'],
  ['togglePane', 'pane'],
  ['cycleFocus', 'focus'],
  ['pageUp', 'scroll'],
  ['cancel', 'cancel'],
  ['help', 'help'],
];

/** Bottom line: the most used keys, read from the key-binding table. */
export function KeyHints({ focus }: { focus: string }) {
  const theme = useTheme();
  const hints = HINTS.map(([action, label]) => `${actionKeys(action).split(', ')[0]} ${label}`).join('  ');
  return (
    <Text wrap="truncate" color={theme.muted}>
      {` ${hints}   focus: ${focus}`}
    </Text>
  );
}
