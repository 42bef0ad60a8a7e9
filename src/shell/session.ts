import { MemoryRecorder, type OperationRecord, type WBEMConnection } from '../index.js';
import { tokenizeCommand, splitStatements } from './commands/command-line.js';
import type { CommandContext, SessionControl, SettingChanges, ShowOptions } from './commands/command-context.js';
import { readOutputFormat } from './commands/common-options.js';
import { COMMANDS, findCommand } from './commands/command-table.js';
import { InstancePickRequest, instancePathWord, pathLabels } from './commands/instance-path.js';
import type { CommandSpec } from './commands/command-types.js';
import { asksForHelp, OptionReader, parseArguments } from './commands/parse-arguments.js';
import { commandHelp } from './commands/help-text.js';
import { drainValidationNotices, subscribeValidation } from './commands/validation-watch.js';
import { targetNamespace } from './commands/server-commands.js';
import { ClassCache, type ClassNameStore } from './completion/class-cache.js';
import { complete } from './completion/completer.js';
import { SessionSources } from './completion/session-sources.js';
import { openConnection, type ConnectionTarget } from './connection-target.js';
import type { EmbeddedMock } from './embedded-mock.js';
import { errorText } from './error-text.js';
import type { Displayable } from './format/displayable.js';
import { emptyResultText, isEmptyResult } from './format/empty-result.js';
import { formatResult } from './format/format-result.js';
import { withLocalPaths } from './format/local-paths.js';
import type { CommandProgress, CommandResult, Completion, InstancePick, OutputBlock, OutputFormat, PullMode, RecordValidation, SessionState, ShellSession } from './session-types.js';
import type { HistoryStore } from './settings/history-store.js';
import type { ProfileStore } from './settings/profile-store.js';

/** Settings a session starts with. */
export interface SessionOptions {
  readonly target: ConnectionTarget;
  /** Output format; default mof. */
  readonly output?: OutputFormat;
  /** Pull mode; default auto. */
  readonly pull?: PullMode;
  /** Whether the recorder starts on; default true in the interactive shell, false otherwise. */
  readonly recorder?: boolean;
  /** False for `-c` and scripts, where `CLASS.?` cannot offer a pick list. */
  readonly interactive: boolean;
  /** Table width in characters; default 80. */
  readonly width?: number;
  readonly profiles?: ProfileStore | null;
  readonly history?: HistoryStore | null;
  /** Persistent class-name cache; not used for the built-in mock server, whose port changes. */
  readonly classNameStore?: ClassNameStore | null;
  /** Warnings from the start of the shell, for the interactive shell to show; default none. */
  readonly startupWarnings?: readonly string[];
}

/** The shell engine over one connection; see ShellSession. */
export class Session implements ShellSession, SessionControl {
  readonly commands: readonly CommandSpec[] = COMMANDS;
  readonly recorder = new MemoryRecorder();
  readonly profiles: ProfileStore | null;
  readonly startupWarnings: readonly string[];

  #state: SessionState;
  #target: ConnectionTarget;
  #connection: WBEMConnection;
  #mock: EmbeddedMock | null;
  #classes: ClassCache;
  #sources: SessionSources;
  readonly #interactive: boolean;
  readonly #width: number;
  readonly #historyStore: HistoryStore | null;
  readonly #classNameStore: ClassNameStore | null;
  readonly #history: string[];
  readonly #listeners = new Set<(state: SessionState) => void>();

