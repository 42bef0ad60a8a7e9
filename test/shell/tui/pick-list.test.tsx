import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TARGET } from '../../../src/shell/connection-target.js';
import { Session } from '../../../src/shell/session.js';
import { KEYS, renderShell, type Screen } from './harness.js';

// The built-in mock server with the wbemshell sample model, on 127.0.0.1 and a free port.
let session: Session;
const screens: Screen[] = [];

beforeAll(async () => {
  session = await Session.open({ target: DEFAULT_TARGET, interactive: true, width: 120 });
}, 60_000);

afterEach(() => {
  for (const screen of screens.splice(0)) screen.instance.unmount();
});

afterAll(async () => {
  await session.close();
});

function open(): Screen {
  const screen = renderShell(session, { columns: 160, rows: 50, paneSettings: { pane: 'hidden' } });
  screens.push(screen);
  return screen;
}

async function typeAndRun(screen: Screen, line: string): Promise<void> {
  await screen.waitFor((frame) => frame.includes('root/cimv2>'), 'the prompt');
  await screen.type(line);
  await screen.press(KEYS.enter);
}

describe('instance pick list', () => {
  it('enter on CLASS.? opens the list', async () => {
    const screen = open();
    await typeAndRun(screen, 'instance get WBEMShell_Processor.?');
    const text = await screen.waitFor((frame) => frame.includes('pick an instance of WBEMShell_Processor'), 'the pick list');
    expect(text).toMatch(/DeviceID="CPU0" +'WBEMShell_Processor\.SystemCreationClassName=/);
    expect(text).toMatch(/DeviceID="CPU1" +'WBEMShell_Processor\./);
    expect(text).toMatch(/1\/\d+ {2}pick an instance/);
    expect(text).not.toContain('press Tab');
  });

  it('picking the second prints it', async () => {
    const screen = open();
    await typeAndRun(screen, 'instance get WBEMShell_Processor.?');
    await screen.waitFor((frame) => frame.includes('pick an instance of WBEMShell_Processor'), 'the pick list');
    await screen.press(KEYS.down);
    await screen.waitFor((frame) => /2\/\d+ {2}pick an instance/.test(frame), 'the second candidate selected');
    await screen.press(KEYS.enter);

    const text = await screen.waitFor((frame) => frame.includes('DeviceID = "CPU1";') && frame.includes('root/cimv2>'), 'the instance');
    expect(text).not.toContain('DeviceID = "CPU0";');
    expect(text).not.toContain('pick an instance of');
    expect(session.history.at(-1)).toMatch(/^instance get 'WBEMShell_Processor\.[^']*DeviceID="CPU1"[^']*'$/);
  });

  it('tab walks and wraps', async () => {
    const screen = open();
    await typeAndRun(screen, 'instance get WBEMShell_Processor.?');
    const text = await screen.waitFor((frame) => frame.includes('pick an instance of WBEMShell_Processor'), 'the pick list');
    const count = Number(/1\/(\d+) {2}pick/.exec(text)![1]);
    await screen.press(KEYS.shiftTab);
    await screen.waitFor((frame) => frame.includes(`${count}/${count}  pick an instance`), 'the last candidate selected');
    await screen.press(KEYS.tab);
    await screen.waitFor((frame) => frame.includes(`1/${count}  pick an instance`), 'the first candidate again');
  });

  it('escape cancels without running', async () => {
    const screen = open();
    await typeAndRun(screen, 'instance get WBEMShell_Processor.?');
    await screen.waitFor((frame) => frame.includes('pick an instance of WBEMShell_Processor'), 'the pick list');
    await screen.press(KEYS.escape);
    const text = await screen.waitFor((frame) => frame.includes('No instance of WBEMShell_Processor picked; the command did not run.'), 'the cancel message');
    expect(text).not.toContain('pick an instance of');
    expect(text).not.toContain('instance of WBEMShell_Processor {');
  });

  it('execute returns the pick', async () => {
    const result = await session.execute('class get CIM_Processor --output tree; instance get WBEMShell_Processor.? ; exit');
    expect(result.ok).toBe(false);
    expect(result.exit).toBeUndefined();
    expect(result.output.map((block) => block.kind)).toEqual(['text']);
    expect(result.pick?.className).toBe('WBEMShell_Processor');
    expect(result.pick?.line).toBe(' instance get WBEMShell_Processor.? ; exit');
    expect(result.pick?.line.slice(result.pick.start, result.pick.end)).toBe('WBEMShell_Processor.?');
    expect(result.pick?.candidates[1]?.detail).toBe('DeviceID="CPU1"');
  });

  it('no instances reports an error', async () => {
    const result = await session.execute('instance delete CIM_Battery.?');
    expect(result.pick).toBeUndefined();
    expect(result.output).toEqual([{ kind: 'error', text: 'No instances of CIM_Battery in root/cimv2 to pick from; create one with "instance create CIM_Battery".' }]);
  });
});
