import { Box, useApp } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { InstancePick, ShellSession } from '../../session-types.js';
import { useCommandRunner } from '../hooks/use-command-runner.js';
import { useCompletion } from '../hooks/use-completion.js';
import { useKeyBindings } from '../hooks/use-key-bindings.js';
import { PRIORITY, useKeypress } from '../hooks/use-keypress.js';
import { useLineEditor } from '../hooks/use-line-editor.js';
import { usePickList, type PickListControl } from '../hooks/use-pick-list.js';
import { useRecords, useSessionState } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { History } from '../input/history.js';
import type { KeyBindingTable } from '../input/key-bindings.js';
import type { KeyEvent } from '../input/key-event.js';
import { EMPTY_LINE } from '../input/line-state.js';
import { computeLayout, initialPane, type PaneSettings } from '../layout.js';
import { firstPageEnd, OutputLog, scrollDown, scrollUp } from '../output/output-log.js';
import { CompletionListView } from './completion-list.js';
import { HelpScreen, helpLines } from './help-screen.js';
import { InputLine } from './input-line.js';
import { KeyHints } from './key-hints.js';
import { OutputView } from './output-view.js';
import { RecorderPaneContainer, type PaneState } from './recorder-pane-container.js';
import { Spinner } from './spinner.js';
import { StatusBar } from './status-bar.js';

export interface ShellAppProps {
  readonly session: ShellSession;
  /** Earlier command lines, oldest first. */
  readonly history?: readonly string[];
  /** Called with each command line added to the history, for saving it. */
  readonly onHistoryAdd?: (line: string) => void;
  /** Placement and share of the operations pane; default right, 40 percent. */
  readonly paneSettings?: PaneSettings;
}

type Focus = 'input' | 'list' | 'detail';
const FOCUS_ORDER: readonly Focus[] = ['input', 'list', 'detail'];

/** Change of the pane share per press of the paneNarrower or paneWider key. */
const PANE_STEP = 0.05;

