import type { KeyEvent } from './key-event.js';
import { keyLabel, sameKey, type KeySpec } from './key-spec.js';

export type { KeySpec } from './key-spec.js';

/** Where a binding applies; the help screen groups bindings by it. */
export type KeyContext = 'global' | 'editor' | 'history' | 'completion' | 'output' | 'recorder';

export interface KeyBinding {
  readonly action: string;
  readonly context: KeyContext;
  readonly keys: readonly KeySpec[];
  /** Help text, one line. */
  readonly description: string;
}

/** The default key bindings of the shell. `KeyBindingTable` applies the user's keys to them; handlers and the help screen read that table. */
export const KEY_BINDINGS = [
  { action: 'help', context: 'global', keys: [{ name: 'f1' }], description: 'Show or hide this help' },
  { action: 'togglePane', context: 'global', keys: [{ name: 'f2' }], description: 'Show or hide the operations pane' },
  { action: 'focus', context: 'global', keys: [{ name: 'f6' }], description: 'Move focus: input, operation list, operation detail' },
  { action: 'paneNarrower', context: 'global', keys: [{ name: 'f7' }], description: 'Make the operations pane narrower (lower when stacked)' },
  { action: 'paneWider', context: 'global', keys: [{ name: 'f8' }], description: 'Make the operations pane wider (taller when stacked)' },
  { action: 'cancel', context: 'global', keys: [{ name: 'c', ctrl: true }], description: 'Cancel the running command, or clear the line' },
  { action: 'leave', context: 'global', keys: [{ name: 'd', ctrl: true }], description: 'Leave the shell (on an empty line)' },

  { action: 'submit', context: 'editor', keys: [{ name: 'return' }], description: 'Run the command line' },
  { action: 'complete', context: 'editor', keys: [{ name: 'tab' }], description: 'Complete the word at the cursor' },
  { action: 'left', context: 'editor', keys: [{ name: 'left' }, { name: 'b', ctrl: true }], description: 'Move the cursor left' },
  { action: 'right', context: 'editor', keys: [{ name: 'right' }, { name: 'f', ctrl: true }], description: 'Move the cursor right' },
  { action: 'wordLeft', context: 'editor', keys: [{ name: 'left', ctrl: true }, { name: 'left', meta: true }, { name: 'b', meta: true }], description: 'Move the cursor one word left' },
  { action: 'wordRight', context: 'editor', keys: [{ name: 'right', ctrl: true }, { name: 'right', meta: true }, { name: 'f', meta: true }], description: 'Move the cursor one word right' },
  { action: 'lineStart', context: 'editor', keys: [{ name: 'home' }, { name: 'a', ctrl: true }], description: 'Move the cursor to the start of the line' },
  { action: 'lineEnd', context: 'editor', keys: [{ name: 'end' }, { name: 'e', ctrl: true }], description: 'Move the cursor to the end of the line' },
  { action: 'deleteBackward', context: 'editor', keys: [{ name: 'backspace' }], description: 'Delete the character before the cursor (terminals send ^H as Backspace)' },
  { action: 'deleteForward', context: 'editor', keys: [{ name: 'delete' }, { name: 'd', ctrl: true }], description: 'Delete the character at the cursor' },
  { action: 'killToEnd', context: 'editor', keys: [{ name: 'k', ctrl: true }], description: 'Delete from the cursor to the end of the line' },
  { action: 'killToStart', context: 'editor', keys: [{ name: 'u', ctrl: true }], description: 'Delete from the start of the line to the cursor' },
  { action: 'killWordBackward', context: 'editor', keys: [{ name: 'w', ctrl: true }, { name: 'backspace', meta: true }], description: 'Delete the word before the cursor' },
  { action: 'clearOutput', context: 'editor', keys: [{ name: 'l', ctrl: true }], description: 'Clear the output area' },

  { action: 'historyPrevious', context: 'history', keys: [{ name: 'up' }, { name: 'p', ctrl: true }], description: 'Previous command line' },
  { action: 'historyNext', context: 'history', keys: [{ name: 'down' }, { name: 'n', ctrl: true }], description: 'Next command line' },
  { action: 'historySearch', context: 'history', keys: [{ name: 'r', ctrl: true }], description: 'Search the history backwards; again for an older match' },
  { action: 'searchCancel', context: 'history', keys: [{ name: 'escape' }, { name: 'g', ctrl: true }], description: 'Leave the search and restore the line' },

  { action: 'completionNext', context: 'completion', keys: [{ name: 'tab' }, { name: 'down' }], description: 'Next candidate (wraps around)' },
  { action: 'completionPrevious', context: 'completion', keys: [{ name: 'tab', shift: true }, { name: 'up' }], description: 'Previous candidate (wraps around)' },
  { action: 'completionAccept', context: 'completion', keys: [{ name: 'return' }], description: 'Keep the selected candidate' },
  { action: 'completionCancel', context: 'completion', keys: [{ name: 'escape' }], description: 'Close the list and restore the word' },

  { action: 'pageUp', context: 'output', keys: [{ name: 'pageup' }], description: 'Scroll the focused area up one page' },
  { action: 'pageDown', context: 'output', keys: [{ name: 'pagedown' }], description: 'Scroll the focused area down one page' },
  { action: 'scrollTop', context: 'output', keys: [{ name: 'home', ctrl: true }], description: 'Scroll to the top of the output' },
  { action: 'scrollBottom', context: 'output', keys: [{ name: 'end', ctrl: true }], description: 'Scroll to the bottom and follow new output' },

  { action: 'selectPrevious', context: 'recorder', keys: [{ name: 'up' }], description: 'Select the previous operation, or scroll the detail up' },
  { action: 'selectNext', context: 'recorder', keys: [{ name: 'down' }], description: 'Select the next operation, or scroll the detail down' },
  { action: 'selectFirst', context: 'recorder', keys: [{ name: 'home' }], description: 'First operation, or top of the detail' },
  { action: 'selectLast', context: 'recorder', keys: [{ name: 'end' }], description: 'Last operation, or end of the detail' },
  { action: 'focusInput', context: 'recorder', keys: [{ name: 'escape' }], description: 'Return focus to the input line' },
] as const satisfies readonly KeyBinding[];

