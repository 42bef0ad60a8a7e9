import {
  DEFAULT_DTD_VERSION,
  ValidationLimitError,
  validateCIMXML,
  type DTDValidationResult,
  type DTDVersion,
  type OperationRecord,
  type OperationRecorder,
} from '../../index.js';
import type { DocumentValidation, RecordValidation } from '../session-types.js';
import type { SessionControl } from './command-context.js';

/** Automatic validation of a session's traffic, switched by `validate on|off|VERSION`. */
export interface ValidationWatch {
  enabled: boolean;
  dtdVersion: DTDVersion;
  /** Whether requests are validated besides responses. */
  requests: boolean;
}

/** Function that receives the validation of each operation. */
export type ValidationListener = (validation: RecordValidation) => void;

/** Most violations shown for one document; the rest are counted. */
const SHOWN_VIOLATIONS = 10;

/**
 * Validates the bodies of each operation record, keeps the findings until the session
 * prints them, and hands each record's validation to the listeners.
 */
class ValidatingRecorder implements OperationRecorder {
  enabled = true;
  readonly notices: string[] = [];
  readonly listeners = new Set<ValidationListener>();

  constructor(readonly watch: ValidationWatch) {}

  record(record: OperationRecord): void {
    if (!this.watch.enabled) return;

    const documents: DocumentValidation[] = [];
    if (this.watch.requests && record.request !== null) documents.push(...this.#check('request', record.request.body, `request of ${record.operation}`));
    if (record.response !== null) documents.push(...this.#check('response', record.response.body, `response to ${record.operation}`));
    if (documents.length === 0) return;

    const validation: RecordValidation = { record, dtdVersion: this.watch.dtdVersion, documents };
    for (const listener of this.listeners) listener(validation);
  }

  /** Validates one body; a body that is not XML, such as an HTML error page, yields nothing. */
  #check(part: DocumentValidation['part'], body: string, title: string): DocumentValidation[] {
    if (!body.trimStart().startsWith('<')) return [];
    try {
      const result = validateCIMXML(body, { dtdVersion: this.watch.dtdVersion });
      if (!result.valid) this.notices.push(formatValidation(result, title));
      return [{ part, result, skipped: null }];
    } catch (error) {
      if (!(error instanceof ValidationLimitError)) throw error;
      this.notices.push(`The ${title} was not validated: ${error.message}`);
      return [{ part, result: null, skipped: error.message }];
    }
  }
}

const recorders = new WeakMap<SessionControl, ValidatingRecorder>();

/** Returns the validation settings of a session: off and DTD 2.4 until changed. */
export function validationWatch(session: SessionControl): Readonly<ValidationWatch> {
  return recorderOf(session).watch;
}

/**
 * Changes the validation settings and announces them as `SessionState.validation`; the
 * validating recorder is attached to the connection only while on.
 */
export function updateValidationWatch(session: SessionControl, changes: Partial<ValidationWatch>): Readonly<ValidationWatch> {
  const recorder = recorderOf(session);
  Object.assign(recorder.watch, changes);

  const list = session.connection.recorders;
  const index = list.indexOf(recorder);
  if (recorder.watch.enabled && index < 0) list.push(recorder);
  if (!recorder.watch.enabled && index >= 0) list.splice(index, 1);

  session.update({ validation: { ...recorder.watch } });
  return recorder.watch;
}

/** Calls `listener` with the validation of each operation while validation is on; returns the function that removes it. */
export function subscribeValidation(session: SessionControl, listener: ValidationListener): () => void {
  const listeners = recorderOf(session).listeners;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Returns the findings collected since the last call and clears them. It also attaches the
 * validating recorder to the session's current connection, which `connect` replaces.
 */
export function drainValidationNotices(session: SessionControl): string[] {
  const recorder = recorders.get(session);
  if (recorder === undefined) return [];

  if (recorder.watch.enabled && !session.connection.recorders.includes(recorder)) session.connection.recorders.push(recorder);
  return recorder.notices.splice(0);
}

function recorderOf(session: SessionControl): ValidatingRecorder {
  let recorder = recorders.get(session);
  if (recorder === undefined) {
    recorder = new ValidatingRecorder({ enabled: false, dtdVersion: DEFAULT_DTD_VERSION, requests: false });
    recorders.set(session, recorder);
  }
  return recorder;
}

/** Formats a validation result: a summary line, one line per shown violation, then the text of each label once. */
export function formatValidation(result: DTDValidationResult, title: string): string {
  const explained = result.violations.length - result.unexplainedCount;
  const verdict = result.valid
    ? 'is valid'
    : !result.wellFormed
      ? 'is not well-formed XML'
      : `is not valid: ${result.violationCount} violations, ${explained} of them known deviations or DTD version differences`;
  const lines = [`DTD ${result.dtdVersion}: the ${title} ${verdict}.`];

  for (const violation of result.violations.slice(0, SHOWN_VIOLATIONS)) {
    const label = violation.label === null ? '' : ` [${violation.label.id}]`;
    lines.push(`  line ${violation.line}: ${violation.message}${label}`);
  }
  if (result.violationCount > SHOWN_VIOLATIONS) lines.push(`  ... and ${result.violationCount - SHOWN_VIOLATIONS} more.`);

  const labels = new Map(result.violations.flatMap((violation) => (violation.label === null ? [] : [[violation.label.id, violation.label] as const])));
  for (const label of labels.values()) lines.push(`  ${label.id} (${label.kind}): ${label.text}`);
  if (result.doctypeRemoved) lines.push('  The DOCTYPE of the document was ignored; the shipped DTD was used instead.');
  return lines.join('\n');
}
