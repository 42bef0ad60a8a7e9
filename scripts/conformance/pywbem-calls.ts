import type { WBEMConnection } from '../../src/client/connection.js';
import type { EnumerationContext } from '../../src/client/operations/pull.js';
import { fromPywbem } from './pywbem-objects-in.js';

type Arguments = Record<string, unknown>;

/** One pywbem method: its positional arguments in order, and the call on our connection. */
interface CallMapping {
  readonly positional: readonly string[];
  call(connection: WBEMConnection, positional: unknown[], options: Arguments): Promise<unknown>;
}

// Positional values arrive converted; the connection checks their types at run time.
type Any = never;

/** pywbem WBEMConnection methods by name, mapped to ours. */
const CALLS: Readonly<Record<string, CallMapping>> = {
  EnumerateInstances: { positional: ['ClassName'], call: (c, [name], o) => c.enumerateInstances(name as Any, o) },
  EnumerateInstanceNames: { positional: ['ClassName'], call: (c, [name], o) => c.enumerateInstanceNames(name as Any, o) },
  GetInstance: { positional: ['InstanceName'], call: (c, [name], o) => c.getInstance(name as Any, o) },
  ModifyInstance: { positional: ['ModifiedInstance'], call: (c, [instance], o) => c.modifyInstance(instance as Any, o) },
  CreateInstance: { positional: ['NewInstance'], call: (c, [instance], o) => c.createInstance(instance as Any, o) },
  DeleteInstance: { positional: ['InstanceName'], call: (c, [name], o) => c.deleteInstance(name as Any, o) },
  GetClass: { positional: ['ClassName'], call: (c, [name], o) => c.getClass(name as Any, o) },
  EnumerateClasses: { positional: [], call: (c, _p, o) => c.enumerateClasses(o.className as Any, withoutKey(o, 'className')) },
  EnumerateClassNames: { positional: [], call: (c, _p, o) => c.enumerateClassNames(o.className as Any, withoutKey(o, 'className')) },
  CreateClass: { positional: ['NewClass'], call: (c, [newClass], o) => c.createClass(newClass as Any, o) },
  ModifyClass: { positional: ['ModifiedClass'], call: (c, [modified], o) => c.modifyClass(modified as Any, o) },
  DeleteClass: { positional: ['ClassName'], call: (c, [name], o) => c.deleteClass(name as Any, o) },
  Associators: { positional: ['ObjectName'], call: (c, [name], o) => c.associators(name as Any, o) },
  AssociatorNames: { positional: ['ObjectName'], call: (c, [name], o) => c.associatorNames(name as Any, o) },
  References: { positional: ['ObjectName'], call: (c, [name], o) => c.references(name as Any, o) },
  ReferenceNames: { positional: ['ObjectName'], call: (c, [name], o) => c.referenceNames(name as Any, o) },
  ExecQuery: { positional: ['QueryLanguage', 'Query'], call: (c, [language, query], o) => c.execQuery(language as Any, query as Any, o) },
  OpenEnumerateInstances: { positional: ['ClassName'], call: (c, [name], o) => c.openEnumerateInstances(name as Any, o) },
  OpenEnumerateInstancePaths: { positional: ['ClassName'], call: (c, [name], o) => c.openEnumerateInstancePaths(name as Any, o) },
  OpenAssociatorInstances: { positional: ['InstanceName'], call: (c, [name], o) => c.openAssociatorInstances(name as Any, o) },
  OpenAssociatorInstancePaths: { positional: ['InstanceName'], call: (c, [name], o) => c.openAssociatorInstancePaths(name as Any, o) },
  OpenReferenceInstances: { positional: ['InstanceName'], call: (c, [name], o) => c.openReferenceInstances(name as Any, o) },
  OpenReferenceInstancePaths: { positional: ['InstanceName'], call: (c, [name], o) => c.openReferenceInstancePaths(name as Any, o) },
  OpenQueryInstances: {
    positional: ['FilterQueryLanguage', 'FilterQuery'],
    call: (c, [language, query], o) => c.openQueryInstances(language as Any, query as Any, o),
  },
  PullInstances: {
    positional: ['context', 'MaxObjectCount'],
    call: (c, [context, max], o) => c.pullInstances(toContext(context), max as Any, o),
  },
  PullInstancesWithPath: {
    positional: ['context', 'MaxObjectCount'],
    call: (c, [context, max], o) => c.pullInstancesWithPath(toContext(context), max as Any, o),
  },
  PullInstancePaths: {
    positional: ['context', 'MaxObjectCount'],
    call: (c, [context, max], o) => c.pullInstancePaths(toContext(context), max as Any, o),
  },
  CloseEnumeration: { positional: ['context'], call: (c, [context], o) => c.closeEnumeration(toContext(context), o) },
  EnumerateQualifiers: { positional: [], call: (c, _p, o) => c.enumerateQualifiers(o) },
  GetQualifier: { positional: ['QualifierName'], call: (c, [name], o) => c.getQualifier(name as Any, o) },
  SetQualifier: { positional: ['QualifierDeclaration'], call: (c, [declaration], o) => c.setQualifier(declaration as Any, o) },
  DeleteQualifier: { positional: ['QualifierName'], call: (c, [name], o) => c.deleteQualifier(name as Any, o) },
  InvokeMethod: {
    positional: ['MethodName', 'ObjectName', 'Params'],
    call: (c, [method, objectName, params], o) => {
      // pywbem sends the Params list (CIMParameter objects or name-value pairs) first and
      // then the keyword parameters.
      const list = ((params as unknown[] | null) ?? []).map((item) => (Array.isArray(item) ? ([item[0], item[1]] as const) : item));
      const extra = Object.entries(o).filter(([name]) => name !== 'namespace');
      const namespace = o.namespace === undefined ? {} : { namespace: o.namespace as string };
      return c.invokeMethod(method as Any, objectName as Any, [...list, ...extra] as Any, namespace);
    },
  },
};

/** The pywbem method names this runner can call. */
export function isSupportedMethod(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CALLS, name);
}

/**
 * Calls our connection as pywbem's `operation` mapping describes: `pywbem_method` and
 * pywbem's argument names. Arguments that are null are left out, as pywbem leaves out
 * None; the other names become camelCase options.
 */
export function callPywbemMethod(connection: WBEMConnection, operation: Arguments): Promise<unknown> {
  const name = String(operation.pywbem_method);
  const mapping = CALLS[name];
  if (mapping === undefined) throw new Error(`The pywbem method ${name} is not supported by this runner.`);

  const positional = mapping.positional.map((argument) => fromPywbem(operation[argument]));
  const options: Arguments = {};
  for (const [argument, value] of Object.entries(operation)) {
    if (argument === 'pywbem_method' || mapping.positional.includes(argument)) continue;
    if (value === null || value === undefined) continue;
    const key = name === 'InvokeMethod' || argument === 'namespace' ? argument : argument.charAt(0).toLowerCase() + argument.slice(1);
    options[key] = fromPywbem(value);
  }
  return mapping.call(connection, positional, options);
}

function toContext(value: unknown): EnumerationContext {
  if (!Array.isArray(value)) return value as EnumerationContext;
  return { id: String(value[0]), namespace: String(value[1]) };
}

function withoutKey(options: Arguments, key: string): Arguments {
  const { [key]: _dropped, ...rest } = options;
  return rest;
}
