import { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import type { CIMValue } from '../../cim/value.js';
import type { CallOptions, IntrinsicSpec } from './call.js';
import { instanceItems, instancePathItems, plainValue, returnedItem, returnedItems, withNamespace } from './results.js';

/** Options of `getInstance`. */
export interface GetInstanceOptions extends CallOptions {
  /** Return only properties defined or overridden in the class itself; left out, the server applies true (deprecated, so pass false). */
  localOnly?: boolean;
  /** Return qualifiers on the instance and its properties; left out, the server applies false (deprecated). */
  includeQualifiers?: boolean;
  /** Return the CLASSORIGIN of each property; left out, the server applies false. */
  includeClassOrigin?: boolean;
  /** Names of the properties to return; left out, or null, the server returns all of them. */
  propertyList?: readonly string[] | null;
}

/** Options of `enumerateInstances`. */
export interface EnumerateInstancesOptions extends GetInstanceOptions {
  /** Return properties added by subclasses of the class; left out, the server applies true. */
  deepInheritance?: boolean;
}

/** Options of `modifyInstance`. */
export interface ModifyInstanceOptions extends CallOptions {
  /** Modify qualifiers too; left out, the server applies true (deprecated). */
  includeQualifiers?: boolean;
  /** Names of the properties to modify; left out, or null, the server modifies all properties of the instance given. */
  propertyList?: readonly string[] | null;
}

/**
 * DSP0200 GetInstance: `INSTANCE`. The result's path is the requested instance name in
 * the target namespace, without a host, because the server returns no path.
 */
export const GET_INSTANCE = (instanceName: CIMInstanceName): IntrinsicSpec<CIMInstance> => ({
  operation: 'GetInstance',
  decode: (response, namespace) => {
    const [instance] = instanceItems(response, [returnedItem(response, ['INSTANCE'])], namespace);
    const path = instanceName.copy();
    path.namespace = namespace;
    path.host = null;
    instance!.path = path;
    return instance!;
  },
});

/** DSP0200 EnumerateInstances: `VALUE.NAMEDINSTANCE*`. */
export const ENUMERATE_INSTANCES: IntrinsicSpec<CIMInstance[]> = {
  operation: 'EnumerateInstances',
  decode: (response, namespace) => instanceItems(response, returnedItems(response, ['VALUE.NAMEDINSTANCE']), namespace),
};

/** DSP0200 EnumerateInstanceNames: `INSTANCENAME*`. */
export const ENUMERATE_INSTANCE_NAMES: IntrinsicSpec<CIMInstanceName[]> = {
  operation: 'EnumerateInstanceNames',
  decode: (response, namespace) => instancePathItems(response, returnedItems(response, ['INSTANCENAME']), namespace),
};

/** DSP0200 CreateInstance: the `INSTANCENAME` of the new instance. */
export const CREATE_INSTANCE: IntrinsicSpec<CIMInstanceName> = {
  operation: 'CreateInstance',
  decode: (response, namespace) => {
    const [path] = instancePathItems(response, [returnedItem(response, ['INSTANCENAME'])], namespace);
    return withNamespace(path!, namespace);
  },
};

/** DSP0200 ModifyInstance: no result. */
export const MODIFY_INSTANCE: IntrinsicSpec<void> = { operation: 'ModifyInstance', decode: () => undefined };

/** DSP0200 DeleteInstance: no result. */
export const DELETE_INSTANCE: IntrinsicSpec<void> = { operation: 'DeleteInstance', decode: () => undefined };

/**
 * DSP0200 GetProperty: `VALUE`, `VALUE.ARRAY`, `VALUE.REFERENCE`, or nothing for NULL.
 * The response carries no type, so a VALUE is returned as its text (an array of texts
 * for VALUE.ARRAY); a reference is returned as a path.
 */
export const GET_PROPERTY: IntrinsicSpec<CIMValue> = {
  operation: 'GetProperty',
  decode: (response, namespace) => {
    const items = returnedItems(response, ['VALUE', 'VALUE.ARRAY', 'VALUE.REFERENCE']);
    const value = plainValue(items[0]);
    return value instanceof CIMInstanceName || value instanceof CIMClassName ? withNamespace(value, namespace) : value;
  },
};

/** DSP0200 SetProperty: no result. */
export const SET_PROPERTY: IntrinsicSpec<void> = { operation: 'SetProperty', decode: () => undefined };
