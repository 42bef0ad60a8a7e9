import { performance } from 'node:perf_hooks';
import { debuglog } from 'node:util';
import {
  newHttpExchange,
  REDACTED,
  type HttpAttemptRecord,
  type HttpExchange,
  type HttpRequestRecord,
  type HttpResponseRecord,
} from '../http-record.js';
import type { Statistics } from '../statistics.js';

/** The connection an operation ran on; never contains the password. */
export interface ConnectionInfo {
  /** Id of the connection, such as `conn-1`. */
  readonly connectionId: string;
  /** Server URL such as `http://127.0.0.1:5988`. */
  readonly url: string;
  /** User name of the credentials, or null. */
  readonly user: string | null;
  /** Default namespace of the connection, or null. */
  readonly namespace: string | null;
  /** Operation time limit in milliseconds. */
  readonly timeout: number;
}

/**
 * Everything about one operation, handed to each recorder once it has ended. The
 * record, its arguments object, HTTP records and timings are frozen; CIM objects inside
 * arguments and results are the caller's objects and are not frozen.
 */
export interface OperationRecord {
  /** The connection that ran the operation. */
  readonly connection: ConnectionInfo;
  /** Operation name, such as `EnumerateInstances`. */
  readonly operation: string;
  /** Arguments by DSP0200 parameter name; values of names containing "password" are redacted. */
  readonly args: Readonly<Record<string, unknown>>;
  /** Result of the operation; undefined when it failed. */
  readonly result: unknown;
  /** Error the operation raised, or null. */
  readonly error: Error | null;
  /** Last HTTP request of the operation, or null when none was sent. */
  readonly request: HttpRequestRecord | null;
  /** Last HTTP response, or null when no status line arrived. */
  readonly response: HttpResponseRecord | null;
  /** HTTP requests before the last one with their responses, oldest first, such as an M-POST rejected with 501. Usually empty. */
  readonly earlierAttempts: readonly HttpAttemptRecord[];
  /** Start time and durations of the operation. */
  readonly timings: OperationTimings;
}

/** Times of one operation. */
export interface OperationTimings {
  /** Start of the operation, milliseconds since the epoch. */
  readonly start: number;
  /** Time from the call to its result or error, in milliseconds. */
  readonly clientTime: number;
  /** Server time from `WBEMServerResponseTime`, in microseconds; null when not sent. */
  readonly serverTime: number | null;
}

/** Receives one record per operation. */
export interface OperationRecorder {
  /** A disabled recorder receives no records. */
  enabled: boolean;
  /** Receives the record of an operation that has ended; it must not throw. */
  record(record: OperationRecord): void;
}

/** Connection data, recorders and statistics used by `recordOperation`. */
export interface OperationContext {
  connection: ConnectionInfo;
  recorders: readonly OperationRecorder[];
  statistics?: Statistics | null;
}

const debug = debuglog('wbemshell');

/**
 * Runs one operation and, when it has ended, hands each enabled recorder the same
 * frozen record and adds a sample to the statistics. `run` receives the exchange to
 * pass to the transport. The result or error of `run` is returned or re-raised
 * unchanged. An error inside a recorder is logged with `debuglog('wbemshell')` and
 * does not change the outcome.
 */
export async function recordOperation<T>(
  context: OperationContext,
  operation: string,
  args: Readonly<Record<string, unknown>>,
  run: (exchange: HttpExchange) => Promise<T>,
): Promise<T> {
  const recorders = context.recorders.filter((recorder) => recorder.enabled);
  const exchange = newHttpExchange(recorders.length > 0);
  const start = Date.now();
  const started = performance.now();

  let result: T | undefined;
  let error: Error | null = null;
  try {
    result = await run(exchange);
    return result;
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
    throw caught;
  } finally {
    const timings = Object.freeze({ start, clientTime: performance.now() - started, serverTime: exchange.serverResponseTime });
    context.statistics?.add(operation, {
      clientTime: timings.clientTime,
      serverTime: timings.serverTime,
      requestBytes: exchange.request?.bodyBytes ?? 0,
      responseBytes: exchange.response?.bodyBytes ?? 0,
      failed: error !== null,
    });
    if (recorders.length > 0) {
      const record = freezeRecord(context.connection, operation, args, result, error, exchange, timings);
      deliver(recorders, record);
    }
  }
}

function freezeRecord(
  connection: ConnectionInfo,
  operation: string,
  args: Readonly<Record<string, unknown>>,
  result: unknown,
  error: Error | null,
  exchange: HttpExchange,
  timings: OperationTimings,
): OperationRecord {
  return Object.freeze({
    connection: Object.freeze({ ...connection }),
    operation,
    args: redactArgs(args),
    result: error === null ? result : undefined,
    error,
    request: exchange.request,
    response: exchange.response,
    earlierAttempts: Object.freeze([...exchange.earlierAttempts]),
    timings,
  });
}

/**
 * Copies the arguments, replacing the values of password arguments.
 * NOTE: a password inside a CIM object argument or in the request body (such as SFCB's
 * UpdateExpiredPassword method) is not redacted.
 */
function redactArgs(args: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    copy[name] = /passw(or)?d/i.test(name) && value !== null && value !== undefined ? REDACTED : value;
  }
  return Object.freeze(copy);
}

function deliver(recorders: readonly OperationRecorder[], record: OperationRecord): void {
  for (const recorder of recorders) {
    try {
      recorder.record(record);
    } catch (error) {
      debug('recorder %s failed on %s: %s', recorder.constructor.name, record.operation, String(error));
    }
  }
}
