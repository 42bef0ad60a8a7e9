import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { CIMError, CIMXMLParseError, XMLParseError } from '../../src/cim/errors.js';
import { CIMXMLWriteError } from '../../src/cimxml/index.js';
import { WBEMConnection } from '../../src/client/connection.js';
import { AuthError, ConnectionError, HeaderParseError, HTTPError, TimeoutError } from '../../src/client/errors.js';
import type { CaseReport } from './element-cases.js';
import { callPywbemMethod } from './pywbem-calls.js';
import { comparePullResult, compareResult } from './pywbem-compare.js';
import { httpResponse, startReplayServer, type ReplayExchange } from './replay-server.js';

/** One case of a pywbem test_client YAML file (pywbem's field names). */
export interface TestClientCase {
  name: string;
  description?: string;
  ignore_test?: boolean;
  pywbem_request: {
    url: string;
    creds?: [string, string] | null;
    namespace?: string | null;
    timeout?: number | null;
    operation: Record<string, unknown>;
  };
  pywbem_response: { result?: unknown; pullresult?: Record<string, unknown>; cim_status?: number; exception?: string };
  http_request?: { verb: string; url: string; headers: Record<string, string>; data: string } | null;
  /** `trailers` is written by this project's recorder, not by pywbem: the trailer fields of a chunked response. */
  http_response?: { status: number; headers?: Record<string, string> | null; trailers?: Record<string, string> | null; data: string } | null;
}

/** Reads a test_client file: a YAML list of cases, or a mapping with a `testcases` list. */
export function loadTestClientCases(file: string): TestClientCase[] {
  const data = parseLenient(readFileSync(file, 'utf8'));
  const cases = Array.isArray(data) ? data : (data as { testcases?: unknown } | null)?.testcases;
  if (!Array.isArray(cases)) throw new Error(`${file} has no list of test cases: expected a YAML list.`);
  return cases as TestClientCase[];
}

/**
 * Parses YAML, accepting one defect that PyYAML accepts and YAML 1.2 does not: the
 * continuation lines of a multi-line single-quoted `data:` value indented no deeper than
 * the `data:` key. Those lines are indented by two more spaces and the text parsed again.
 */
function parseLenient(text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    return parse(indentQuotedContinuations(text));
  }
}

function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let open = false;
  return lines
    .map((line) => {
      if (open) {
        const shifted = `  ${line}`;
        if (hasClosingQuote(line)) open = false;
        return shifted;
      }
      const start = /^\s*data: '(.*)$/.exec(line);
      if (start !== null && !hasClosingQuote(start[1]!)) open = true;
      return line;
    })
    .join('\n');
}

