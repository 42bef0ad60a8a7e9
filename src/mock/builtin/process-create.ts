import { CIMDateTime } from '../../cim/datetime.js';
import { CIMInstance } from '../../cim/instance.js';
import { Uint16, Uint32 } from '../../cim/typed-value.js';
import type { MethodCall, MethodResult } from '../method-providers.js';

const PROCESS_CLASS = 'WBEMShell_Process';
const OS_CLASS = 'WBEMShell_OperatingSystem';

// Return values of WBEMShell_Process.Create (ValueMap in models/wbemshell/classes.mof).
const COMPLETED = 0;
const INVALID_PARAMETER = 5;

/**
 * Provider of the static method WBEMShell_Process.Create: adds a process of the sample
 * operating system with the next free numeric handle, its first command word as Name,
 * links it to the operating system with WBEMShell_OSProcess, and returns its path in
 * the output parameter Process.
 */
export function createProcess(call: MethodCall): MethodResult {
  const commandLine = call.parameters.get('CommandLine')?.value;
  if (typeof commandLine !== 'string' || commandLine.trim() === '') return { returnValue: new Uint32(INVALID_PARAMETER) };

  const system = call.repository.storedInstances(call.namespace, OS_CLASS)[0];
  if (system === undefined) return { returnValue: new Uint32(INVALID_PARAMETER) };

  const handles = call.repository.storedInstances(call.namespace, PROCESS_CLASS).map((process) => Number(process.get('Handle')));
  const handle = String(Math.max(0, ...handles.filter(Number.isFinite)) + 1);

  const process = new CIMInstance(PROCESS_CLASS);
  process.set('CSCreationClassName', system.get('CSCreationClassName') ?? null);
  process.set('CSName', system.get('CSName') ?? null);
  process.set('OSCreationClassName', system.className);
  process.set('OSName', system.get('Name') ?? null);
  process.set('CreationClassName', PROCESS_CLASS);
  process.set('Handle', handle);
  process.set('Name', commandLine.trim().split(/\s+/)[0]!);
  process.set('CommandLine', commandLine);
  process.set('ExecutionState', new Uint16(3));
  process.set('CreationDate', CIMDateTime.fromDate(new Date()));
  process.set('EnabledState', new Uint16(2));

  const path = call.repository.createInstance(call.namespace, process);
  const link = new CIMInstance('WBEMShell_OSProcess');
  link.set('GroupComponent', system.path);
  link.set('PartComponent', path);
  call.repository.createInstance(call.namespace, link);
  return { returnValue: new Uint32(COMPLETED), outputParameters: { Process: path } };
}
