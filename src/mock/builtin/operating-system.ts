import { CIMDateTime } from '../../cim/datetime.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { Uint32 } from '../../cim/typed-value.js';
import type { MethodCall, MethodResult } from '../method-providers.js';

/**
 * Provider of CIM_OperatingSystem.Reboot: sets LastBootUpTime and LocalDateTime of the
 * operating system to the current time (UTC) and returns 0.
 */
export function reboot(call: MethodCall): MethodResult {
  const path = call.objectName as CIMInstanceName;
  const instance = call.repository.getInstance(call.namespace, path);
  const now = CIMDateTime.fromDate(new Date());
  instance.set('LastBootUpTime', now);
  instance.set('LocalDateTime', now);
  call.repository.replaceInstance(call.namespace, instance);
  return { returnValue: new Uint32(0) };
}