/** Returns whether a line of a single-quoted scalar contains its closing quote, which is a quote that is not doubled. */
function hasClosingQuote(text: string): boolean {
  return /(^|[^'])'('')*(\s*)$/.test(text.replace(/''/g, ''));
}

/** pywbem exception names and the errors of this client that correspond to them. */
const EXCEPTIONS: Readonly<Record<string, (error: unknown) => boolean>> = {
  CIMXMLParseError: (error) => error instanceof CIMXMLParseError,
  XMLParseError: (error) => error instanceof XMLParseError,
  HeaderParseError: (error) => error instanceof HeaderParseError,
  AuthError: (error) => error instanceof AuthError,
  ConnectionError: (error) => error instanceof ConnectionError,
  TimeoutError: (error) => error instanceof TimeoutError,
  HTTPError: (error) => error instanceof HTTPError,
  // pywbem checks arguments with ValueError and TypeError before sending; so do we, with
  // TypeError, RangeError or the writer's CIMXMLWriteError.
  ValueError: isArgumentError,
  TypeError: isArgumentError,
};

function isArgumentError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof CIMXMLWriteError;
}

/** Runs each case against a replay server of its own and reports the failures. */
export async function runTestClientCases(cases: readonly TestClientCase[]): Promise<CaseReport> {
  const report: CaseReport = { passed: 0, failed: [] };
  for (const testCase of cases) {
    if (testCase.ignore_test === true) continue;
    const reason = await runCase(testCase);
    if (reason === null) report.passed += 1;
    else report.failed.push({ desc: testCase.name, reason });
  }
  return report;
}

/** Runs one case; returns null when it passes, else a short reason. */
export async function runCase(testCase: TestClientCase): Promise<string | null> {
  const server = await startReplayServer(testCase.http_request ? [exchangeOf(testCase)] : []);
  const request = testCase.pywbem_request;
  const connection = new WBEMConnection(server.url, {
    defaultNamespace: request.namespace ?? undefined,
    credentials: request.creds ? { user: request.creds[0], password: request.creds[1] } : null,
    timeout: (request.timeout ?? 10) * 1000,
  });

  // pywbem sets the connection's host:port as the host of class paths; here that is the replay server.
  const hosts = { recorded: authority(request.url), replayed: new URL(server.url).host };

  try {
    let outcome: { result: unknown } | { error: unknown };
    try {
      outcome = { result: await callPywbemMethod(connection, request.operation) };
    } catch (error) {
      outcome = { error };
    }

    const requestProblem = checkRequests(testCase, server.received.length, server.mismatches, outcome);
    return requestProblem ?? checkOutcome(testCase, outcome, hosts);
  } finally {
    await connection.close();
    await server.close();
  }
}

// pywbem's recorded responses often carry no Content-Type, because pywbem does not
// check it; this client requires one, so the replay adds the usual value.
const DEFAULT_CONTENT_TYPE = 'application/xml; charset="utf-8"';

function exchangeOf(testCase: TestClientCase): ReplayExchange {
  const request = testCase.http_request!;
  const response = testCase.http_response!;
  // The replay sends the body with Content-Length, so recorded trailer fields (such as
  // CIMStatusCode) become header fields, where DSP0200 also allows them.
  const headers = { ...(response.headers ?? {}), ...(response.trailers ?? {}) };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = DEFAULT_CONTENT_TYPE;

  return {
    headers: request.headers,
    body: request.data,
    response: httpResponse(response.status, response.status === 200 ? 'OK' : 'Error', headers, response.data),
  };
}

function checkRequests(
  testCase: TestClientCase,
  count: number,
  mismatches: readonly string[],
  outcome: { result: unknown } | { error: unknown },
): string | null {
  if (mismatches.length > 0) return mismatches[0]!;
  const expected = testCase.http_request ? 1 : 0;
  if (count === expected) return null;

  const error = 'error' in outcome && outcome.error instanceof Error ? ` (${outcome.error.name}: ${outcome.error.message})` : '';
  return `expected ${expected} request(s), the server received ${count}${error}`;
}

function checkOutcome(
  testCase: TestClientCase,
  outcome: { result: unknown } | { error: unknown },
  hosts: { recorded: string; replayed: string },
): string | null {
  const expected = replaceHost(testCase.pywbem_response, hosts.recorded, hosts.replayed) as TestClientCase['pywbem_response'];
  const method = String(testCase.pywbem_request.operation.pywbem_method);

  if ('error' in outcome) return checkError(expected, outcome.error);
  if (expected.exception !== undefined) return `expected ${expected.exception}, but the call succeeded`;
  if (expected.cim_status !== undefined) return `expected CIM status ${expected.cim_status}, but the call succeeded`;
  if (expected.pullresult !== undefined) return comparePullResult(expected.pullresult, outcome.result as never);
  return compareResult(method, expected.result ?? null, outcome.result ?? null);
}

/** Returns `host:port` of a URL as written, keeping a default port such as `:80`. */
function authority(url: string): string {
  return /^[a-z]+:\/\/([^/]*)/i.exec(url)?.[1] ?? url;
}

/** Copies a YAML value, replacing the host `from` with `to` in the paths of classes. */
function replaceHost(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((element) => replaceHost(element, from, to));
  if (typeof value !== 'object' || value === null) return value;

  const mapping = value as Record<string, unknown>;
  if (mapping.pywbem_object === 'CIMClass' && typeof mapping.path === 'object' && mapping.path !== null) {
    const path = mapping.path as Record<string, unknown>;
    return { ...mapping, path: path.host === from ? { ...path, host: to } : path };
  }
  return Object.fromEntries(Object.entries(mapping).map(([key, element]) => [key, replaceHost(element, from, to)]));
}

function checkError(expected: TestClientCase['pywbem_response'], error: unknown): string | null {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (expected.cim_status !== undefined) {
    if (error instanceof CIMError && error.statusCode === expected.cim_status) return null;
    return `expected CIM status ${expected.cim_status}, got ${message}`;
  }
  if (expected.exception !== undefined) {
    const matches = EXCEPTIONS[expected.exception];
    if (matches?.(error)) return null;
    return `expected ${expected.exception}, got ${message}`;
  }
  return `unexpected ${message}`;
}
