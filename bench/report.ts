/** The results of bench/run.ts: the table, the ratios and the goals, as text or JSON. */
import { benchGoals, formatGoal } from './goals.js';
import type { Measurement } from './measure.js';
import { formatMockText, type MockResult } from './mock-result.js';
import { rate, type RowName, type SizeRatios, type SizeRows } from './ratios.js';
import { formatShellText, type ShellResult } from './shell-result.js';

/** Measurements of one response size, by row name, and their ratios. */
export interface SizeReport {
  instances: number;
  /** Size of the generated response file in bytes. */
  bytes: number;
  rows: SizeRows;
  ratios: SizeRatios;
}

/** A bench script that failed, with its exit code and stderr in `error`. */
export interface ScriptFailure {
  error: string;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; xmllint: string | null };
  runs: number;
  sizes: SizeReport[];
  /** Figures of bench/mock.ts; null before it has run. */
  mock: MockResult | ScriptFailure | null;
  /** Figures of bench/shell.ts; null before it has run. */
  shell: ShellResult | ScriptFailure | null;
}

const ROW_LABELS: Readonly<Record<RowName, string>> = {
  parseCollect: 'parse, collect (collectResponseStream)',
  parseCollectRead: 'parse, collect, read every property',
  parseStream: 'parse, stream (readResponseStream)',
  parseTree: 'parse, whole tree (readResponse)',
  xmllintNoout: 'xmllint --noout',
  xmllintStream: 'xmllint --stream --noout',
  endToEndCollect: 'mock server, enumerateInstances',
  endToEndStream: 'mock server, iterEnumerateInstances',
};

const megabytes = (bytes: number) => bytes / 1e6;
const mebibytes = (bytes: number) => bytes / (1024 * 1024);

function formatRow(name: RowName, row: Measurement): string {
  const instancesPerSecond = row.items > 0 ? (row.items / row.seconds).toFixed(0) : '-';
  const cpu = row.cpuSeconds === null ? '-' : row.cpuSeconds.toFixed(2);
  const rss = row.maxRssBytes === null ? '-' : mebibytes(row.maxRssBytes).toFixed(0);
  return (
    `  ${ROW_LABELS[name].padEnd(40)} ${rate(row).toFixed(1).padStart(7)} ${instancesPerSecond.padStart(9)} ` +
    `${row.seconds.toFixed(2).padStart(8)} ${cpu.padStart(7)} ${rss.padStart(8)}`
  );
}

/** Labels of the ratios in the text report. */
const RATIO_LABELS: Readonly<Record<keyof SizeRatios, string>> = {
  collectVsXmllintNoout: 'collect vs xmllint --noout (MB/s)',
  collectReadVsXmllintNoout: 'collect and read every property vs xmllint --noout (MB/s)',
  streamVsXmllintStream: 'stream vs xmllint --stream (MB/s)',
  enumerateInstancesVsCollect: 'enumerateInstances vs parse collect (instances/s)',
  iterEnumerateInstancesVsStream: 'iterEnumerateInstances vs parse stream (instances/s)',
};

/** Formats a bench script's figures with `format`, or its failure. */
function formatScript<T extends object>(result: T | ScriptFailure, format: (result: T) => string): string {
  return 'error' in result ? `failed: ${result.error}` : format(result).trimEnd();
}

function formatText(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `wbemshell benchmark, ${report.date}`,
    `${report.command}`,
    `Node ${machine.node}, ${machine.cpus} x ${machine.cpuModel}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB memory`,
    machine.xmllint === null ? 'xmllint: missing; install it with apt-get install -y libxml2-utils' : machine.xmllint,
    `median of ${report.runs} run(s) by wall time; RSS is the peak of the measuring process`,
  ];

  for (const size of report.sizes) {
    lines.push('', `${size.instances} instances, ${megabytes(size.bytes).toFixed(1)} MB`);
    lines.push(`  ${'measurement'.padEnd(40)} ${'MB/s'.padStart(7)} ${'inst/s'.padStart(9)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(7)} ${'RSS MiB'.padStart(8)}`);
    for (const name of Object.keys(ROW_LABELS) as RowName[]) {
      const row = size.rows[name];
      if (row !== undefined) lines.push(formatRow(name, row));
    }
    for (const [name, label] of Object.entries(RATIO_LABELS) as [keyof SizeRatios, string][]) {
      const value = size.ratios[name];
      lines.push(`  ${label}: ${value === null ? 'n/a' : `${value.toFixed(2)}x`}`);
    }
  }

  lines.push('', 'goals (reader and client figures from the largest size):', ...benchGoals(report).map((goal) => `  ${formatGoal(goal)}`));
  if (report.mock !== null) lines.push('', 'bench/mock.ts:', formatScript(report.mock, formatMockText));
  if (report.shell !== null) lines.push('', 'bench/shell.ts:', formatScript(report.shell, formatShellText));
  return `${lines.join('\n')}\n`;
}

/** Prints the report as a table, or as one JSON document with `json`. */
export function printReport(report: BenchReport, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify({ ...report, goals: benchGoals(report) }, null, 2)}\n` : formatText(report));
}