export type KeyAction = (typeof KEY_BINDINGS)[number]['action'];

/** Keys chosen by the user, by action; each list replaces the action's default keys. */
export type KeyOverrides = Readonly<Partial<Record<KeyAction, readonly KeySpec[]>>>;

/** Returns the name of an action in settings, such as `toggle-pane` for `togglePane`. */
export function actionSettingName(action: string): string {
  return action.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Returns the binding whose action a settings name such as `toggle-pane` names, or undefined. */
export function bindingOfSettingName(name: string): (typeof KEY_BINDINGS)[number] | undefined {
  return KEY_BINDINGS.find((entry) => actionSettingName(entry.action) === name.toLowerCase());
}

function specMatches(spec: KeySpec, key: KeyEvent): boolean {
  return spec.name === key.name && (spec.ctrl ?? false) === key.ctrl && (spec.meta ?? false) === key.meta && (spec.shift ?? false) === key.shift;
}

/**
 * The key-binding table in use: the defaults with the user's keys applied. A key the user
 * gives an action is taken from the other actions of the same context, so the help screen
 * shows what the key does there. An action left without keys is listed as unbound. Keys of
 * different contexts may overlap, as the defaults do (Ctrl-D leaves on an empty line and
 * deletes otherwise).
 */
export class KeyBindingTable {
  readonly bindings: readonly KeyBinding[];
  readonly #byAction: ReadonlyMap<string, KeyBinding>;

  constructor(overrides: KeyOverrides = {}) {
    const chosen = KEY_BINDINGS.flatMap((binding) => (overrides[binding.action] ?? []).map((spec) => ({ context: binding.context, spec })));
    const isTaken = (binding: KeyBinding, spec: KeySpec) => chosen.some((entry) => entry.context === binding.context && sameKey(entry.spec, spec));

    this.bindings = KEY_BINDINGS.map((binding): KeyBinding => {
      const own = overrides[binding.action];
      if (own !== undefined) return { ...binding, keys: own };
      return { ...binding, keys: binding.keys.filter((spec) => !isTaken(binding, spec)) };
    });
    this.#byAction = new Map(this.bindings.map((binding) => [binding.action, binding]));
  }

  /** Tells whether `key` is one of the keys bound to `action`. */
  isAction(action: KeyAction, key: KeyEvent): boolean {
    const binding = this.#byAction.get(action);
    return binding !== undefined && binding.keys.some((spec) => specMatches(spec, key));
  }

  /** Returns the first action of `context` bound to `key`, or null. */
  actionFor(context: KeyContext, key: KeyEvent): KeyAction | null {
    for (const binding of this.bindings) {
      if (binding.context === context && binding.keys.some((spec) => specMatches(spec, key))) return binding.action as KeyAction;
    }
    return null;
  }

  /** Returns the keys bound to `action`. */
  keysOf(action: KeyAction): readonly KeySpec[] {
    return this.#byAction.get(action)?.keys ?? [];
  }

  /** Returns the keys of `action` as the help screen shows them, such as `Home, ^A`, or an empty string when it has none. */
  actionKeys(action: KeyAction): string {
    return (this.#byAction.get(action)?.keys ?? []).map(keyLabel).join(', ');
  }

  /** Returns the first key of `action` as the help screen shows it, or `fallback` when it has none. */
  firstKey(action: KeyAction, fallback = 'unbound'): string {
    const spec = this.#byAction.get(action)?.keys[0];
    return spec === undefined ? fallback : keyLabel(spec);
  }
}

/** The table with the default keys. */
export const DEFAULT_KEY_BINDINGS = new KeyBindingTable();
