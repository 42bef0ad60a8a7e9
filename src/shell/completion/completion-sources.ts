import type { CIMClass } from '../../index.js';
import type { NameIndex } from './name-index.js';

/** Server data that completion uses; each call honours `signal` and caches what it fetched. */
export interface CompletionSources {
  classNames(signal?: AbortSignal): Promise<NameIndex>;
  getClass(className: string, signal?: AbortSignal): Promise<CIMClass>;
  namespaces(signal?: AbortSignal): Promise<readonly string[]>;
  qualifierNames(signal?: AbortSignal): Promise<readonly string[]>;
  /** Instance paths of a class as WBEM URIs without namespace and host, for `CLASS.?`. */
  instancePaths(className: string, signal?: AbortSignal): Promise<readonly string[]>;
  profileNames(): readonly string[];
  /** Words of all commands, such as `class`, `get`, `instance`. */
  commandWords(): readonly string[];
}

/** Resolves with the promise's value, or rejects with an AbortError as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
