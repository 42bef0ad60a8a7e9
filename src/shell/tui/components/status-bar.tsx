import { Box, Text } from 'ink';
import type { SessionState } from '../../session-types.js';
import { STARTING_TEXT } from '../deferred-session.js';
import { useTheme } from '../theme.js';

/** Top line: server, namespace, output format, pull mode and recorder state; a persistent warning when certificates are not verified. */
export function StatusBar({ state, width }: { state: SessionState; width: number }) {
  const theme = useTheme();
  const server = state.url === '' ? STARTING_TEXT : state.mock ? `${state.url} (mock)` : state.url;
  const profile = state.profile === null ? '' : `  profile ${state.profile}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" inverse>
        {` wbemshell  ${server}  ns ${state.namespace}  output ${state.output}  pull ${state.pull}  recorder ${state.recorder ? 'on' : 'off'}  timeout ${state.timeout}s${profile} `.padEnd(width)}
      </Text>
      {state.noVerify ? (
        <Text wrap="truncate" color={theme.error} bold>
          {' ⚠ The server certificate is not verified (--no-verify): anyone on the network path can read and change this session.'}
        </Text>
      ) : null}
    </Box>
  );
}
