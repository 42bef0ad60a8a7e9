import { Box, Text } from 'ink';
import { KEY_BINDINGS, keyLabel, type KeyContext } from '../input/key-bindings.js';
import { useTheme } from '../theme.js';

const CONTEXT_TITLES: ReadonlyArray<readonly [KeyContext, string]> = [
  ['global', 'Everywhere'],
  ['editor', 'Input line'],
  ['history', 'History'],
  ['completion', 'Completion list'],
  ['output', 'Output and operation detail'],
  ['recorder', 'Operations pane (after F6)'],
];

/** Help text generated from the key-binding table, one line per binding. */
export function helpLines(): string[] {
  const lines: string[] = [];
  for (const [context, title] of CONTEXT_TITLES) {
    lines.push(title);
    for (const binding of KEY_BINDINGS.filter((entry) => entry.context === context)) {
      const keys = binding.keys.map(keyLabel).join(', ');
      lines.push(`  ${keys.padEnd(28)} ${binding.description}`);
    }
    lines.push('');
  }
  return lines;
}

/** The help screen (F1), shown over the output area and scrolled with `offset`. */
export function HelpScreen({ height, width, offset }: { height: number; width: number; offset: number }) {
  const theme = useTheme();
  const lines = helpLines();
  const visible = lines.slice(offset, offset + height - 1);
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold color={theme.accent} wrap="truncate">
        {'Keys (F1 or Esc closes; ↑↓ PgUp PgDn scroll). Type `help` for commands.'}
      </Text>
      {visible.map((line, index) => (
        <Text key={offset + index} wrap="truncate" bold={!line.startsWith(' ') && line !== ''}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
