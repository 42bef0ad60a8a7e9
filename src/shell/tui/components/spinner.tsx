import { Text } from 'ink';
import { useEffect, useState } from 'react';
import type { RunningCommand } from '../hooks/use-command-runner.js';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import { useTheme } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Time between spinner frames, in milliseconds. */
const FRAME_INTERVAL = 100;

/** One line for a running command: spinner, the engine's phase and live count, and how to cancel. */
export function Spinner({ command }: { command: RunningCommand }) {
  const theme = useTheme();
  const bindings = useKeyBindings();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((current) => (current + 1) % FRAMES.length), FRAME_INTERVAL);
    return () => clearInterval(timer);
  }, []);

  const progress = command.progress;
  const detail = progress ? `${progress.message} ${progress.count.toLocaleString('en-US')}` : command.line;
  return (
    <Text wrap="truncate">
      <Text color={theme.accent}>{FRAMES[frame]}</Text> {detail}
      <Text color={theme.muted}>{`  (${bindings.actionKeys('cancel')} cancels)`}</Text>
    </Text>
  );
}
