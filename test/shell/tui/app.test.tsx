import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShellSession } from '../../../src/shell/session-types.js';
import { KEYS, renderShell, type Screen } from './harness.js';
import { BIG_NS, MODEL_NS, SCHEMA_NS, startTestSession } from './test-session.js';

let session: ShellSession;
const screens: Screen[] = [];

beforeAll(async () => {
  // Ink colours through chalk, which turns colour off when the test runner's stdout is not a terminal.
  chalk.level = 1;
  session = await startTestSession();
});

afterEach(() => {
  for (const screen of screens.splice(0)) screen.instance.unmount();
});

afterAll(async () => {
  await session.close();
});

/** Renders the shell in root/cimv2, whatever namespace an earlier test left. */
async function open(options: Parameters<typeof renderShell>[1] = {}): Promise<Screen> {
  if (session.state.namespace !== SCHEMA_NS) await session.execute(`cd ${SCHEMA_NS}`);
  const screen = renderShell(session, options);
  screens.push(screen);
  return screen;
}

/** Leaves the namespace at root/cimv2 for the next test. */
async function home(screen: Screen): Promise<void> {
  await screen.type(`cd ${SCHEMA_NS}`);
  await screen.press(KEYS.enter);
  await screen.waitFor((text) => text.includes(`${SCHEMA_NS}> `), 'the root/cimv2 prompt');
}

const RED = '\u001b[31m';

/** Returns the input line: the last row that starts with a prompt, without the pane beside it. */
function inputLine(text: string): string {
  const rows = text.split('\n').filter((row) => /^[\w/]+> ?/.test(row) || row.startsWith('(reverse-i-search'));
  return (rows.at(-1) ?? '').split(/[│└┌├]/)[0]!.trimEnd();
}

async function run(screen: Screen, line: string): Promise<void> {
  await screen.type(line);
  await screen.press(KEYS.enter);
}

