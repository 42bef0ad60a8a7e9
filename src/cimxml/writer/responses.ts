import type { CIMType } from '../../cim/cim-type.js';
import type { CIMClass } from '../../cim/class.js';
import { CIMClassName } from '../../cim/class-name.js';
import type { CIMError } from '../../cim/errors.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { CIMParameter } from '../../cim/parameter.js';
import type { EmbeddedObjectKind } from '../../cim/property.js';
import type { CIMQualifierDeclaration } from '../../cim/qualifier-declaration.js';
import type { CIMInputValue } from '../../cim/value.js';
import { endMessage, inferEmbeddedObject, startMessage, writeParamValue } from './message.js';
import {
  writeClass,
  writeInstance,
  writeQualifierDeclaration,
  writeValueInstanceWithPath,
  writeValueNamedInstance,
  writeValueObjectWithPath,
} from './object-writer.js';
import type { IntrinsicOperation } from './operations.js';
import { writeClassName, writeClassPath, writeInstanceName, writeInstancePath } from './path-writer.js';
import { writeValue, writeValueContent } from './value-writer.js';
import { ByteSink } from './byte-sink.js';
import { TextSink, type XmlSink } from './xml-sink.js';

/** A value with its CIM type, as GetProperty and method return values carry it. */
export interface TypedValueInput {
  value: CIMInputValue;
  type: CIMType;
  /** Marks a string value that carries an embedded object; inferred from the value when left out. */
  embeddedObject?: EmbeddedObjectKind | null;
}

/** Outcome of a pull operation: the objects, and the EndOfSequence and EnumerationContext output parameters. */
export interface PullResult<T> {
  objects: Iterable<T>;
  endOfSequence: boolean;
  /** NULL once the sequence has ended. */
  enumerationContext: string | null;
}

/** Outcome of OpenQueryInstances, with the QueryResultClass output parameter when it was requested. */
export interface QueryPullResult extends PullResult<CIMInstance> {
  queryResultClass?: CIMClass | null;
}

/** Result type of each intrinsic operation, as a server passes it to the response writer. */
export interface IntrinsicResults {
  GetClass: CIMClass;
  EnumerateClasses: Iterable<CIMClass>;
  EnumerateClassNames: Iterable<string | CIMClassName>;
  CreateClass: void;
  ModifyClass: void;
  DeleteClass: void;
  /** Written as INSTANCE; the path is not sent. */
  GetInstance: CIMInstance;
  /** Written as VALUE.NAMEDINSTANCE; every instance needs a path. */
  EnumerateInstances: Iterable<CIMInstance>;
  EnumerateInstanceNames: Iterable<CIMInstanceName>;
  CreateInstance: CIMInstanceName;
  ModifyInstance: void;
  DeleteInstance: void;
  /** Written as VALUE.OBJECTWITHPATH; paths need a host and a namespace. */
  Associators: Iterable<CIMInstance | CIMClass>;
  /** Written as OBJECTPATH; paths need a host and a namespace. */
  AssociatorNames: Iterable<CIMInstanceName | CIMClassName>;
  References: Iterable<CIMInstance | CIMClass>;
  ReferenceNames: Iterable<CIMInstanceName | CIMClassName>;
  /** A NULL value returns an empty IRETURNVALUE. */
  GetProperty: TypedValueInput;
  SetProperty: void;
  GetQualifier: CIMQualifierDeclaration;
  SetQualifier: void;
  DeleteQualifier: void;
  EnumerateQualifiers: Iterable<CIMQualifierDeclaration>;
  ExecQuery: Iterable<CIMInstance | CIMClass>;
  OpenEnumerateInstances: PullResult<CIMInstance>;
  OpenEnumerateInstancePaths: PullResult<CIMInstanceName>;
  OpenAssociatorInstances: PullResult<CIMInstance>;
  OpenAssociatorInstancePaths: PullResult<CIMInstanceName>;
  OpenReferenceInstances: PullResult<CIMInstance>;
  OpenReferenceInstancePaths: PullResult<CIMInstanceName>;
  OpenQueryInstances: QueryPullResult;
  PullInstancesWithPath: PullResult<CIMInstance>;
  PullInstancePaths: PullResult<CIMInstanceName>;
  PullInstances: PullResult<CIMInstance>;
  CloseEnumeration: void;
  /** NULL when the server cannot count. */
  EnumerationCount: bigint | number | null;
}

