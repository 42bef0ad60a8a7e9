import { describe, expect, it } from 'vitest';
import { History } from '../../../src/shell/tui/input/history.js';
import { DEFAULT_KEY_BINDINGS, KEY_BINDINGS, KeyBindingTable } from '../../../src/shell/tui/input/key-bindings.js';
import { keyLabel, parseKeySpec } from '../../../src/shell/tui/input/key-spec.js';
import { decodeKey, splitKeys } from '../../../src/shell/tui/input/key-event.js';
import * as edit from '../../../src/shell/tui/input/line-state.js';
import { commonPrefix, wrapIndex } from '../../../src/shell/tui/hooks/use-completion.js';

type Modifiers = { ctrl?: boolean; meta?: boolean; shift?: boolean };

describe('decodeKey', () => {
  it.each<[string, string, Modifiers]>([
    ['\u007f', 'backspace', {}],
    ['\b', 'backspace', {}],
    ['\u001b[3~', 'delete', {}],
    ['\r', 'return', {}],
    ['\t', 'tab', {}],
    ['\u001b[Z', 'tab', { shift: true }],
    ['\u001bOP', 'f1', {}],
    ['\u001b[11~', 'f1', {}],
    ['\u001bOQ', 'f2', {}],
    ['\u001b[17~', 'f6', {}],
    ['\u001b[5~', 'pageup', {}],
    ['\u001b[1;5C', 'right', { ctrl: true }],
    ['\u001b[1;3D', 'left', { meta: true }],
    ['\u001b[1;5H', 'home', { ctrl: true }],
    ['\u001bb', 'b', { meta: true }],
    ['\u001b\u007f', 'backspace', { meta: true }],
    ['\u0012', 'r', { ctrl: true }],
    ['\u0001', 'a', { ctrl: true }],
    ['\u001b', 'escape', {}],
    ['\u001b[200~', 'paste-start', {}],
  ])('%j is %s', (sequence, name, modifiers) => {
    const key = decodeKey(sequence);
    expect(key.name).toBe(name);
    expect(key.ctrl).toBe(modifiers.ctrl ?? false);
    expect(key.meta).toBe(modifiers.meta ?? false);
    expect(key.shift).toBe(modifiers.shift ?? false);
  });

  it.each([
    ['a', 'text', 'a'],
    ['é', 'text', 'é'],
    ['😀', 'text', '😀'],
    ['abc', 'paste', 'abc'],
    ['a\tb\r', 'paste', 'a\tb\r'],
  ])('text %j is %s', (sequence, name, text) => {
    const key = decodeKey(sequence);
    expect(key.name).toBe(name);
    expect(key.text).toBe(text);
  });
});

describe('splitKeys', () => {
  it.each<[string, string[]]>([
    ['\u001b\u0004', ['\u001b', '\u0004']],
    ['\u001b\r', ['\u001b', '\r']],
    ['\u001b\t', ['\u001b', '\t']],
    ['\u001b\b', ['\u001b\b']],
    ['\u001b\u007f', ['\u001b\u007f']],
    ['\u001b\u001b', ['\u001b\u001b']],
    ['\u001bb', ['\u001bb']],
    ['\u001b[6~', ['\u001b[6~']],
    ['\u0004', ['\u0004']],
  ])('%j splits into %j', (sequence, parts) => {
    expect(splitKeys(sequence)).toEqual(parts);
  });
});

