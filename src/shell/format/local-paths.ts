import { CIMInstance, type CIMClass, type CIMClassName, type CIMInstanceName } from '../../index.js';
import type { Displayable } from './displayable.js';

/**
 * Drops the host from the instance and class paths of a result when it is the server the session
 * is connected to, so paths read `/root/cimv2:CIM_Foo.Id="a"`. Paths on other hosts keep it.
 * The objects of the result are copied, not changed.
 */
export function withLocalPaths(result: Displayable, serverUrl: string): Displayable {
  const serverHost = new URL(serverUrl).host.toLowerCase();
  const local = <T extends CIMInstanceName | CIMClassName>(path: T): T => {
    if (path.host === null || path.host.toLowerCase() !== serverHost) return path;
    const copy = path.copy() as T;
    copy.host = null;
    return copy;
  };

  if (result.kind === 'instanceNames') return { kind: 'instanceNames', items: result.items.map(local) };
  if (result.kind === 'classPaths') return { kind: 'classPaths', items: result.items.map(local) };
  if (result.kind === 'classes') return { kind: 'classes', items: result.items.map((cimClass) => withClassPath(cimClass, local)) };
  if (result.kind !== 'instances') return result;

  const items = result.items.map((instance) => {
    if (instance.path === null) return instance;
    const path = local(instance.path);
    if (path === instance.path) return instance;
    return new CIMInstance(instance.className, { properties: instance.properties.values(), qualifiers: instance.qualifiers.values(), path });
  });
  return { kind: 'instances', items };
}

function withClassPath(cimClass: CIMClass, local: (path: CIMClassName) => CIMClassName): CIMClass {
  if (cimClass.path === null || local(cimClass.path) === cimClass.path) return cimClass;
  const copy = cimClass.copy();
  copy.path = local(cimClass.path);
  return copy;
}
