import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_FAILED, CIM_ERR_NOT_SUPPORTED } from '../../cim/status-codes.js';
import type { EnumerationContext, PullState } from './pull.js';

/** Whether an iteration uses pull operations: always, never, or `'auto'` (when the server has them). */
export type UsePull = boolean | 'auto';

/** Operation types whose pull support a connection remembers in `'auto'` mode. */
export type PullKind =
  | 'EnumerateInstances'
  | 'EnumerateInstancePaths'
  | 'AssociatorInstances'
  | 'AssociatorInstancePaths'
  | 'ReferenceInstances'
  | 'ReferenceInstancePaths'
  | 'QueryInstances';

/** Options of every `iter*` method. */
export interface IterOptions {
  /** Maximum number of objects per Open or Pull response; default 1000. */
  maxObjectCount?: number;
  /**
   * `true` uses pull operations only; `false` uses the traditional operation; `'auto'`
   * (default) uses pull operations and falls back to the traditional operation when the
   * first Open of this kind on the connection fails with CIM_ERR_NOT_SUPPORTED or
   * CIM_ERR_FAILED, and remembers the outcome on the connection.
   */
  usePull?: UsePull;
}

export const DEFAULT_MAX_OBJECT_COUNT = 1000;

/**
 * One Open or Pull response being read: it yields its objects as they arrive from the HTTP
 * body and returns EndOfSequence and EnumerationContext, which follow the objects.
 */
export type PullResponse<T> = AsyncGenerator<T, PullState, undefined>;

/** How to run one iteration: the pull operations of its kind and the traditional operation. */
export interface IterationPlan<T> {
  readonly kind: PullKind;
  open(maxObjectCount: number): PullResponse<T>;
  pull(context: EnumerationContext, maxObjectCount: number): PullResponse<T>;
  close(context: EnumerationContext): Promise<void>;
  traditional(): Promise<readonly T[]>;
  /** Options the caller set that only pull operations support, such as `filterQuery`. */
  readonly pullOnlyOptions: readonly string[];
}

/** Connection state and call settings an iteration uses. */
export interface IterationSettings {
  readonly usePull: UsePull;
  readonly maxObjectCount: number;
  /** Pull support per kind, learned in `'auto'` mode; shared by all iterations of a connection. */
  readonly pullSupport: Map<PullKind, boolean>;
  readonly signal?: AbortSignal | undefined;
  /** Builds the error raised when `signal` aborts between two objects or batches. */
  abortError(): Error;
}

/** An Open response whose first object (or end) has been read. */
interface OpenedResponse<T> {
  readonly response: PullResponse<T>;
  readonly first: IteratorResult<T, PullState>;
}

/**
 * Yields the objects of an enumeration as they arrive, pulling batches of
 * `maxObjectCount` or running the traditional operation. When the caller stops early
 * (`break`, an exception in the loop, an abort) while the server still holds the
 * enumeration open, the enumeration is closed with CloseEnumeration; it is not closed
 * after EndOfSequence.
 */
export async function* iterate<T>(plan: IterationPlan<T>, settings: IterationSettings): AsyncGenerator<T, void, undefined> {
  checkMaxObjectCount(settings.maxObjectCount);

  const opened = await openOrFallBack(plan, settings);
  if (opened === null) {
    checkTraditionalOptions(plan);
    yield* await plan.traditional();
    return;
  }
  yield* drain(plan, opened, settings);
}

async function openOrFallBack<T>(plan: IterationPlan<T>, settings: IterationSettings): Promise<OpenedResponse<T> | null> {
  const { usePull, pullSupport } = settings;
  if (usePull === false) return null;
  if (usePull === 'auto' && pullSupport.get(plan.kind) === false) return null;

  // An ERROR response carries no objects, so a failed Open raises on the first read.
  const response = plan.open(settings.maxObjectCount);
  try {
    const first = await response.next();
    pullSupport.set(plan.kind, true);
    return { response, first };
  } catch (error) {
    // A server without pull operations may say so with CIM_ERR_FAILED (SFCB), not only
    // CIM_ERR_NOT_SUPPORTED; once an Open has worked, such codes are real errors.
    const firstOpen = !pullSupport.has(plan.kind);
    if (usePull !== 'auto' || !firstOpen || !isPullUnsupported(error)) throw error;
    pullSupport.set(plan.kind, false);
    return null;
  }
}

