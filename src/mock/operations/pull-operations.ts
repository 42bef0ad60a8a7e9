import type { CIMClass } from '../../cim/class.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMError } from '../../cim/errors.js';
import { CIM_ERR_INVALID_PARAMETER } from '../../cim/status-codes.js';
import type { EnumerationContextTable, EnumerationKind, OpenOptions, PullBatch, PullResult } from '../enumeration-contexts.js';
import { filterClass } from '../output-filters.js';
import type { MockRepository } from '../repository.js';
import {
  associatorNames,
  associators,
  referenceNames,
  references,
  type AssociatorFilters,
  type ReferenceFilters,
} from './association-operations.js';
import { instanceEnumeration, instanceNameEnumeration } from './instance-operations.js';
import { runQuery } from './query-operations.js';

/** Output options of the Open operations that return instances. */
export interface PullInstanceOptions {
  /** Default false. */
  includeClassOrigin?: boolean;
  /** Properties to return; null or left out for all. */
  propertyList?: readonly string[] | null;
}

// Every Open checks its own parameters before collecting results, so a refused
// ContinueOnError or FilterQuery is reported even for an unknown class.
// OpenEnumerateInstances and OpenEnumerateInstancePaths keep the stored instances and copy
// each one when a response returns it. The other Open operations collect their copies at
// once, because their results come from the association and query operations as copies.

/** OpenEnumerateInstances: DeepInheritance defaults to true; instances carry every property (no LocalOnly). */
export function openEnumerateInstances(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  className: string,
  options: OpenOptions & PullInstanceOptions & { deepInheritance?: boolean } = {},
): PullResult<CIMInstance> {
  contexts.checkOpenOptions(options);
  const instances = instanceEnumeration(repository, namespace, className, { ...options, localOnly: false, includeQualifiers: false });
  return contexts.open(namespace, 'instancesWithPath', instances, options);
}

export function openEnumerateInstancePaths(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  className: string,
  options: OpenOptions = {},
): PullResult<CIMInstanceName> {
  contexts.checkOpenOptions(options);
  return contexts.open(namespace, 'instancePaths', instanceNameEnumeration(repository, namespace, className), options);
}

export function openAssociatorInstances(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  instanceName: CIMInstanceName,
  options: OpenOptions & PullInstanceOptions & AssociatorFilters = {},
): PullResult<CIMInstance> {
  contexts.checkOpenOptions(options);
  const instances = associators(repository, namespace, instanceName, { ...options, includeQualifiers: false });
  return contexts.open(namespace, 'instancesWithPath', instances, options);
}

export function openAssociatorInstancePaths(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  instanceName: CIMInstanceName,
  options: OpenOptions & AssociatorFilters = {},
): PullResult<CIMInstanceName> {
  contexts.checkOpenOptions(options);
  const paths = associatorNames(repository, namespace, instanceName, options) as CIMInstanceName[];
  return contexts.open(namespace, 'instancePaths', paths, options);
}

export function openReferenceInstances(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  instanceName: CIMInstanceName,
  options: OpenOptions & PullInstanceOptions & ReferenceFilters = {},
): PullResult<CIMInstance> {
  contexts.checkOpenOptions(options);
  const instances = references(repository, namespace, instanceName, { ...options, includeQualifiers: false });
  return contexts.open(namespace, 'instancesWithPath', instances, options);
}

export function openReferenceInstancePaths(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  instanceName: CIMInstanceName,
  options: OpenOptions & ReferenceFilters = {},
): PullResult<CIMInstanceName> {
  contexts.checkOpenOptions(options);
  const paths = referenceNames(repository, namespace, instanceName, options) as CIMInstanceName[];
  return contexts.open(namespace, 'instancePaths', paths, options);
}

/** The result of OpenQueryInstances: instances, and the FROM class when ReturnQueryResultClass was set. */
export interface OpenQueryResult extends PullResult<CIMInstance> {
  queryResultClass: CIMClass | null;
}

/**
 * OpenQueryInstances: FilterQueryLanguage and FilterQuery are required and run as
 * ExecQuery does. With ReturnQueryResultClass the FROM class is returned as well.
 */
export function openQueryInstances(
  repository: MockRepository,
  contexts: EnumerationContextTable,
  namespace: string,
  options: Omit<OpenOptions, 'filterQueryLanguage' | 'filterQuery'> & {
    filterQueryLanguage: string;
    filterQuery: string;
    /** Default false. */
    returnQueryResultClass?: boolean;
  },
): OpenQueryResult {
  contexts.checkOpenOptions(options, true);
  if (!options.filterQueryLanguage || !options.filterQuery) {
    throw new CIMError(CIM_ERR_INVALID_PARAMETER, 'OpenQueryInstances requires FilterQueryLanguage and FilterQuery.');
  }

  const { instances, queryClass } = runQuery(repository, namespace, options.filterQueryLanguage, options.filterQuery);
  const result = contexts.open(namespace, 'instances', instances, options);
  const queryResultClass = options.returnQueryResultClass
    ? filterClass(queryClass, { localOnly: false, includeQualifiers: true, includeClassOrigin: false, propertyList: null })
    : null;
  return { ...result, queryResultClass };
}

export function pullInstancesWithPath(
  contexts: EnumerationContextTable,
  namespace: string,
  enumerationContext: string,
  maxObjectCount: number,
): PullResult<CIMInstance> {
  return contexts.pull(namespace, enumerationContext, 'instancesWithPath', maxObjectCount);
}

export function pullInstancePaths(
  contexts: EnumerationContextTable,
  namespace: string,
  enumerationContext: string,
  maxObjectCount: number,
): PullResult<CIMInstanceName> {
  return contexts.pull(namespace, enumerationContext, 'instancePaths', maxObjectCount);
}

export function pullInstances(
  contexts: EnumerationContextTable,
  namespace: string,
  enumerationContext: string,
  maxObjectCount: number,
): PullResult<CIMInstance> {
  return contexts.pull(namespace, enumerationContext, 'instances', maxObjectCount);
}

/** The objects that each Pull operation returns, by the kind of enumeration it pulls. */
export interface PulledObjects {
  instancesWithPath: CIMInstance;
  instancePaths: CIMInstanceName;
  instances: CIMInstance;
}

/**
 * PullInstancesWithPath, PullInstancePaths or PullInstances, by `kind`, with the objects
 * copied only while the returned `objects` is read (once), so a server can write the
 * response while it generates it. Errors are raised at once, as the other Pull functions
 * raise them.
 */
export function pullEach<K extends EnumerationKind>(
  contexts: EnumerationContextTable,
  namespace: string,
  enumerationContext: string,
  kind: K,
  maxObjectCount: number,
): PullBatch<PulledObjects[K]> {
  return contexts.pullEach(namespace, enumerationContext, kind, maxObjectCount);
}

export function closeEnumeration(contexts: EnumerationContextTable, namespace: string, enumerationContext: string): void {
  contexts.close(namespace, enumerationContext);
}

/** EnumerationCount (deprecated in DSP0200): objects left in the session. */
export function enumerationCount(contexts: EnumerationContextTable, namespace: string, enumerationContext: string): number {
  return contexts.count(namespace, enumerationContext);
}
