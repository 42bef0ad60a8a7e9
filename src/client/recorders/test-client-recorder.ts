import { appendFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { CIMError } from '../../cim/errors.js';
import { REDACTED } from '../http-record.js';
import type { MethodResult } from '../operations/methods.js';
import type { OperationRecord, OperationRecorder } from './operation-record.js';
import { toPywbemObject } from './pywbem-objects.js';

/** Destination of the test cases: a file path (appended to) or an object with a `write(text)` method. */
export type YamlDestination = string | {
  /** Receives one test case as YAML text. */
  write(text: string): unknown;
};

/**
 * Writes each operation as one test case in the YAML format of pywbem's test_client
 * (`pywbem_request`, `pywbem_response`, `http_request`, `http_response`), appended as
 * an item of a top-level YAML list. The password is written as `[redacted]` and the
 * `Authorization` header is left out.
 */
export class TestClientRecorder implements OperationRecorder {
  enabled = true;

  readonly #destination: YamlDestination;
  #count = 0;

  /** @param destination File path to append to, or an object whose `write(text)` receives each test case as YAML text. */
  constructor(destination: YamlDestination) {
    this.#destination = destination;
  }

  /** Appends the operation as one test case. */
  record(record: OperationRecord): void {
    this.#count += 1;
    const text = stringify([testCase(record, this.#count)], { lineWidth: 0 });
    if (typeof this.#destination === 'string') appendFileSync(this.#destination, text, 'utf8');
    else this.#destination.write(text);
  }
}

function testCase(record: OperationRecord, index: number): Record<string, unknown> {
  const { connection } = record;
  return {
    name: `${record.operation}${index}`,
    description: `${record.operation} recorded on connection ${connection.connectionId}`,
    pywbem_request: {
      url: connection.url,
      creds: connection.user === null ? null : [connection.user, REDACTED],
      namespace: connection.namespace,
      timeout: connection.timeout / 1000,
      debug: false,
      operation: { pywbem_method: record.operation, ...pywbemArguments(record) },
    },
    pywbem_response: pywbemResponse(record),
    http_request: httpRequest(record),
    http_response: httpResponse(record),
  };
}

/**
 * Returns the arguments under pywbem's names. pywbem's Pull and CloseEnumeration methods
 * take the enumeration context as one `context` pair of id and namespace, where DSP0200
 * sends the `EnumerationContext` id in the namespace of the Open.
 */
function pywbemArguments(record: OperationRecord): object {
  const args = toPywbemObject(record.args) as Record<string, unknown>;
  if (!PULL_METHODS.has(record.operation)) return args;

  const { EnumerationContext: id, namespace, ...rest } = args;
  return { context: [id, namespace], ...rest };
}

const PULL_METHODS = new Set(['PullInstancesWithPath', 'PullInstancePaths', 'PullInstances', 'CloseEnumeration']);

function pywbemResponse(record: OperationRecord): Record<string, unknown> {
  if (record.error === null && isPullResult(record.result)) return { pullresult: pullResult(record.result) };
  if (record.error === null && record.operation === 'InvokeMethod') return { result: methodResult(record.result as MethodResult) };
  if (record.error === null) return { result: toPywbemObject(record.result) };
  if (record.error instanceof CIMError) return { cim_status: record.error.statusCode };
  return { exception: record.error.name };
}

/** Writes a method result as pywbem's InvokeMethod returns it: a pair of the return value and the output parameters. */
function methodResult(result: MethodResult): unknown[] {
  return [toPywbemObject(result.returnValue), toPywbemObject(result.outParameters)];
}

/** The result of an Open or Pull operation. An OpenQueryInstances result also has `queryResultClass`, which is not written. */
interface PullResult {
  eos: boolean;
  context: { id: string; namespace: string } | null;
  instances?: unknown;
  paths?: unknown;
}

function isPullResult(result: unknown): result is PullResult {
  return typeof result === 'object' && result !== null && 'eos' in result && 'context' in result;
}

/** Writes a pull result as pywbem's `pullresult`: `context` as a pair of id and namespace, then `eos` and the objects. */
function pullResult(result: PullResult): Record<string, unknown> {
  const context = result.context === null ? null : [result.context.id, result.context.namespace];
  const objects = result.paths === undefined ? { instances: toPywbemObject(result.instances ?? []) } : { paths: toPywbemObject(result.paths) };
  return { context, eos: result.eos, ...objects };
}

function httpRequest(record: OperationRecord): Record<string, unknown> | null {
  const request = record.request;
  if (request === null) return null;
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return { verb: request.method, url: request.url, headers, data: request.body };
}

function httpResponse(record: OperationRecord): Record<string, unknown> | null {
  const response = record.response;
  if (response === null) return null;
  return {
    status: response.status,
    headers: { ...response.headers },
    ...(Object.keys(response.trailers).length > 0 ? { trailers: { ...response.trailers } } : {}),
    data: response.body,
  };
}
