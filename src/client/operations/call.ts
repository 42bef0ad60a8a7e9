import type { IntrinsicOperation, OperationResponse } from '../../cimxml/index.js';

/** Options every operation accepts besides its DSP0200 parameters. */
export interface CallOptions {
  /** Target namespace; default the namespace of the target path, else the connection's `defaultNamespace`. */
  namespace?: string;
  /** Aborts the operation, which then raises AbortedError. */
  signal?: AbortSignal;
  /** Time limit of this operation in milliseconds; default the connection's `timeout`. */
  timeout?: number;
}

/** Names in an options object that are not DSP0200 parameters. */
const CALL_OPTION_NAMES: ReadonlySet<string> = new Set(['namespace', 'signal', 'timeout']);

/**
 * Converts the decoded response of an operation into its result; `namespace` is the
 * target namespace and `host` the server's `host:port` from the connection URL.
 */
export type ResultDecoder<T> = (response: OperationResponse, namespace: string, host: string) => T;

/** An intrinsic operation as data: its DSP0200 name and how its result is decoded. */
export interface IntrinsicSpec<T> {
  readonly operation: IntrinsicOperation;
  readonly decode: ResultDecoder<T>;
}

/**
 * Returns the DSP0200 parameters of an options object: each camelCase option becomes the
 * DSP0200 name with its first letter in upper case (`propertyList` to `PropertyList`).
 * Options left out or set to undefined are not sent; call options are skipped.
 */
export function dsp0200Parameters(options: object | undefined): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  if (options === undefined) return parameters;

  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || CALL_OPTION_NAMES.has(name)) continue;
    parameters[name.charAt(0).toUpperCase() + name.slice(1)] = value;
  }
  return parameters;
}

/** Returns the namespace of a target path given as a path object, or null. */
export function pathNamespace(target: unknown): string | null {
  if (typeof target !== 'object' || target === null || !('namespace' in target)) return null;
  const namespace = (target as { namespace: unknown }).namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : null;
}