/** Writes the content of IRETURNVALUE for one operation's result. */
type ReturnWriter = (sink: XmlSink, result: never) => void;

/** Writes one object of a result that is a list of objects; the response is cut into chunks between objects. */
interface ListWriter {
  each: (sink: XmlSink, item: never) => void;
}

const eachOf = <T>(write: (sink: XmlSink, item: T) => void): ListWriter => ({ each: write });

const writeObjectPath = (sink: XmlSink, path: CIMInstanceName | CIMClassName): void => {
  sink.start('OBJECTPATH');
  if (path instanceof CIMInstanceName) writeInstancePath(sink, path, `path of class ${path.className}`);
  else writeClassPath(sink, path, `path of class ${path.className}`);
  sink.end('OBJECTPATH');
};

const writeNamedInstances = eachOf<CIMInstance>((sink, instance) => writeValueNamedInstance(sink, instance));
const writeInstancesWithPath = eachOf<CIMInstance>((sink, instance) => writeValueInstanceWithPath(sink, instance));
const writeInstancePaths = eachOf<CIMInstanceName>((sink, path) =>
  writeInstancePath(sink, path, `path of class ${path.className}`),
);
const writeInstances = eachOf<CIMInstance>(writeInstance);
const writeObjectsWithPath = eachOf<CIMInstance | CIMClass>(writeValueObjectWithPath);
const writeObjectPaths = eachOf<CIMInstanceName | CIMClassName>(writeObjectPath);
const writeClassNames = eachOf<string | CIMClassName>((sink, name) =>
  writeClassName(sink, typeof name === 'string' ? name : name.className),
);

const NO_RESULT = null;

/** IRETURNVALUE content per operation (DSP0200); null for operations that return nothing. */
const RETURN_WRITERS: Readonly<Record<IntrinsicOperation, ReturnWriter | ListWriter | null>> = {
  GetClass: writeClass,
  EnumerateClasses: eachOf<CIMClass>(writeClass),
  EnumerateClassNames: writeClassNames,
  CreateClass: NO_RESULT,
  ModifyClass: NO_RESULT,
  DeleteClass: NO_RESULT,
  GetInstance: writeInstance,
  EnumerateInstances: writeNamedInstances,
  EnumerateInstanceNames: eachOf<CIMInstanceName>(writeInstanceName),
  CreateInstance: writeInstanceName,
  ModifyInstance: NO_RESULT,
  DeleteInstance: NO_RESULT,
  Associators: writeObjectsWithPath,
  AssociatorNames: writeObjectPaths,
  References: writeObjectsWithPath,
  ReferenceNames: writeObjectPaths,
  GetProperty: (sink: XmlSink, result: TypedValueInput) =>
    writeValueContent(sink, result.value, result.type, Array.isArray(result.value), 'GetProperty result'),
  SetProperty: NO_RESULT,
  GetQualifier: writeQualifierDeclaration,
  SetQualifier: NO_RESULT,
  DeleteQualifier: NO_RESULT,
  EnumerateQualifiers: eachOf<CIMQualifierDeclaration>(writeQualifierDeclaration),
  ExecQuery: writeObjectsWithPath,
  OpenEnumerateInstances: writeInstancesWithPath,
  OpenEnumerateInstancePaths: writeInstancePaths,
  OpenAssociatorInstances: writeInstancesWithPath,
  OpenAssociatorInstancePaths: writeInstancePaths,
  OpenReferenceInstances: writeInstancesWithPath,
  OpenReferenceInstancePaths: writeInstancePaths,
  OpenQueryInstances: writeInstances,
  PullInstancesWithPath: writeInstancesWithPath,
  PullInstancePaths: writeInstancePaths,
  PullInstances: writeInstances,
  CloseEnumeration: NO_RESULT,
  EnumerationCount: (sink: XmlSink, count: bigint | number | null) => {
    if (count !== null) writeValue(sink, count, 'uint64', 'EnumerationCount result');
  },
};

