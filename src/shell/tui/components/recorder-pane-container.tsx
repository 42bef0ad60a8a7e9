import { PRIORITY, useKeypress } from '../hooks/use-keypress.js';
import type { RecordList } from '../hooks/use-session.js';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import type { KeyEvent } from '../input/key-event.js';
import { detailHeight, RecorderPane, useDetailRows, type PaneFocus } from './recorder-pane.js';

/** Settings of the operations pane, changed with the keys of togglePane, focus, paneNarrower and paneWider. */
export interface PaneState {
  readonly visible: boolean;
  /** Share of the width (side by side) or height (stacked), 0.2 to 0.8. */
  readonly share: number;
  /** Selected record index; null follows the newest record. */
  readonly selected: number | null;
  readonly detailOffset: number;
}

export interface RecorderPaneContainerProps {
  readonly records: RecordList;
  readonly pane: PaneState;
  setPane(update: (pane: PaneState) => PaneState): void;
  readonly focus: PaneFocus;
  onLeave(): void;
  readonly width: number;
  readonly height: number;
  readonly recorderOn: boolean;
}

/** Renders the operations pane and handles its keys: the list selects an operation, the detail scrolls. */
export function RecorderPaneContainer(props: RecorderPaneContainerProps) {
  const { pane, setPane, records } = props;
  const bindings = useKeyBindings();
  const count = records.records.length;
  const rows = useDetailRows(records, pane.selected, props.width);
  const page = detailHeight(props.height, count);
  const maxOffset = Math.max(0, rows.length - page);

  const select = (index: (current: number) => number) => {
    setPane((current) => {
      const clamped = Math.max(0, Math.min(count - 1, index(current.selected ?? count - 1)));
      return { ...current, selected: clamped >= count - 1 ? null : clamped, detailOffset: 0 };
    });
  };
  const scroll = (offset: (current: number) => number) =>
    setPane((current) => ({ ...current, detailOffset: Math.max(0, Math.min(maxOffset, offset(Math.min(current.detailOffset, maxOffset)))) }));

  const handleKey = (key: KeyEvent): boolean => {
    const action = bindings.actionFor('recorder', key) ?? bindings.actionFor('output', key);
    const inList = props.focus === 'list';

    switch (action) {
      case 'focusInput':
        props.onLeave();
        return true;
      case 'selectPrevious':
        if (inList) select((index) => index - 1);
        else scroll((offset) => offset - 1);
        return true;
      case 'selectNext':
        if (inList) select((index) => index + 1);
        else scroll((offset) => offset + 1);
        return true;
      case 'selectFirst':
        if (inList) select(() => 0);
        else scroll(() => 0);
        return true;
      case 'selectLast':
        if (inList) select(() => count - 1);
        else scroll(() => maxOffset);
        return true;
      case 'pageUp':
        scroll((offset) => offset - page);
        return true;
      case 'pageDown':
        scroll((offset) => offset + page);
        return true;
      default:
        return false;
    }
  };
  useKeypress(handleKey, PRIORITY.recorder, props.focus !== null);

  return (
    <RecorderPane
      records={records}
      selected={pane.selected}
      focus={props.focus}
      detailOffset={Math.min(pane.detailOffset, maxOffset)}
      rows={rows}
      width={props.width}
      height={props.height}
      recorderOn={props.recorderOn}
    />
  );
}
