import { Box, Text } from 'ink';
import type { RecordValidation, SessionState } from '../../session-types.js';
import { STARTING_TEXT } from '../deferred-session.js';
import { validationMark } from '../recorder/validation-view.js';
import { useTheme } from '../theme.js';

export interface StatusBarProps {
  readonly state: SessionState;
  readonly width: number;
  /** The newest validation of an operation; its mark is shown while validation against its DTD version is on. */
  readonly latestValidation?: RecordValidation | null;
}

/** Returns the validation part of the status line: `DTD off`, `DTD 2.4` before the first validated operation, else `DTD 2.4` and the newest mark. */
export function validationStatus(state: SessionState, latest: RecordValidation | null): string {
  const validation = state.validation;
  if (validation === undefined || !validation.enabled) return 'DTD off';

  const current = latest !== null && latest.dtdVersion === validation.dtdVersion ? ` ${validationMark(latest).text}` : '';
  return `DTD ${validation.dtdVersion}${current}`;
}

/** Top line: server, namespace, output format, pull mode, recorder and validation state; a persistent warning when certificates are not verified. */
export function StatusBar({ state, width, latestValidation = null }: StatusBarProps) {
  const theme = useTheme();
  let server = state.url;
  if (state.url === '') server = STARTING_TEXT;
  else if (state.mock) server = `${state.url} (mock)`;
  const profile = state.profile === null ? '' : `  profile ${state.profile}`;
  const dtd = validationStatus(state, latestValidation);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" inverse>
        {` wbemshell  ${server}  ns ${state.namespace}  output ${state.output}  pull ${state.pull}  recorder ${state.recorder ? 'on' : 'off'}  ${dtd}  timeout ${state.timeout}s${profile} `.padEnd(width)}
      </Text>
      {state.noVerify ? (
        <Text wrap="truncate" color={theme.error} bold>
          {' ⚠ The server certificate is not verified (--no-verify): anyone on the network path can read and change this session.'}
        </Text>
      ) : null}
    </Box>
  );
}
