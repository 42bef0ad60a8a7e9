import type { CIMClass } from '../cim/class.js';
import { CIMClassName } from '../cim/class-name.js';
import type { CIMInstance } from '../cim/instance.js';
import type { CIMInstanceName } from '../cim/instance-name.js';
import type { CIMQualifierDeclaration } from '../cim/qualifier-declaration.js';
import type { CIMInputValue, CIMValue } from '../cim/value.js';
import {
  intrinsicRequest,
  methodCallRequest,
  normalizeNamespace,
  type CIMRequest as CIMXMLRequest,
  type IntrinsicOperation,
  type MethodParameterInput,
  type RequestOptions,
} from '../cimxml/index.js';
import { DEFAULT_NAMESPACE, serverUrl, type TlsSettings, type WBEMConnectionOptions } from './connection-options.js';
import { invoke, type InvokeContext, type OperationCall } from './invoke.js';
import { invokeStream, type StreamingCall } from './invoke-stream.js';
import * as associations from './operations/associations.js';
import type { AssociatorNamesOptions, AssociatorsOptions, ObjectNameInput, ReferenceNamesOptions, ReferencesOptions } from './operations/associations.js';
import { dsp0200Parameters, pathNamespace, type CallOptions, type IntrinsicSpec } from './operations/call.js';
import * as classes from './operations/classes.js';
import type { EnumerateClassesOptions, EnumerateClassNamesOptions, GetClassOptions } from './operations/classes.js';
import * as instances from './operations/instances.js';
import type { EnumerateInstancesOptions, GetInstanceOptions, ModifyInstanceOptions } from './operations/instances.js';
import { decodeMethodResult, type InvokeMethodOptions, type MethodResult } from './operations/methods.js';
import * as pull from './operations/pull.js';
import type {
  EnumerationContext,
  OpenAssociatorInstancePathsOptions,
  OpenAssociatorInstancesOptions,
  OpenEnumerateInstancePathsOptions,
  OpenEnumerateInstancesOptions,
  OpenQueryInstancesOptions,
  OpenQueryInstancesResult,
  OpenReferenceInstancePathsOptions,
  OpenReferenceInstancesOptions,
  PullInstancesResult,
  PullOptions,
  PullPathsResult,
} from './operations/pull.js';
import { EXEC_QUERY } from './operations/queries.js';
import * as qualifiers from './operations/qualifiers.js';
import { ConnectionIterators } from './connection-iterators.js';
import type { OperationRecorder } from './recorders/operation-record.js';
import { sendRawRequest, type RawRequestOptions, type RawResponse } from './raw-request.js';
import { Statistics } from './statistics.js';
import { WBEMTransport } from './transport.js';

/** Class name input of class-level operations: a name or a class path. */
export type ClassNameInput = string | CIMClassName;

/** Options of operations that take only the call options. */
export type OperationOptions = CallOptions;

// The public option types check parameter names and types at compile time. The writer
// checks them again at run time, so the record keyed by DSP0200 names goes in untyped.
const buildIntrinsic = intrinsicRequest as (
  operation: IntrinsicOperation,
  namespace: string,
  parameters: Record<string, unknown>,
  options: RequestOptions,
) => CIMXMLRequest;

/**
 * A connection to one WBEM server, with one method per DSP0200 operation. Requests go
 * over a pool of keep-alive HTTP connections; call `close()` (or use `await using`) when done.
 */
export class WBEMConnection extends ConnectionIterators {
  /** Server URL such as `http://127.0.0.1:5988`. */
  readonly url: string;
  /** Namespace of operations that name none, normalised without leading or trailing slashes. */
  readonly defaultNamespace: string;
  /** Id of the connection in records and errors, such as `conn-1`. */
  readonly connectionId: string;
  /** Recorders that receive one record per operation; add or remove entries at any time. */
  readonly recorders: OperationRecorder[];
  /** Per-operation statistics; enabled by the `statistics` option or by setting `statistics.enabled`. */
  readonly statistics: Statistics;
  /** TLS settings as given, without the key passphrase; they apply to https URLs only. */
  readonly tls: TlsSettings;

