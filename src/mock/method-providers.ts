import type { CIMClassName } from '../cim/class-name.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import { NocaseMap } from '../cim/nocase-map.js';
import type { CIMParameter } from '../cim/parameter.js';
import type { CIMInputValue } from '../cim/value.js';
import { normalizeNamespace } from './names.js';
import type { MockRepository } from './repository.js';

/** The input of one InvokeMethod call, as a method provider receives it. */
export interface MethodCall {
  /** Namespace of the call, normalised. */
  namespace: string;
  /** Instance path for an instance method, class path for a static method. */
  objectName: CIMInstanceName | CIMClassName;
  /** Method name as declared in the class. */
  methodName: string;
  /** Input parameters, converted to the declared types. */
  parameters: NocaseMap<CIMParameter>;
  /** Repository the server serves, for providers that read or change instances. */
  repository: MockRepository;
}

/** The result of a method provider: return value and output parameters, converted to the declared types afterwards. */
export interface MethodResult {
  /** Return value of the method; plain values are converted to the declared return type. */
  returnValue: CIMInputValue;
  /** Output parameters by name, or as CIMParameter objects. Default: none. */
  outputParameters?: Record<string, CIMInputValue> | Iterable<CIMParameter>;
}

/**
 * JavaScript handler of an extrinsic method in the mock server. A thrown CIMError is sent
 * to the client as the `ERROR` of the method response, and any other error as CIM_ERR_FAILED.
 */
export type MethodProvider = (call: MethodCall) => MethodResult | Promise<MethodResult>;

/** Wildcard method name: the provider handles every method of the class. */
export const ANY_METHOD = '*';

/** Method providers keyed by namespace, class and method name (all case-insensitive). */
export class MethodProviderRegistry {
  readonly #providers = new NocaseMap<MethodProvider>();

  /** Registers a handler for one method of a class, or for all of them with `'*'`; replaces an earlier one. */
  register(namespace: string, className: string, methodName: string, provider: MethodProvider): void {
    this.#providers.set(registryKey(namespace, className, methodName), provider);
  }

  unregister(namespace: string, className: string, methodName: string): boolean {
    return this.#providers.delete(registryKey(namespace, className, methodName));
  }

  /** Returns the provider of a method of one class: the named method first, then `'*'`. */
  find(namespace: string, className: string, methodName: string): MethodProvider | undefined {
    return (
      this.#providers.get(registryKey(namespace, className, methodName)) ??
      this.#providers.get(registryKey(namespace, className, ANY_METHOD))
    );
  }
}

function registryKey(namespace: string, className: string, methodName: string): string {
  return `${normalizeNamespace(namespace)}:${className}.${methodName}`;
}