describe('key bindings', () => {
  it('actions are unique', () => {
    const actions = KEY_BINDINGS.map((binding) => binding.action);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it.each([
    ['\u0001', 'editor', 'lineStart'],
    ['\u001b[H', 'editor', 'lineStart'],
    ['\u0017', 'editor', 'killWordBackward'],
    ['\u0012', 'history', 'historySearch'],
    ['\u001bOQ', 'global', 'togglePane'],
    ['\u001b[Z', 'completion', 'completionPrevious'],
    ['\u001b[6~', 'output', 'pageDown'],
  ] as const)('%j in %s is %s', (sequence, context, action) => {
    expect(DEFAULT_KEY_BINDINGS.actionFor(context, decodeKey(sequence))).toBe(action);
  });

  it('modifiers must match', () => {
    expect(DEFAULT_KEY_BINDINGS.isAction('complete', decodeKey('\u001b[Z'))).toBe(false);
    expect(DEFAULT_KEY_BINDINGS.isAction('completionPrevious', decodeKey('\u001b[Z'))).toBe(true);
  });

  it.each([
    [{ name: 'r', ctrl: true }, '^R'],
    [{ name: 'b', meta: true }, 'Alt-B'],
    [{ name: 'tab', shift: true }, 'Shift-Tab'],
    [{ name: 'f2' }, 'F2'],
    [{ name: 'home', ctrl: true }, 'Ctrl-Home'],
  ])('label of %j', (spec, label) => {
    expect(keyLabel(spec)).toBe(label);
  });

  it.each([
    ['f3', { name: 'f3' }],
    ['ctrl-r', { name: 'r', ctrl: true }],
    ['Alt-B', { name: 'b', meta: true }],
    ['shift-tab', { name: 'tab', shift: true }],
    ['ctrl-home', { name: 'home', ctrl: true }],
    ['enter', { name: 'return' }],
    ['esc', { name: 'escape' }],
    ['pgdn', { name: 'pagedown' }],
    ['alt-1', { name: '1', meta: true }],
  ])('parses key %s', (text, spec) => {
    expect(parseKeySpec(text)).toEqual({ spec });
  });

  it.each([
    ['r', 'alone is typed text'],
    ['shift-r', 'shift-r is typed text'],
    ['hyper-r', '"hyper" is not a modifier'],
    ['f13', '"f13" is not a key'],
    ['ctrl-', '"" is not a key'],
    ['ctrl-1', 'terminals send no code for ctrl-1'],
    ['ctrl-i', 'terminals send ctrl-i as tab'],
  ])('rejects key %s', (text, message) => {
    const parsed = parseKeySpec(text);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(message);
  });

  it('override replaces default keys', () => {
    const table = new KeyBindingTable({ historySearch: [{ name: 's', ctrl: true }] });
    expect(table.actionFor('history', decodeKey('\u0013'))).toBe('historySearch');
    expect(table.actionFor('history', decodeKey('\u0012'))).toBeNull();
    expect(table.actionKeys('historySearch')).toBe('^S');
  });

  it('override takes key from same context', () => {
    const table = new KeyBindingTable({ focus: [{ name: 'f7' }] });
    expect(table.actionFor('global', decodeKey('\u001b[18~'))).toBe('focus');
    expect(table.keysOf('paneNarrower')).toEqual([]);
    expect(table.firstKey('paneNarrower')).toBe('unbound');
    expect(table.actionKeys('paneWider')).toBe('F8');
  });

  it('override keeps other contexts', () => {
    const table = new KeyBindingTable({ leave: [{ name: 'd', ctrl: true }] });
    expect(table.actionFor('editor', decodeKey('\u0004'))).toBe('deleteForward');
  });
});

describe('line editing', () => {
  const at = (text: string, cursor: number): edit.LineState => ({ text, cursor });

  it.each([
    ['moveLeft', at('abc', 2), at('abc', 1)],
    ['moveLeft', at('abc', 0), at('abc', 0)],
    ['moveLeft', at('a😀', 3), at('a😀', 1)],
    ['moveRight', at('😀b', 0), at('😀b', 2)],
    ['moveRight', at('ab', 2), at('ab', 2)],
    ['moveWordLeft', at('class get CIM_X', 15), at('class get CIM_X', 10)],
    ['moveWordLeft', at('class get  ', 11), at('class get  ', 6)],
    ['moveWordRight', at('class get CIM_X', 0), at('class get CIM_X', 5)],
    ['moveToStart', at('abc', 2), at('abc', 0)],
    ['moveToEnd', at('abc', 1), at('abc', 3)],
    ['deleteBackward', at('abc', 2), at('ac', 1)],
    ['deleteBackward', at('abc', 0), at('abc', 0)],
    ['deleteBackward', at('a😀', 3), at('a', 1)],
    ['deleteForward', at('abc', 1), at('ac', 1)],
    ['deleteForward', at('abc', 3), at('abc', 3)],
    ['killToEnd', at('class get X', 5), at('class', 5)],
    ['killToStart', at('class get X', 6), at('get X', 0)],
    ['killWordBackward', at('class get CIM_X', 15), at('class get ', 10)],
    ['killWordBackward', at('class get  ', 11), at('class ', 6)],
  ] as const)('%s on %j', (operation, before, after) => {
    const change = edit[operation] as (line: edit.LineState) => edit.LineState;
    expect(change(before)).toEqual(after);
  });

  it('insertText at cursor', () => {
    expect(edit.insertText(at('ac', 1), 'b')).toEqual(at('abc', 2));
  });

  it('replaceBeforeCursor keeps the rest', () => {
    expect(edit.replaceBeforeCursor(at('get CIM_C --x', 9), 4, 'CIM_Component')).toEqual(at('get CIM_Component --x', 17));
  });

  it.each([
    ['plain', { lines: [], rest: 'plain' }],
    ['a\tb', { lines: [], rest: 'a b' }],
    ['one\ntwo\n', { lines: ['one', 'two'], rest: '' }],
    ['one\r\ntwo', { lines: ['one'], rest: 'two' }],
    ['x\ry', { lines: ['x'], rest: 'y' }],
    ['bell\u0007!', { lines: [], rest: 'bell!' }],
  ])('splitPaste %j', (text, expected) => {
    expect(edit.splitPaste(text)).toEqual(expected);
  });
});

describe('History', () => {
  it('walks back and forth with draft', () => {
    const history = new History(['one', 'two']);
    expect(history.previous('draft')).toBe('two');
    expect(history.previous('two')).toBe('one');
    expect(history.previous('one')).toBeNull();
    expect(history.next()).toBe('two');
    expect(history.next()).toBe('draft');
    expect(history.next()).toBeNull();
  });

  it('skips blank and repeated lines', () => {
    const history = new History();
    expect(history.add('ls')).toBe(true);
    expect(history.add('ls')).toBe(false);
    expect(history.add('  ')).toBe(false);
    expect(history.entries).toEqual(['ls']);
  });

  it('keeps the newest entries up to the limit', () => {
    const history = new History(['a', 'b', 'c'], 2);
    history.add('d');
    expect(history.entries).toEqual(['c', 'd']);
  });

  it('search finds older matches', () => {
    const history = new History(['class get A', 'cd root', 'class get B']);
    expect(history.search('CLASS', 3)).toBe(2);
    expect(history.search('class', 2)).toBe(0);
    expect(history.search('class', 0)).toBe(-1);
    expect(history.search('missing', 3)).toBe(-1);
  });
});

describe('completion helpers', () => {
  it.each([
    [['CIM_ComputerSystem', 'CIM_ComputerSystemDMA'], 'CIM_ComputerSystem'],
    [['CIM_Foo', 'cim_foo_sub'], 'CIM_Foo'],
    [['abc', 'xyz'], ''],
    [['only'], 'only'],
    [[], ''],
  ])('commonPrefix of %j', (values, prefix) => {
    expect(commonPrefix(values)).toBe(prefix);
  });

  it.each([
    [-1, 1, 5, 0],
    [-1, -1, 5, 4],
    [4, 1, 5, 0],
    [0, -1, 5, 4],
    [2, 1, 5, 3],
    [0, 1, 0, -1],
  ])('wrapIndex(%i, %i, %i)', (index, step, count, expected) => {
    expect(wrapIndex(index, step, count)).toBe(expected);
  });
});
