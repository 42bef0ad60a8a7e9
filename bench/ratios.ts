/** Rates and ratios of the measurements of one response size, as numbers for the report and the goals. */
import type { Measurement } from './measure.js';

export type RowName =
  | 'parseCollect'
  | 'parseCollectRead'
  | 'parseStream'
  | 'parseTree'
  | 'xmllintNoout'
  | 'xmllintStream'
  | 'endToEndCollect'
  | 'endToEndStream';

export type SizeRows = Partial<Record<RowName, Measurement>>;

/** Ratios of one size; each is null when one of its two measurements is missing. */
export interface SizeRatios {
  /** MB/s of parse, collect divided by MB/s of `xmllint --noout`. */
  collectVsXmllintNoout: number | null;
  /** MB/s of parse, collect and read every property divided by MB/s of `xmllint --noout`. */
  collectReadVsXmllintNoout: number | null;
  /** MB/s of parse, stream divided by MB/s of `xmllint --stream --noout`. */
  streamVsXmllintStream: number | null;
  /** Instances/s of enumerateInstances against the mock server divided by those of parse, collect. */
  enumerateInstancesVsCollect: number | null;
  /** Instances/s of iterEnumerateInstances against the mock server divided by those of parse, stream. */
  iterEnumerateInstancesVsStream: number | null;
}

/** Megabytes per second of `row`, with 1 MB = 10^6 bytes. */
export function rate(row: Measurement): number {
  return row.bytes / 1e6 / row.seconds;
}

/** Instances per second of `row`; undefined when the row is missing or counts no instances. */
export function instancesPerSecond(row: Measurement | undefined): number | undefined {
  return row === undefined || row.items === 0 ? undefined : row.items / row.seconds;
}

function quotient(a: number | undefined, b: number | undefined): number | null {
  return a === undefined || b === undefined || b === 0 ? null : a / b;
}

function rateOf(row: Measurement | undefined): number | undefined {
  return row === undefined ? undefined : rate(row);
}

/** Computes the ratios of one size from its rows. */
export function sizeRatios(rows: SizeRows): SizeRatios {
  return {
    collectVsXmllintNoout: quotient(rateOf(rows.parseCollect), rateOf(rows.xmllintNoout)),
    collectReadVsXmllintNoout: quotient(rateOf(rows.parseCollectRead), rateOf(rows.xmllintNoout)),
    streamVsXmllintStream: quotient(rateOf(rows.parseStream), rateOf(rows.xmllintStream)),
    enumerateInstancesVsCollect: quotient(instancesPerSecond(rows.endToEndCollect), instancesPerSecond(rows.parseCollect)),
    iterEnumerateInstancesVsStream: quotient(instancesPerSecond(rows.endToEndStream), instancesPerSecond(rows.parseStream)),
  };
}
