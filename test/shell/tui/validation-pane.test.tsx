import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToString } from 'ink';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateCIMXML, type DTDVersion, type OperationRecord } from '../../../src/index.js';
import { DEFAULT_TARGET } from '../../../src/shell/connection-target.js';
import { Session } from '../../../src/shell/session.js';
import type { RecordValidation, SessionState } from '../../../src/shell/session-types.js';
import { RecorderPane, useDetailRows } from '../../../src/shell/tui/components/recorder-pane.js';
import { StatusBar } from '../../../src/shell/tui/components/status-bar.js';
import type { RecordList } from '../../../src/shell/tui/hooks/use-session.js';
import { KEYS, renderShell, type Screen } from './harness.js';
import { referenceDir } from './test-session.js';

// The built-in mock server with the wbemshell sample model, on 127.0.0.1 and a free port.
let session: Session;
const screens: Screen[] = [];

beforeAll(async () => {
  session = await Session.open({ target: DEFAULT_TARGET, interactive: true, width: 120 });
}, 60_000);

afterEach(async () => {
  for (const screen of screens.splice(0)) screen.instance.unmount();
  await session.execute('validate off --dtd 2.4');
});

afterAll(async () => {
  await session.close();
});

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

function open(): Screen {
  const screen = renderShell(session, { columns: 160, rows: 50, paneSettings: { pane: 'right' } });
  screens.push(screen);
  return screen;
}

async function run(screen: Screen, line: string): Promise<void> {
  await screen.waitFor((frame) => frame.includes('root/cimv2>'), 'the prompt');
  await screen.type(line);
  await screen.press(KEYS.enter);
}

/** Returns the status line of a frame. */
function statusLine(frame: string): string {
  return frame.split('\n')[0] ?? '';
}

describe('validation in the shell', () => {
  it('status line shows DTD off', async () => {
    const screen = open();
    const frame = await screen.waitFor((text) => text.includes('root/cimv2>'), 'the prompt');
    expect(statusLine(frame)).toContain('DTD off');
  });

  it('validate on marks the operation', async () => {
    const screen = open();
    await run(screen, 'validate on');
    await screen.waitFor((text) => statusLine(text).includes('DTD 2.4'), 'DTD 2.4 in the status line');
    await run(screen, 'class get WBEMShell_Processor');

    const frame = await screen.waitFor((text) => text.includes('GetClass') && text.includes('DTD 2.4 validation'), 'the validated operation');
    expect(statusLine(frame)).toContain('DTD 2.4 ✓');
    expect(frame).toMatch(/GetClass +200 .* ✓/);
    expect(frame).toContain('── DTD 2.4 validation: ✓ ──');
    expect(frame).toContain('response: valid');
  });

  it('validate VERSION shows in status', async () => {
    const screen = open();
    await run(screen, 'validate 2.3.1 --requests');
    const frame = await screen.waitFor((text) => statusLine(text).includes('DTD 2.3.1'), 'DTD 2.3.1 in the status line');
    expect(statusLine(frame)).not.toContain('DTD off');

    await run(screen, 'class get WBEMShell_Processor');
    const validated = await screen.waitFor((text) => text.includes('DTD 2.3.1 validation'), 'the validated operation');
    expect(validated).toContain('request: valid');
    expect(validated).toContain('response: valid');
  });

  it('validate off shows in status', async () => {
    const screen = open();
    await run(screen, 'validate on');
    await screen.waitFor((text) => statusLine(text).includes('DTD 2.4'), 'DTD 2.4 in the status line');
    await run(screen, 'validate off');
    const frame = await screen.waitFor((text) => statusLine(text).includes('DTD off'), 'DTD off in the status line');
    expect(statusLine(frame)).not.toContain('DTD 2.4');
  });
});

const trafficDir = path.join(referenceDir, 'cim-xml', 'traffic');

/** Runs an operation on the mock server and returns its record with the body of a saved response of another server in place of its own. */
async function recordWithBody(file: string): Promise<OperationRecord> {
  const result = await session.execute('class get WBEMShell_Processor');
  expect(result.ok).toBe(true);
  const record = session.recorder.records.at(-1)!;

  const body = readFileSync(path.join(trafficDir, file), 'utf8');
  return { ...record, response: { ...record.response!, body, bodyBytes: Buffer.byteLength(body) } };
}

