import { debuglog } from 'node:util';
import type { HttpRequestRecord, HttpResponseRecord } from '../http-record.js';
import type { OperationRecord, OperationRecorder } from './operation-record.js';
import { formatValue, truncate, type DetailLevel } from './value-format.js';

/** Options of `new LogOperationRecorder(options)`. */
export interface LogRecorderOptions {
  /** Detail of API calls and results; null logs none; default `all`. */
  apiDetailLevel?: DetailLevel | null;
  /** Detail of HTTP requests and responses; null logs none; default `all`. */
  httpDetailLevel?: DetailLevel | null;
  /** Receives each log line; default `util.debuglog('wbemshell')`, shown with NODE_DEBUG=wbemshell. */
  log?: (line: string) => void;
}

const debug = debuglog('wbemshell');

/**
 * Logs each operation as API lines (call, then result or error) and HTTP lines
 * (request, then response, for each request the operation sent). At detail level `summary` HTTP lines show the status line
 * and headers without the body; `paths` and `all` show the body as well.
 */
export class LogOperationRecorder implements OperationRecorder {
  enabled = true;

  readonly #apiLevel: DetailLevel | null;
  readonly #httpLevel: DetailLevel | null;
  readonly #log: (line: string) => void;

  constructor(options: LogRecorderOptions = {}) {
    this.#apiLevel = options.apiDetailLevel === undefined ? 'all' : options.apiDetailLevel;
    this.#httpLevel = options.httpDetailLevel === undefined ? 'all' : options.httpDetailLevel;
    this.#log = options.log ?? ((line) => debug('%s', line));
  }

  /** Writes the log lines of one operation. */
  record(record: OperationRecord): void {
    const id = record.connection.connectionId;

    if (this.#apiLevel !== null) {
      const args = Object.entries(record.args)
        .map(([name, value]) => `${name}=${formatValue(value, this.#apiLevel as DetailLevel)}`)
        .join(', ');
      this.#log(`Request:${id} ${record.operation}(${args})`);
    }

    if (this.#httpLevel !== null) {
      for (const attempt of [...record.earlierAttempts, { request: record.request, response: record.response }]) {
        if (attempt.request !== null) this.#log(httpRequestLine(id, attempt.request, this.#httpLevel));
        if (attempt.response !== null) this.#log(httpResponseLine(id, attempt.response, this.#httpLevel));
      }
    }

    if (this.#apiLevel !== null) {
      const elapsed = `${record.timings.clientTime.toFixed(1)} ms`;
      if (record.error === null) {
        this.#log(`Return:${id} ${record.operation}(${formatValue(record.result, this.#apiLevel)}) in ${elapsed}`);
      } else {
        this.#log(`Exception:${id} ${record.operation}(${record.error.name}: ${record.error.message}) after ${elapsed}`);
      }
    }
  }
}

function httpRequestLine(id: string, request: HttpRequestRecord, level: DetailLevel): string {
  const head = `Request:${id} ${request.method} ${request.url} headers=${JSON.stringify(request.headers)}`;
  return withBody(head, request.body, level);
}

function httpResponseLine(id: string, response: HttpResponseRecord, level: DetailLevel): string {
  let head = `Response:${id} ${response.status} ${response.reason} headers=${JSON.stringify(response.headers)}`;
  if (Object.keys(response.trailers).length > 0) head += ` trailers=${JSON.stringify(response.trailers)}`;
  if (!response.bodyComplete) head += ` (body incomplete, ${response.bodyBytes} bytes received)`;
  return withBody(head, response.body, level);
}

function withBody(head: string, body: string, level: DetailLevel): string {
  if (level === 'summary') return head;
  const line = `${head} body=${body}`;
  return typeof level === 'number' ? truncate(line, level) : line;
}
