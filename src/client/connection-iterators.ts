import type { CIMInstance } from '../cim/instance.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { ClassNameInput, WBEMConnection } from './connection.js';
import { AbortedError } from './errors.js';
import { pullInstancesDecoders, pullPathsDecoders } from './invoke-stream.js';
import {
  DEFAULT_MAX_OBJECT_COUNT,
  iterate,
  pullOnlyOptions,
  type IterationPlan,
  type IterOptions,
  type PullKind,
  type PullResponse,
} from './operations/iteration.js';
import type {
  EnumerationContext,
  OpenAssociatorInstancePathsOptions,
  OpenAssociatorInstancesOptions,
  OpenEnumerateInstancesOptions,
  OpenOptions,
  OpenReferenceInstancePathsOptions,
  OpenReferenceInstancesOptions,
} from './operations/pull.js';
import type { CallOptions } from './operations/call.js';

/** Options of `iterEnumerateInstances`. */
export type IterEnumerateInstancesOptions = Omit<OpenEnumerateInstancesOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterEnumerateInstancePaths`. */
export type IterEnumerateInstancePathsOptions = Omit<OpenOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterAssociatorInstances`. */
export type IterAssociatorInstancesOptions = Omit<OpenAssociatorInstancesOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterAssociatorInstancePaths`. */
export type IterAssociatorInstancePathsOptions = Omit<OpenAssociatorInstancePathsOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterReferenceInstances`. */
export type IterReferenceInstancesOptions = Omit<OpenReferenceInstancesOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterReferenceInstancePaths`. */
export type IterReferenceInstancePathsOptions = Omit<OpenReferenceInstancePathsOptions, 'maxObjectCount'> & IterOptions;
/** Options of `iterQueryInstances`. */
export type IterQueryInstancesOptions = Pick<OpenOptions, 'namespace' | 'signal' | 'timeout' | 'operationTimeout' | 'continueOnError'> &
  IterOptions;

/** The options of an `iter*` call without the iteration settings: what the Open operation receives. */
function openOptions<O extends IterOptions>(options: O): Omit<O, 'usePull' | 'maxObjectCount'> {
  const { usePull: _usePull, maxObjectCount: _maxObjectCount, ...rest } = options;
  return rest;
}

/** Call options for Pull and CloseEnumeration: the same time limit; the signal only for Pull. */
function pullCallOptions(options: CallOptions): { signal?: AbortSignal; timeout?: number } {
  return { signal: options.signal, timeout: options.timeout };
}

const OPEN_ENUMERATE_INSTANCES = pullInstancesDecoders('OpenEnumerateInstances', 'VALUE.INSTANCEWITHPATH');
const OPEN_ENUMERATE_INSTANCE_PATHS = pullPathsDecoders('OpenEnumerateInstancePaths');
const OPEN_ASSOCIATOR_INSTANCES = pullInstancesDecoders('OpenAssociatorInstances', 'VALUE.INSTANCEWITHPATH');
const OPEN_ASSOCIATOR_INSTANCE_PATHS = pullPathsDecoders('OpenAssociatorInstancePaths');
const OPEN_REFERENCE_INSTANCES = pullInstancesDecoders('OpenReferenceInstances', 'VALUE.INSTANCEWITHPATH');
const OPEN_REFERENCE_INSTANCE_PATHS = pullPathsDecoders('OpenReferenceInstancePaths');
const OPEN_QUERY_INSTANCES = pullInstancesDecoders('OpenQueryInstances', 'INSTANCE');
const PULL_INSTANCES_WITH_PATH = pullInstancesDecoders('PullInstancesWithPath', 'VALUE.INSTANCEWITHPATH');
const PULL_INSTANCE_PATHS = pullPathsDecoders('PullInstancePaths');
const PULL_INSTANCES = pullInstancesDecoders('PullInstances', 'INSTANCE');

/** Runs a Pull operation of an enumeration as a streamed response, in the namespace of its Open. */
function pullResponse<T>(
  connection: WBEMConnection,
  operation: 'PullInstancesWithPath' | 'PullInstancePaths' | 'PullInstances',
  decoders: Parameters<WBEMConnection['streamIntrinsic']>[1],
  context: EnumerationContext,
  maxObjectCount: number,
  options: CallOptions,
): PullResponse<T> {
  const target = { EnumerationContext: context.id, MaxObjectCount: maxObjectCount };
  const callOptions = { ...pullCallOptions(options), namespace: context.namespace };
  return connection.streamIntrinsic(operation, decoders, target, callOptions, null) as PullResponse<T>;
}

/**
 * The `iter*` methods of WBEMConnection: async generators over pull operations with a
 * fallback to the traditional operations (see `IterOptions.usePull`).
 */
export abstract class ConnectionIterators {
  /**
   * Pull support learned per operation kind in `'auto'` mode: true once an Open worked,
   * false once the first Open failed with CIM_ERR_NOT_SUPPORTED or CIM_ERR_FAILED.
   */
  readonly pullSupport = new Map<PullKind, boolean>();

  /** Iterates the instances of a class: OpenEnumerateInstances and pulls, or EnumerateInstances (sent with LocalOnly false). */
  iterEnumerateInstances(this: WBEMConnection, className: ClassNameInput, options: IterEnumerateInstancesOptions = {}): AsyncGenerator<CIMInstance, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'EnumerateInstances',
      open: (max) => this.streamIntrinsic('OpenEnumerateInstances', OPEN_ENUMERATE_INSTANCES, { ClassName: className }, { ...open, maxObjectCount: max }, className),
      pull: (context, max) => pullResponse(this, 'PullInstancesWithPath', PULL_INSTANCES_WITH_PATH, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.enumerateInstances(className, { ...traditionalOptions(open), localOnly: false }),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /** Iterates the instance paths of a class: OpenEnumerateInstancePaths and pulls, or EnumerateInstanceNames. */
  iterEnumerateInstancePaths(this: WBEMConnection, className: ClassNameInput, options: IterEnumerateInstancePathsOptions = {}): AsyncGenerator<CIMInstanceName, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'EnumerateInstancePaths',
      open: (max) => this.streamIntrinsic('OpenEnumerateInstancePaths', OPEN_ENUMERATE_INSTANCE_PATHS, { ClassName: className }, { ...open, maxObjectCount: max }, className),
      pull: (context, max) => pullResponse(this, 'PullInstancePaths', PULL_INSTANCE_PATHS, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.enumerateInstanceNames(className, traditionalOptions(open)),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /** Iterates the instances associated with an instance: OpenAssociatorInstances and pulls, or Associators. */
  iterAssociatorInstances(this: WBEMConnection, instanceName: CIMInstanceName, options: IterAssociatorInstancesOptions = {}): AsyncGenerator<CIMInstance, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'AssociatorInstances',
      open: (max) => this.streamIntrinsic('OpenAssociatorInstances', OPEN_ASSOCIATOR_INSTANCES, { InstanceName: instanceName }, { ...open, maxObjectCount: max }, instanceName),
      pull: (context, max) => pullResponse(this, 'PullInstancesWithPath', PULL_INSTANCES_WITH_PATH, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.associators(instanceName, traditionalOptions(open)),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /** Iterates the paths of the instances associated with an instance: OpenAssociatorInstancePaths and pulls, or AssociatorNames. */
  iterAssociatorInstancePaths(this: WBEMConnection, instanceName: CIMInstanceName, options: IterAssociatorInstancePathsOptions = {}): AsyncGenerator<CIMInstanceName, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'AssociatorInstancePaths',
      open: (max) => this.streamIntrinsic('OpenAssociatorInstancePaths', OPEN_ASSOCIATOR_INSTANCE_PATHS, { InstanceName: instanceName }, { ...open, maxObjectCount: max }, instanceName),
      pull: (context, max) => pullResponse(this, 'PullInstancePaths', PULL_INSTANCE_PATHS, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.associatorNames(instanceName, traditionalOptions(open)),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /** Iterates the associations that refer to an instance: OpenReferenceInstances and pulls, or References. */
  iterReferenceInstances(this: WBEMConnection, instanceName: CIMInstanceName, options: IterReferenceInstancesOptions = {}): AsyncGenerator<CIMInstance, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'ReferenceInstances',
      open: (max) => this.streamIntrinsic('OpenReferenceInstances', OPEN_REFERENCE_INSTANCES, { InstanceName: instanceName }, { ...open, maxObjectCount: max }, instanceName),
      pull: (context, max) => pullResponse(this, 'PullInstancesWithPath', PULL_INSTANCES_WITH_PATH, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.references(instanceName, traditionalOptions(open)),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /** Iterates the paths of the associations that refer to an instance: OpenReferenceInstancePaths and pulls, or ReferenceNames. */
  iterReferenceInstancePaths(this: WBEMConnection, instanceName: CIMInstanceName, options: IterReferenceInstancePathsOptions = {}): AsyncGenerator<CIMInstanceName, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'ReferenceInstancePaths',
      open: (max) => this.streamIntrinsic('OpenReferenceInstancePaths', OPEN_REFERENCE_INSTANCE_PATHS, { InstanceName: instanceName }, { ...open, maxObjectCount: max }, instanceName),
      pull: (context, max) => pullResponse(this, 'PullInstancePaths', PULL_INSTANCE_PATHS, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.referenceNames(instanceName, traditionalOptions(open)),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  /**
   * Iterates the results of a query: OpenQueryInstances and PullInstances, or ExecQuery.
   * NOTE: the query result class (ReturnQueryResultClass) is not available here; use
   * `openQueryInstances` for it.
   */
  iterQueryInstances(this: WBEMConnection, queryLanguage: string, query: string, options: IterQueryInstancesOptions = {}): AsyncGenerator<CIMInstance, void, undefined> {
    const open = openOptions(options);
    return this.#iterate(options, {
      kind: 'QueryInstances',
      open: (max) => this.streamIntrinsic('OpenQueryInstances', OPEN_QUERY_INSTANCES, { FilterQueryLanguage: queryLanguage, FilterQuery: query }, { ...open, maxObjectCount: max }, null),
      pull: (context, max) => pullResponse(this, 'PullInstances', PULL_INSTANCES, context, max, open),
      close: (context) => this.closeEnumeration(context, { timeout: open.timeout }),
      traditional: () => this.execQuery(queryLanguage, query, { namespace: open.namespace, signal: open.signal, timeout: open.timeout }),
      pullOnlyOptions: pullOnlyOptions(open),
    });
  }

  #iterate<T>(this: WBEMConnection, options: IterOptions & CallOptions, plan: IterationPlan<T>): AsyncGenerator<T, void, undefined> {
    return iterate(plan, {
      usePull: options.usePull ?? 'auto',
      maxObjectCount: options.maxObjectCount ?? DEFAULT_MAX_OBJECT_COUNT,
      pullSupport: this.pullSupport,
      signal: options.signal,
      abortError: () =>
        new AbortedError(`The ${plan.kind} iteration on ${this.url} was aborted by the caller between two pull operations.`, {
          connectionId: this.connectionId,
          url: this.url,
        }),
    });
  }
}

/** Drops the options that only the Open operations take, leaving those of the traditional operation. */
function traditionalOptions<O extends OpenOptions>(
  options: O,
): Omit<O, 'filterQueryLanguage' | 'filterQuery' | 'operationTimeout' | 'continueOnError' | 'maxObjectCount'> {
  const {
    filterQueryLanguage: _language,
    filterQuery: _query,
    operationTimeout: _timeout,
    continueOnError: _continue,
    maxObjectCount: _max,
    ...rest
  } = options;
  return rest;
}

