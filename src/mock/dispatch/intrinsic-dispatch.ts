import { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMError } from '../../cim/errors.js';
import { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIM_ERR_INVALID_PARAMETER, CIM_ERR_NOT_SUPPORTED } from '../../cim/status-codes.js';
import { isIntrinsicOperation, type IntrinsicOperation, type IntrinsicResults, type IParamValue } from '../../cimxml/index.js';
import type { EnumerationContextTable, EnumerationKind, PullResult as RepositoryPullResult } from '../enumeration-contexts.js';
import * as operations from '../operations/index.js';
import type { MockRepository } from '../repository.js';
import { IntrinsicArguments } from './intrinsic-arguments.js';
import { convertTextValue } from './text-values.js';

/** What one intrinsic operation runs against. */
export interface DispatchContext {
  repository: MockRepository;
  contexts: EnumerationContextTable;
  /** Target namespace of the request. */
  namespace: string;
  /** Host (with port) put into returned paths that need one, such as `127.0.0.1:5988`. */
  host: string;
}

type Handler<Op extends IntrinsicOperation> = (ctx: DispatchContext, args: IntrinsicArguments) => IntrinsicResults[Op];

type HandlerTable = { [Op in IntrinsicOperation]: Handler<Op> };

/** A completed intrinsic operation, ready for `intrinsicResponseBytes`. */
export interface IntrinsicOutcome {
  operation: IntrinsicOperation;
  result: IntrinsicResults[IntrinsicOperation];
}

/**
 * Runs an intrinsic operation against the repository. Raises CIMError: CIM_ERR_NOT_SUPPORTED
 * for an operation DSP0200 does not define, CIM_ERR_INVALID_PARAMETER for missing, unknown
 * or malformed parameters, and whatever the operation raises.
 */
export function runIntrinsic(ctx: DispatchContext, name: string, parameters: readonly IParamValue[]): IntrinsicOutcome {
  if (!isIntrinsicOperation(name)) {
    throw new CIMError(CIM_ERR_NOT_SUPPORTED, `Intrinsic operation ${name} is not supported by this server.`);
  }
  const args = new IntrinsicArguments(name, parameters);
  const handler = HANDLERS[name] as Handler<IntrinsicOperation>;
  return { operation: name, result: handler(ctx, args) };
}

const classOutput = (args: IntrinsicArguments) => ({
  localOnly: args.boolean('LocalOnly'),
  includeQualifiers: args.boolean('IncludeQualifiers'),
  includeClassOrigin: args.boolean('IncludeClassOrigin'),
});

const instanceOutput = (args: IntrinsicArguments) => ({
  includeQualifiers: args.boolean('IncludeQualifiers'),
  includeClassOrigin: args.boolean('IncludeClassOrigin'),
  propertyList: args.propertyList('PropertyList'),
});

const associatorFilters = (args: IntrinsicArguments) => ({
  assocClass: args.className('AssocClass'),
  resultClass: args.className('ResultClass'),
  role: args.string('Role'),
  resultRole: args.string('ResultRole'),
});

const referenceFilters = (args: IntrinsicArguments) => ({
  resultClass: args.className('ResultClass'),
  role: args.string('Role'),
});

const openOptions = (args: IntrinsicArguments) => ({
  filterQueryLanguage: args.string('FilterQueryLanguage'),
  filterQuery: args.string('FilterQuery'),
  operationTimeout: args.uint32('OperationTimeout'),
  continueOnError: args.boolean('ContinueOnError'),
  maxObjectCount: args.uint32('MaxObjectCount') ?? 0,
});

const pullOptions = (args: IntrinsicArguments) => ({
  ...openOptions(args),
  includeClassOrigin: args.boolean('IncludeClassOrigin'),
  propertyList: args.propertyList('PropertyList'),
});

/** The CLASSNAME of a required parameter; IntrinsicArguments has checked that it is present. */
const requiredClass = (args: IntrinsicArguments, name: string): string => args.className(name) as string;

