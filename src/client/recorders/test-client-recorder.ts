import { appendFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { CIMError } from '../../cim/errors.js';
import { REDACTED } from '../http-record.js';
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
      operation: { pywbem_method: record.operation, ...(toPywbemObject(record.args) as object) },
    },
    pywbem_response: pywbemResponse(record),
    http_request: httpRequest(record),
    http_response: httpResponse(record),
  };
}

function pywbemResponse(record: OperationRecord): Record<string, unknown> {
  if (record.error === null) return { result: toPywbemObject(record.result) };
  if (record.error instanceof CIMError) return { cim_status: record.error.statusCode };
  return { exception: record.error.name };
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