function isPullUnsupported(error: unknown): boolean {
  return error instanceof CIMError && (error.statusCode === CIM_ERR_NOT_SUPPORTED || error.statusCode === CIM_ERR_FAILED);
}

async function* drain<T>(plan: IterationPlan<T>, opened: OpenedResponse<T>, settings: IterationSettings): AsyncGenerator<T, void, undefined> {
  let response = opened.response;
  let step = opened.first;
  /** The context of the last complete response; null while the Open response is read. */
  let context: EnumerationContext | null = null;
  /** Whether `response` has been read to its end, or failed. */
  let complete = false;

  try {
    for (;;) {
      while (step.done !== true) {
        yield step.value;
        if (settings.signal?.aborted) {
          complete = true;
          await closeAfterEarlyStop(plan, response, context);
          context = null;
          throw settings.abortError();
        }
        step = await response.next();
      }
      complete = true;
      const state = step.value;
      if (state.eos) return;
      context = state.context!;

      if (settings.signal?.aborted) throw settings.abortError();
      response = plan.pull(context, settings.maxObjectCount);
      complete = false;
      step = await response.next();
    }
  } catch (error) {
    complete = true;
    // DSP0200: a failed Pull without ContinueOnError closes the enumeration on the server,
    // and so does a CIMError reported in the trailers.
    if (!(error instanceof CIMError) && context !== null) await closeQuietly(plan, context);
    throw error;
  } finally {
    if (!complete) await closeAfterEarlyStop(plan, response, context);
  }
}

/**
 * Closes the enumeration after the caller stopped in the middle of a response. The
 * EnumerationContext of a response follows its objects, so the rest of the response is
 * read (its objects dropped) to learn whether the server still keeps the enumeration open.
 * NOTE: this reads up to `maxObjectCount` more objects; a smaller `maxObjectCount` makes
 * an early stop cheaper.
 */
async function closeAfterEarlyStop<T>(
  plan: IterationPlan<T>,
  response: PullResponse<T>,
  context: EnumerationContext | null,
): Promise<void> {
  let step: IteratorResult<T, PullState>;
  try {
    do step = await response.next();
    while (step.done !== true);
  } catch (error) {
    if (!(error instanceof CIMError) && context !== null) await closeQuietly(plan, context);
    return;
  }
  if (!step.value.eos && step.value.context !== null) await plan.close(step.value.context);
}

/** Closes an enumeration while another error is on its way to the caller; that error wins. */
async function closeQuietly<T>(plan: IterationPlan<T>, context: EnumerationContext): Promise<void> {
  try {
    await plan.close(context);
  } catch {
    // The error that stopped the iteration is more useful to the caller than this one.
  }
}

function checkMaxObjectCount(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 0xffffffff) {
    throw new RangeError(`The option maxObjectCount must be an integer from 1 to 4294967295, not ${value}.`);
  }
}

function checkTraditionalOptions<T>(plan: IterationPlan<T>): void {
  if (plan.pullOnlyOptions.length === 0) return;
  throw new TypeError(
    `The option ${plan.pullOnlyOptions.join(', ')} needs pull operations, but ${plan.kind} runs as a traditional ` +
      'operation (usePull is false, or the server has no pull operations); leave the option out.',
  );
}

/** Returns the names of the options that are set and that only pull operations support. */
export function pullOnlyOptions(options: {
  filterQueryLanguage?: string | null;
  filterQuery?: string | null;
  continueOnError?: boolean;
}): string[] {
  const names: string[] = [];
  if (options.filterQueryLanguage !== undefined && options.filterQueryLanguage !== null) names.push('filterQueryLanguage');
  if (options.filterQuery !== undefined && options.filterQuery !== null) names.push('filterQuery');
  if (options.continueOnError === true) names.push('continueOnError');
  return names;
}
