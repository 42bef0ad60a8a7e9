import { useCallback, useRef, useState } from 'react';
import type { History } from '../input/history.js';
import type { KeyEvent } from '../input/key-event.js';
import * as edit from '../input/line-state.js';
import { EMPTY_LINE, lineOf, type LineState } from '../input/line-state.js';
import { useKeyBindings } from './use-key-bindings.js';
import { PRIORITY, useKeypress } from './use-keypress.js';

/** State of a Ctrl-R search: the query, the index of the matching history entry (-1 for none) and the line before the search. */
export interface SearchState {
  readonly query: string;
  readonly match: number;
  readonly saved: LineState;
}

export interface LineEditorCallbacks {
  /** Runs a command line (Enter, or a line ended inside pasted text). */
  onSubmit(text: string): void;
  /** Asks for completion of the word at the cursor (Tab). */
  onComplete(): void;
  /** Clears the output area (Ctrl-L). */
  onClearOutput(): void;
}

export interface LineEditor {
  readonly line: LineState;
  readonly search: SearchState | null;
  /** Current line, also between renders. */
  current(): LineState;
  setLine(line: LineState): void;
}

const EDITS: Readonly<Record<string, (line: LineState) => LineState>> = {
  left: edit.moveLeft,
  right: edit.moveRight,
  wordLeft: edit.moveWordLeft,
  wordRight: edit.moveWordRight,
  lineStart: edit.moveToStart,
  lineEnd: edit.moveToEnd,
  deleteBackward: edit.deleteBackward,
  deleteForward: edit.deleteForward,
  killToEnd: edit.killToEnd,
  killToStart: edit.killToStart,
  killWordBackward: edit.killWordBackward,
};

/**
 * Handles the input line: editing keys, history (Up/Down) and Ctrl-R reverse search. Keys go
 * through the keypress provider; `active` is false while another area has the focus.
 */
export function useLineEditor(history: History, callbacks: LineEditorCallbacks, active: boolean): LineEditor {
  const bindings = useKeyBindings();
  const [line, setLineState] = useState<LineState>(EMPTY_LINE);
  const [search, setSearchState] = useState<SearchState | null>(null);
  const lineRef = useRef(line);
  const searchRef = useRef(search);

  const setLine = useCallback((next: LineState) => {
    lineRef.current = next;
    setLineState(next);
  }, []);
  const setSearch = (next: SearchState | null) => {
    searchRef.current = next;
    setSearchState(next);
  };

  const insertPaste = (text: string) => {
    const current = lineRef.current;
    const after = current.text.slice(current.cursor);
    const { lines, rest } = edit.splitPaste(current.text.slice(0, current.cursor) + text);
    for (const pasted of lines) callbacks.onSubmit(pasted);
    setLine({ text: rest + after, cursor: rest.length });
  };

  const handleSearchKey = (key: KeyEvent): boolean => {
    const state = searchRef.current;
    if (state === null) return false;
    const entries = history.entries;

    const update = (query: string, before: number) => {
      const match = query === '' ? -1 : history.search(query, before);
      setSearch({ ...state, query, match: match >= 0 || query === '' ? match : state.match });
      if (match >= 0) setLine(lineOf(entries[match]!));
    };

    if (key.name === 'text' || key.name === 'paste') update(state.query + edit.splitPaste(key.text).rest, entries.length);
    else if (bindings.isAction('deleteBackward', key)) update(state.query.slice(0, -1), entries.length);
    else if (bindings.isAction('historySearch', key)) update(state.query, state.match >= 0 ? state.match : entries.length);
    else if (bindings.isAction('searchCancel', key)) {
      setSearch(null);
      setLine(state.saved);
    } else if (bindings.isAction('submit', key)) {
      setSearch(null);
      setLine(EMPTY_LINE);
      callbacks.onSubmit(lineRef.current.text);
    } else {
      // Any other key keeps the found line for editing and then acts as usual.
      setSearch(null);
      return false;
    }
    return true;
  };
  // Always subscribed and checked through the ref, so keys that arrive before the next render reach the search.
  useKeypress(handleSearchKey, PRIORITY.search, active);

  const handleKey = (key: KeyEvent): boolean => {
    if (key.name === 'text') {
      history.reset();
      setLine(edit.insertText(lineRef.current, key.text));
      return true;
    }
    if (key.name === 'paste') {
      history.reset();
      insertPaste(key.text);
      return true;
    }

    const action = bindings.actionFor('editor', key) ?? bindings.actionFor('history', key);
    if (action === null) return false;

    const change = EDITS[action];
    if (change) {
      setLine(change(lineRef.current));
      return true;
    }

    switch (action) {
      case 'submit': {
        const text = lineRef.current.text;
        setLine(EMPTY_LINE);
        callbacks.onSubmit(text);
        return true;
      }
      case 'complete':
        callbacks.onComplete();
        return true;
      case 'clearOutput':
        callbacks.onClearOutput();
        return true;
      case 'historyPrevious': {
        const entry = history.previous(lineRef.current.text);
        if (entry !== null) setLine(lineOf(entry));
        return true;
      }
      case 'historyNext': {
        const entry = history.next();
        if (entry !== null) setLine(lineOf(entry));
        return true;
      }
      case 'historySearch':
        setSearch({ query: '', match: -1, saved: lineRef.current });
        history.reset();
        return true;
      default:
        return false;
    }
  };
  useKeypress(handleKey, PRIORITY.editor, active);

  return { line, search, current: () => lineRef.current, setLine };
}