  readonly #transport: WBEMTransport;
  readonly #invokeContext: InvokeContext;
  #messageId = 1000;

  constructor(url: string, options: WBEMConnectionOptions = {}) {
    super();
    this.url = serverUrl(url);
    this.defaultNamespace = normalizeNamespace(options.defaultNamespace ?? DEFAULT_NAMESPACE, 'defaultNamespace option');
    this.recorders = [...(options.recorders ?? [])];
    this.statistics = new Statistics();
    this.statistics.enabled = options.statistics ?? false;
    const x509 = options.x509 ?? null;
    this.tls = Object.freeze({
      caCerts: options.caCerts ?? null,
      noVerification: options.noVerification ?? false,
      x509: x509 === null ? null : Object.freeze({ certFile: x509.certFile, keyFile: x509.keyFile }),
      minVersion: options.minVersion ?? null,
      ciphers: options.ciphers ?? null,
    });

    this.#transport = new WBEMTransport({
      url: this.url,
      credentials: options.credentials ?? null,
      preemptiveAuth: options.preemptiveAuth,
      tls: { ...this.tls, x509, verifyCallback: options.verifyCallback ?? null },
      timeout: options.timeout,
      maxResponseBytes: options.maxResponseBytes,
      connectionId: options.connectionId,
      httpMethod: options.httpMethod,
    });
    this.connectionId = this.#transport.connectionId;

    const connection = {
      connectionId: this.connectionId,
      url: this.url,
      user: this.#transport.user,
      namespace: this.defaultNamespace,
      timeout: this.#transport.timeout,
    };
    this.#invokeContext = {
      transport: this.#transport,
      operationContext: { connection, recorders: this.recorders, statistics: this.statistics },
      onWarning: options.onWarning,
      host: new URL(this.url).host,
      nextMessageId: () => String(++this.#messageId),
    };
  }

  /** Operation time limit in milliseconds. */
  get timeout(): number {
    return this.#transport.timeout;
  }

  /** Closes the pooled HTTP connections after running requests have finished. */
  async close(): Promise<void> {
    await this.#transport.close();
  }

  /** Closes the connection at the end of an `await using` block, as `close()` does. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // Instances

  /** Enumerates the instances of a class and its subclasses (EnumerateInstances); each has its path. */
  enumerateInstances(className: ClassNameInput, options?: EnumerateInstancesOptions): Promise<CIMInstance[]> {
    return this.#intrinsic(instances.ENUMERATE_INSTANCES, { ClassName: className }, options, className);
  }

  /** Enumerates the paths of the instances of a class and its subclasses (EnumerateInstanceNames). */
  enumerateInstanceNames(className: ClassNameInput, options?: OperationOptions): Promise<CIMInstanceName[]> {
    return this.#intrinsic(instances.ENUMERATE_INSTANCE_NAMES, { ClassName: className }, options, className);
  }

  /** Retrieves one instance (GetInstance); its path is `instanceName` in the target namespace. */
  getInstance(instanceName: CIMInstanceName, options?: GetInstanceOptions): Promise<CIMInstance> {
    return this.#intrinsic(instances.GET_INSTANCE(instanceName), { InstanceName: instanceName }, options, instanceName);
  }

  /** Creates an instance (CreateInstance) and returns the path the server assigned; the namespace defaults to that of `newInstance.path`. */
  createInstance(newInstance: CIMInstance, options?: OperationOptions): Promise<CIMInstanceName> {
    return this.#intrinsic(instances.CREATE_INSTANCE, { NewInstance: newInstance }, options, newInstance.path);
  }

  /** Modifies an instance (ModifyInstance); `modifiedInstance.path` names the instance. */
  modifyInstance(modifiedInstance: CIMInstance, options?: ModifyInstanceOptions): Promise<void> {
    return this.#intrinsic(instances.MODIFY_INSTANCE, { ModifiedInstance: modifiedInstance }, options, modifiedInstance.path);
  }

  /** Deletes an instance (DeleteInstance). */
  deleteInstance(instanceName: CIMInstanceName, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(instances.DELETE_INSTANCE, { InstanceName: instanceName }, options, instanceName);
  }

  /** Retrieves one property value (GetProperty); a VALUE comes back as text, since the response has no type. */
  getProperty(instanceName: CIMInstanceName, propertyName: string, options?: OperationOptions): Promise<CIMValue> {
    const target = { InstanceName: instanceName, PropertyName: propertyName };
    return this.#intrinsic(instances.GET_PROPERTY, target, options, instanceName);
  }

  /** Sets one property value (SetProperty); null sets the property to NULL. */
  setProperty(instanceName: CIMInstanceName, propertyName: string, newValue: CIMInputValue, options?: OperationOptions): Promise<void> {
    const target = { InstanceName: instanceName, PropertyName: propertyName, NewValue: newValue };
    return this.#intrinsic(instances.SET_PROPERTY, target, options, instanceName);
  }

  // Associations

  /** Returns the objects associated with the source object (Associators): instances for an instance path, classes for a class. */
  associators(objectName: CIMInstanceName, options?: AssociatorsOptions): Promise<CIMInstance[]>;
  associators(objectName: CIMClassName | string, options?: AssociatorsOptions): Promise<CIMClass[]>;
  associators(objectName: ObjectNameInput, options?: AssociatorsOptions): Promise<Array<CIMInstance | CIMClass>> {
    return this.#intrinsic(associations.ASSOCIATORS, { ObjectName: objectName }, options, objectName);
  }

  /** Returns the paths of the objects associated with the source object (AssociatorNames). */
  associatorNames(objectName: CIMInstanceName, options?: AssociatorNamesOptions): Promise<CIMInstanceName[]>;
  associatorNames(objectName: CIMClassName | string, options?: AssociatorNamesOptions): Promise<CIMClassName[]>;
  associatorNames(objectName: ObjectNameInput, options?: AssociatorNamesOptions): Promise<Array<CIMInstanceName | CIMClassName>> {
    return this.#intrinsic(associations.ASSOCIATOR_NAMES, { ObjectName: objectName }, options, objectName);
  }

  /** Returns the associations that refer to the source object (References). */
  references(objectName: CIMInstanceName, options?: ReferencesOptions): Promise<CIMInstance[]>;
  references(objectName: CIMClassName | string, options?: ReferencesOptions): Promise<CIMClass[]>;
  references(objectName: ObjectNameInput, options?: ReferencesOptions): Promise<Array<CIMInstance | CIMClass>> {
    return this.#intrinsic(associations.REFERENCES, { ObjectName: objectName }, options, objectName);
  }

  /** Returns the paths of the associations that refer to the source object (ReferenceNames). */
  referenceNames(objectName: CIMInstanceName, options?: ReferenceNamesOptions): Promise<CIMInstanceName[]>;
  referenceNames(objectName: CIMClassName | string, options?: ReferenceNamesOptions): Promise<CIMClassName[]>;
  referenceNames(objectName: ObjectNameInput, options?: ReferenceNamesOptions): Promise<Array<CIMInstanceName | CIMClassName>> {
    return this.#intrinsic(associations.REFERENCE_NAMES, { ObjectName: objectName }, options, objectName);
  }

  // Queries

  /** Runs a query (ExecQuery) such as `SELECT * FROM CIM_Foo` in `WQL` or `DMTF:CQL`. */
  execQuery(queryLanguage: string, query: string, options?: OperationOptions): Promise<CIMInstance[]> {
    return this.#intrinsic(EXEC_QUERY, { QueryLanguage: queryLanguage, Query: query }, options, null);
  }

  // Classes

  /** Enumerates classes (EnumerateClasses): the subclasses of `className`, or the top-level classes when it is left out. */
  enumerateClasses(className?: ClassNameInput | null, options?: EnumerateClassesOptions): Promise<CIMClass[]> {
    return this.#intrinsic(classes.ENUMERATE_CLASSES, optionalClassName(className), options, className);
  }

  /** Enumerates class names (EnumerateClassNames), as `enumerateClasses` does classes. */
  enumerateClassNames(className?: ClassNameInput | null, options?: EnumerateClassNamesOptions): Promise<string[]> {
    return this.#intrinsic(classes.ENUMERATE_CLASS_NAMES, optionalClassName(className), options, className);
  }

  /** Retrieves a class (GetClass). */
  getClass(className: ClassNameInput, options?: GetClassOptions): Promise<CIMClass> {
    return this.#intrinsic(classes.GET_CLASS, { ClassName: className }, options, className);
  }

  /** Creates a class (CreateClass). */
  createClass(newClass: CIMClass, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(classes.CREATE_CLASS, { NewClass: newClass }, options, newClass.path);
  }

  /** Modifies a class (ModifyClass). */
  modifyClass(modifiedClass: CIMClass, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(classes.MODIFY_CLASS, { ModifiedClass: modifiedClass }, options, modifiedClass.path);
  }

  /** Deletes a class and its subclasses (DeleteClass). */
  deleteClass(className: ClassNameInput, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(classes.DELETE_CLASS, { ClassName: className }, options, className);
  }

  // Qualifier declarations

  /** Enumerates the qualifier declarations of a namespace (EnumerateQualifiers). */
  enumerateQualifiers(options?: OperationOptions): Promise<CIMQualifierDeclaration[]> {
    return this.#intrinsic(qualifiers.ENUMERATE_QUALIFIERS, {}, options, null);
  }

  /** Retrieves a qualifier declaration (GetQualifier). */
  getQualifier(qualifierName: string, options?: OperationOptions): Promise<CIMQualifierDeclaration> {
    return this.#intrinsic(qualifiers.GET_QUALIFIER, { QualifierName: qualifierName }, options, null);
  }

  /** Creates or replaces a qualifier declaration (SetQualifier). */
  setQualifier(qualifierDeclaration: CIMQualifierDeclaration, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(qualifiers.SET_QUALIFIER, { QualifierDeclaration: qualifierDeclaration }, options, null);
  }

  /** Deletes a qualifier declaration (DeleteQualifier). */
  deleteQualifier(qualifierName: string, options?: OperationOptions): Promise<void> {
    return this.#intrinsic(qualifiers.DELETE_QUALIFIER, { QualifierName: qualifierName }, options, null);
  }

  // Extrinsic methods

  /**
   * Calls an extrinsic method on an instance, or a static method on a class. Parameters
   * are CIMParameter objects or values. Plain values get their CIM type inferred, so pass
   * typed wrappers (`new Uint32(5)`) for numbers and a CIMParameter for a NULL value.
   */
  invokeMethod(
    methodName: string,
    objectName: CIMInstanceName | CIMClassName | string,
    params?: MethodParameterInput | null,
    options?: InvokeMethodOptions,
  ): Promise<MethodResult> {
    const namespace = this.#namespace(options?.namespace, pathNamespace(objectName));
    const call: OperationCall<MethodResult> = {
      recordName: 'InvokeMethod',
      responseName: methodName,
      intrinsic: false,
      namespace,
      args: { MethodName: methodName, ObjectName: objectName, Params: params ?? null, ...namespaceArg(options) },
      build: (messageId) => methodCallRequest(namespace, objectName, methodName, params, { messageId }),
      decode: decodeMethodResult,
      headers: methodHeaders(methodName, options?.headers),
      signal: options?.signal,
      timeout: options?.timeout,
    };
    return invoke(this.#invokeContext, call);
  }

  // Raw requests

  /**
   * Sends a hand-written CIM-XML request and returns the response as received, for any
   * HTTP status; see `sendRawRequest`. It is recorded as operation `RawRequest`.
   */
  rawRequest(body: string, options?: RawRequestOptions): Promise<RawResponse> {
    return sendRawRequest(this.#invokeContext, body, options);
  }

  // Pull operations

  /** Opens an enumeration of the instances of a class (OpenEnumerateInstances). */
  openEnumerateInstances(className: ClassNameInput, options?: OpenEnumerateInstancesOptions): Promise<PullInstancesResult> {
    return this.#intrinsic(OPEN_ENUMERATE_INSTANCES, { ClassName: className }, options, className);
  }

  /** Opens an enumeration of the instance paths of a class (OpenEnumerateInstancePaths). */
  openEnumerateInstancePaths(className: ClassNameInput, options?: OpenEnumerateInstancePathsOptions): Promise<PullPathsResult> {
    return this.#intrinsic(OPEN_ENUMERATE_INSTANCE_PATHS, { ClassName: className }, options, className);
  }

  /** Opens an enumeration of the instances associated with an instance (OpenAssociatorInstances). */
  openAssociatorInstances(instanceName: CIMInstanceName, options?: OpenAssociatorInstancesOptions): Promise<PullInstancesResult> {
    return this.#intrinsic(OPEN_ASSOCIATOR_INSTANCES, { InstanceName: instanceName }, options, instanceName);
  }

  /** Opens an enumeration of the paths of the instances associated with an instance (OpenAssociatorInstancePaths). */
  openAssociatorInstancePaths(instanceName: CIMInstanceName, options?: OpenAssociatorInstancePathsOptions): Promise<PullPathsResult> {
    return this.#intrinsic(OPEN_ASSOCIATOR_INSTANCE_PATHS, { InstanceName: instanceName }, options, instanceName);
  }

  /** Opens an enumeration of the associations that refer to an instance (OpenReferenceInstances). */
  openReferenceInstances(instanceName: CIMInstanceName, options?: OpenReferenceInstancesOptions): Promise<PullInstancesResult> {
    return this.#intrinsic(OPEN_REFERENCE_INSTANCES, { InstanceName: instanceName }, options, instanceName);
  }

  /** Opens an enumeration of the paths of the associations that refer to an instance (OpenReferenceInstancePaths). */
  openReferenceInstancePaths(instanceName: CIMInstanceName, options?: OpenReferenceInstancePathsOptions): Promise<PullPathsResult> {
    return this.#intrinsic(OPEN_REFERENCE_INSTANCE_PATHS, { InstanceName: instanceName }, options, instanceName);
  }

  /** Opens an enumeration of the results of a query (OpenQueryInstances); the instances have no paths. */
  openQueryInstances(
    filterQueryLanguage: string,
    filterQuery: string,
    options?: OpenQueryInstancesOptions,
  ): Promise<OpenQueryInstancesResult> {
    const target = { FilterQueryLanguage: filterQueryLanguage, FilterQuery: filterQuery };
    return this.#intrinsic(pull.OPEN_QUERY_INSTANCES, target, options, null);
  }

  /** Pulls the next instances with paths of an enumeration (PullInstancesWithPath). */
  pullInstancesWithPath(context: EnumerationContext, maxObjectCount: number, options?: PullOptions): Promise<PullInstancesResult> {
    return this.#pull(PULL_INSTANCES_WITH_PATH, context, maxObjectCount, options);
  }

  /** Pulls the next instance paths of an enumeration (PullInstancePaths). */
  pullInstancePaths(context: EnumerationContext, maxObjectCount: number, options?: PullOptions): Promise<PullPathsResult> {
    return this.#pull(PULL_INSTANCE_PATHS, context, maxObjectCount, options);
  }

  /** Pulls the next instances of a query enumeration (PullInstances); they have no paths. */
  pullInstances(context: EnumerationContext, maxObjectCount: number, options?: PullOptions): Promise<PullInstancesResult> {
    return this.#pull(PULL_INSTANCES, context, maxObjectCount, options);
  }

  /** Closes an enumeration that has not reached EndOfSequence (CloseEnumeration). */
  closeEnumeration(context: EnumerationContext, options?: PullOptions): Promise<void> {
    checkContext(context);
    const target = { EnumerationContext: context.id };
    return this.#intrinsic(pull.CLOSE_ENUMERATION, target, { ...options, namespace: context.namespace }, null);
  }

  #pull<T>(spec: IntrinsicSpec<T>, context: EnumerationContext, maxObjectCount: number, options: PullOptions | undefined): Promise<T> {
    checkContext(context);
    const target = { EnumerationContext: context.id, MaxObjectCount: maxObjectCount };
    return this.#intrinsic(spec, target, { ...options, namespace: context.namespace }, null);
  }

  /**
   * Runs an intrinsic operation and yields the decoded IRETURNVALUE items as they arrive
   * from the HTTP body; returns what `decoders.decodeEnd` makes of the rest of the
   * response. The `iter*` methods read Open and Pull responses this way.
   * @internal
   */
  streamIntrinsic<T, R, O extends CallOptions>(
    operation: IntrinsicOperation,
    decoders: Pick<StreamingCall<T, R>, 'decodeItem' | 'decodeEnd' | 'recordResult'>,
    target: Record<string, unknown>,
    options: O | undefined,
    targetPath: unknown,
  ): AsyncGenerator<T, R, undefined> {
    return invokeStream(this.#invokeContext, { ...this.#intrinsicCall(operation, target, options, targetPath), ...decoders });
  }

  /** Runs an intrinsic operation with its target parameters and the DSP0200 parameters of `options`. */
  #intrinsic<T>(spec: IntrinsicSpec<T>, target: Record<string, unknown>, options: CallOptions | undefined, targetPath: unknown): Promise<T> {
    return invoke(this.#invokeContext, { ...this.#intrinsicCall(spec.operation, target, options, targetPath), decode: spec.decode });
  }

  #intrinsicCall(
    operation: IntrinsicOperation,
    target: Record<string, unknown>,
    options: CallOptions | undefined,
    targetPath: unknown,
  ): Omit<OperationCall<unknown>, 'decode'> {
    const namespace = this.#namespace(options?.namespace, pathNamespace(targetPath));
    const parameters = { ...target, ...dsp0200Parameters(options) };
    return {
      recordName: operation,
      responseName: operation,
      intrinsic: true,
      namespace,
      args: { ...parameters, ...namespaceArg(options) },
      build: (messageId) => buildIntrinsic(operation, namespace, parameters, { messageId }),
      signal: options?.signal,
      timeout: options?.timeout,
    };
  }

  #namespace(explicit: string | undefined, fromTarget: string | null): string {
    return normalizeNamespace(explicit ?? fromTarget ?? this.defaultNamespace, 'namespace option');
  }
}

