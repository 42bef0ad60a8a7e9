import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletionCandidate, ShellSession } from '../../session-types.js';
import type { KeyEvent } from '../input/key-event.js';
import { insertText, replaceBeforeCursor, type LineState } from '../input/line-state.js';
import { useKeyBindings } from './use-key-bindings.js';
import { PRIORITY, useKeypress } from './use-keypress.js';
import type { LineEditor } from './use-line-editor.js';

/** An open candidate list. */
export interface CompletionList {
  /** Offset where the completed token starts. */
  readonly start: number;
  readonly candidates: readonly CompletionCandidate[];
  /** Index of the selected candidate, or -1 before the first Tab. */
  readonly selected: number;
  /** The line when the list opened; Esc restores it and selection replaces its token. */
  readonly base: LineState;
}

/** Returns the longest prefix shared by all values, compared case-insensitively, in the case of the first value. */
export function commonPrefix(values: readonly string[]): string {
  const first = values[0] ?? '';
  let length = first.length;
  for (const value of values) {
    let index = 0;
    while (index < length && index < value.length && value[index]!.toLowerCase() === first[index]!.toLowerCase()) index++;
    length = index;
    if (length === 0) break;
  }
  return first.slice(0, length);
}

/** Text added after a single completed candidate: a space, except after a value that continues (`/`, `=`, `.`, `:`). */
function completionSuffix(value: string): string {
  return /[/=.:]$/.test(value) ? '' : ' ';
}

/** Moves a selection by `step` with wrap-around. */
export function wrapIndex(index: number, step: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return step > 0 ? 0 : count - 1;
  return (((index + step) % count) + count) % count;
}

export interface CompletionControl {
  readonly list: CompletionList | null;
  /** Starts completion of the token at the cursor, cancelling a request still running. */
  request(): void;
  /** True while a completion request is running, for a hint on the screen. */
  readonly pending: boolean;
}

/**
 * Tab completion through `session.complete()`. A request is cancelled by the next one
 * and by any key that changes the line; its result is dropped when the line changed
 * meanwhile, so typing is never held up.
 */
export function useCompletion(session: ShellSession, editor: LineEditor, active: boolean): CompletionControl {
  const bindings = useKeyBindings();
  const [list, setListState] = useState<CompletionList | null>(null);
  const [pending, setPending] = useState(false);
  const listRef = useRef(list);
  const controller = useRef<AbortController | null>(null);

  const setList = (next: CompletionList | null) => {
    listRef.current = next;
    setListState(next);
  };

  const cancelRequest = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setPending(false);
  }, []);
  useEffect(() => cancelRequest, [cancelRequest]);

  const apply = (start: number, candidates: readonly CompletionCandidate[]) => {
    const line = editor.current();
    if (candidates.length === 0) return;

    if (candidates.length === 1) {
      const value = candidates[0]!.value;
      editor.setLine(replaceBeforeCursor(line, start, value + completionSuffix(value)));
      return;
    }

    const token = line.text.slice(start, line.cursor);
    const prefix = commonPrefix(candidates.map((candidate) => candidate.value));
    const base = prefix.length > token.length ? replaceBeforeCursor(line, start, prefix) : line;
    editor.setLine(base);
    setList({ start, candidates, selected: -1, base });
  };

  const request = () => {
    cancelRequest();
    const abort = new AbortController();
    controller.current = abort;
    const snapshot = editor.current();
    setPending(true);

    session.complete(snapshot.text, snapshot.cursor, abort.signal).then(
      (completion) => {
        if (abort.signal.aborted) return;
        controller.current = null;
        setPending(false);
        if (editor.current() !== snapshot) return;
        apply(completion.start, completion.candidates);
      },
      () => {
        // A failed or cancelled lookup offers no candidates; the engine reports real errors when the command runs.
        if (controller.current === abort) {
          controller.current = null;
          setPending(false);
        }
      },
    );
  };

  const select = (current: CompletionList, step: number) => {
    const selected = wrapIndex(current.selected, step, current.candidates.length);
    const candidate = current.candidates[selected];
    if (candidate === undefined) return;
    editor.setLine(replaceBeforeCursor(current.base, current.start, candidate.value));
    setList({ ...current, selected });
  };

  const handleKey = (key: KeyEvent): boolean => {
    const current = listRef.current;
    if (current === null) {
      if (controller.current !== null && key.name !== 'tab') cancelRequest();
      return false;
    }

    switch (bindings.actionFor('completion', key)) {
      case 'completionNext':
        select(current, 1);
        return true;
      case 'completionPrevious':
        select(current, -1);
        return true;
      case 'completionAccept':
        setList(null);
        if (current.selected < 0) return false;
        editor.setLine(insertText(editor.current(), completionSuffix(current.candidates[current.selected]!.value)));
        return true;
      case 'completionCancel':
        editor.setLine(current.base);
        setList(null);
        return true;
      default:
        // Any other key keeps the line as it is and then edits it as usual.
        setList(null);
        return false;
    }
  };
  useKeypress(handleKey, PRIORITY.completion, active);

  return { list, request, pending };
}
