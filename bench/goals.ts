/** The performance goals and where the figures of one bench/run.ts report stand against them. */
import type { MockResult } from './mock-result.js';
import type { BenchReport, ScriptFailure } from './report.js';
import { FIRST_PROMPT_GOAL_MS, FRAME_GOAL_MS, type ShellResult } from './shell-result.js';

/** One goal with its measured value, as printed in the JSON report. */
export interface Goal {
  /** Description of the measurement and its limit, such as `parse to objects >= 1.0x xmllint --noout`. */
  name: string;
  /** The figure the verdict is based on; the largest of `values` where there are several. Null when not measured. */
  value: number | null;
  /** Every figure, where the goal applies to each size or each start. */
  values?: number[];
  /** Unit of `value` and `limit`: `x` for a ratio, `MiB` or `ms`. */
  unit: 'x' | 'MiB' | 'ms';
  /** `>=` when the value must reach the limit, `<=` when it must stay within it. */
  comparison: '>=' | '<=';
  limit: number;
  /** Whether the value meets the limit; null when it was not measured. */
  met: boolean | null;
}

/** Peak RSS goal of streaming at every size, in MiB. */
const STREAM_RSS_LIMIT_MIB = 200;
/** Goal of compiling the DMTF CIM Schema without a cache, in milliseconds. */
const COLD_COMPILE_LIMIT_MS = 1000;
/** Goal of loading the model from a warm cache and starting the mock server, in milliseconds. */
const WARM_START_LIMIT_MS = 500;

function goal(name: string, unit: Goal['unit'], comparison: Goal['comparison'], limit: number, value: number | null): Goal {
  let met: boolean | null = null;
  if (value !== null) met = comparison === '>=' ? value >= limit : value <= limit;
  return { name, value, unit, comparison, limit, met };
}

/** A goal that each of `values` must meet; it is judged on the largest. */
function goalForEach(name: string, unit: Goal['unit'], limit: number, values: number[]): Goal {
  const value = values.length === 0 ? null : Math.max(...values);
  return { ...goal(name, unit, '<=', limit, value), values };
}

function succeeded<T extends object>(result: T | ScriptFailure | null): T | null {
  return result === null || 'error' in result ? null : result;
}

/** Goals of the reader and the client, measured on the largest size (streaming RSS on every size). */
function readerGoals(report: BenchReport): Goal[] {
  const largest = report.sizes[report.sizes.length - 1];
  const ratios = largest?.ratios;

  const streamRss = report.sizes
    .map((size) => size.rows.parseStream?.maxRssBytes ?? null)
    .filter((value): value is number => value !== null)
    .map((bytes) => bytes / (1024 * 1024));

  return [
    goal('parse to objects >= 1.0x xmllint --noout', 'x', '>=', 1, ratios?.collectVsXmllintNoout ?? null),
    goalForEach(`streaming peak RSS <= ${STREAM_RSS_LIMIT_MIB} MiB at every size`, 'MiB', STREAM_RSS_LIMIT_MIB, streamRss),
    goal('enumerateInstances end to end >= 0.8x parse-only collect', 'x', '>=', 0.8, ratios?.enumerateInstancesVsCollect ?? null),
    goal('iterEnumerateInstances end to end >= 0.8x parse-only stream', 'x', '>=', 0.8, ratios?.iterEnumerateInstancesVsStream ?? null),
  ];
}

/** Goals of bench/mock.ts. A start counts as warm only when the model came from the cache. */
function mockGoals(mock: MockResult | null): Goal[] {
  const warmStarts = mock?.warmStarts ?? [];
  const warm = goalForEach(
    `start the mock server from a warm cache <= ${WARM_START_LIMIT_MS} ms, every start`,
    'ms',
    WARM_START_LIMIT_MS,
    warmStarts.map((start) => start.ms),
  );
  if (warm.met === true && warmStarts.some((start) => start.cacheStatus !== 'hit')) warm.met = false;

  return [
    goal(`compile the DMTF CIM Schema cold <= ${COLD_COMPILE_LIMIT_MS} ms`, 'ms', '<=', COLD_COMPILE_LIMIT_MS, mock?.coldCompile.ms ?? null),
    warm,
  ];
}

/** Goals of bench/shell.ts. */
function shellGoals(shell: ShellResult | null): Goal[] {
  const firstPrompt = shell?.firstPrompt ?? null;
  const completion = shell?.tabCompletion ?? null;
  return [
    goal(`first prompt <= ${FIRST_PROMPT_GOAL_MS} ms, median of starts`, 'ms', '<=', FIRST_PROMPT_GOAL_MS, firstPrompt?.medianMs ?? null),
    goal(`Tab completion median <= ${FRAME_GOAL_MS} ms`, 'ms', '<=', FRAME_GOAL_MS, completion?.medianMs ?? null),
    goal(`Tab completion max <= ${FRAME_GOAL_MS} ms`, 'ms', '<=', FRAME_GOAL_MS, completion?.maxMs ?? null),
  ];
}

/** Returns every goal with its measured value and verdict. */
export function benchGoals(report: BenchReport): Goal[] {
  return [...readerGoals(report), ...mockGoals(succeeded(report.mock)), ...shellGoals(succeeded(report.shell))];
}

function formatValue(value: number, unit: Goal['unit']): string {
  if (unit === 'x') return value.toFixed(2);
  if (unit === 'MiB') return value.toFixed(0);
  return String(Number(value.toFixed(1)));
}

/** Formats `goal` as one line of the text report, such as `...: 1.35x, met`. */
export function formatGoal(goal: Goal): string {
  const separator = goal.unit === 'x' ? '' : ' ';
  const figures = goal.values ?? (goal.value === null ? [] : [goal.value]);
  const measured = figures.length === 0 ? 'n/a' : `${figures.map((value) => formatValue(value, goal.unit)).join(' / ')}${separator}${goal.unit}`;
  let verdict = 'not measured';
  if (goal.met !== null) verdict = goal.met ? 'met' : 'missed';
  return `${goal.name}: ${measured}, ${verdict}`;
}