const HANDLERS: HandlerTable = {
  GetClass: ({ repository, namespace }, args) =>
    operations.getClass(repository, namespace, requiredClass(args, 'ClassName'), {
      ...classOutput(args),
      propertyList: args.propertyList('PropertyList'),
    }),
  EnumerateClasses: ({ repository, namespace }, args) =>
    operations.enumerateClasses(repository, namespace, {
      className: args.className('ClassName'),
      deepInheritance: args.boolean('DeepInheritance'),
      ...classOutput(args),
    }),
  EnumerateClassNames: ({ repository, namespace }, args) =>
    operations.enumerateClassNames(repository, namespace, {
      className: args.className('ClassName'),
      deepInheritance: args.boolean('DeepInheritance'),
    }),
  CreateClass: ({ repository, namespace }, args) => operations.createClass(repository, namespace, args.cimClass('NewClass') as CIMClass),
  ModifyClass: ({ repository, namespace }, args) =>
    operations.modifyClass(repository, namespace, args.cimClass('ModifiedClass') as CIMClass),
  DeleteClass: ({ repository, namespace }, args) => operations.deleteClass(repository, namespace, requiredClass(args, 'ClassName')),

  GetInstance: ({ repository, namespace }, args) =>
    operations.getInstance(repository, namespace, args.instanceName('InstanceName') as CIMInstanceName, {
      localOnly: args.boolean('LocalOnly'),
      ...instanceOutput(args),
    }),
  EnumerateInstances: (ctx, args) =>
    withHostEach(
      ctx,
      operations.enumeratedInstances(ctx.repository, ctx.namespace, requiredClass(args, 'ClassName'), {
        localOnly: args.boolean('LocalOnly'),
        deepInheritance: args.boolean('DeepInheritance'),
        ...instanceOutput(args),
      }),
    ),
  EnumerateInstanceNames: ({ repository, namespace }, args) =>
    operations.enumerateInstanceNames(repository, namespace, requiredClass(args, 'ClassName')),
  CreateInstance: ({ repository, namespace }, args) =>
    operations.createInstance(repository, namespace, args.instance('NewInstance') as CIMInstance),
  ModifyInstance: ({ repository, namespace }, args) =>
    operations.modifyInstance(repository, namespace, args.instance('ModifiedInstance') as CIMInstance, {
      includeQualifiers: args.boolean('IncludeQualifiers'),
      propertyList: args.propertyList('PropertyList'),
    }),
  DeleteInstance: ({ repository, namespace }, args) =>
    operations.deleteInstance(repository, namespace, args.instanceName('InstanceName') as CIMInstanceName),

  Associators: (ctx, args) => {
    const objectName = args.objectName('ObjectName')!;
    const options = { ...associatorFilters(args), ...instanceOutput(args) };
    const found =
      objectName instanceof CIMClassName
        ? operations.associators(ctx.repository, ctx.namespace, objectName, options)
        : operations.associators(ctx.repository, ctx.namespace, objectName, options);
    return withHost<CIMInstance | CIMClass>(ctx, found);
  },
  AssociatorNames: (ctx, args) =>
    withHost(ctx, operations.associatorNames(ctx.repository, ctx.namespace, args.objectName('ObjectName')!, associatorFilters(args))),
  References: (ctx, args) => {
    const objectName = args.objectName('ObjectName')!;
    const options = { ...referenceFilters(args), ...instanceOutput(args) };
    const found =
      objectName instanceof CIMClassName
        ? operations.references(ctx.repository, ctx.namespace, objectName, options)
        : operations.references(ctx.repository, ctx.namespace, objectName, options);
    return withHost<CIMInstance | CIMClass>(ctx, found);
  },
  ReferenceNames: (ctx, args) =>
    withHost(ctx, operations.referenceNames(ctx.repository, ctx.namespace, args.objectName('ObjectName')!, referenceFilters(args))),

  GetProperty: ({ repository, namespace }, args) => {
    const property = operations.getProperty(repository, namespace, args.instanceName('InstanceName')!, args.string('PropertyName')!);
    return { value: property.value, type: property.type, embeddedObject: property.embeddedObject };
  },
  SetProperty: ({ repository, namespace }, args) => {
    const instanceName = args.instanceName('InstanceName')!;
    const propertyName = args.string('PropertyName')!;
    const declared = repository.storedClass(namespace, instanceName.className).properties.get(propertyName);
    const raw = args.raw('NewValue');
    if (raw instanceof Object && !Array.isArray(raw) && !(raw instanceof CIMInstanceName) && !(raw instanceof CIMClassName)) {
      throw new CIMError(CIM_ERR_INVALID_PARAMETER, 'Parameter NewValue of SetProperty must be a VALUE, VALUE.ARRAY or VALUE.REFERENCE.');
    }
    const newValue = declared ? convertTextValue(raw, declared.type, `property ${declared.name}`) : null;
    operations.setProperty(repository, namespace, instanceName, propertyName, newValue);
  },

  GetQualifier: ({ repository, namespace }, args) => operations.getQualifier(repository, namespace, args.string('QualifierName')!),
  SetQualifier: ({ repository, namespace }, args) =>
    operations.setQualifier(repository, namespace, args.qualifierDeclaration('QualifierDeclaration')!),
  DeleteQualifier: ({ repository, namespace }, args) => operations.deleteQualifier(repository, namespace, args.string('QualifierName')!),
  EnumerateQualifiers: ({ repository, namespace }) => operations.enumerateQualifiers(repository, namespace),

  ExecQuery: (ctx, args) =>
    withHost(ctx, operations.execQuery(ctx.repository, ctx.namespace, args.string('QueryLanguage')!, args.string('Query')!)),

  OpenEnumerateInstances: (ctx, args) =>
    pullResult(
      ctx,
      operations.openEnumerateInstances(ctx.repository, ctx.contexts, ctx.namespace, requiredClass(args, 'ClassName'), {
        ...pullOptions(args),
        deepInheritance: args.boolean('DeepInheritance'),
      }),
    ),
  OpenEnumerateInstancePaths: (ctx, args) =>
    pullResult(
      ctx,
      operations.openEnumerateInstancePaths(ctx.repository, ctx.contexts, ctx.namespace, requiredClass(args, 'ClassName'), openOptions(args)),
    ),
  OpenAssociatorInstances: (ctx, args) =>
    pullResult(
      ctx,
      operations.openAssociatorInstances(ctx.repository, ctx.contexts, ctx.namespace, args.instanceName('InstanceName')!, {
        ...pullOptions(args),
        ...associatorFilters(args),
      }),
    ),
  OpenAssociatorInstancePaths: (ctx, args) =>
    pullResult(
      ctx,
      operations.openAssociatorInstancePaths(ctx.repository, ctx.contexts, ctx.namespace, args.instanceName('InstanceName')!, {
        ...openOptions(args),
        ...associatorFilters(args),
      }),
    ),
  OpenReferenceInstances: (ctx, args) =>
    pullResult(
      ctx,
      operations.openReferenceInstances(ctx.repository, ctx.contexts, ctx.namespace, args.instanceName('InstanceName')!, {
        ...pullOptions(args),
        ...referenceFilters(args),
      }),
    ),
  OpenReferenceInstancePaths: (ctx, args) =>
    pullResult(
      ctx,
      operations.openReferenceInstancePaths(ctx.repository, ctx.contexts, ctx.namespace, args.instanceName('InstanceName')!, {
        ...openOptions(args),
        ...referenceFilters(args),
      }),
    ),
  OpenQueryInstances: (ctx, args) => {
    const result = operations.openQueryInstances(ctx.repository, ctx.contexts, ctx.namespace, {
      filterQueryLanguage: args.string('FilterQueryLanguage')!,
      filterQuery: args.string('FilterQuery')!,
      returnQueryResultClass: args.boolean('ReturnQueryResultClass'),
      operationTimeout: args.uint32('OperationTimeout'),
      continueOnError: args.boolean('ContinueOnError'),
      maxObjectCount: args.uint32('MaxObjectCount') ?? 0,
    });
    return { ...pullResult(ctx, result), queryResultClass: result.queryResultClass };
  },
  PullInstancesWithPath: (ctx, args) => pulledBatch(ctx, args, 'instancesWithPath'),
  PullInstancePaths: (ctx, args) => pulledBatch(ctx, args, 'instancePaths'),
  PullInstances: (ctx, args) => pulledBatch(ctx, args, 'instances'),
  CloseEnumeration: (ctx, args) => operations.closeEnumeration(ctx.contexts, ctx.namespace, args.string('EnumerationContext')!),
  EnumerationCount: (ctx, args) => operations.enumerationCount(ctx.contexts, ctx.namespace, args.string('EnumerationContext')!),
};