const PULL_OPERATIONS: ReadonlySet<IntrinsicOperation> = new Set([
  'OpenEnumerateInstances',
  'OpenEnumerateInstancePaths',
  'OpenAssociatorInstances',
  'OpenAssociatorInstancePaths',
  'OpenReferenceInstances',
  'OpenReferenceInstancePaths',
  'OpenQueryInstances',
  'PullInstancesWithPath',
  'PullInstancePaths',
  'PullInstances',
]);

/**
 * Length in UTF-16 code units after which `intrinsicResponseChunks` yields a chunk, at the
 * next boundary between result objects (64 Ki). Small chunks keep each piece of text
 * short-lived, so the garbage collector frees it young, and let a server send the first
 * bytes early.
 */
export const RESPONSE_CHUNK_LENGTH = 64 * 1024;

/**
 * Yields the CIM-XML response to an intrinsic operation in chunks of at least
 * `RESPONSE_CHUNK_LENGTH` code units (the last one may be shorter), each ending after a
 * whole result object, so a server can stream large enumerations. The result objects
 * are read from the iterable only as the chunks are requested.
 * Pull operations get the EndOfSequence and EnumerationContext PARAMVALUEs after
 * IRETURNVALUE (and QueryResultClass for OpenQueryInstances when given).
 */
export function* intrinsicResponseChunks<Op extends IntrinsicOperation>(
  messageId: string,
  operation: Op,
  result: IntrinsicResults[Op],
): Generator<string> {
  yield* responseChunks(new TextSink(), messageId, operation, result);
}

/**
 * Yields the same response as `intrinsicResponseChunks` as UTF-8 bytes, in chunks of at
 * least `RESPONSE_CHUNK_LENGTH` bytes, for a server that writes them to a socket.
 */
export function* intrinsicResponseBytes<Op extends IntrinsicOperation>(
  messageId: string,
  operation: Op,
  result: IntrinsicResults[Op],
): Generator<Buffer> {
  yield* responseChunks(new ByteSink(), messageId, operation, result);
}

/** A sink that hands out what it has written in chunks, as text or as bytes. */
interface ChunkSink<T> extends XmlSink {
  raw(text: string): void;
  readonly length: number;
  take(): T;
}

function* responseChunks<T, Op extends IntrinsicOperation>(
  sink: ChunkSink<T>,
  messageId: string,
  operation: Op,
  result: IntrinsicResults[Op],
): Generator<T> {
  startMessage(sink, messageId, 'SIMPLERSP');
  sink.start('IMETHODRESPONSE');
  sink.attribute('NAME', operation);

  const writer = RETURN_WRITERS[operation];
  const isPull = PULL_OPERATIONS.has(operation);
  if (writer !== null) {
    sink.start('IRETURNVALUE');
    if (typeof writer === 'function') (writer as (sink: XmlSink, result: unknown) => void)(sink, result);
    else if (isPull) yield* writeChunked(sink, writer, (result as PullResult<unknown>).objects);
    else yield* writeChunked(sink, writer, result as Iterable<unknown>);
    sink.end('IRETURNVALUE');
  }
  if (isPull) writePullParameters(sink, result as PullResult<unknown> & QueryPullResult);

  sink.end('IMETHODRESPONSE');
  endMessage(sink, 'SIMPLERSP');
  yield sink.take();
}

/** Returns the complete CIM-XML response to an intrinsic operation; see `intrinsicResponseChunks`. */
export function intrinsicResponse<Op extends IntrinsicOperation>(
  messageId: string,
  operation: Op,
  result: IntrinsicResults[Op],
): string {
  let text = '';
  for (const chunk of intrinsicResponseChunks(messageId, operation, result)) text += chunk;
  return text;
}

function* writeChunked<T>(sink: ChunkSink<T>, writer: ListWriter, items: Iterable<unknown>): Generator<T> {
  const writeOne = writer.each as (sink: XmlSink, item: unknown) => void;
  for (const item of items) {
    writeOne(sink, item);
    if (sink.length >= RESPONSE_CHUNK_LENGTH) yield sink.take();
  }
}