const OPEN_ENUMERATE_INSTANCES = pull.instancesSpec('OpenEnumerateInstances');
const OPEN_ENUMERATE_INSTANCE_PATHS = pull.pathsSpec('OpenEnumerateInstancePaths');
const OPEN_ASSOCIATOR_INSTANCES = pull.instancesSpec('OpenAssociatorInstances');
const OPEN_ASSOCIATOR_INSTANCE_PATHS = pull.pathsSpec('OpenAssociatorInstancePaths');
const OPEN_REFERENCE_INSTANCES = pull.instancesSpec('OpenReferenceInstances');
const OPEN_REFERENCE_INSTANCE_PATHS = pull.pathsSpec('OpenReferenceInstancePaths');
const PULL_INSTANCES_WITH_PATH = pull.instancesSpec('PullInstancesWithPath');
const PULL_INSTANCE_PATHS = pull.pathsSpec('PullInstancePaths');
const PULL_INSTANCES = pull.instancesSpec('PullInstances');

/**
 * Adds `Pragma: UpdateExpiredPassword` to a call of SFCB's UpdateExpiredPassword method,
 * which SFCB requires to accept the call from a user whose password has expired.
 */
function methodHeaders(methodName: string, headers: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> | undefined {
  if (methodName.toLowerCase() !== 'updateexpiredpassword') return headers;
  return { Pragma: 'UpdateExpiredPassword', ...headers };
}

function optionalClassName(className: ClassNameInput | null | undefined): Record<string, unknown> {
  return className === undefined || className === null ? {} : { ClassName: className };
}

function namespaceArg(options: CallOptions | undefined): Record<string, unknown> {
  return options?.namespace === undefined ? {} : { namespace: options.namespace };
}

function checkContext(context: EnumerationContext): void {
  if (typeof context !== 'object' || context === null || typeof context.id !== 'string' || typeof context.namespace !== 'string') {
    throw new TypeError(
      `The enumeration context ${String(context)} is not valid; pass the context of the last Open or Pull result, which is null once EndOfSequence is true.`,
    );
  }
}
