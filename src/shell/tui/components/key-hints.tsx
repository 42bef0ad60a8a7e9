import { Text } from 'ink';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import type { KeyAction } from '../input/key-bindings.js';
import { useTheme } from '../theme.js';

const HINTS: ReadonlyArray<readonly [KeyAction, string]> = [
  ['complete', 'complete'],
  ['historyPrevious', 'history'],
  ['historySearch', 'search'],
  ['togglePane', 'pane'],
  ['focus', 'focus'],
  ['pageUp', 'scroll'],
  ['cancel', 'cancel'],
  ['help', 'help'],
];

/** Bottom line: the most used keys, read from the key-binding table in use; actions without keys are left out. */
export function KeyHints({ focus }: { focus: string }) {
  const theme = useTheme();
  const bindings = useKeyBindings();
  const hints = HINTS.filter(([action]) => bindings.keysOf(action).length > 0)
    .map(([action, label]) => `${bindings.firstKey(action)} ${label}`)
    .join('  ');
  return (
    <Text wrap="truncate" color={theme.muted}>
      {` ${hints}   focus: ${focus}`}
    </Text>
  );
}
