import libxmljs from 'libxmljs2';
import { WBEMError } from '../../cim/errors.js';
import { DEFAULT_DTD_VERSION, dtdFileUrl, type DTDVersion } from './dtd-versions.js';
import { prepareDocument } from './prepare-document.js';
import { labelViolation, type ViolationLabel } from './violation-labels.js';

/** Options of `validateCIMXML`. */
export interface DTDValidationOptions {
  /** DSP0203 version to validate against; default `2.4`. */
  dtdVersion?: DTDVersion;
  /** Largest document validated, in UTF-8 bytes; default 8 MiB. libxml2 builds the whole tree in memory and blocks the event loop meanwhile. */
  maxBytes?: number;
  /** Most violations listed in the result; `violationCount` counts all. Default 500. */
  maxViolations?: number;
}

/** One message of libxml2 about the document. */
export interface DTDViolation {
  /** 1-based line in the input: the start tag of the element concerned where it can be found; 0 when libxml2 gives none. */
  readonly line: number;
  /** 1-based column as libxml2 reports it; 0 when unknown or when `line` was moved to the start tag. */
  readonly column: number;
  /** The element the message is about, such as `KEYVALUE`; null when the message names none. */
  readonly element: string | null;
  /** `fatal` for a well-formedness error, which stops parsing; `error` for a validity error. */
  readonly severity: 'warning' | 'error' | 'fatal';
  /** libxml2's message, such as `Element KEYVALUE does not carry attribute TYPE`. */
  readonly message: string;
  /** Reason the violation is expected, or null when nothing known explains it. */
  readonly label: ViolationLabel | null;
}

/** Outcome of validating one document against one DTD version. */
export interface DTDValidationResult {
  /** DTD version the document was validated against. */
  readonly dtdVersion: DTDVersion;
  /** True when the document is well-formed and has no validity errors. */
  readonly valid: boolean;
  /** True when libxml2 reported no fatal (well-formedness) error. */
  readonly wellFormed: boolean;
  /** Violations in document order, at most `maxViolations`. */
  readonly violations: readonly DTDViolation[];
  /** Number of violations found, including those not listed. */
  readonly violationCount: number;
  /** Number of listed violations without a label. */
  readonly unexplainedCount: number;
  /** True when the document carried its own DOCTYPE, which was removed before validating. */
  readonly doctypeRemoved: boolean;
}

/** The document is larger than the validation limit. */
export class ValidationLimitError extends WBEMError {
  /** The limit in bytes. */
  readonly limit: number;
  /** Size of the document in bytes. */
  readonly size: number;

  constructor(size: number, limit: number) {
    super(
      `The document has ${size} bytes, more than the validation limit of ${limit} bytes; raise maxBytes to validate it.`,
      'ERR_VALIDATION_TOO_LARGE',
    );
    this.limit = limit;
    this.size = size;
  }
}

/** Default maximum size of a document that `validateCIMXML` accepts, in bytes of UTF-8 (8 MiB). */
export const DEFAULT_VALIDATION_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_VIOLATIONS = 500;

const SEVERITIES = ['warning', 'warning', 'error', 'fatal'] as const;

/**
 * Validates a CIM-XML document against a DSP0203 DTD with libxml2. The DTD is the shipped
 * local copy; the document's own DOCTYPE is removed first, no entity is expanded, and
 * libxml2 may not use the network. Violations carry line numbers of the input and a
 * label when they are a known server deviation or a difference between DTD versions.
 * Raises ValidationLimitError for a document over `maxBytes`.
 */
export function validateCIMXML(text: string, options: DTDValidationOptions = {}): DTDValidationResult {
  const dtdVersion = options.dtdVersion ?? DEFAULT_DTD_VERSION;
  const maxBytes = options.maxBytes ?? DEFAULT_VALIDATION_MAX_BYTES;
  const maxViolations = options.maxViolations ?? DEFAULT_MAX_VIOLATIONS;

  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) throw new ValidationLimitError(size, maxBytes);

  const prepared = prepareDocument(text, dtdFileUrl(dtdVersion).href);
  const errors = parseErrors(prepared.text);

  const lines = text.split('\n');
  const violations: DTDViolation[] = errors.slice(0, maxViolations).map((error) => {
    const message = error.message.trim();
    const element = elementOf(message);
    const reported = error.line ?? 0;
    const line = element === null ? reported : startTagLine(lines, reported, element);
    let column = error.column;
    if (line !== reported) column = 0;
    else if (line === 1) column = Math.max(0, error.column - prepared.lineOneShift);
    return { line, column, severity: SEVERITIES[error.level ?? 2] ?? 'error', message, element, label: labelViolation(message, dtdVersion) };
  });

  const wellFormed = !errors.some((error) => (error.level ?? 0) >= 3);
  return {
    dtdVersion,
    valid: wellFormed && !errors.some((error) => (error.level ?? 2) >= 2),
    wellFormed,
    violations,
    violationCount: errors.length,
    unexplainedCount: violations.filter((violation) => violation.label === null && violation.severity !== 'warning').length,
    doctypeRemoved: prepared.doctypeRemoved,
  };
}

/** Returns the element a libxml2 validity message is about, or null. */
function elementOf(message: string): string | null {
  const match = /^(?:Element|No declaration for element) (\S+)|of element (\S+)$|attribute \S+ of (\S+) is not/.exec(message);
  return match === null ? null : (match[1] ?? match[2] ?? match[3] ?? null);
}

const START_TAG_SEARCH_LINES = 1000;

/**
 * libxml2 reports element violations where the element ends. This returns the line of the
 * nearest start tag of that element at or before the reported line, or the reported line
 * when none is found within 1000 lines.
 */
function startTagLine(lines: readonly string[], reported: number, element: string): number {
  const startTag = new RegExp(`<${element.replace(/\./g, '\\.')}(?=[\\s/>]|$)`);
  for (let line = reported; line >= 1 && line > reported - START_TAG_SEARCH_LINES; line -= 1) {
    if (startTag.test(lines[line - 1] ?? '')) return line;
  }
  return reported;
}

interface LibxmlError {
  readonly message: string;
  readonly level: number | null;
  readonly line: number | null;
  readonly column: number;
}

/**
 * Parses with validation and returns libxml2's messages.
 * NOTE: libxml2 stops at the first well-formedness error and libxmljs2 then raises it
 * alone, so validity errors found before it are not reported.
 */
function parseErrors(text: string): LibxmlError[] {
  try {
    const document = libxmljs.parseXml(text, { dtdload: true, dtdvalid: true, nonet: true });
    return [...document.errors];
  } catch (error) {
    if (isLibxmlError(error)) return [error];
    throw error;
  }
}

function isLibxmlError(error: unknown): error is LibxmlError {
  return error instanceof Error && 'level' in error && 'line' in error && 'column' in error;
}
