import { CIMDateTime } from '../../cim/datetime.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { Uint16, Uint32 } from '../../cim/typed-value.js';
import type { MethodCall, MethodResult } from '../method-providers.js';

// Return values of CIM_EnabledLogicalElement.RequestStateChange (ValueMap in the DMTF schema).
const COMPLETED = 0;
const INVALID_PARAMETER = 5;

/**
 * EnabledState that each accepted RequestedState leads to (CIM_EnabledLogicalElement
 * ValueMaps): Enabled, Disabled, Shut Down, Offline and Quiesce are kept as they are;
 * Reboot and Reset end in Enabled.
 */
const RESULTING_STATE: ReadonlyMap<number, number> = new Map([
  [2, 2],
  [3, 3],
  [4, 4],
  [6, 6],
  [9, 9],
  [10, 2],
  [11, 2],
]);

/**
 * Provider of RequestStateChange for processes and network ports: sets EnabledState,
 * RequestedState and TimeOfLastStateChange of the target instance and returns 0, or
 * returns 5 (Invalid Parameter) for a RequestedState it does not accept.
 */
export function requestStateChange(call: MethodCall): MethodResult {
  const requested = call.parameters.get('RequestedState')?.value;
  const resulting = typeof requested === 'number' ? RESULTING_STATE.get(requested) : undefined;
  if (resulting === undefined) return { returnValue: new Uint32(INVALID_PARAMETER) };

  const path = call.objectName as CIMInstanceName;
  const instance = call.repository.getInstance(call.namespace, path);
  instance.set('EnabledState', new Uint16(resulting));
  instance.set('RequestedState', new Uint16(requested as number));
  instance.set('TimeOfLastStateChange', CIMDateTime.fromDate(new Date()));
  call.repository.replaceInstance(call.namespace, instance);
  return { returnValue: new Uint32(COMPLETED) };
}
