/**
 * One key press or one pasted text, decoded from the raw sequence that the terminal sent.
 * Ink's own `Key` cannot tell Backspace (DEL, 0x7f) from Delete or F1 from F2, so the
 * keypress provider decodes the raw sequence itself.
 */
export interface KeyEvent {
  /**
   * Key name: a lower-case letter or digit for Ctrl/Alt combinations, `text` for
   * printable input, `paste` for pasted text, or a named key such as `return`, `tab`,
   * `backspace`, `delete`, `up`, `pageup`, `home`, `f1`.
   */
  readonly name: string;
  /** Text to insert for `text` and `paste` events; empty for other keys. */
  readonly text: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  /** Raw sequence as received. */
  readonly sequence: string;
}

/** CSI and SS3 sequences of named keys, as xterm, VT220, rxvt and the Linux console send them. */
const ESCAPE_SEQUENCES: Readonly<Record<string, string>> = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left',
  '[H': 'home', '[F': 'end', OH: 'home', OF: 'end',
  '[1~': 'home', '[4~': 'end', '[7~': 'home', '[8~': 'end',
  '[2~': 'insert', '[3~': 'delete', '[5~': 'pageup', '[6~': 'pagedown',
  '[Z': 'tab',
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8',
  '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  '[200~': 'paste-start', '[201~': 'paste-end',
};

/** xterm modifier parameter minus one, as bits: 1 shift, 2 alt, 4 ctrl. */
const SHIFT_BIT = 1;
const ALT_BIT = 2;
const CTRL_BIT = 4;

function keyEvent(name: string, sequence: string, modifiers: Partial<Pick<KeyEvent, 'ctrl' | 'meta' | 'shift' | 'text'>> = {}): KeyEvent {
  return { name, text: modifiers.text ?? '', ctrl: modifiers.ctrl ?? false, meta: modifiers.meta ?? false, shift: modifiers.shift ?? false, sequence };
}

/**
 * Decodes an escape sequence with xterm modifiers, such as `ESC [1;5C` (Ctrl-Right) or
 * `ESC [15;2~` (Shift-F5), into the key and its modifiers.
 */
function decodeModifiedSequence(body: string, sequence: string): KeyEvent | null {
  const match = /^\[(\d+);(\d+)([A-Z~])$/.exec(body);
  if (!match) return null;

  const [, number, modifierText, final] = match;
  const base = final === '~' ? `[${number}~` : `[${final}`;
  const name = ESCAPE_SEQUENCES[base];
  if (name === undefined) return null;

  const bits = Number(modifierText) - 1;
  return keyEvent(name, sequence, { shift: (bits & SHIFT_BIT) !== 0, meta: (bits & ALT_BIT) !== 0, ctrl: (bits & CTRL_BIT) !== 0 });
}

function decodeEscape(sequence: string): KeyEvent {
  const body = sequence.slice(1);
  if (body === '' || body === '\u001b') return keyEvent('escape', sequence);

  const named = ESCAPE_SEQUENCES[body];
  if (named !== undefined) return keyEvent(named, sequence, { shift: body === '[Z' });

  const modified = decodeModifiedSequence(body, sequence);
  if (modified) return modified;

  // ESC followed by one character is that key with Alt (Meta).
  if ([...body].length === 1) {
    const inner = decodeKey(body);
    const name = inner.name === 'text' ? body.toLowerCase() : inner.name;
    return { ...inner, name, text: '', meta: true, sequence };
  }
  if (body.startsWith('\u001b')) return { ...decodeEscape(body), meta: true, sequence };
  return keyEvent('unknown', sequence);
}

/**
 * Splits an input event that is ESC followed by a control character, such as `ESC ^D`,
 * into Escape and that key. Ink's input parser joins ESC with the next character when
 * both arrive in one read, which happens when Escape and the next key are pressed while
 * a slow frame blocks the event loop; read as Alt+Ctrl combinations, both keys would be
 * lost. `ESC ^H` stays whole because it is Alt-Backspace on terminals whose Backspace
 * sends ^H. Other events are returned as they are.
 */
export function splitKeys(sequence: string): string[] {
  if (sequence.length !== 2 || sequence[0] !== '\u001b') return [sequence];

  const next = sequence.charCodeAt(1);
  const isControl = next < 0x20 && next !== 0x1b && next !== 0x08;
  return isControl ? ['\u001b', sequence.slice(1)] : [sequence];
}

/** Decodes one input event as Ink's input parser splits stdin: one escape sequence or one run of text. */
export function decodeKey(sequence: string): KeyEvent {
  if (sequence.startsWith('\u001b')) return decodeEscape(sequence);

  if (sequence === '\r' || sequence === '\n') return keyEvent('return', sequence);
  if (sequence === '\t') return keyEvent('tab', sequence);
  if (sequence === '\u007f' || sequence === '\b') return keyEvent('backspace', sequence);
  if (sequence === '\u0000') return keyEvent('space', sequence, { ctrl: true });

  if (sequence.length === 1 && sequence < ' ') {
    const letter = String.fromCharCode(sequence.charCodeAt(0) + 96);
    return keyEvent(letter, sequence, { ctrl: true });
  }

  // A run of more than one character without an escape is pasted (or very fast) input.
  const isSingle = [...sequence].length === 1;
  return keyEvent(isSingle ? 'text' : 'paste', sequence, { text: sequence });
}