  private constructor(options: SessionOptions, opened: { connection: WBEMConnection; mock: EmbeddedMock | null }) {
    this.profiles = options.profiles ?? null;
    this.startupWarnings = options.startupWarnings ?? [];
    this.#target = options.target;
    this.#connection = opened.connection;
    this.#mock = opened.mock;
    this.#interactive = options.interactive;
    this.#width = options.width ?? 80;
    this.#historyStore = options.history ?? null;
    this.#classNameStore = options.classNameStore ?? null;
    this.#history = this.#historyStore?.load() ?? [];
    this.recorder.enabled = options.recorder ?? options.interactive;
    this.#connection.recorders.push(this.recorder);
    this.#classes = this.#newClassCache();
    this.#sources = new SessionSources(this);
    this.#state = {
      url: opened.connection.url,
      mock: opened.mock !== null,
      namespace: options.target.namespace,
      output: options.output ?? 'mof',
      pull: options.pull ?? 'auto',
      recorder: this.recorder.enabled,
      noVerify: options.target.noVerify,
      timeout: options.target.timeout,
      profile: options.target.profile,
    };
  }

  /** Opens the connection (starting the built-in mock server when the target has no URL) and returns the session. */
  static async open(options: SessionOptions): Promise<Session> {
    return new Session(options, await openConnection(options.target));
  }

  get state(): SessionState {
    return this.#state;
  }

  get connection(): WBEMConnection {
    return this.#connection;
  }

  get classes(): ClassCache {
    return this.#classes;
  }

  get history(): readonly string[] {
    return this.#history;
  }

  get target(): ConnectionTarget {
    return this.#target;
  }

  /** Runs each `;`-separated command of the line; the result fails if any command failed. */
  async execute(line: string, options: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void } = {}): Promise<CommandResult> {
    this.#remember(line);
    const output: OutputBlock[] = [];
    let ok = true;
    let exit = false;

    const statements = splitStatements(line);
    for (const [index, statement] of statements.entries()) {
      const result = await this.#run(statement, output, options);
      if (result.pick) return { ok: false, output, pick: instancePick(result.pick, statement, statements.slice(index + 1)) };
      ok &&= result.ok;
      if (result.exit) {
        exit = true;
        break;
      }
      if (options.signal?.aborted) break;
    }
    return exit ? { ok, output, exit } : { ok, output };
  }

  async #run(
    statement: string,
    output: OutputBlock[],
    options: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void },
  ): Promise<{ ok: boolean; exit: boolean; pick?: InstancePickRequest }> {
    let group: string | undefined;
    try {
      const tokens = tokenizeCommand(statement).map((token) => token.text);
      group = tokens[0]?.toLowerCase();
      const { command, used } = findCommand(this.commands, tokens);
      if (asksForHelp(command, tokens.slice(used))) {
        output.push({ kind: 'text', text: commandHelp(command) });
        return { ok: true, exit: false };
      }

      const parsed = parseArguments(command, tokens.slice(used));
      const reader = new OptionReader(parsed);
      const namespaceOption = reader.value('namespace');
      const namespace = namespaceOption === undefined || command.words[0] === 'connect' ? this.#state.namespace : targetNamespace(this.#state.namespace, namespaceOption);
      const format = readOutputFormat(reader) ?? this.#state.output;

      await command.run(this.#context(output, { namespace, format }, options), parsed);
      return { ok: true, exit: command.words[0] === 'exit' };
    } catch (error) {
      if (error instanceof InstancePickRequest) return { ok: false, exit: false, pick: error };
      output.push({ kind: 'error', text: errorText(error, group, this.#interactive ? 'commands' : 'options') });
      return { ok: false, exit: false };
    } finally {
      for (const text of drainValidationNotices(this)) output.push({ kind: 'warning', text });
    }
  }

  #context(
    output: OutputBlock[],
    { namespace, format }: { namespace: string; format: OutputFormat },
    options: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void },
  ): CommandContext {
    const context: CommandContext = {
      session: this,
      namespace,
      signal: options.signal,
      interactive: this.#interactive,
      width: this.#width,
      format,
      progress: (message, count) => options.onProgress?.({ message, count }),
      print: (text) => output.push({ kind: 'text', text }),
      warn: (text) => output.push({ kind: 'warning', text }),
      show: (result: Displayable, showOptions?: ShowOptions) => {
        if (format !== 'json' && isEmptyResult(result)) {
          output.push({ kind: 'text', text: showOptions?.empty ?? emptyResultText(result) });
          return;
        }

        const columns = showOptions?.columns;
        const formatted = formatResult(withLocalPaths(result, this.#connection.url), format, columns === undefined ? { width: this.#width } : { width: this.#width, columns });
        output.push({ kind: 'text', text: formatted.text });
        for (const warning of formatted.warnings) output.push({ kind: 'warning', text: warning });
      },
    };
    return context;
  }

  complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
    return complete(this.commands, this.#sources, line, cursor, signal);
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  onRecord(listener: (record: OperationRecord) => void): () => void {
    return this.recorder.subscribe(listener);
  }

  onValidation(listener: (validation: RecordValidation) => void): () => void {
    return subscribeValidation(this, listener);
  }

  update(changes: SettingChanges): void {
    if (changes.recorder !== undefined) this.recorder.enabled = changes.recorder;
    this.#state = { ...this.#state, ...changes };
    this.#announce();
  }

  async connect(target: ConnectionTarget): Promise<void> {
    const opened = await openConnection(target);
    try {
      await opened.connection.enumerateClassNames(undefined, { namespace: target.namespace, deepInheritance: false });
    } catch (error) {
      await opened.connection.close();
      await opened.mock?.close();
      throw error;
    }

    const previous = { connection: this.#connection, mock: this.#mock };
    this.#connection = opened.connection;
    this.#mock = opened.mock;
    this.#target = target;
    this.#connection.recorders.push(this.recorder);
    this.#classes = this.#newClassCache();
    this.#sources = new SessionSources(this);
    this.#state = { ...this.#state, url: opened.connection.url, mock: opened.mock !== null, namespace: target.namespace, noVerify: target.noVerify, timeout: target.timeout, profile: target.profile };
    this.#announce();

    await previous.connection.close();
    await previous.mock?.close();
  }

  async close(): Promise<void> {
    this.#historyStore?.save(this.#history);
    await this.#connection.close();
    await this.#mock?.close();
  }

  #newClassCache(): ClassCache {
    return new ClassCache(this.#connection, this.#mock === null ? this.#classNameStore : null);
  }

  #remember(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '' || this.#history[this.#history.length - 1] === trimmed) return;
    this.#history.push(trimmed);
  }

  #announce(): void {
    for (const listener of this.#listeners) listener(this.#state);
  }
}

/**
 * Builds the pick list of a `CLASS.?` word in `statement`: the line to run after the pick is
 * the statement and the statements after it, so the word keeps its offsets.
 */
function instancePick(request: InstancePickRequest, statement: string, rest: readonly string[]): InstancePick {
  const token = tokenizeCommand(statement).find((candidate) => candidate.text === request.word);
  const start = token?.start ?? statement.indexOf(request.word);
  const end = token?.end ?? start + request.word.length;
  const labels = pathLabels(request.paths);
  const candidates = request.paths.map((path, index) => ({ value: instancePathWord(path), detail: labels[index]! }));
  return { className: request.className, line: [statement, ...rest].join(';'), start, end, candidates };
}