/** Renders the whole screen (status bar, output, input line with completion, operations pane, key hints) and routes the global keys. */
export function ShellApp({ session, history: initialHistory, onHistoryAdd, paneSettings }: ShellAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const state = useSessionState(session);
  const records = useRecords(session);
  const bindings = useKeyBindings();

  const history = useMemo(() => new History(initialHistory ?? []), [initialHistory]);
  const log = useMemo(() => startupLog(session.startupWarnings ?? []), [session]);
  const [version, setVersion] = useState(0);
  const [outputEnd, setOutputEnd] = useState<number | null>(null);
  const [focus, setFocus] = useState<Focus>('input');
  const [help, setHelp] = useState<number | null>(null);
  const [startPane] = useState(() => initialPane(paneSettings ?? {}, size.columns));
  const [pane, setPane] = useState<PaneState>(() => ({ visible: startPane.visible, share: startPane.share, selected: null, detailOffset: 0 }));

  const onOutput = useCallback(() => setVersion((current) => current + 1), []);
  const leave = useCallback(() => exit(), [exit]);
  const pickRef = useRef<PickListControl | null>(null);
  const onPick = useCallback((pick: InstancePick) => pickRef.current?.open(pick), []);
  const runner = useCommandRunner(session, log, { onOutput, onExit: leave, onPick });

  const submit = (text: string) => {
    if (history.add(text)) onHistoryAdd?.(text);
    runner.submit(text);
  };
  const onPickCancel = (pick: InstancePick) => {
    log.append('warning', `No instance of ${pick.className} picked; the command did not run.`);
    onOutput();
  };
  const pickList = usePickList(submit, onPickCancel);
  pickRef.current = pickList;
  const typing = focus === 'input' && help === null && pickList.list === null;
  const completionRef = useRef<{ request(): void } | null>(null);
  const editor = useLineEditor(
    history,
    { onSubmit: submit, onComplete: () => completionRef.current?.request(), onClearOutput: () => { log.clear(); setOutputEnd(null); onOutput(); } },
    typing,
  );
  const completion = useCompletion(session, editor, typing);
  completionRef.current = completion;

  const layout = computeLayout({
    columns: size.columns,
    rows: size.rows,
    paneVisible: pane.visible,
    placement: startPane.placement,
    paneShare: pane.share,
    warningLine: state.noVerify,
    spinnerLine: runner.running !== null,
    completionOpen: completion.list !== null || pickList.list !== null,
  });

  const scrollOutput = (action: string) => {
    const lines = log.lines;
    const page = Math.max(1, layout.outputHeight - 1);
    const end = outputEnd ?? lines.length;
    if (action === 'pageUp') setOutputEnd(scrollUp(lines, end, page, layout.leftWidth));
    if (action === 'scrollTop') setOutputEnd(firstPageEnd(lines, layout.outputHeight, layout.leftWidth));
    if (action === 'scrollBottom') setOutputEnd(null);
    if (action === 'pageDown') {
      const next = scrollDown(lines, end, page, layout.leftWidth);
      setOutputEnd(next >= lines.length ? null : next);
    }
  };

  // Keys can arrive faster than renders, so state changes here use updater functions.
  const handleGlobalKey = (key: KeyEvent): boolean => {
    const action = bindings.actionFor('global', key) ?? bindings.actionFor('output', key);
    switch (action) {
      case 'help':
        setHelp((current) => (current === null ? 0 : null));
        return true;
      case 'togglePane':
        setPane((current) => ({ ...current, visible: !current.visible }));
        setFocus('input');
        return true;
      case 'focus':
        setFocus((current) => (pane.visible ? FOCUS_ORDER[(FOCUS_ORDER.indexOf(current) + 1) % FOCUS_ORDER.length]! : 'input'));
        return true;
      case 'paneNarrower':
      case 'paneWider': {
        const step = action === 'paneWider' ? PANE_STEP : -PANE_STEP;
        setPane((current) => ({ ...current, share: Math.max(0.2, Math.min(0.8, current.share + step)) }));
        return true;
      }
      case 'cancel':
        if (!runner.cancel()) editor.setLine(EMPTY_LINE);
        return true;
      case 'leave':
        if (editor.current().text !== '' || runner.running !== null) return false;
        leave();
        return true;
      case 'pageUp':
      case 'pageDown':
      case 'scrollTop':
      case 'scrollBottom':
        if (focus !== 'input') return false;
        scrollOutput(action);
        return true;
      default:
        return false;
    }
  };
  useKeypress(handleGlobalKey, PRIORITY.global, help === null);

  const helpCount = helpLines(bindings).length;
  const handleHelpKey = (key: KeyEvent): boolean => {
    if (bindings.actionFor('global', key) === 'help' || key.name === 'escape' || key.text === 'q') setHelp(null);
    else if (key.name === 'up') setHelp(Math.max(0, (help ?? 0) - 1));
    else if (key.name === 'down') setHelp(Math.min(helpCount - 1, (help ?? 0) + 1));
    else if (key.name === 'pageup') setHelp(Math.max(0, (help ?? 0) - layout.outputHeight));
    else if (key.name === 'pagedown') setHelp(Math.min(helpCount - 1, (help ?? 0) + layout.outputHeight));
    else return bindings.actionFor('global', key) === 'cancel' ? false : true;
    return true;
  };
  useKeypress(handleHelpKey, PRIORITY.help, help !== null);

  const paneView = (
    <RecorderPaneContainer
      records={records}
      pane={pane}
      setPane={setPane}
      focus={focus === 'input' ? null : focus}
      onLeave={() => setFocus('input')}
      width={layout.paneWidth}
      height={layout.paneHeight}
      recorderOn={state.recorder}
    />
  );

  const left = (
    <Box flexDirection="column" width={layout.leftWidth}>
      {help !== null ? (
        <HelpScreen height={layout.outputHeight} width={layout.leftWidth} offset={help} />
      ) : (
        <OutputView lines={log.lines} version={version} end={outputEnd} height={layout.outputHeight} width={layout.leftWidth} />
      )}
      {runner.running ? <Spinner command={runner.running} /> : null}
      <InputLine namespace={state.namespace} line={editor.line} search={editor.search} width={layout.leftWidth} focused={focus === 'input'} />
      {completion.list ? <CompletionListView list={completion.list} indent={state.namespace.length + 2 + completion.list.start} width={layout.leftWidth} /> : null}
      {pickList.list ? <CompletionListView list={pickList.list} indent={state.namespace.length + 2} width={layout.leftWidth} hint={pickHint(pickList.className ?? '', bindings)} /> : null}
      {pane.visible && !layout.side ? paneView : null}
    </Box>
  );

  return (
    <Box flexDirection="column" width={size.columns}>
      <StatusBar state={state} width={size.columns} latestValidation={records.latestValidation} />
      <Box flexDirection="row">
        {left}
        {pane.visible && layout.side ? paneView : null}
      </Box>
      <KeyHints focus={help !== null ? 'help' : focus} />
    </Box>
  );
}

/** Last row of the pick list: what is picked and the keys that pick and cancel. */
function pickHint(className: string, bindings: KeyBindingTable): string {
  return `pick an instance of ${className}: ${bindings.firstKey('completionNext')} walks, ${bindings.firstKey('completionAccept')} runs, ${bindings.firstKey('completionCancel')} cancels`;
}

/** Returns a new output log that starts with the start-up warnings, such as ignored rc file lines. */
function startupLog(warnings: readonly string[]): OutputLog {
  const log = new OutputLog();
  for (const warning of warnings) log.append('warning', warning);
  return log;
}
