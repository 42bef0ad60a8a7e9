import type { OperationRecord } from '../../index.js';
import { errorText } from '../error-text.js';
import type { CommandProgress, CommandResult, Completion, RecordValidation, SessionState, ShellSession } from '../session-types.js';

/** Status-line text while the session opens; `SessionState.url` is empty until then. */
export const STARTING_TEXT = 'starting mock server...';

/**
 * A session that the shell can draw before it exists: it shows `state` at once and opens
 * the real session when `start` is called, so the first frame does not wait for the
 * built-in mock server to load its model. Commands and completions wait for the opened
 * session; when opening fails, every command returns that error.
 */
export class DeferredSession implements ShellSession {
  #state: SessionState;
  #opening: Promise<ShellSession> | null = null;
  readonly #open: () => Promise<ShellSession>;
  readonly #listeners = new Set<(state: SessionState) => void>();
  readonly #recordListeners = new Set<(record: OperationRecord) => void>();
  readonly #validationListeners = new Set<(validation: RecordValidation) => void>();
  readonly startupWarnings: readonly string[];

  /** `state` is shown until the session is open; give it an empty `url`. */
  constructor(open: () => Promise<ShellSession>, state: SessionState, startupWarnings: readonly string[] = []) {
    this.#open = open;
    this.#state = state;
    this.startupWarnings = startupWarnings;
  }

  /**
   * Opens the session on the next turn of the event loop, after the frame being drawn
   * now is written. Loading a model blocks the event loop, so keys typed meanwhile are
   * read afterwards.
   */
  start(): void {
    if (this.#opening !== null) return;

    this.#opening = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => this.#open());
    this.#opening.then(
      (session) => this.#adopt(session),
      (error: unknown) => this.#update({ ...this.#state, url: `no server: ${errorText(error)}`, mock: false }),
    );
  }

  get state(): SessionState {
    return this.#state;
  }

  async execute(line: string, options?: { signal?: AbortSignal; onProgress?: (progress: CommandProgress) => void }): Promise<CommandResult> {
    let session: ShellSession;
    try {
      session = await this.#ready();
    } catch (error) {
      return { ok: false, output: [{ kind: 'error', text: errorText(error) }] };
    }
    return session.execute(line, options);
  }

  async complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
    const session = await this.#ready();
    return session.complete(line, cursor, signal);
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  onRecord(listener: (record: OperationRecord) => void): () => void {
    this.#recordListeners.add(listener);
    return () => {
      this.#recordListeners.delete(listener);
    };
  }

  onValidation(listener: (validation: RecordValidation) => void): () => void {
    this.#validationListeners.add(listener);
    return () => {
      this.#validationListeners.delete(listener);
    };
  }

  /** Closes the session once it is open; a session that failed to open has nothing to close. */
  async close(): Promise<void> {
    if (this.#opening === null) return;

    const session = await this.#opening.catch(() => null);
    await session?.close();
  }

  #ready(): Promise<ShellSession> {
    this.start();
    return this.#opening!;
  }

  #adopt(session: ShellSession): void {
    session.onChange((state) => this.#update(state));
    session.onRecord((record) => {
      for (const listener of this.#recordListeners) listener(record);
    });
    session.onValidation?.((validation) => {
      for (const listener of this.#validationListeners) listener(validation);
    });
    this.#update(session.state);
  }

  #update(state: SessionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
