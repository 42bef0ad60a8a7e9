import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { formatHttpTranscript, parseHttpTranscript } from './http-transcript.js';
import type { OperationRecord } from './operation-record.js';
import { exchangeFromRecord, type RecordedExchange, type RecordedResponse } from './recorded-exchange.js';
import { TestClientRecorder } from './test-client-recorder.js';

/**
 * Export formats of recorded operations: `yaml` is pywbem's test_client format, `xml` a
 * folder of request and response bodies, `http` an HTTP/1.1 transcript.
 */
export type ExportFormat = 'yaml' | 'xml' | 'http';

/** Every export format. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['yaml', 'xml', 'http'];

/**
 * Writes recorded operations to `target`, which is a file for `yaml` and `http` and a
 * folder for `xml`. An existing file is replaced, and a missing folder is created.
 * Returns the paths written. The `Authorization` header is redacted in every record, so
 * it is not written.
 * NOTE: a password inside a request body (such as a method parameter) is written as sent.
 */
export async function exportRecords(records: readonly OperationRecord[], format: ExportFormat, target: string): Promise<string[]> {
  if (format === 'yaml') {
    let text = '';
    const recorder = new TestClientRecorder({ write: (chunk: string) => (text += chunk) });
    for (const record of records) recorder.record(record);
    await writeFile(target, text, 'utf8');
    return [target];
  }

  const exchanges = records.map((record, index) => exchangeFromRecord(record, index + 1)).filter((exchange) => exchange !== null);
  if (format === 'http') {
    await writeFile(target, formatHttpTranscript(exchanges), 'utf8');
    return [target];
  }
  return writeXmlFolder(exchanges, target);
}

async function writeXmlFolder(exchanges: readonly RecordedExchange[], folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [index, exchange] of exchanges.entries()) {
    const stem = path.join(folder, `${String(index + 1).padStart(3, '0')}-${exchange.name.replace(/[^\w.-]/g, '_')}`);
    await writeFile(`${stem}.request.xml`, exchange.request.body, 'utf8');
    written.push(`${stem}.request.xml`);
    if (exchange.response !== null && exchange.response.body !== '') {
      await writeFile(`${stem}.response.xml`, exchange.response.body, 'utf8');
      written.push(`${stem}.response.xml`);
    }
  }
  return written;
}

/**
 * Reads recorded exchanges from a file or folder in any export format: a folder of
 * `*.request.xml` and `*.response.xml` files, a YAML file in pywbem's test_client format
 * (`.yaml` or `.yml`, including pywbem's own test files), or an HTTP transcript.
 */
export async function loadRecordedExchanges(source: string): Promise<RecordedExchange[]> {
  const entries = await readdir(source).catch(() => null);
  if (entries !== null) return readXmlFolder(source, entries);

  const content = await readFile(source);
  if (/\.ya?ml$/i.test(source)) return exchangesFromYaml(content.toString('utf8'), source);
  return parseHttpTranscript(content);
}

async function readXmlFolder(folder: string, entries: readonly string[]): Promise<RecordedExchange[]> {
  const exchanges: RecordedExchange[] = [];
  for (const entry of [...entries].sort()) {
    const match = /^(?:\d+-)?(.+)\.request\.xml$/.exec(entry);
    if (match === null) continue;

    const body = await readFile(path.join(folder, entry), 'utf8');
    const responseBody = await readFile(path.join(folder, entry.replace(/\.request\.xml$/, '.response.xml')), 'utf8').catch(() => null);
    const response: RecordedResponse | null =
      responseBody === null ? null : { status: null, reason: '', headers: {}, trailers: {}, body: responseBody };
    exchanges.push({ name: match[1] as string, request: { method: 'POST', url: null, headers: {}, body }, response });
  }
  return exchanges;
}

/** Reads the `http_request` and `http_response` of each test case of a pywbem test_client YAML file. */
export function exchangesFromYaml(text: string, source = 'YAML text'): RecordedExchange[] {
  const cases: unknown = parse(text, { intAsBigInt: true });
  if (!Array.isArray(cases)) {
    throw new TypeError(`${source} is not a pywbem test_client file: its top level is not a list of test cases.`);
  }

  const exchanges: RecordedExchange[] = [];
  for (const [index, item] of cases.entries()) {
    const testCase = asRecord(item);
    const request = asRecord(testCase['http_request']);
    if (typeof request['data'] !== 'string') continue;

    const response = asRecord(testCase['http_response']);
    exchanges.push({
      name: typeof testCase['name'] === 'string' ? testCase['name'] : `Case${index + 1}`,
      request: {
        method: typeof request['verb'] === 'string' ? request['verb'] : 'POST',
        url: typeof request['url'] === 'string' ? request['url'] : null,
        headers: stringRecord(request['headers']),
        body: request['data'],
      },
      response:
        response['status'] === undefined
          ? null
          : {
              status: Number(response['status']),
              reason: '',
              headers: stringRecord(response['headers']),
              trailers: stringRecord(response['trailers']),
              body: typeof response['data'] === 'string' ? response['data'] : '',
            },
    });
  }
  return exchanges;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringRecord(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(value)).map(([name, item]) => [name, String(item)]));
}
