import { useMemo, useRef, useState } from 'react';
import { pickedLine, type InstancePick } from '../../session-types.js';
import { EMPTY_LINE } from '../input/line-state.js';
import type { KeyEvent } from '../input/key-event.js';
import type { CompletionList } from './use-completion.js';
import { wrapIndex } from './use-completion.js';
import { useKeyBindings } from './use-key-bindings.js';
import { PRIORITY, useKeypress } from './use-keypress.js';

export interface PickListControl {
  /** The open pick list in the shape of a completion list, for CompletionListView; null when none is open. */
  readonly list: CompletionList | null;
  /** The class whose instances are offered. */
  readonly className: string | null;
  /** Opens the list for a pick that a command returned. */
  open(pick: InstancePick): void;
}

/**
 * Handles the pick list of a `CLASS.?` word. The completion list's keys walk it (wrapping),
 * its accept key passes the command line with the selected path to `onPick`, and its cancel
 * key or the global cancel key closes it through `onCancel`. Other global keys act as usual,
 * and every other key is ignored while the list is open.
 */
export function usePickList(onPick: (line: string) => void, onCancel: (pick: InstancePick) => void): PickListControl {
  const bindings = useKeyBindings();
  const [state, setState] = useState<{ pick: InstancePick; selected: number } | null>(null);
  const stateRef = useRef(state);

  const update = (next: { pick: InstancePick; selected: number } | null) => {
    stateRef.current = next;
    setState(next);
  };

  const handleKey = (key: KeyEvent): boolean => {
    const current = stateRef.current;
    if (current === null) return false;
    const count = current.pick.candidates.length;

    switch (bindings.actionFor('completion', key)) {
      case 'completionNext':
        update({ ...current, selected: wrapIndex(current.selected, 1, count) });
        return true;
      case 'completionPrevious':
        update({ ...current, selected: wrapIndex(current.selected, -1, count) });
        return true;
      case 'completionAccept':
        update(null);
        onPick(pickedLine(current.pick, current.pick.candidates[current.selected]!.value));
        return true;
      case 'completionCancel':
        update(null);
        onCancel(current.pick);
        return true;
      default:
        break;
    }

    const global = bindings.actionFor('global', key);
    if (global === 'cancel') {
      update(null);
      onCancel(current.pick);
      return true;
    }
    return global === null;
  };
  // Always subscribed and checked through the ref, so keys that arrive before the next render reach the list.
  useKeypress(handleKey, PRIORITY.completion);

  // The list shows each label first and the full path after it, because paths of one class often differ only at their end.
  const pick = state?.pick ?? null;
  const shown = useMemo(() => pick?.candidates.map((candidate) => ({ value: candidate.detail ?? candidate.value, detail: candidate.value })) ?? [], [pick]);
  const list = state === null ? null : { start: 0, candidates: shown, selected: state.selected, base: EMPTY_LINE };
  return { list, className: state?.pick.className ?? null, open: (pick) => update({ pick, selected: 0 }) };
}