describe('shell screen', () => {
  it('prompt shows namespace', async () => {
    const screen = await open();
    const text = await screen.waitFor((frame) => frame.includes(`${SCHEMA_NS}> `), 'the prompt');
    expect(text).toContain('wbemshell');
    expect(text).toContain(`ns ${SCHEMA_NS}`);
  });

  it('tab completes single class', async () => {
    const screen = await open();
    await screen.type('class get CIM_ComputerSystemDM');
    await screen.press(KEYS.tab);
    const text = await screen.waitFor((frame) => frame.includes('class get CIM_ComputerSystemDMA '), 'the completed class name');
    expect(text).not.toContain('candidates');
  });

  it('tab inserts prefix and lists', async () => {
    const screen = await open();
    await screen.type('class get CIM_ComputerSy');
    await screen.press(KEYS.tab);
    const text = await screen.waitFor((frame) => frame.includes('candidates, Tab walks'), 'the candidate list');
    expect(text).toContain('9 candidates');
    expect(inputLine(text)).toBe(`${SCHEMA_NS}> class get CIM_ComputerSystem`);
    expect(text).toContain('CIM_ComputerSystemPackage');
  });

  it('tab walks and enter accepts', async () => {
    const screen = await open();
    await screen.type('class get CIM_ComputerSys');
    await screen.press(KEYS.tab);
    await screen.waitFor((frame) => frame.includes('candidates, Tab walks'), 'the candidate list');
    await screen.press(KEYS.tab, KEYS.tab);
    await screen.waitFor((frame) => frame.includes('2/9'), 'the second candidate selected');
    expect(screen.text()).toContain('class get CIM_ComputerSystemDMA');

    await screen.press(KEYS.shiftTab, KEYS.shiftTab);
    await screen.waitFor((frame) => frame.includes('9/9'), 'the selection wrapped to the last candidate');

    await screen.press(KEYS.enter);
    const text = await screen.waitFor((frame) => !frame.includes('9/9'), 'the list closed');
    expect(inputLine(text)).toBe(`${SCHEMA_NS}> class get CIM_ComputerSystemResource`);
  });

  it('escape restores the word', async () => {
    const screen = await open();
    await screen.type('class get CIM_ComputerSys');
    await screen.press(KEYS.tab);
    await screen.waitFor((frame) => frame.includes('candidates, Tab walks'), 'the candidate list');
    await screen.press(KEYS.tab, KEYS.escape);
    const text = await screen.waitFor((frame) => !frame.includes('1/9'), 'the list closed');
    expect(inputLine(text)).toBe(`${SCHEMA_NS}> class get CIM_ComputerSystem`);
  });

  it('lists all class names', async () => {
    const screen = await open();
    await screen.type('class get ');
    await screen.press(KEYS.tab);
    const text = await screen.waitFor((frame) => /\d{4} candidates/.test(frame), 'the full candidate list');
    const count = Number(/(\d{4}) candidates/.exec(text)![1]);
    expect(count).toBeGreaterThan(1500);

    await screen.press(KEYS.shiftTab);
    await screen.waitFor((frame) => frame.includes(`${count}/${count}`), 'the last candidate selected');
  });

  it('cd changes prompt', async () => {
    const screen = await open();
    await run(screen, `cd ${MODEL_NS}`);
    const text = await screen.waitFor((frame) => frame.includes(`${MODEL_NS}> `) && frame.includes(`ns ${MODEL_NS}`), 'the root/test prompt');
    expect(text).toContain(`${SCHEMA_NS}> cd ${MODEL_NS}`);
    await home(screen);
  });

  it('enumeration prints instances', async () => {
    const screen = await open();
    await run(screen, `cd ${MODEL_NS}`);
    await screen.waitFor((frame) => frame.includes(`ns ${MODEL_NS}`), 'the namespace change');
    await run(screen, 'instance enumerate CIM_Foo');
    const text = await screen.waitFor((frame) => frame.includes('instance of CIM_Foo'), 'the enumerated instances');
    expect(text).toContain('InstanceID = "CIM_Foo');
    await home(screen);
  });

  it('errors are red', async () => {
    const screen = await open();
    await run(screen, 'class get CIM_DoesNotExist');
    await screen.waitFor((frame) => frame.includes('CIM_ERR_NOT_FOUND'), 'the error');
    expect(screen.raw()).toContain(RED);
  });

  it('NO_COLOR removes colour', async () => {
    const screen = await open({ env: { NO_COLOR: '1' } });
    await run(screen, 'class get CIM_DoesNotExist');
    await screen.waitFor((frame) => frame.includes('CIM_ERR_NOT_FOUND'), 'the error');
    expect(screen.raw()).not.toContain(RED);
  });

  it('pane shows request and response', async () => {
    const screen = await open();
    await run(screen, `cd ${MODEL_NS}`);
    let text = await screen.waitFor((frame) => frame.includes('CIMMethod: EnumerateClassNames') && frame.includes(`ns ${MODEL_NS}`), 'the request headers');
    expect(text).toContain('<IMETHODCALL NAME="EnumerateClassNames">');
    expect(text).toContain('<NAMESPACE NAME="test"');
    expect(text).toMatch(/▶\s+\d+ EnumerateClassNames\s+200/);

    await screen.press(KEYS.f6, KEYS.f6);
    await screen.waitFor((frame) => frame.includes('focus: detail'), 'the focus on the detail');
    for (let page = 0; page < 5 && !screen.text().includes('HTTP 200 OK'); page++) await screen.press(KEYS.pageDown);
    text = await screen.waitFor((frame) => frame.includes('HTTP 200 OK'), 'the response');
    expect(text).toContain('trailers:');
    expect(text).toContain('cimstatuscode: 0');
    expect(text).toContain('<IRETURNVALUE>');
    await screen.press(KEYS.escape);

    await screen.press(KEYS.f2);
    await screen.waitFor((frame) => !frame.includes('── request ──'), 'the pane hidden');
    await screen.press(KEYS.f2);
    await screen.waitFor((frame) => frame.includes('── request ──'), 'the pane shown again');
  });

  it('pane lists failures by status', async () => {
    const screen = await open();
    await run(screen, 'class get CIM_DoesNotExist');
    const text = await screen.waitFor((frame) => /GetClass\s+CIM_ERR_NOT_FOUND/.test(frame), 'the failed operation');
    expect(text).toContain('CIM_ERR_NOT_FOUND (6)');
  });

  it('narrow terminal hides pane', async () => {
    const screen = await open({ columns: 70, rows: 30 });
    await run(screen, 'class get CIM_ComputerSystem');
    await screen.waitFor((frame) => /^};\s/m.test(frame), 'the class');
    expect(screen.text()).not.toContain('── request ──');

    await screen.press(KEYS.f2);
    const text = await screen.waitFor((frame) => frame.includes('── request ──'), 'the stacked pane');
    const lines = text.split('\n');
    const promptRow = lines.findIndex((line) => line.startsWith(`${SCHEMA_NS}> `));
    const paneRow = lines.findIndex((line) => line.includes('── request ──'));
    expect(paneRow).toBeGreaterThan(promptRow);
  });

  it('10,000 instances stay responsive', async () => {
    const screen = await open({ columns: 120, rows: 40 });
    await run(screen, `cd ${BIG_NS}`);
    await screen.waitFor((frame) => frame.includes(`ns ${BIG_NS}`), 'the namespace change');
    await run(screen, 'instance enumerate CIM_Foo');
    await screen.waitFor((frame) => frame.includes('instance of CIM_Foo') && !frame.includes('cancels)'), 'the end of the enumeration', 20_000);
    expect(screen.text().split('\n').length).toBeLessThanOrEqual(40);

    await screen.press(KEYS.pageUp);
    const text = await screen.waitFor((frame) => frame.includes('more lines below'), 'the scrolled view');
    expect(text).toContain('instance of CIM_Foo');

    await screen.type('abc');
    await screen.waitFor((frame) => frame.includes(`${BIG_NS}> abc`), 'typed text');
    await screen.press(KEYS.ctrlU);
    await home(screen);
  });

  it('ctrl-c cancels a command', async () => {
    const screen = await open();
    await run(screen, 'sleep 60');
    await screen.waitFor((frame) => /waiting \d+/.test(frame), 'the spinner with its count');
    await screen.press(KEYS.ctrlC);
    const text = await screen.waitFor((frame) => frame.includes('aborted'), 'the cancellation');
    expect(text).toContain(`${SCHEMA_NS}> `);
    expect(text).not.toMatch(/waiting \d+/);
  });

  it('ctrl-c clears the line', async () => {
    const screen = await open();
    await screen.type('class get X');
    await screen.waitFor((frame) => frame.includes('> class get X'), 'typed text');
    await screen.press(KEYS.ctrlC);
    await screen.waitFor((frame) => !frame.includes('> class get X'), 'the cleared line');
  });

  it('ctrl-d leaves on empty line', async () => {
    const screen = await open();
    await screen.type('x');
    await screen.press(KEYS.ctrlD);
    await screen.press(KEYS.backspace, KEYS.ctrlD);
    await expect(screen.exited).resolves.toBeUndefined();
  });

  it('escape and ctrl-d in one read leave', async () => {
    const screen = await open();
    await run(screen, 'class get CIM_ComputerSystem');
    await screen.waitFor((frame) => frame.includes('── response ──'), 'the operation detail');
    await screen.press(KEYS.f6, KEYS.f6);
    await screen.waitFor((frame) => frame.includes('focus: detail'), 'the focus on the detail');
    await screen.press(KEYS.pageDown);
    await screen.type(KEYS.escape + KEYS.ctrlD);
    await expect(screen.exited).resolves.toBeUndefined();
  });

  it('exit command leaves', async () => {
    const screen = await open();
    await run(screen, 'exit');
    await expect(screen.exited).resolves.toBeUndefined();
  });

  it('history recalls lines', async () => {
    const screen = await open({ history: ['class get CIM_Foo', 'cd root/test'] });
    await screen.press(KEYS.up);
    await screen.waitFor((frame) => frame.includes('> cd root/test'), 'the newest entry');
    await screen.press(KEYS.up);
    await screen.waitFor((frame) => frame.includes('> class get CIM_Foo'), 'the older entry');
    await screen.press(KEYS.down, KEYS.down);
    await screen.waitFor((frame) => inputLine(frame) === `${SCHEMA_NS}>`, 'the empty draft');
  });

  it('ctrl-r searches history', async () => {
    const screen = await open({ history: ['class get CIM_Foo', 'cd root/test', 'class get CIM_Bar'] });
    await screen.press(KEYS.ctrlR);
    await screen.type('class');
    await screen.waitFor((frame) => frame.includes("(reverse-i-search)'class': class get CIM_Bar"), 'the newest match');
    await screen.press(KEYS.ctrlR);
    await screen.waitFor((frame) => frame.includes("(reverse-i-search)'class': class get CIM_Foo"), 'the older match');
    await screen.press(KEYS.escape);
    await screen.waitFor((frame) => !frame.includes('reverse-i-search'), 'the search closed');
  });

  it('editing keys', async () => {
    const screen = await open();
    await screen.type('get CIM_X');
    await screen.press(KEYS.ctrlA);
    await screen.type('class ');
    await screen.press(KEYS.ctrlE, KEYS.ctrlW);
    await screen.type('CIM_Y');
    await screen.press(KEYS.left, KEYS.left, KEYS.backspace, KEYS.delete);
    await screen.waitFor((frame) => frame.includes('> class get CIY'), 'the edited line');
    await screen.press(KEYS.home, KEYS.ctrlK);
    await screen.waitFor((frame) => inputLine(frame) === `${SCHEMA_NS}>`, 'the emptied line');
  });

  it('paste runs lines and keeps the rest', async () => {
    const screen = await open();
    await screen.type(`\u001b[200~cd ${MODEL_NS}\ninstance\tenumerate CIM_Foo\u001b[201~`);
    const text = await screen.waitFor((frame) => frame.includes(`${MODEL_NS}> instance enumerate CIM_Foo`), 'the pasted rest');
    expect(text).toContain(`${SCHEMA_NS}> cd ${MODEL_NS}`);
    expect(text).not.toContain('candidates');
    await screen.press(KEYS.ctrlU);
    await home(screen);
  });

  it('no-verify shows warning', async () => {
    const insecure: ShellSession = {
      get state() {
        return { ...session.state, noVerify: true };
      },
      execute: (line, options) => session.execute(line, options),
      complete: (line, cursor, signal) => session.complete(line, cursor, signal),
      onChange: (listener) => session.onChange(listener),
      onRecord: (listener) => session.onRecord(listener),
      close: async () => {},
    };
    const screen = renderShell(insecure);
    screens.push(screen);
    const text = await screen.waitFor((frame) => frame.includes('not verified'), 'the warning');
    expect(text).toContain('--no-verify');
  });

  it('F1 shows generated help', async () => {
    const screen = await open();
    await screen.press(KEYS.f1);
    const text = await screen.waitFor((frame) => frame.includes('Show or hide the operations pane'), 'the help');
    expect(text).toContain('^R');
    await screen.press(KEYS.escape);
    await screen.waitFor((frame) => !frame.includes('Show or hide the operations pane'), 'the help closed');
  });
});
