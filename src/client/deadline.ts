/**
 * One time limit for one operation, combined with the caller's AbortSignal. `signal`
 * aborts when the limit runs out or when the caller aborts; `timedOut` and
 * `callerAborted` tell which.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly timeout: number;
  timedOut = false;
  callerAborted = false;

  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => {
    this.callerAborted = true;
    this.#controller.abort(this.#callerSignal?.reason);
  };

  /** Starts the clock; `timeout` is in milliseconds. */
  constructor(timeout: number, callerSignal?: AbortSignal) {
    this.timeout = timeout;
    this.signal = this.#controller.signal;
    this.#callerSignal = callerSignal;
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort();
    }, timeout);

    if (callerSignal?.aborted) this.#onCallerAbort();
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** Stops the clock and detaches from the caller's signal; call when the operation has ended. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}
