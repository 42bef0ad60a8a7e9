import type { DTDValidationResult, DTDViolation, ViolationLabel } from '../../../index.js';
import type { DocumentValidation, RecordValidation } from '../../session-types.js';
import { visibleText, type DetailLine } from './record-view.js';

/** Verdict of an operation's validation, as the operation list and the status line show it. */
export interface ValidationMark {
  /** `deviation` when every violation is a known server deviation; `skipped` when a document was too large to validate. */
  readonly kind: 'valid' | 'invalid' | 'deviation' | 'skipped';
  /** `✓`, `✗ N` with the number of violations, `deviation`, or `unchecked`. */
  readonly text: string;
}

/** Width of the validation column of the operation list; the longest mark is `deviation`. */
export const MARK_WIDTH = 9;

const LABEL_NAMES: Readonly<Record<ViolationLabel['kind'], string>> = {
  'server-deviation': 'known server deviation',
  'dtd-version': 'other DTD version',
};

/** True when libxml2 reported violations and each is a warning or a known server deviation, and none was left unlisted. */
function onlyServerDeviations(result: DTDValidationResult): boolean {
  if (!result.wellFormed || result.violations.length < result.violationCount) return false;
  return result.violations.every((violation) => violation.severity === 'warning' || violation.label?.kind === 'server-deviation');
}

/** Returns the mark of an operation: invalid wins over deviation, deviation over skipped, skipped over valid. */
export function validationMark(validation: RecordValidation): ValidationMark {
  const results = validation.documents.flatMap((document) => (document.result === null ? [] : [document.result]));
  const invalid = results.filter((result) => !result.valid);
  const violations = invalid.reduce((sum, result) => sum + result.violationCount, 0);

  if (invalid.some((result) => !onlyServerDeviations(result))) return { kind: 'invalid', text: `✗ ${violations}` };
  if (invalid.length > 0) return { kind: 'deviation', text: 'deviation' };
  if (validation.documents.some((document) => document.result === null)) return { kind: 'skipped', text: 'unchecked' };
  return { kind: 'valid', text: '✓' };
}

const line = (kind: DetailLine['kind'], text: string): DetailLine => ({ kind, text: visibleText(text), depth: 0 });

function verdictText(result: DTDValidationResult): string {
  if (result.valid) return 'valid';
  if (!result.wellFormed) return `not well-formed XML (${result.violationCount} errors)`;

  const labelled = result.violations.filter((violation) => violation.label !== null).length;
  const noun = result.violationCount === 1 ? 'violation' : 'violations';
  return `${result.violationCount} ${noun}, ${labelled} of them explained`;
}

function violationLine(violation: DTDViolation): DetailLine {
  const label = violation.label === null ? '' : `  [${LABEL_NAMES[violation.label.kind]}: ${violation.label.id}]`;
  return line(violation.label === null && violation.severity !== 'warning' ? 'error' : 'note', `  line ${violation.line}: ${violation.message}${label}`);
}

function documentLines(document: DocumentValidation): DetailLine[] {
  const result = document.result;
  if (result === null) return [line('note', `${document.part}: not validated: ${document.skipped ?? 'no reason given'}`)];

  const lines = [line('header', `${document.part}: ${verdictText(result)}`)];
  lines.push(...result.violations.map(violationLine));
  if (result.violationCount > result.violations.length) lines.push(line('note', `  … ${result.violationCount - result.violations.length} more violations are not listed.`));

  const labels = new Map(result.violations.flatMap((violation) => (violation.label === null ? [] : [[violation.label.id, violation.label] as const])));
  for (const label of labels.values()) lines.push(line('note', `  ${label.id}: ${label.text}`));
  if (result.doctypeRemoved) lines.push(line('note', `  The DOCTYPE of the ${document.part} was ignored; the shipped DTD was used instead.`));
  return lines;
}

/**
 * Builds the validation section of an operation's detail: a verdict per document, then
 * each violation with its line in the body as sent (the XML below is re-indented, so its
 * lines differ) and the label that explains it.
 */
export function validationLines(validation: RecordValidation): DetailLine[] {
  const heading = line('heading', `── DTD ${validation.dtdVersion} validation: ${validationMark(validation).text} ──`);
  return [heading, ...validation.documents.flatMap(documentLines)];
}
