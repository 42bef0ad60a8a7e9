import { render } from 'ink';
import type { ShellSession } from '../session-types.js';
import { ShellApp, type ShellAppProps } from './components/shell-app.js';
import { KeyBindingsContext } from './hooks/use-key-bindings.js';
import { KeypressProvider } from './hooks/use-keypress.js';
import { DEFAULT_KEY_BINDINGS, KeyBindingTable, type KeyOverrides } from './input/key-bindings.js';
export { DeferredSession } from './deferred-session.js';
import { ThemeContext, themeFor } from './theme.js';

/** Options of `runTui`. */
export interface TuiOptions {
  /** Input stream, a TTY; default `process.stdin`. */
  stdin?: NodeJS.ReadStream;
  /** Output stream, a TTY; default `process.stdout`. */
  stdout?: NodeJS.WriteStream;
  /** Earlier command lines for Up and Ctrl-R, oldest first; default none. */
  history?: readonly string[];
  /** Called with each new history line, for saving it; default none. */
  onHistoryAdd?: (line: string) => void;
  /** Environment read for `NO_COLOR`; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Draw on the terminal's alternate screen and restore the previous content on exit; default true. */
  alternateScreen?: boolean;
  /** Operations pane: right (beside the output on wide terminals), bottom, or hidden at the start; default right. */
  pane?: 'right' | 'bottom' | 'hidden';
  /** Percent of the width (or, stacked, the height) given to the operations pane; default 40. */
  paneWidth?: number;
  /** Keys that replace the default keys of actions; default none. */
  keys?: KeyOverrides;
}

export interface ShellRootProps extends ShellAppProps {
  /** Environment read for `NO_COLOR`. */
  readonly env: NodeJS.ProcessEnv;
  /** Key-binding table; default the default keys. */
  readonly keyBindings?: KeyBindingTable;
}

/** The shell with its theme, key bindings and keypress provider, ready for Ink's `render`. */
export function ShellRoot({ env, keyBindings, ...props }: ShellRootProps) {
  return (
    <ThemeContext.Provider value={themeFor(env)}>
      <KeyBindingsContext.Provider value={keyBindings ?? DEFAULT_KEY_BINDINGS}>
        <KeypressProvider>
          <ShellApp {...props} />
        </KeypressProvider>
      </KeyBindingsContext.Provider>
    </ThemeContext.Provider>
  );
}

const ALTERNATE_SCREEN_ON = '\u001b[?1049h';
const ALTERNATE_SCREEN_OFF = '\u001b[?1049l';
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/**
 * Runs the interactive shell on a terminal until the user leaves (Ctrl-D on an empty
 * line, or the `exit` command). Resolves when the screen is restored; the caller
 * closes the session.
 */
export async function runTui(session: ShellSession, options: TuiOptions = {}): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const alternate = options.alternateScreen ?? true;

  stdout.write((alternate ? ALTERNATE_SCREEN_ON : '') + BRACKETED_PASTE_ON);
  const root = (
    <ShellRoot
      session={session}
      env={options.env ?? process.env}
      history={options.history}
      onHistoryAdd={options.onHistoryAdd}
      paneSettings={{ pane: options.pane, paneWidth: options.paneWidth }}
      keyBindings={new KeyBindingTable(options.keys)}
    />
  );
  const instance = render(root, {
    stdin,
    stdout,
    exitOnCtrlC: false,
    patchConsole: true,
  });

  try {
    await instance.waitUntilExit();
  } finally {
    instance.unmount();
    instance.cleanup();
    stdout.write(BRACKETED_PASTE_OFF + (alternate ? ALTERNATE_SCREEN_OFF : ''));
    // A flowing stdin keeps Node's event loop alive after the screen is gone.
    stdin.pause();
  }
}