function validationOf(record: OperationRecord, dtdVersion: DTDVersion): RecordValidation {
  const result = validateCIMXML(record.response!.body, { dtdVersion });
  return { record, dtdVersion, documents: [{ part: 'response', result, skipped: null }] };
}

// Wide and tall enough that no violation line wraps and the whole detail is drawn.
const PANE_WIDTH = 140;
const PANE_HEIGHT = 400;

function Pane({ records }: { records: RecordList }) {
  const rows = useDetailRows(records, null, PANE_WIDTH);
  return <RecorderPane records={records} selected={null} focus={null} detailOffset={0} rows={rows} width={PANE_WIDTH} height={PANE_HEIGHT} recorderOn />;
}

function paneText(validation: RecordValidation): string {
  const records: RecordList = { records: [validation.record], firstNumber: 1, validations: new Map([[validation.record, validation]]), latestValidation: validation };
  return renderToString(<Pane records={records} />, { columns: PANE_WIDTH }).replace(ANSI, '');
}

/** 1-based number of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(path.join(trafficDir, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('validation pane rendering', () => {
  it.each([
    {
      file: 'openpegasus_AssocDirNames12001rspgood.xml',
      mark: 'deviation',
      verdict: 'response: 204 violations, 204 of them explained',
      violation: 'Element KEYVALUE does not carry attribute TYPE  [known server deviation: keyvalue-without-type]',
      firstLine: '<KEYVALUE',
    },
    {
      file: 'openpegasus_OpenEnumerateInstances61002rspgood.xml',
      mark: '✗ 6',
      verdict: 'response: 6 violations, 4 of them explained',
      violation: 'Element LOCALNAMESPACEPATH content does not follow the DTD',
      firstLine: '<LOCALNAMESPACEPATH',
    },
  ])('pane mark $mark', async ({ file, mark, verdict, violation, firstLine }) => {
    const validation = validationOf(await recordWithBody(file), '2.4');
    const text = paneText(validation);

    expect(text).toMatch(new RegExp(`GetClass +200 .* ${mark}`));
    expect(text).toContain(`── DTD 2.4 validation: ${mark} ──`);
    expect(text).toContain(verdict);
    expect(text).toContain(`line ${lineOf(file, firstLine)}: ${violation}`);
  });

  it('detail lists violations above XML', async () => {
    const file = 'openpegasus_AssocDirNames12001rspgood.xml';
    const text = paneText(validationOf(await recordWithBody(file), '2.4'));

    expect(text.indexOf('DTD 2.4 validation')).toBeGreaterThan(-1);
    expect(text.indexOf('DTD 2.4 validation')).toBeLessThan(text.indexOf('── request ──'));
  });

  it.each([
    { validation: undefined, latest: 'none', expected: 'DTD off' },
    { validation: { enabled: false, dtdVersion: '2.4', requests: false }, latest: 'deviation', expected: 'DTD off' },
    { validation: { enabled: true, dtdVersion: '2.4', requests: false }, latest: 'none', expected: 'DTD 2.4  ' },
    { validation: { enabled: true, dtdVersion: '2.4', requests: false }, latest: 'deviation', expected: 'DTD 2.4 deviation' },
    { validation: { enabled: true, dtdVersion: '2.3.1', requests: false }, latest: 'deviation', expected: 'DTD 2.3.1  ' },
  ] as const)('status line $expected with $latest', async ({ validation, latest, expected }) => {
    const { validation: _current, ...base } = session.state;
    const state: SessionState = validation === undefined ? base : { ...base, validation };
    const latestValidation = latest === 'none' ? null : validationOf(await recordWithBody('openpegasus_AssocDirNames12001rspgood.xml'), '2.4');

    const text = renderToString(<StatusBar state={state} width={160} latestValidation={latestValidation} />, { columns: 160 });
    expect(text).toContain(expected);
  });
});
