import { Box, Text } from 'ink';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import { keyLabel } from '../input/key-spec.js';
import type { KeyBindingTable, KeyContext } from '../input/key-bindings.js';
import { useTheme } from '../theme.js';

const CONTEXT_TITLES: ReadonlyArray<readonly [KeyContext, string]> = [
  ['global', 'Everywhere'],
  ['editor', 'Input line'],
  ['history', 'History'],
  ['completion', 'Completion and pick lists'],
  ['output', 'Output and operation detail'],
  ['recorder', 'Operations pane (after the focus key)'],
];

/** Help text generated from the key-binding table in use, one line per binding. */
export function helpLines(bindings: KeyBindingTable): string[] {
  const lines: string[] = [];
  for (const [context, title] of CONTEXT_TITLES) {
    lines.push(title);
    for (const binding of bindings.bindings.filter((entry) => entry.context === context)) {
      const keys = binding.keys.length === 0 ? '(unbound)' : binding.keys.map(keyLabel).join(', ');
      lines.push(`  ${keys.padEnd(28)} ${binding.description}`);
    }
    lines.push('');
  }
  return lines;
}

/** The help screen, shown over the output area and scrolled with `offset`. */
export function HelpScreen({ height, width, offset }: { height: number; width: number; offset: number }) {
  const theme = useTheme();
  const bindings = useKeyBindings();
  const lines = helpLines(bindings);
  const visible = lines.slice(offset, offset + height - 1);
  const closeKeys = bindings.keysOf('help').map(keyLabel).concat('Esc').join(' or ');
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold color={theme.accent} wrap="truncate">
        {`Keys (${closeKeys} closes; ↑↓ PgUp PgDn scroll). Type \`help\` for commands.`}
      </Text>
      {visible.map((line, index) => (
        <Text key={offset + index} wrap="truncate" bold={!line.startsWith(' ') && line !== ''}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
