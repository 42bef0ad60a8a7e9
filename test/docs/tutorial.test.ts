import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinModel } from '../../src/mock/builtin/builtin-model.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import {
  commandArguments,
  extractTutorialBlocks,
  normalizeVolatile,
  normalizeXml,
  runRecorded,
  runWbemshell,
  transcriptExchange,
  withPortPlaceholder,
  type RecordedMessage,
  type TutorialBlock,
} from './tutorial-blocks.js';

// Runs every command of docs/tutorial.md in order against one mock server with the
// built-in model, and compares the output, the recorded CIM-XML and the files the
// commands write with the blocks below each command. The commands share the server, so
// a command that changes state (RequestStateChange, Reboot) affects the later ones. The
// tutorial therefore shows no changed property after the command that changes it.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const blocks = extractTutorialBlocks(readFileSync(path.join(repoRoot, 'docs', 'tutorial.md'), 'utf8'));

type SessionBlock = Extract<TutorialBlock, { kind: 'session' }>;

/** A shell-session block with the files to write before it and the blocks that show what its last command sent or wrote. */
interface Step {
  session: SessionBlock;
  inputs: Extract<TutorialBlock, { kind: 'input' }>[];
  checks: Exclude<TutorialBlock, { kind: 'session' } | { kind: 'input' }>[];
}

function tutorialSteps(): Step[] {
  const steps: Step[] = [];
  let inputs: Step['inputs'] = [];
  for (const block of blocks) {
    if (block.kind === 'input') inputs.push(block);
    else if (block.kind === 'session') {
      steps.push({ session: block, inputs, checks: [] });
      inputs = [];
    } else {
      const step = steps.at(-1);
      if (step === undefined) throw new Error(`The ${block.kind} block under "${block.heading}" follows no shell-session block.`);
      step.checks.push(block);
    }
  }
  return steps;
}

const steps = tutorialSteps();

let server: MockServer;
let workFolder: string;

beforeAll(async () => {
  server = await startMockServer({ repository: loadBuiltinModel().repository, host: '127.0.0.1', port: 0 });
  workFolder = mkdtempSync(path.join(tmpdir(), 'wbemshell-tutorial-'));
});

afterAll(async () => {
  await server?.close();
  if (workFolder !== undefined) rmSync(workFolder, { recursive: true, force: true });
});

/** Prepares output for comparison: the server port as PORT, volatile values replaced, trailing newlines dropped. */
function comparable(text: string): string {
  return normalizeVolatile(withPortPlaceholder(text, server.url)).replace(/\n+$/, '');
}

/** The exit status the shell returns for an output: 1 when a command printed an error. */
function expectedStatus(output: string): number {
  return /^Error: /m.test(output) ? 1 : 0;
}

function checkMessages(checks: Step['checks'], messages: readonly RecordedMessage[]): void {
  const next = { request: 0, response: 0 };
  for (const check of checks) {
    if (check.kind !== 'message') continue;

    const index = messages.findIndex((message, position) => position >= next[check.part] && message.operation === check.operation);
    expect(index, `recorded ${check.operation} ${check.part} under "${check.heading}"`).toBeGreaterThanOrEqual(0);
    next[check.part] = index + 1;

    const actual = check.part === 'request' ? messages[index]!.request : messages[index]!.response;
    expect(actual).not.toBeNull();
    expect(normalizeXml(normalizeVolatile(withPortPlaceholder(actual!, server.url)))).toBe(normalizeXml(normalizeVolatile(check.text)));
  }
}

function checkFiles(checks: Step['checks']): void {
  for (const check of checks) {
    if (check.kind === 'transcript') {
      const exchange = transcriptExchange(readFileSync(path.join(workFolder, check.file), 'utf8'), check.exchange);
      expect(exchange, `exchange ${check.exchange} in ${check.file}`).not.toBeNull();
      expect(comparable(exchange!)).toBe(comparable(check.text));
    } else if (check.kind === 'written') {
      expect(comparable(readFileSync(path.join(workFolder, check.file), 'utf8'))).toBe(comparable(check.text));
    }
  }
}

describe('docs/tutorial.md', () => {
  it('has marked blocks', () => {
    const kinds = new Set(blocks.map((block) => block.kind));

    expect(steps.length).toBeGreaterThan(20);
    expect([...kinds].sort()).toEqual(['input', 'message', 'session', 'transcript', 'written']);
  });

  it.each(steps.map((step) => [step.session.commands.map((command) => command.line.slice(0, 70)).join(' | '), step] as const))(
    'command runs: %s',
    async (_name, step) => {
      for (const input of step.inputs) writeFileSync(path.join(workFolder, input.file), input.text);

      const recorded = step.checks.some((check) => check.kind === 'message');
      for (const [index, command] of step.session.commands.entries()) {
        const args = commandArguments(command.line, server.url);
        const last = index === step.session.commands.length - 1;
        if (recorded && last) {
          const result = await runRecorded(repoRoot, args, workFolder);
          expect(comparable(result.output)).toBe(comparable(command.expectedOutput));
          expect(result.code).toBe(expectedStatus(command.expectedOutput));
          checkMessages(step.checks, result.messages);
        } else {
          const result = await runWbemshell(repoRoot, args, workFolder);
          expect(comparable(result.output)).toBe(comparable(command.expectedOutput));
          expect(result.code).toBe(expectedStatus(command.expectedOutput));
        }
      }
      checkFiles(step.checks);
    },
    60_000,
  );
});
