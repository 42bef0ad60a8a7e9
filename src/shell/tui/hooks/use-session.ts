import { useEffect, useState } from 'react';
import type { OperationRecord } from '../../../index.js';
import type { SessionState, ShellSession } from '../../session-types.js';

/** Returns the session state, re-rendering on each change the session announces. */
export function useSessionState(session: ShellSession): SessionState {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    setState(session.state);
    return session.onChange(setState);
  }, [session]);
  return state;
}

/** Maximum number of operation records the pane keeps; older ones are dropped first. */
export const RECORD_LIMIT = 1000;

/** Records of the operations the session ran since the TUI started, oldest first, with their running numbers. */
export interface RecordList {
  readonly records: readonly OperationRecord[];
  /** Number of the first kept record; records are numbered from 1 in the order they arrived. */
  readonly firstNumber: number;
}

export function useRecords(session: ShellSession): RecordList {
  const [list, setList] = useState<RecordList>({ records: [], firstNumber: 1 });
  useEffect(
    () =>
      session.onRecord((record) => {
        setList((current) => {
          const records = [...current.records, record];
          const excess = records.length - RECORD_LIMIT;
          return excess > 0 ? { records: records.slice(excess), firstNumber: current.firstNumber + excess } : { ...current, records };
        });
      }),
    [session],
  );
  return list;
}
