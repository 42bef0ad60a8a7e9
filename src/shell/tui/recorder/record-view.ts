import { CIMError, HTTPError, type HttpRequestRecord, type HttpResponseRecord, type OperationRecord } from '../../../index.js';
import { DEFAULT_FORMAT_CAP, prettyXml } from './xml-pretty.js';

/** One line of the operation list. */
export interface RecordSummary {
  readonly number: number;
  readonly operation: string;
  /** HTTP status code, CIM status name such as `CIM_ERR_NOT_FOUND`, or the error class. */
  readonly status: string;
  readonly failed: boolean;
  readonly time: string;
  readonly size: string;
}

/** Formats a duration in milliseconds as `41 ms` or `1.2 s`. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Formats a byte count as `812`, `14K`, `3.2M` (binary multiples). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}K`;
  return `${(bytes / (1024 * 1024)).toFixed(1)}M`;
}

function statusOf(record: OperationRecord): string {
  const error = record.error;
  if (error instanceof CIMError) return error.statusCodeName;
  if (error instanceof HTTPError) return String(error.status);
  if (error !== null) return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
  return record.response ? String(record.response.status) : '-';
}

export function summarizeRecord(record: OperationRecord, number: number): RecordSummary {
  return {
    number,
    operation: record.operation,
    status: statusOf(record),
    failed: record.error !== null,
    time: formatDuration(record.timings.clientTime),
    size: formatSize(record.response?.bodyBytes ?? 0),
  };
}

/** Style of a line of the operation detail. */
export type DetailKind = 'heading' | 'header' | 'xml' | 'error' | 'note';

export interface DetailLine {
  readonly kind: DetailKind;
  readonly text: string;
  /** Indentation level of `xml` lines, two columns each. */
  readonly depth: number;
}

/**
 * Makes text safe for one terminal row: tabs become spaces and other control characters
 * their Unicode control pictures (CR shows as ␍), because the terminal would act on them.
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u001f]/g, (char) => String.fromCharCode(0x2400 + char.charCodeAt(0))).replace(/\u007f/g, '\u2421');
}

const line = (kind: DetailKind, text: string, depth = 0): DetailLine => ({ kind, text: visibleText(text), depth });

function headerLines(headers: Readonly<Record<string, string>>): DetailLine[] {
  return Object.entries(headers).map(([name, value]) => line('header', `${name}: ${value}`));
}

function bodyLines(body: string, totalBytes: number, cap: number): DetailLine[] {
  if (body === '') return totalBytes > 0 ? [line('note', `(${formatSize(totalBytes)} body not kept)`)] : [];

  const pretty = prettyXml(body, cap);
  const lines = pretty.lines.map((xml) => line('xml', xml.text, xml.depth));
  if (pretty.truncated) {
    const formatted = formatSize(pretty.formattedChars);
    lines.push(line('note', `… formatting stops after ${formatted} characters; ${formatSize(body.length - pretty.formattedChars)} more of this body are not shown.`));
  }
  return lines;
}

function errorLines(error: Error): DetailLine[] {
  if (!(error instanceof CIMError)) return [line('error', `${error.name}: ${error.message}`)];

  const lines = [line('error', `${error.statusCodeName} (${error.statusCode}): ${error.statusDescription}`)];
  for (const [index, instance] of error.instances.entries()) {
    lines.push(line('error', `CIM_Error instance ${index + 1}:`));
    for (const text of instance.toMOF().split('\n')) if (text !== '') lines.push(line('error', `  ${text}`));
  }
  return lines;
}

function requestLines(request: HttpRequestRecord | null, cap: number): DetailLine[] {
  if (request === null) return [line('note', '(no request was sent)')];
  return [line('header', `${request.method} ${request.url}`), ...headerLines(request.headers), ...bodyLines(request.body, request.bodyBytes, cap)];
}

function responseLines(response: HttpResponseRecord | null, cap: number): DetailLine[] {
  if (response === null) return [line('note', '(no response arrived)')];

  const lines = [line('header', `HTTP ${response.status} ${response.reason}`), ...headerLines(response.headers)];
  const trailers = headerLines(response.trailers);
  if (trailers.length > 0) lines.push(line('note', 'trailers:'), ...trailers);
  if (!response.bodyComplete) lines.push(line('note', `(body incomplete: ${formatSize(response.bodyBytes)} received)`));
  lines.push(...bodyLines(response.body, response.bodyBytes, cap));
  return lines;
}

/**
 * Builds the detail of one operation: its outcome, the `findings` lines (such as DTD
 * validation results), then request and response with headers and trailers first and the
 * XML bodies indented. At most `cap` characters of each body are formatted.
 */
export function recordDetail(record: OperationRecord, number: number, cap = DEFAULT_FORMAT_CAP, findings: readonly DetailLine[] = []): DetailLine[] {
  const summary = summarizeRecord(record, number);
  const lines = [line('heading', `#${number} ${record.operation}  ${summary.status}  ${summary.time}  ${summary.size}`)];
  if (record.error !== null) lines.push(...errorLines(record.error));
  lines.push(...findings);

  lines.push(line('heading', '── request ──'), ...requestLines(record.request, cap));
  lines.push(line('heading', '── response ──'), ...responseLines(record.response, cap));
  return lines;
}