function writePullParameters(sink: XmlSink, result: PullResult<unknown> & QueryPullResult): void {
  if (result.queryResultClass !== undefined && result.queryResultClass !== null) {
    sink.start('PARAMVALUE');
    sink.attribute('NAME', 'QueryResultClass');
    sink.attribute('PARAMTYPE', 'string');
    sink.attribute('EmbeddedObject', 'object');
    writeClass(sink, result.queryResultClass);
    sink.end('PARAMVALUE');
  }
  writeParamValue(sink, new CIMParameter('EndOfSequence', { type: 'boolean', value: result.endOfSequence }));
  writeParamValue(sink, new CIMParameter('EnumerationContext', { type: 'string', value: result.enumerationContext }));
}

/** Returns an IMETHODRESPONSE that carries `ERROR` with the code, description and CIM_Error instances of `error`. */
export function intrinsicErrorResponse(messageId: string, operation: string, error: CIMError): string {
  return errorResponse(messageId, 'SIMPLERSP', 'IMETHODRESPONSE', operation, error);
}

/** Returns a METHODRESPONSE that carries `ERROR`. */
export function methodErrorResponse(messageId: string, methodName: string, error: CIMError): string {
  return errorResponse(messageId, 'SIMPLERSP', 'METHODRESPONSE', methodName, error);
}

export interface MethodResult {
  /** Return value of the method; null or left out for none. */
  returnValue?: TypedValueInput | null;
  outParameters?: Iterable<CIMParameter> | null;
}

/**
 * Returns a METHODRESPONSE: RETURNVALUE with PARAMTYPE (and EmbeddedObject for
 * embedded objects), then one PARAMVALUE per output parameter.
 */
export function methodResponse(messageId: string, methodName: string, result: MethodResult): string {
  const sink = new TextSink();
  startMessage(sink, messageId, 'SIMPLERSP');
  sink.start('METHODRESPONSE');
  sink.attribute('NAME', methodName, `${methodName} response`);

  const returnValue = result.returnValue ?? null;
  if (returnValue !== null) writeReturnValue(sink, returnValue);
  for (const parameter of result.outParameters ?? []) writeParamValue(sink, parameter);

  sink.end('METHODRESPONSE');
  endMessage(sink, 'SIMPLERSP');
  return sink.take();
}

/** `<!ELEMENT RETURNVALUE (VALUE | VALUE.REFERENCE)?>`: arrays are not allowed as method return values. */
function writeReturnValue(sink: XmlSink, returnValue: TypedValueInput): void {
  const embedded = returnValue.embeddedObject ?? inferEmbeddedObject(returnValue.value);
  sink.start('RETURNVALUE');
  sink.attribute('PARAMTYPE', embedded === null ? returnValue.type : 'string');
  if (embedded !== null) sink.attribute('EmbeddedObject', embedded);
  writeValueContent(sink, returnValue.value, returnValue.type, false, 'return value');
  sink.end('RETURNVALUE');
}

/** Returns the listener's EXPMETHODRESPONSE: empty on success, or with `ERROR`. */
export function exportResponse(messageId: string, methodName = 'ExportIndication', error: CIMError | null = null): string {
  if (error !== null) return errorResponse(messageId, 'SIMPLEEXPRSP', 'EXPMETHODRESPONSE', methodName, error);

  const sink = new TextSink();
  startMessage(sink, messageId, 'SIMPLEEXPRSP');
  sink.start('EXPMETHODRESPONSE');
  sink.attribute('NAME', methodName);
  sink.end('EXPMETHODRESPONSE');
  endMessage(sink, 'SIMPLEEXPRSP');
  return sink.take();
}

function errorResponse(
  messageId: string,
  kind: 'SIMPLERSP' | 'SIMPLEEXPRSP',
  responseName: string,
  name: string,
  error: CIMError,
): string {
  const sink = new TextSink();
  startMessage(sink, messageId, kind);
  sink.start(responseName);
  sink.attribute('NAME', name, `${name} response`);
  writeError(sink, error);
  sink.end(responseName);
  endMessage(sink, kind);
  return sink.take();
}

/** `<!ELEMENT ERROR (INSTANCE*)>` with CODE and DESCRIPTION. */
export function writeError(sink: XmlSink, error: CIMError): void {
  sink.start('ERROR');
  sink.attribute('CODE', String(error.statusCode));
  sink.attribute('DESCRIPTION', error.statusDescription, 'error description');
  for (const instance of error.instances) writeInstance(sink, instance);
  sink.end('ERROR');
}
