import { describe, expect, it } from 'vitest';

import { benchGoals, formatGoal, type Goal } from '../../bench/goals.js';
import type { Measurement } from '../../bench/measure.js';
import type { MockResult } from '../../bench/mock-result.js';
import { sizeRatios, type SizeRows } from '../../bench/ratios.js';
import type { BenchReport, SizeReport } from '../../bench/report.js';
import type { ShellResult } from '../../bench/shell-result.js';

const MIB = 1024 * 1024;

function row(seconds: number, items: number, bytes: number, maxRssBytes: number | null = 100 * MIB): Measurement {
  return { seconds, cpuSeconds: seconds, items, maxRssBytes, bytes };
}

function size(instances: number, rows: SizeRows): SizeReport {
  return { instances, bytes: instances * 4000, rows, ratios: sizeRatios(rows) };
}

const mock: MockResult = {
  coldCompile: { classes: 1631, files: 1634, ms: 700 },
  builtinCompileMs: 650,
  warmStarts: [
    { cacheStatus: 'hit', ms: 200 },
    { cacheStatus: 'hit', ms: 450 },
  ],
};

const shell: ShellResult = {
  firstPrompt: { runs: 5, medianMs: 275, startsMs: [270, 275, 280, 260, 290], goalMs: 500, bundle: true },
  tabCompletion: { classNames: 1644, completions: 100, medianMs: 9.1, maxMs: 33.5, goalMs: 16 },
};

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    date: '2026-01-01T00:00:00.000Z',
    command: 'npm run bench',
    machine: { cpus: 2, cpuModel: 'test', memoryBytes: 0, node: 'v20', xmllint: null },
    runs: 1,
    sizes: [
      size(1000, { parseStream: row(1, 1000, 4e6, 90 * MIB) }),
      size(2000, {
        parseCollect: row(2, 2000, 8e6),
        parseStream: row(1, 2000, 8e6, 120 * MIB),
        xmllintNoout: row(4, 0, 8e6),
        endToEndCollect: row(4, 2000, 8e6),
        endToEndStream: row(1, 2000, 8e6),
      }),
    ],
    mock,
    shell,
    ...overrides,
  };
}

function byName(goals: Goal[], start: string): Goal {
  const found = goals.find((goal) => goal.name.startsWith(start));
  if (found === undefined) throw new Error(`no goal starts with ${start}`);
  return found;
}

describe('benchGoals', () => {
  it.each([
    ['parse to objects', 2, true],
    ['streaming peak RSS', 120, true],
    ['enumerateInstances end to end', 0.5, false],
    ['iterEnumerateInstances end to end', 1, true],
    ['compile the DMTF CIM Schema cold', 700, true],
    ['start the mock server from a warm cache', 450, true],
    ['first prompt', 275, true],
    ['Tab completion median', 9.1, true],
    ['Tab completion max', 33.5, false],
  ])('%s', (name, value, met) => {
    const goal = byName(benchGoals(report()), name);

    expect(goal.value).toBe(value);
    expect(goal.met).toBe(met);
  });

  it('streaming RSS lists every size', () => {
    const goal = byName(benchGoals(report()), 'streaming peak RSS');

    expect(goal.values).toEqual([90, 120]);
    expect(goal.unit).toBe('MiB');
  });

  it('warm start missed on cache miss', () => {
    const missed = { ...mock, warmStarts: [{ cacheStatus: 'miss' as const, ms: 200 }] };
    const goal = byName(benchGoals(report({ mock: missed })), 'start the mock server');

    expect(goal.met).toBe(false);
  });

  it('failed scripts not measured', () => {
    const goals = benchGoals(report({ mock: { error: 'exit code 1' }, shell: { error: 'exit code 1' } }));

    for (const name of ['compile the DMTF', 'start the mock server', 'first prompt', 'Tab completion median', 'Tab completion max']) {
      expect(byName(goals, name).value).toBeNull();
      expect(byName(goals, name).met).toBeNull();
    }
  });

  it('first prompt without script', () => {
    const goal = byName(benchGoals(report({ shell: { ...shell, firstPrompt: null } })), 'first prompt');

    expect(goal.met).toBeNull();
  });

  it('missing xmllint not measured', () => {
    const goal = byName(benchGoals(report({ sizes: [size(1000, { parseCollect: row(1, 1000, 4e6) })] })), 'parse to objects');

    expect(goal.value).toBeNull();
    expect(goal.met).toBeNull();
  });
});

describe('formatGoal', () => {
  it.each([
    ['parse to objects', 'parse to objects >= 1.0x xmllint --noout: 2.00x, met'],
    ['streaming peak RSS', 'streaming peak RSS <= 200 MiB at every size: 90 / 120 MiB, met'],
    ['Tab completion max', 'Tab completion max <= 16 ms: 33.5 ms, missed'],
  ])('%s', (name, expected) => {
    expect(formatGoal(byName(benchGoals(report()), name))).toBe(expected);
  });

  it('not measured', () => {
    const goal = byName(benchGoals(report({ shell: { error: 'exit code 1' } })), 'first prompt');

    expect(formatGoal(goal)).toBe('first prompt <= 500 ms, median of starts: n/a, not measured');
  });
});
