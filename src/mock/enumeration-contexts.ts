import { randomUUID } from 'node:crypto';
import { CIMError } from '../cim/errors.js';
import {
  CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
  CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
  CIM_ERR_INVALID_ENUMERATION_CONTEXT,
  CIM_ERR_INVALID_OPERATION_TIMEOUT,
  CIM_ERR_INVALID_PARAMETER,
} from '../cim/status-codes.js';
import { normalizeNamespace } from './names.js';

/** What the objects of an enumeration are; a pull must use the matching Pull operation. */
export type EnumerationKind = 'instancesWithPath' | 'instancePaths' | 'instances';

const PULL_OPERATION: Readonly<Record<EnumerationKind, string>> = {
  instancesWithPath: 'PullInstancesWithPath',
  instancePaths: 'PullInstancePaths',
  instances: 'PullInstances',
};

/** Parameters that every Open operation takes (DSP0200 pull operations). */
export interface OpenOptions {
  /** Seconds the server keeps the context between operations; null or left out for the server default. 0 (never expire) is rejected. */
  operationTimeout?: number | null;
  /** Only false is supported; true raises CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED. */
  continueOnError?: boolean;
  /** Objects to return in the Open response; default 0 (open only). */
  maxObjectCount?: number;
  /** Filter queries are not supported; any value raises CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED. */
  filterQueryLanguage?: string | null;
  filterQuery?: string | null;
}

/** The result of an Open or Pull operation. */
export interface PullResult<T> {
  items: T[];
  /** True when no objects remain; the context is then closed. */
  endOfSequence: boolean;
  /** Context to pass to the next Pull; null at the end of the sequence. */
  enumerationContext: string | null;
}

/** The result of a Pull whose objects are made while `objects` is read. */
export interface PullBatch<T> {
  /** The returned objects, which can be read once. */
  objects: Iterable<T>;
  /** True when no objects remain, and the context is then closed. */
  endOfSequence: boolean;
  /** Context to pass to the next Pull, or null at the end of the sequence. */
  enumerationContext: string | null;
}

/**
 * Objects of an enumeration as they are at Open, and the function that makes the returned
 * object from one of them. A context calls `output` only for the objects that an Open or
 * Pull returns, so nothing may change the objects of `snapshot` later. Stored instances
 * qualify, because the repository replaces them rather than changing them.
 */
export interface EnumerationSnapshot<S, T> {
  snapshot: readonly S[];
  output: (stored: S) => T;
}

/** Timeouts of the enumeration contexts that Open operations create. */
export interface EnumerationContextTableOptions {
  /** OperationTimeout in seconds when the Open request gives none; default 30. */
  defaultOperationTimeout?: number;
  /** Largest OperationTimeout in seconds accepted; larger values raise CIM_ERR_INVALID_OPERATION_TIMEOUT. Default 3600. */
  maxOperationTimeout?: number;
}

interface EnumerationContext {
  namespace: string;
  kind: EnumerationKind;
  snapshot: readonly unknown[];
  /** Makes the returned object from an object of `snapshot`. With null, the objects of `snapshot` are returned. */
  output: ((stored: unknown) => unknown) | null;
  position: number;
  timeoutMs: number;
  /** Epoch milliseconds after which the context is invalid. */
  expiresAt: number;
}

/**
 * Open enumeration sessions of the pull operations. Each context expires
 * OperationTimeout seconds after the response that returned it; the check runs on each
 * access, against `Date.now()`, so no timers are left running.
 */
export class EnumerationContextTable {
  readonly #contexts = new Map<string, EnumerationContext>();
  readonly #defaultTimeout: number;
  readonly #maxTimeout: number;

  constructor(options: EnumerationContextTableOptions = {}) {
    this.#defaultTimeout = options.defaultOperationTimeout ?? 30;
    this.#maxTimeout = options.maxOperationTimeout ?? 3600;
  }

  /** Number of open contexts, after dropping expired ones. */
  get size(): number {
    this.#dropExpired();
    return this.#contexts.size;
  }

  /** Checks the Open parameters that do not depend on the operation; call before collecting results. */
  checkOpenOptions(options: OpenOptions, allowFilterQuery = false): void {
    if (options.continueOnError === true) {
      throw new CIMError(
        CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
        'ContinueOnError=true is not supported by this server; send false or leave it out.',
      );
    }
    if (!allowFilterQuery && (options.filterQuery != null || options.filterQueryLanguage != null)) {
      throw new CIMError(
        CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
        'FilterQuery and FilterQueryLanguage are not supported in pull enumerations by this server; leave them out.',
      );
    }
    this.#timeoutSeconds(options.operationTimeout);
    checkMaxObjectCount(options.maxObjectCount ?? 0);
  }

