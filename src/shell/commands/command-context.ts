import type { MemoryRecorder, WBEMConnection } from '../../index.js';
import type { ClassCache } from '../completion/class-cache.js';
import type { Displayable } from '../format/displayable.js';
import type { ConnectionTarget } from '../connection-target.js';
import type { ProfileStore } from '../settings/profile-store.js';
import type { OutputFormat, PullMode, SessionState, ValidationState } from '../session-types.js';
import type { CommandSpec } from './command-types.js';

/** Settings a command may change; the session announces each change to its listeners. */
export interface SettingChanges {
  namespace?: string;
  output?: OutputFormat;
  pull?: PullMode;
  timeout?: number;
  recorder?: boolean;
  validation?: ValidationState;
}

/** The session as commands see it: the connection, its caches and the settings. */
export interface SessionControl {
  readonly connection: WBEMConnection;
  readonly state: SessionState;
  readonly classes: ClassCache;
  readonly recorder: MemoryRecorder;
  /** Command lines run so far, oldest first. */
  readonly history: readonly string[];
  readonly commands: readonly CommandSpec[];
  /** Saved connection profiles, or null when settings are not stored. */
  readonly profiles: ProfileStore | null;
  /** The connection settings in use, for `connection save` and `connection show`. */
  readonly target: ConnectionTarget;
  update(changes: SettingChanges): void;
  /** Replaces the connection; the old one is closed after the new one has responded. */
  connect(target: ConnectionTarget): Promise<void>;
}

/** How `CommandContext.show` prints a result. */
export interface ShowOptions {
  /** Property columns of table output, in this order. */
  readonly columns?: readonly string[];
  /** Line printed when the result is empty, such as "No instances of CIM_Foo in root/cimv2.". */
  readonly empty?: string;
}

/** The input of a command handler: the session, its output channel and cancellation. */
export interface CommandContext {
  readonly session: SessionControl;
  /** Namespace of this command: its `--namespace` option, else the session's current namespace. */
  readonly namespace: string;
  readonly signal: AbortSignal | undefined;
  /** False in `-c` mode and scripts, where a command cannot ask the user to pick from a list. */
  readonly interactive: boolean;
  /** Line width of tables, in characters. */
  readonly width: number;
  /** Output format of this command: its `--output`, else the session's. */
  readonly format: OutputFormat;
  progress(message: string, count: number): void;
  print(text: string): void;
  warn(text: string): void;
  /**
   * Prints a result in the command's output format (its `--output`, else the session's);
   * `columns` picks table columns. An empty result prints `empty` (default a line that
   * names the kind of object) in every format but json, which prints `[]`.
   */
  show(result: Displayable, options?: ShowOptions): void;
}

/** Call options every operation of a command gets: namespace, cancellation, time limit. */
export function callOptions(context: CommandContext, namespace?: string): { namespace: string; signal?: AbortSignal; timeout: number } {
  const options: { namespace: string; signal?: AbortSignal; timeout: number } = {
    namespace: namespace ?? context.namespace,
    timeout: context.session.state.timeout * 1000,
  };
  if (context.signal !== undefined) options.signal = context.signal;
  return options;
}

/** Returns the `usePull` setting of the iteration methods for the session's pull mode. */
export function usePull(context: CommandContext): boolean | 'auto' {
  const mode = context.session.state.pull;
  return mode === 'auto' ? 'auto' : mode === 'on';
}
