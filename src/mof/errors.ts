import { WBEMError } from '../cim/errors.js';

/** A MOF text and the file name it is reported under (a path, or a label such as `<string>`). */
export interface MOFSource {
  /** File path, or a label such as `<string>` for text compiled from memory. */
  file: string;
  /** The MOF text. */
  text: string;
}

/** A position in a MOF source; `line` and `column` are 1-based, `offset` 0-based. */
export interface MOFPosition {
  /** 0-based character offset in the text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/**
 * Stable codes of MOF compile errors:
 * - `ERR_MOF_SYNTAX`: the text breaks the MOF grammar or a literal is malformed;
 * - `ERR_MOF_DEPENDENCY`: a class, qualifier declaration, alias or included file is missing;
 * - `ERR_MOF_INVALID`: the text parses but breaks a CIM rule (type, scope, flavor, key, duplicate).
 */
export type MOFErrorCode = 'ERR_MOF_SYNTAX' | 'ERR_MOF_DEPENDENCY' | 'ERR_MOF_INVALID';

/**
 * A MOF file that cannot be compiled. The message reads `file:line:column: reason`,
 * then the source line and a caret under the column.
 */
export class MOFCompileError extends WBEMError {
  declare readonly code: MOFErrorCode;
  /** The reason alone, without position and source line. */
  readonly reason: string;
  /** File path or label of the source, as in `MOFSource.file`. */
  readonly file: string;
  /** 1-based line, or null when the error concerns the whole file. */
  readonly line: number | null;
  /** 1-based column, or null when the error concerns the whole file. */
  readonly column: number | null;
  /** The text of the source line, or null when the error concerns the whole file. */
  readonly sourceLine: string | null;

  constructor(
    reason: string,
    code: MOFErrorCode,
    details: { source: MOFSource; offset?: number; line?: number; column?: number; cause?: unknown },
  ) {
    const { source } = details;
    const located = details.line !== undefined && details.column !== undefined && details.offset !== undefined;
    const sourceLine = located ? lineAt(source.text, details.offset ?? 0) : null;
    super(formatMessage(reason, source.file, details.line, details.column, sourceLine), code, { cause: details.cause });
    this.reason = reason;
    this.file = source.file;
    this.line = located ? (details.line ?? null) : null;
    this.column = located ? (details.column ?? null) : null;
    this.sourceLine = sourceLine;
  }

  /** Creates an error at the position of a token or declaration. */
  static at(reason: string, code: MOFErrorCode, source: MOFSource, position: MOFPosition, cause?: unknown): MOFCompileError {
    return new MOFCompileError(reason, code, { source, ...position, cause });
  }
}

/** A deviation from DSP0004 that the compiler tolerates, with its position. */
export interface MOFWarning {
  /** Description of the deviation, without the position. */
  message: string;
  /** File path, or a label such as `<string>` for text compiled from memory. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** `file:line:column: message`. */
  text: string;
}

export function makeWarning(message: string, source: MOFSource, position: MOFPosition): MOFWarning {
  return {
    message,
    file: source.file,
    line: position.line,
    column: position.column,
    text: `${source.file}:${position.line}:${position.column}: warning: ${message}`,
  };
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text.slice(start, end).replace(/\r$/, '');
}

function formatMessage(
  reason: string,
  file: string,
  line: number | undefined,
  column: number | undefined,
  sourceLine: string | null,
): string {
  if (line === undefined || column === undefined || sourceLine === null) return `${file}: ${reason}`;

  // Tabs in the source line are kept in the caret line so the caret stays under the column.
  const indent = sourceLine.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return `${file}:${line}:${column}: ${reason}\n${sourceLine}\n${indent}^`;
}
