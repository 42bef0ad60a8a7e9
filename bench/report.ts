/** The results of bench/run.ts: the table, the ratios and the goals, as text or JSON. */
import type { Measurement } from './measure.js';

/** Measurements of one response size, by row name. */
export interface SizeReport {
  instances: number;
  /** Size of the generated response file in bytes. */
  bytes: number;
  rows: Partial<Record<RowName, Measurement>>;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; xmllint: string | null };
  runs: number;
  sizes: SizeReport[];
  /** Output of bench/mock.ts and bench/shell.ts by script name, where they exist. */
  other: Record<string, string>;
}

type RowName =
  | 'parseCollect'
  | 'parseCollectRead'
  | 'parseStream'
  | 'parseTree'
  | 'xmllintNoout'
  | 'xmllintStream'
  | 'endToEndCollect'
  | 'endToEndStream';

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

/** Peak RSS goal of streaming, in bytes. */
const STREAM_RSS_LIMIT = 200 * 1024 * 1024;

const megabytes = (bytes: number) => bytes / 1e6;
const mebibytes = (bytes: number) => bytes / (1024 * 1024);

function rate(row: Measurement): number {
  return megabytes(row.bytes) / row.seconds;
}

function formatRow(name: RowName, row: Measurement): string {
  const instancesPerSecond = row.items > 0 ? (row.items / row.seconds).toFixed(0) : '-';
  const cpu = row.cpuSeconds === null ? '-' : row.cpuSeconds.toFixed(2);
  const rss = row.maxRssBytes === null ? '-' : mebibytes(row.maxRssBytes).toFixed(0);
  return (
    `  ${ROW_LABELS[name].padEnd(40)} ${rate(row).toFixed(1).padStart(7)} ${instancesPerSecond.padStart(9)} ` +
    `${row.seconds.toFixed(2).padStart(8)} ${cpu.padStart(7)} ${rss.padStart(8)}`
  );
}

/** Returns `a / b` as text such as `1.23x`, or `n/a` when a figure is missing. */
function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) return 'n/a';
  return `${(a / b).toFixed(2)}x`;
}

function instancesPerSecond(row: Measurement | undefined): number | undefined {
  return row === undefined || row.items === 0 ? undefined : row.items / row.seconds;
}

/** Returns the instances/s of `row` divided by those of `base`, or undefined when one is missing. */
function rateRatio(row: Measurement | undefined, base: Measurement | undefined): number | undefined {
  const rowRate = instancesPerSecond(row);
  const baseRate = instancesPerSecond(base);
  return rowRate === undefined || baseRate === undefined ? undefined : rowRate / baseRate;
}

/** The ratios of one size that the goals refer to. */
function sizeRatios(size: SizeReport): string[] {
  const { rows } = size;
  const noout = rows.xmllintNoout === undefined ? undefined : rate(rows.xmllintNoout);
  const stream = rows.xmllintStream === undefined ? undefined : rate(rows.xmllintStream);
  return [
    `collect vs xmllint --noout (MB/s): ${ratio(rows.parseCollect && rate(rows.parseCollect), noout)}`,
    `collect and read every property vs xmllint --noout (MB/s): ${ratio(rows.parseCollectRead && rate(rows.parseCollectRead), noout)}`,
    `stream vs xmllint --stream (MB/s): ${ratio(rows.parseStream && rate(rows.parseStream), stream)}`,
    `enumerateInstances vs parse collect (instances/s): ${ratio(instancesPerSecond(rows.endToEndCollect), instancesPerSecond(rows.parseCollect))}`,
    `iterEnumerateInstances vs parse stream (instances/s): ${ratio(instancesPerSecond(rows.endToEndStream), instancesPerSecond(rows.parseStream))}`,
  ];
}

/** States where each goal stands, measured on the largest size. */
function goals(report: BenchReport): string[] {
  const largest = report.sizes[report.sizes.length - 1];
  if (largest === undefined) return [];
  const { rows } = largest;

  const parseRatio = rows.parseCollect && rows.xmllintNoout ? rate(rows.parseCollect) / rate(rows.xmllintNoout) : undefined;
  const streamRss = report.sizes.map((size) => size.rows.parseStream?.maxRssBytes ?? null);
  const knownRss = streamRss.filter((value): value is number => value !== null);
  const peakRss = knownRss.length > 0 ? Math.max(...knownRss) : undefined;
  const endToEndRatio = rateRatio(rows.endToEndCollect, rows.parseCollect);
  const iterationRatio = rateRatio(rows.endToEndStream, rows.parseStream);

  function verdict(met: boolean | undefined): string {
    if (met === undefined) return 'not measured';
    return met ? 'met' : 'missed';
  }

  return [
    `parse to objects >= 1.0x xmllint --noout: ${parseRatio?.toFixed(2) ?? 'n/a'}x, ${verdict(parseRatio === undefined ? undefined : parseRatio >= 1)}`,
    `streaming peak RSS <= 200 MiB at every size: ${knownRss.map((value) => mebibytes(value).toFixed(0)).join(' / ')} MiB, ` +
      verdict(peakRss === undefined ? undefined : peakRss <= STREAM_RSS_LIMIT),
    `enumerateInstances end to end >= 0.8x parse-only collect: ${endToEndRatio?.toFixed(2) ?? 'n/a'}x, ` +
      verdict(endToEndRatio === undefined ? undefined : endToEndRatio >= 0.8),
    `iterEnumerateInstances end to end >= 0.8x parse-only stream: ${iterationRatio?.toFixed(2) ?? 'n/a'}x, ` +
      verdict(iterationRatio === undefined ? undefined : iterationRatio >= 0.8),
  ];
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
    for (const line of sizeRatios(size)) lines.push(`  ${line}`);
  }

  lines.push('', 'goals (largest size):', ...goals(report).map((line) => `  ${line}`));
  for (const [script, output] of Object.entries(report.other)) lines.push('', `bench/${script}:`, output);
  return `${lines.join('\n')}\n`;
}

/** Prints the report as a table, or as one JSON document with `json`. */
export function printReport(report: BenchReport, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify({ ...report, goals: goals(report) }, null, 2)}\n` : formatText(report));
}
