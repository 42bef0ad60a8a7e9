import { NocaseMap } from '../../cim/nocase-map.js';
import type { CIMValue } from '../../cim/value.js';
import type { OperationResponse } from '../../cimxml/index.js';
import type { CallOptions } from './call.js';

/** Options of `invokeMethod`. */
export interface InvokeMethodOptions extends CallOptions {
  /** Further HTTP headers; `Pragma: UpdateExpiredPassword` is added by itself for a method of that name (SFCB). */
  headers?: Readonly<Record<string, string>>;
}

/** Result of an extrinsic method call. */
export interface MethodResult {
  /**
   * The return value, converted to its PARAMTYPE when the server sent one and text when
   * it did not. It is null when there was no RETURNVALUE or the value was NULL.
   */
  readonly returnValue: CIMValue;
  /** Output parameters by name (case-insensitive), converted as `returnValue` is. */
  readonly outParameters: NocaseMap<CIMValue>;
}

/** Decodes a METHODRESPONSE: `RETURNVALUE?, PARAMVALUE*`. */
export function decodeMethodResult(response: OperationResponse): MethodResult {
  const outParameters = new NocaseMap<CIMValue>();
  for (const parameter of response.outputParameters) outParameters.set(parameter.name, parameter.value);
  return { returnValue: response.returnValue?.value ?? null, outParameters };
}