function maxObjectCount(args: IntrinsicArguments): number {
  return args.uint32('MaxObjectCount') as number;
}

function pullResult<T extends CIMInstance | CIMInstanceName>(ctx: DispatchContext, result: RepositoryPullResult<T>) {
  return { objects: withHost(ctx, result.items), endOfSequence: result.endOfSequence, enumerationContext: result.enumerationContext };
}

/** Runs a Pull operation whose objects are copied while the response is written. */
function pulledBatch<K extends EnumerationKind>(ctx: DispatchContext, args: IntrinsicArguments, kind: K) {
  const batch = operations.pullEach(ctx.contexts, ctx.namespace, args.string('EnumerationContext')!, kind, maxObjectCount(args));
  return { objects: withHostEach(ctx, batch.objects), endOfSequence: batch.endOfSequence, enumerationContext: batch.enumerationContext };
}

/**
 * Sets the host and namespace of returned paths: VALUE.OBJECTWITHPATH, INSTANCEPATH and
 * OBJECTPATH carry both. The objects are copies made for this response.
 */
function withHost<T extends CIMInstance | CIMClass | CIMInstanceName | CIMClassName>(ctx: DispatchContext, items: T[]): T[] {
  for (const item of items) setHost(ctx, item);
  return items;
}

/** `withHost` for a sequence that is read once: sets each path as the object is read. */
function* withHostEach<T extends CIMInstance | CIMClass | CIMInstanceName | CIMClassName>(ctx: DispatchContext, items: Iterable<T>): Generator<T> {
  for (const item of items) {
    setHost(ctx, item);
    yield item;
  }
}

function setHost(ctx: DispatchContext, item: CIMInstance | CIMClass | CIMInstanceName | CIMClassName): void {
  const path: CIMInstanceName | CIMClassName | null = item instanceof CIMInstance || item instanceof CIMClass ? item.path : (item as CIMInstanceName | CIMClassName);
  if (path === null) return;
  path.host = ctx.host;
  path.namespace ??= ctx.namespace;
}