  /**
   * Opens a session and returns the first MaxObjectCount objects. The objects of an array
   * are returned as they are, and for a snapshot `output` runs only for returned objects.
   */
  open<S, T>(namespace: string, kind: EnumerationKind, items: T[] | EnumerationSnapshot<S, T>, options: OpenOptions = {}): PullResult<T> {
    this.checkOpenOptions(options, true);
    this.#dropExpired();

    const timeoutMs = this.#timeoutSeconds(options.operationTimeout) * 1000;
    const snapshot = Array.isArray(items) ? { snapshot: items, output: null } : items;
    const context: EnumerationContext = {
      namespace: normalizeNamespace(namespace),
      kind,
      snapshot: snapshot.snapshot,
      // The context drops the element type S of the snapshot; `output` receives only its elements.
      output: snapshot.output as ((stored: unknown) => unknown) | null,
      position: 0,
      timeoutMs,
      expiresAt: 0,
    };
    return collected(this.#take(randomUUID(), context, options.maxObjectCount ?? 0)) as PullResult<T>;
  }

  /** Returns the next objects of a session; MaxObjectCount 0 only restarts its timeout. */
  pull<T>(namespace: string, enumerationContext: string, kind: EnumerationKind, maxObjectCount: number | null | undefined): PullResult<T> {
    return collected(this.pullEach<T>(namespace, enumerationContext, kind, maxObjectCount));
  }

  /**
   * Pulls as `pull` does, with the same errors raised at once, but makes the returned
   * objects only while the batch's `objects` is read, so a server can write the response
   * while it generates it. The session advances at once, whether or not `objects` is read.
   */
  pullEach<T>(namespace: string, enumerationContext: string, kind: EnumerationKind, maxObjectCount: number | null | undefined): PullBatch<T> {
    if (maxObjectCount === null || maxObjectCount === undefined) {
      throw new CIMError(CIM_ERR_INVALID_PARAMETER, `${PULL_OPERATION[kind]} requires MaxObjectCount; pass 0 or more.`);
    }
    checkMaxObjectCount(maxObjectCount);

    const context = this.#lookup(namespace, enumerationContext);
    if (context.kind !== kind) {
      throw new CIMError(
        CIM_ERR_INVALID_ENUMERATION_CONTEXT,
        `Enumeration context "${enumerationContext}" must be pulled with ${PULL_OPERATION[context.kind]}, not ${PULL_OPERATION[kind]}.`,
      );
    }
    return this.#take(enumerationContext, context, maxObjectCount) as PullBatch<T>;
  }

  /** CloseEnumeration: ends a session before its end of sequence. */
  close(namespace: string, enumerationContext: string): void {
    this.#lookup(namespace, enumerationContext);
    this.#contexts.delete(enumerationContext);
  }

  /** EnumerationCount: the number of objects not yet pulled; also restarts the timeout. */
  count(namespace: string, enumerationContext: string): number {
    const context = this.#lookup(namespace, enumerationContext);
    context.expiresAt = Date.now() + context.timeoutMs;
    return context.snapshot.length - context.position;
  }

  #take(id: string, context: EnumerationContext, maxObjectCount: number): PullBatch<unknown> {
    const returned = context.snapshot.slice(context.position, context.position + maxObjectCount);
    context.position += returned.length;
    const objects = context.output === null ? returned : mapEach(returned, context.output);

    if (context.position >= context.snapshot.length) {
      this.#contexts.delete(id);
      return { objects, endOfSequence: true, enumerationContext: null };
    }
    context.expiresAt = Date.now() + context.timeoutMs;
    this.#contexts.set(id, context);
    return { objects, endOfSequence: false, enumerationContext: id };
  }

  #lookup(namespace: string, enumerationContext: string): EnumerationContext {
    this.#dropExpired();
    const context = this.#contexts.get(enumerationContext);
    if (!context) {
      throw new CIMError(
        CIM_ERR_INVALID_ENUMERATION_CONTEXT,
        `Enumeration context "${enumerationContext}" is unknown, closed or expired; open a new enumeration.`,
      );
    }
    if (context.namespace.toLowerCase() !== normalizeNamespace(namespace).toLowerCase()) {
      throw new CIMError(
        CIM_ERR_INVALID_ENUMERATION_CONTEXT,
        `Enumeration context "${enumerationContext}" belongs to namespace "${context.namespace}", not "${namespace}".`,
      );
    }
    return context;
  }

  #dropExpired(): void {
    const now = Date.now();
    for (const [id, context] of this.#contexts) {
      if (context.expiresAt <= now) this.#contexts.delete(id);
    }
  }

  #timeoutSeconds(operationTimeout: number | null | undefined): number {
    if (operationTimeout === null || operationTimeout === undefined) return this.#defaultTimeout;
    if (!Number.isInteger(operationTimeout) || operationTimeout <= 0 || operationTimeout > this.#maxTimeout) {
      throw new CIMError(
        CIM_ERR_INVALID_OPERATION_TIMEOUT,
        `OperationTimeout ${operationTimeout} is not supported; pass 1 to ${this.#maxTimeout} seconds or leave it out for ${this.#defaultTimeout}.`,
      );
    }
    return operationTimeout;
  }
}

function* mapEach(stored: readonly unknown[], output: (stored: unknown) => unknown): Generator<unknown> {
  for (const object of stored) yield output(object);
}

function collected<T>(batch: PullBatch<T>): PullResult<T> {
  return { items: [...batch.objects], endOfSequence: batch.endOfSequence, enumerationContext: batch.enumerationContext };
}

function checkMaxObjectCount(maxObjectCount: number): void {
  if (Number.isInteger(maxObjectCount) && maxObjectCount >= 0 && maxObjectCount <= 0xffffffff) return;
  throw new CIMError(CIM_ERR_INVALID_PARAMETER, `MaxObjectCount ${maxObjectCount} is not a uint32; pass 0 or more.`);
}
