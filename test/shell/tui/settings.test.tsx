import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShellSession } from '../../../src/shell/session-types.js';
import { KeyBindingTable } from '../../../src/shell/tui/input/key-bindings.js';
import type { PaneSettings } from '../../../src/shell/tui/layout.js';
import { KEYS, renderShell, type Screen } from './harness.js';
import { SCHEMA_NS, startTestSession } from './test-session.js';

let session: ShellSession;
const screens: Screen[] = [];

beforeAll(async () => {
  session = await startTestSession();
});

afterEach(() => {
  for (const screen of screens.splice(0)) screen.instance.unmount();
});

afterAll(async () => {
  await session.close();
});

function open(options: Parameters<typeof renderShell>[1]): Screen {
  const screen = renderShell(session, options);
  screens.push(screen);
  return screen;
}

/** Runs a short command that records one operation, and waits for its output. */
async function runOneOperation(screen: Screen): Promise<void> {
  await screen.waitFor((frame) => frame.includes(`${SCHEMA_NS}>`), 'the prompt');
  await screen.type('class get CIM_DoesNotExist');
  await screen.press(KEYS.enter);
  await screen.waitFor((frame) => frame.includes('CIM_ERR_NOT_FOUND'), 'the error');
}

const rows = (text: string) => text.split('\n');
const promptRow = (text: string) => rows(text).findIndex((row) => row.startsWith(`${SCHEMA_NS}>`));
const requestRow = (text: string) => rows(text).findIndex((row) => row.includes('── request ──'));

describe('pane settings', () => {
  it.each([
    ['right', { pane: 'right' }, 160, 'side'],
    ['right at 30 percent', { pane: 'right', paneWidth: 30 }, 160, 'side'],
    ['bottom', { pane: 'bottom' }, 160, 'stacked'],
    ['hidden', { pane: 'hidden' }, 160, 'none'],
    ['right on narrow terminal', { pane: 'right' }, 70, 'none'],
  ] as ReadonlyArray<readonly [string, PaneSettings, number, string]>)('pane %s', async (_name, paneSettings, columns, expected) => {
    const screen = open({ columns, rows: 40, paneSettings });
    await runOneOperation(screen);
    const text = expected === 'none' ? screen.text() : await screen.waitFor((frame) => requestRow(frame) >= 0, 'the pane');

    if (expected === 'none') expect(requestRow(text)).toBe(-1);
    if (expected === 'side') expect(requestRow(text)).toBeLessThan(promptRow(text));
    if (expected === 'stacked') expect(requestRow(text)).toBeGreaterThan(promptRow(text));
  });

  it('pane width sets the split', async () => {
    const screen = open({ columns: 160, rows: 40, paneSettings: { pane: 'right', paneWidth: 30 } });
    const text = await screen.waitFor((frame) => frame.includes('No operations yet.'), 'the pane');
    const statusRow = rows(text)[1]!;
    // The pane's top border starts where the output column ends: 160 - 48 columns.
    expect(statusRow.indexOf('┌')).toBe(112);
  });

  it('hidden pane shows on toggle', async () => {
    const screen = open({ columns: 160, rows: 40, paneSettings: { pane: 'hidden' } });
    await screen.waitFor((frame) => frame.includes(`${SCHEMA_NS}>`), 'the prompt');
    expect(screen.text()).not.toContain('No operations yet.');
    await screen.press(KEYS.f2);
    await screen.waitFor((frame) => frame.includes('No operations yet.'), 'the pane');
  });
});

describe('key settings', () => {
  const keyBindings = new KeyBindingTable({ togglePane: [{ name: 'f3' }], historySearch: [{ name: 's', ctrl: true }] });

  it('changed key works', async () => {
    const screen = open({ columns: 160, rows: 40, keyBindings });
    await screen.waitFor((frame) => frame.includes('No operations yet.'), 'the pane');
    await screen.press(KEYS.f2);
    expect(screen.text()).toContain('No operations yet.');
    await screen.press(KEYS.f3);
    await screen.waitFor((frame) => !frame.includes('No operations yet.'), 'the pane hidden');
  });

  it('hint line shows changed keys', async () => {
    const screen = open({ columns: 160, rows: 40, keyBindings });
    const text = await screen.waitFor((frame) => frame.includes('focus: input'), 'the hint line');
    expect(text).toContain('F3 pane');
    expect(text).toContain('^S search');
    expect(text).not.toContain('F2 pane');
  });

  it('F1 help shows changed keys', async () => {
    const screen = open({ columns: 160, rows: 50, keyBindings });
    await screen.press(KEYS.f1);
    const text = await screen.waitFor((frame) => frame.includes('Show or hide the operations pane'), 'the help');
    const paneLine = rows(text).find((row) => row.includes('Show or hide the operations pane'))!;
    expect(paneLine.trim().startsWith('F3 ')).toBe(true);
    const searchLine = rows(text).find((row) => row.includes('Search the history backwards'))!;
    expect(searchLine.trim().startsWith('^S ')).toBe(true);
  });

  it('F1 help lists unbound action', async () => {
    const screen = open({ columns: 160, rows: 50, keyBindings: new KeyBindingTable({ focus: [{ name: 'f7' }] }) });
    await screen.press(KEYS.f1);
    const text = await screen.waitFor((frame) => frame.includes('Make the operations pane narrower'), 'the help');
    const narrowerLine = rows(text).find((row) => row.includes('Make the operations pane narrower'))!;
    expect(narrowerLine.trim().startsWith('(unbound) ')).toBe(true);
  });
});
