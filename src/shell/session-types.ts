import type { DTDValidationResult, DTDVersion, OperationRecord } from '../index.js';

/** Output format of command results. */
export type OutputFormat = 'mof' | 'xml' | 'json' | 'table' | 'tree';

/** The output formats, in the order help text lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['mof', 'xml', 'json', 'table', 'tree'];

/** Whether enumerations use pull operations. */
export type PullMode = 'auto' | 'on' | 'off';

/** What the status line and prompt show; changes are announced through `ShellSession.onChange`. */
export interface SessionState {
  /** Server URL, such as `http://127.0.0.1:5988`. */
  readonly url: string;
  /** True when the server is the built-in mock server. */
  readonly mock: boolean;
  /** Current namespace, such as `root/cimv2`. */
  readonly namespace: string;
  readonly output: OutputFormat;
  readonly pull: PullMode;
  readonly recorder: boolean;
  /** True when certificate verification is off for this connection. */
  readonly noVerify: boolean;
  /** Operation timeout in seconds. */
  readonly timeout: number;
  /** Name of the connection profile in use, or null. */
  readonly profile: string | null;
  /** Automatic DTD validation; absent until `validate` changes it, which the status line shows as off. */
  readonly validation?: ValidationState;
}

/** Settings of automatic DTD validation, switched by `validate on|off|VERSION`. */
export interface ValidationState {
  readonly enabled: boolean;
  readonly dtdVersion: DTDVersion;
  /** Whether requests are validated besides responses. */
  readonly requests: boolean;
}

/** DTD validation of the request or the response of one operation. */
export interface DocumentValidation {
  readonly part: 'request' | 'response';
  /** The findings; null when the document was not validated. */
  readonly result: DTDValidationResult | null;
  /** Reason the document was not validated, such as the size limit; null when it was. */
  readonly skipped: string | null;
}

/** Validation of one recorded operation, delivered through `ShellSession.onValidation`. */
export interface RecordValidation {
  /** The record as `onRecord` delivered it; the same object, so it can serve as a key. */
  readonly record: OperationRecord;
  readonly dtdVersion: DTDVersion;
  /** The validated documents: the response, and the request when requests are validated too. */
  readonly documents: readonly DocumentValidation[];
}

/** Progress of a long command, for the spinner: a phase and a live count. */
export interface CommandProgress {
  readonly message: string;
  readonly count: number;
}

/** One block of command output. `error` blocks are printed in red by the TUI. */
export interface OutputBlock {
  readonly kind: 'text' | 'error' | 'warning';
  readonly text: string;
}

export interface CommandResult {
  /** False when the command failed or has not run yet; `-c` mode exits non-zero if any command failed. */
  readonly ok: boolean;
  readonly output: readonly OutputBlock[];
  /** True when the command asked to leave the shell (`exit`). */
  readonly exit?: boolean;
  /** Set when a command stopped at a `CLASS.?` word to let the user pick an instance; interactive sessions only. */
  readonly pick?: InstancePick;
}

/**
 * Instance paths offered for a `CLASS.?` word where a command needs one instance path.
 * The command has not run: the shell shows the candidates and runs `line` with the
 * picked value in place of the word.
 */
export interface InstancePick {
  /** The class named before `.?`. */
  readonly className: string;
  /** The command with the `CLASS.?` word, followed by the `;`-separated commands after it that have not run. */
  readonly line: string;
  /** Offset of the `CLASS.?` word in `line`. */
  readonly start: number;
  /** Offset after the `CLASS.?` word in `line`. */
  readonly end: number;
  /** The instance paths as command-line words, at least one; `detail` is a short label, such as the keys that differ. */
  readonly candidates: readonly CompletionCandidate[];
}

/** Returns the command line of a pick with `value` in place of the `CLASS.?` word. */
export function pickedLine(pick: InstancePick, value: string): string {
  return pick.line.slice(0, pick.start) + value + pick.line.slice(pick.end);
}

/** One completion candidate for the token at the cursor. */
export interface CompletionCandidate {
  /** Text that replaces the token. */
  readonly value: string;
  /** Short description shown beside it: a method signature, a property type, a command summary. */
  readonly detail?: string;
}

export interface Completion {
  /** Offset in the line where the replaced token starts; the token ends at the cursor. */
  readonly start: number;
  readonly candidates: readonly CompletionCandidate[];
}

/**
 * The shell's engine: one connection, the current namespace and settings, command
 * execution and completion. The TUI and the `-c` runner both drive it.
 */
export interface ShellSession {
  readonly state: SessionState;
  /**
   * Warnings from the start of the shell, such as ignored lines of the rc file, which the
   * interactive shell shows before the first command; `-c` mode prints them to stderr instead.
   */
  readonly startupWarnings?: readonly string[];
  /** Runs one command line. `signal` cancels it (open enumerations are closed on the server). */
  execute(
    line: string,
    options?: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void },
  ): Promise<CommandResult>;
  /** Completes the token before `cursor`; server lookups honour `signal` and never block typing. */
  complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion>;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onChange(listener: (state: SessionState) => void): () => void;
  /** Subscribes to operation records for the recorder pane; returns the unsubscribe function. */
  onRecord(listener: (record: OperationRecord) => void): () => void;
  /**
   * Subscribes to the validation of each operation while validation is on; returns the
   * unsubscribe function. Absent in sessions that do not validate.
   */
  onValidation?(listener: (validation: RecordValidation) => void): () => void;
  /** Closes the connection and stops an embedded mock server. */
  close(): Promise<void>;
}
