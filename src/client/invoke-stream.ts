import { CIMInstance } from '../cim/instance.js';
import { CIMInstanceName } from '../cim/instance-name.js';
import { CIMXMLParseError } from '../cim/errors.js';
import { readResponseStream, type IReturnItem, type OperationResponse } from '../cimxml/index.js';
import { checkResponse, type InvokeContext, type OperationCall } from './invoke.js';
import { pullState, type PullInstancesResult, type PullPathsResult, type PullState } from './operations/pull.js';
import { objectWithNamespace, returnedItems, withNamespace } from './operations/results.js';
import { recordOperation } from './recorders/operation-record.js';

/**
 * An operation whose IRETURNVALUE items are decoded one at a time, as they arrive, and
 * whose other outputs are decoded once the response has ended.
 */
export interface StreamingCall<T, R> extends Omit<OperationCall<R>, 'decode'> {
  /** Decodes one IRETURNVALUE item; raises CIMXMLParseError for an item the operation does not return. */
  decodeItem(item: IReturnItem, namespace: string, host: string): T;
  /** Decodes the rest of the response; its `intrinsicReturnValue.items` is empty, since the items were yielded. */
  decodeEnd(response: OperationResponse, namespace: string, host: string): R;
  /**
   * Builds the result that recorders receive from the end result and the yielded items, so
   * that a record shows the objects, as the non-streaming operation's record does. Without
   * it, the record carries the end result alone.
   */
  recordResult?(end: R, items: readonly T[]): unknown;
}

/**
 * Runs one operation and yields its decoded IRETURNVALUE items as they arrive from the
 * HTTP body; returns what `decodeEnd` makes of the rest of the response. The operation is
 * recorded and counted in the statistics once the response has been read or the
 * iteration has stopped. Its record carries the result of `recordResult` (else of `decodeEnd`),
 * or null when the caller stopped early. Stopping early releases the HTTP connection without reading the rest of
 * the body. Raises what `invoke` raises; a CIMError of an ERROR element comes before any item.
 * The call's `signal` aborts the exchange until the response headers arrive; after that
 * the consumer checks it between items.
 * NOTE: a server that stalls in the middle of the body is then stopped by the timeout only.
 */
export async function* invokeStream<T, R>(context: InvokeContext, call: StreamingCall<T, R>): AsyncGenerator<T, R, undefined> {
  const outcome = deferred<unknown>();
  const recorded = recordOperation(context.operationContext, call.recordName, call.args, async (exchange) => {
    outcome.exchange = exchange;
    return outcome.promise;
  });
  // The error reaches the caller through the generator; this copy only completes the record.
  recorded.catch(() => undefined);

  let settled = false;
  let items: ReturnType<typeof readResponseStream> | null = null;
  const headersSignal = untilHeaders(call.signal);
  try {
    const request = call.build(context.nextMessageId());
    const stream = await context.transport.stream({
      cimMethod: request.headers.CIMMethod,
      cimObject: request.headers.CIMObject,
      body: request.body,
      headers: call.headers,
      signal: headersSignal.signal,
      timeout: call.timeout,
      exchange: outcome.exchange!,
    });
    headersSignal.release();

    // Items are kept for the record only while a recorder is enabled.
    const kept: T[] | null = outcome.exchange!.keepBody && call.recordResult !== undefined ? [] : null;
    items = readResponseStream(stream, { valueErrors: 'throw', onWarning: context.onWarning });
    let next = await items.next();
    while (next.done !== true) {
      const item = call.decodeItem(next.value, call.namespace, context.host);
      kept?.push(item);
      yield item;
      next = await items.next();
    }

    const operation = checkResponse(next.value.response, call);
    if (operation.error !== null) throw operation.error;
    const result = call.decodeEnd(operation, call.namespace, context.host);
    settled = true;
    outcome.resolve(kept === null ? result : call.recordResult!(result, kept));
    await recorded;
    return result;
  } catch (error) {
    settled = true;
    outcome.reject(error);
    throw error;
  } finally {
    headersSignal.release();
    if (!settled) {
      // The caller stopped early: returning the reader returns the body stream, which releases the connection.
      await items?.return(undefined as never);
      outcome.resolve(null);
    }
  }
}

/**
 * Creates a signal that follows `signal` until `release` is called. The request gets it, so the
 * caller's signal aborts the exchange only until the response headers arrive. While the
 * body is read, the consumer checks the signal between objects instead, so that it can
 * read the response to its end and close the enumeration it reports.
 */
function untilHeaders(signal: AbortSignal | undefined): { signal: AbortSignal | undefined; release(): void } {
  if (signal === undefined) return { signal: undefined, release: () => undefined };

  const controller = new AbortController();
  const forward = () => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, release: () => signal.removeEventListener('abort', forward) };
}

interface Deferred<V> {
  promise: Promise<V>;
  resolve(value: V): void;
  reject(error: unknown): void;
  exchange: Parameters<Parameters<typeof recordOperation>[3]>[0] | null;
}

function deferred<V>(): Deferred<V> {
  const result = { exchange: null } as Deferred<V>;
  result.promise = new Promise<V>((resolve, reject) => {
    result.resolve = resolve;
    result.reject = reject;
  });
  return result;
}

const RETURN_PATH = 'CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/IRETURNVALUE';

function unexpectedItem(operation: string, item: unknown, expected: string): CIMXMLParseError {
  const found = typeof item === 'object' && item !== null ? item.constructor.name : typeof item;
  return new CIMXMLParseError(
    `Invalid CIM-XML response to ${operation}: IRETURNVALUE contains a ${found} where ${expected} was expected.`,
    { elementPath: RETURN_PATH },
  );
}

/**
 * Returns the item decoders of an Open or Pull operation that returns instances. Each item
 * must be an instance, and its path namespace defaults to the target namespace. The end of
 * the response must name `element` and gives EndOfSequence and EnumerationContext.
 */
export function pullInstancesDecoders(operation: string, element: string) {
  return {
    decodeItem: (item: IReturnItem, namespace: string): CIMInstance => {
      if (item instanceof CIMInstance) return objectWithNamespace(item, namespace);
      throw unexpectedItem(operation, item, 'an instance');
    },
    decodeEnd: (response: OperationResponse, namespace: string): PullState => {
      returnedItems(response, [element]);
      return pullState(response, namespace);
    },
    recordResult: (state: PullState, instances: readonly CIMInstance[]): PullInstancesResult => ({ ...state, instances: [...instances] }),
  };
}

/** Returns the item decoders of an Open or Pull operation that returns `INSTANCEPATH` items. */
export function pullPathsDecoders(operation: string) {
  return {
    decodeItem: (item: IReturnItem, namespace: string): CIMInstanceName => {
      if (item instanceof CIMInstanceName) return withNamespace(item, namespace);
      throw unexpectedItem(operation, item, 'an instance path');
    },
    decodeEnd: (response: OperationResponse, namespace: string): PullState => {
      returnedItems(response, ['INSTANCEPATH']);
      return pullState(response, namespace);
    },
    recordResult: (state: PullState, paths: readonly CIMInstanceName[]): PullPathsResult => ({ ...state, paths: [...paths] }),
  };
}
