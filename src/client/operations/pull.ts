import { CIMClass } from '../../cim/class.js';
import type { CIMClassName } from '../../cim/class-name.js';
import { CIMXMLParseError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import type { CIMInstanceName } from '../../cim/instance-name.js';
import type { IntrinsicOperation, OperationResponse } from '../../cimxml/index.js';
import type { CallOptions, IntrinsicSpec } from './call.js';
import { instanceItems, instancePathItems, outputParameter, returnedItems } from './results.js';

/** An open enumeration: the server's context id and the namespace of the Open that created it. */
export interface EnumerationContext {
  /** The `EnumerationContext` value the server returned; opaque to the client. */
  readonly id: string;
  /** Namespace that the Pull and CloseEnumeration operations of this enumeration go to. */
  readonly namespace: string;
}

/** State of an enumeration after an Open or Pull: `context` is null once the server has ended the sequence. */
export interface PullState {
  /** EndOfSequence: true when the server has sent the last objects and closed the enumeration. */
  readonly eos: boolean;
  /** Context to pass to the next Pull or to CloseEnumeration; null when `eos` is true. */
  readonly context: EnumerationContext | null;
}

/** Result of an Open or Pull operation that returns instances. */
export interface PullInstancesResult extends PullState {
  /** The instances of this batch. */
  readonly instances: CIMInstance[];
}

/** Result of an Open or Pull operation that returns instance paths. */
export interface PullPathsResult extends PullState {
  /** The instance paths of this batch. */
  readonly paths: CIMInstanceName[];
}

/** Result of `openQueryInstances`. */
export interface OpenQueryInstancesResult extends PullInstancesResult {
  /** The class that describes the query results, when `returnQueryResultClass` was true; else null. */
  readonly queryResultClass: CIMClass | null;
}

/** Options shared by the Open operations. */
export interface OpenOptions extends CallOptions {
  /** Language of `filterQuery`, such as `DMTF:FQL`; left out, or null, no filter is applied. */
  filterQueryLanguage?: string | null;
  /** Filter on the returned instances; left out, or null, no filter is applied. */
  filterQuery?: string | null;
  /** Seconds the server keeps the enumeration open between requests; left out, or null, the server chooses; 0 means never close. */
  operationTimeout?: number | null;
  /** Continue after an error on one object; left out, the server applies false. */
  continueOnError?: boolean;
  /** Maximum number of objects in this response; left out, the server applies 0 (open only, return nothing yet). */
  maxObjectCount?: number;
}

/** Options of `openEnumerateInstancePaths`. */
export type OpenEnumerateInstancePathsOptions = OpenOptions;

/** Options of `openEnumerateInstances`. */
export interface OpenEnumerateInstancesOptions extends OpenOptions {
  /** Return properties added by subclasses; left out, the server applies true. */
  deepInheritance?: boolean;
  /** Return the CLASSORIGIN of each property; left out, the server applies false. */
  includeClassOrigin?: boolean;
  /** Names of the properties to return; left out, or null, all of them. */
  propertyList?: readonly string[] | null;
}

/** Options of `openReferenceInstancePaths`. */
export interface OpenReferenceInstancePathsOptions extends OpenOptions {
  /** Return only associations of this class or its subclasses; left out, or null, no filter. */
  resultClass?: string | CIMClassName | null;
  /** Return only associations in which the source instance plays this role; left out, or null, no filter. */
  role?: string | null;
}

/** Options of `openAssociatorInstancePaths`. */
export interface OpenAssociatorInstancePathsOptions extends OpenReferenceInstancePathsOptions {
  /** Follow only associations of this class or its subclasses; left out, or null, no filter. */
  assocClass?: string | CIMClassName | null;
  /** Return only instances that play this role in the association; left out, or null, no filter. */
  resultRole?: string | null;
}

/** Options that shape the returned instances of the association Open operations. */
interface InstanceShapeOptions {
  /** Return the CLASSORIGIN of each property; left out, the server applies false. */
  includeClassOrigin?: boolean;
  /** Names of the properties to return; left out, or null, all of them. */
  propertyList?: readonly string[] | null;
}

/** Options of `openReferenceInstances`. */
export interface OpenReferenceInstancesOptions extends OpenReferenceInstancePathsOptions, InstanceShapeOptions {}

/** Options of `openAssociatorInstances`. */
export interface OpenAssociatorInstancesOptions extends OpenAssociatorInstancePathsOptions, InstanceShapeOptions {}

/** Options of `openQueryInstances`. */
export interface OpenQueryInstancesOptions extends CallOptions {
  /** Return the class that describes the results; left out, the server applies false. */
  returnQueryResultClass?: boolean;
  /** Seconds the server keeps the enumeration open between requests; left out, or null, the server chooses. */
  operationTimeout?: number | null;
  /** Continue after an error on one object; left out, the server applies false. */
  continueOnError?: boolean;
  /** Maximum number of instances in this response; left out, the server applies 0. */
  maxObjectCount?: number;
}

/** Options of the Pull operations and of `closeEnumeration`: the namespace comes from the context. */
export type PullOptions = Omit<CallOptions, 'namespace'>;

/**
 * Reads EndOfSequence and EnumerationContext, the output parameters every Open and Pull
 * response carries. Raises CIMXMLParseError when EndOfSequence is missing or when the
 * sequence goes on without a context.
 */
export function pullState(response: OperationResponse, namespace: string): PullState {
  const eosParameter = outputParameter(response, 'EndOfSequence');
  if (eosParameter === undefined) throw missingOutput(response, 'EndOfSequence');
  const eos = booleanValue(eosParameter.value);
  if (eos === null) {
    throw new CIMXMLParseError(
      `Invalid CIM-XML response to ${response.name}: EndOfSequence is ${JSON.stringify(eosParameter.value)}, not TRUE or FALSE.`,
      { elementPath: 'CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE/PARAMVALUE(EndOfSequence)' },
    );
  }

  const id = outputParameter(response, 'EnumerationContext')?.value;
  if (eos) return { eos, context: null };
  if (typeof id !== 'string' || id === '') throw missingOutput(response, 'EnumerationContext');
  return { eos, context: { id, namespace } };
}

function booleanValue(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const text = value.trim().toUpperCase();
  if (text === 'TRUE') return true;
  if (text === 'FALSE') return false;
  return null;
}

function missingOutput(response: OperationResponse, name: string): CIMXMLParseError {
  return new CIMXMLParseError(
    `Invalid CIM-XML response to ${response.name}: the output parameter ${name} is missing, so the enumeration cannot go on.`,
    { elementPath: 'CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE' },
  );
}

type InstancesOperation = Extract<IntrinsicOperation, `Open${string}Instances` | 'PullInstancesWithPath' | 'PullInstances'>;
type PathsOperation = Extract<IntrinsicOperation, `Open${string}Paths` | 'PullInstancePaths'>;

/** An Open or Pull operation returning `VALUE.INSTANCEWITHPATH*` (or `INSTANCE*` for query sequences). */
export function instancesSpec(operation: InstancesOperation): IntrinsicSpec<PullInstancesResult> {
  const element = operation === 'PullInstances' ? 'INSTANCE' : 'VALUE.INSTANCEWITHPATH';
  return {
    operation,
    decode: (response, namespace) => ({
      instances: instanceItems(response, returnedItems(response, [element]), namespace),
      ...pullState(response, namespace),
    }),
  };
}

/** An Open or Pull operation returning `INSTANCEPATH*`. */
export function pathsSpec(operation: PathsOperation): IntrinsicSpec<PullPathsResult> {
  return {
    operation,
    decode: (response, namespace) => ({
      paths: instancePathItems(response, returnedItems(response, ['INSTANCEPATH']), namespace),
      ...pullState(response, namespace),
    }),
  };
}

/** DSP0200 OpenQueryInstances: `INSTANCE*`, and the output parameter QueryResultClass when requested. */
export const OPEN_QUERY_INSTANCES: IntrinsicSpec<OpenQueryInstancesResult> = {
  operation: 'OpenQueryInstances',
  decode: (response, namespace) => {
    const resultClass = outputParameter(response, 'QueryResultClass')?.value;
    return {
      instances: instanceItems(response, returnedItems(response, ['INSTANCE']), namespace),
      ...pullState(response, namespace),
      queryResultClass: resultClass instanceof CIMClass ? resultClass : null,
    };
  },
};

/** DSP0200 CloseEnumeration: no result. */
export const CLOSE_ENUMERATION: IntrinsicSpec<void> = { operation: 'CloseEnumeration', decode: () => undefined };
