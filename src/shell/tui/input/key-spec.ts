/** One key combination; modifiers left out must not be pressed. */
export interface KeySpec {
  readonly name: string;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly shift?: boolean;
}

/** Key names that `decodeKey` produces for named keys, with the other spellings that settings accept. */
const NAMED_KEYS: Readonly<Record<string, string>> = {
  up: 'up', down: 'down', left: 'left', right: 'right',
  home: 'home', end: 'end', pageup: 'pageup', pgup: 'pageup', pagedown: 'pagedown', pgdn: 'pagedown',
  insert: 'insert', ins: 'insert', delete: 'delete', del: 'delete', backspace: 'backspace',
  tab: 'tab', return: 'return', enter: 'return', escape: 'escape', esc: 'escape',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`f${index + 1}`, `f${index + 1}`])),
};

/** Ctrl-letter combinations that terminals send as the code of another key. */
const CTRL_ALIASES: Readonly<Record<string, string>> = { h: 'backspace', i: 'tab', j: 'enter', m: 'enter' };

const MODIFIERS: Readonly<Record<string, 'ctrl' | 'meta' | 'shift'>> = { ctrl: 'ctrl', control: 'ctrl', alt: 'meta', meta: 'meta', shift: 'shift' };

/**
 * Parses a key as settings write it: modifiers `ctrl-`, `alt-` (or `meta-`) and `shift-`
 * before a named key (`f3`, `tab`, `pageup`, `enter`, `esc`) or a letter or digit, such as
 * `ctrl-r`, `alt-b`, `shift-tab` or `f7`. Letters and digits need Ctrl or Alt, because alone
 * they are typed text. Returns the key, or the reason it is not valid.
 */
export function parseKeySpec(text: string): { spec: KeySpec } | { error: string } {
  const parts = text.trim().toLowerCase().split('-');
  const base = parts.pop() ?? '';
  const spec: { name: string; ctrl?: boolean; meta?: boolean; shift?: boolean } = { name: '' };

  for (const part of parts) {
    const modifier = MODIFIERS[part];
    if (modifier === undefined) return { error: `${JSON.stringify(part)} is not a modifier; use ctrl, alt or shift` };
    spec[modifier] = true;
  }

  const named = NAMED_KEYS[base];
  if (named !== undefined) return { spec: { ...spec, name: named } };

  if (!/^[a-z0-9]$/.test(base)) return { error: `${JSON.stringify(base)} is not a key; use a letter or digit with ctrl- or alt-, or a key name such as f3, tab, up, pageup, enter or esc` };
  if (spec.shift) return { error: `shift-${base} is typed text; use ctrl- or alt- without shift-` };
  if (!spec.ctrl && !spec.meta) return { error: `${JSON.stringify(base)} alone is typed text; add ctrl- or alt-` };
  if (spec.ctrl && /[0-9]/.test(base)) return { error: `terminals send no code for ctrl-${base}; use alt-${base}` };

  const alias = CTRL_ALIASES[base];
  if (spec.ctrl && !spec.meta && alias !== undefined) return { error: `terminals send ctrl-${base} as ${alias}; bind ${alias} instead` };
  return { spec: { ...spec, name: base } };
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑', down: '↓', left: '←', right: '→', return: 'Enter', tab: 'Tab', escape: 'Esc',
  backspace: 'Backspace', delete: 'Delete', insert: 'Insert', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn',
};

/** Formats a key as the help screen shows it, such as `^R`, `Alt-B`, `Shift-Tab` or `F2`. */
export function keyLabel(spec: KeySpec): string {
  const base = KEY_LABELS[spec.name] ?? spec.name.toUpperCase();

  if (spec.ctrl && !spec.meta && !spec.shift && spec.name.length === 1) return `^${base}`;

  const prefixes = [spec.ctrl ? 'Ctrl-' : '', spec.meta ? 'Alt-' : '', spec.shift ? 'Shift-' : ''].join('');
  return prefixes + base;
}

/** Tells whether two keys are the same combination. */
export function sameKey(a: KeySpec, b: KeySpec): boolean {
  return a.name === b.name && (a.ctrl ?? false) === (b.ctrl ?? false) && (a.meta ?? false) === (b.meta ?? false) && (a.shift ?? false) === (b.shift ?? false);
}
