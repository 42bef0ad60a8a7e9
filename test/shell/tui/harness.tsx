import { render, type Instance } from 'ink';
import { PassThrough, Writable } from 'node:stream';
import { ShellRoot } from '../../../src/shell/tui/app.js';
import type { ShellSession } from '../../../src/shell/session-types.js';
import type { KeyBindingTable } from '../../../src/shell/tui/input/key-bindings.js';
import type { PaneSettings } from '../../../src/shell/tui/layout.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** Terminal input for Ink: a readable TTY stand-in whose bytes come from `press`. */
class TerminalInput extends PassThrough {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** Terminal output for Ink that keeps the last frame written. */
class TerminalOutput extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  frame = '';
  frames = 0;

  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const text = chunk.toString();
    if (text.trim() !== '') {
      this.frame = text;
      this.frames++;
    }
    callback();
  }
}

/** Sequences of the keys the tests press. */
export const KEYS = {
  enter: '\r',
  tab: '\t',
  shiftTab: '\u001b[Z',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  right: '\u001b[C',
  home: '\u001b[H',
  end: '\u001b[F',
  backspace: '\u007f',
  delete: '\u001b[3~',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  f1: '\u001bOP',
  f2: '\u001bOQ',
  f3: '\u001bOR',
  f6: '\u001b[17~',
  ctrlA: '\u0001',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlE: '\u0005',
  ctrlK: '\u000b',
  ctrlR: '\u0012',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
} as const;

export interface Screen {
  /** Last frame as plain text, ANSI sequences removed. */
  text(): string;
  /** Last frame with its ANSI sequences. */
  raw(): string;
  /** Writes key sequences one at a time, as a terminal delivers separate key presses. */
  press(...sequences: string[]): Promise<void>;
  /** Writes text as one chunk, as a terminal delivers a paste or fast typing. */
  type(text: string): Promise<void>;
  /** Waits until the plain-text frame satisfies `predicate`; fails with the last frame after `timeout` ms. */
  waitFor(predicate: (text: string) => boolean, what: string, timeout?: number): Promise<string>;
  readonly instance: Instance;
  /** Settles when the app exits; taken at render time because Ink resolves only promises that exist when it exits. */
  readonly exited: Promise<unknown>;
  readonly output: TerminalOutput;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Renders the shell for `session` on a fake terminal of `columns` × `rows`. */
export function renderShell(
  session: ShellSession,
  options: { columns?: number; rows?: number; env?: NodeJS.ProcessEnv; history?: string[]; paneSettings?: PaneSettings; keyBindings?: KeyBindingTable } = {},
): Screen {
  const input = new TerminalInput();
  const output = new TerminalOutput(options.columns ?? 160, options.rows ?? 50);
  const root = <ShellRoot session={session} env={options.env ?? {}} history={options.history} paneSettings={options.paneSettings} keyBindings={options.keyBindings} />;
  const instance = render(root, {
    stdin: input as unknown as NodeJS.ReadStream,
    stdout: output as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });

  const exited = instance.waitUntilExit();
  const screen: Screen = {
    instance,
    exited,
    output,
    text: () => output.frame.replace(ANSI, ''),
    raw: () => output.frame,
    async press(...sequences) {
      for (const sequence of sequences) {
        input.write(sequence);
        await pause(15);
      }
    },
    async type(text) {
      input.write(text);
      await pause(15);
    },
    async waitFor(predicate, what, timeout = 5000) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        if (predicate(screen.text())) return screen.text();
        await pause(10);
      }
      throw new Error(`The screen did not show ${what} within ${timeout} ms. Last frame:\n${screen.text()}`);
    },
  };
  return screen;
}
