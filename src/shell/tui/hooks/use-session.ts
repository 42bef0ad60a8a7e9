import { useEffect, useState } from 'react';
import type { OperationRecord } from '../../../index.js';
import type { RecordValidation, SessionState, ShellSession } from '../../session-types.js';

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
  /** Validation of the kept records that were validated, by record. */
  readonly validations: ReadonlyMap<OperationRecord, RecordValidation>;
  /** The newest validation, kept even when the recorder is off and its record is not in the list. */
  readonly latestValidation: RecordValidation | null;
}

const EMPTY_LIST: RecordList = { records: [], firstNumber: 1, validations: new Map(), latestValidation: null };

function addRecord(current: RecordList, record: OperationRecord): RecordList {
  const records = [...current.records, record];
  const excess = records.length - RECORD_LIMIT;
  if (excess <= 0) return { ...current, records };

  const validations = new Map(current.validations);
  for (const dropped of records.slice(0, excess)) validations.delete(dropped);
  return { ...current, records: records.slice(excess), firstNumber: current.firstNumber + excess, validations };
}

/**
 * Keeps the validation; only the status line uses it when its record is not in the list, as
 * with the recorder off. A record arrives before its validation because the session's
 * recorder comes before the validating recorder on the connection.
 */
function addValidation(current: RecordList, validation: RecordValidation): RecordList {
  if (current.records.lastIndexOf(validation.record) < 0) return { ...current, latestValidation: validation };

  const validations = new Map(current.validations).set(validation.record, validation);
  return { ...current, validations, latestValidation: validation };
}

/** Returns the operation records and their validations, re-rendering on each new one. */
export function useRecords(session: ShellSession): RecordList {
  const [list, setList] = useState<RecordList>(EMPTY_LIST);
  useEffect(() => {
    const unsubscribeRecords = session.onRecord((record) => setList((current) => addRecord(current, record)));
    const unsubscribeValidations = session.onValidation?.((validation) => setList((current) => addValidation(current, validation)));
    return () => {
      unsubscribeRecords();
      unsubscribeValidations?.();
    };
  }, [session]);
  return list;
}
