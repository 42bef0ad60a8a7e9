import { CIMClassName } from '../../cim/class-name.js';
import type { CIMInstance } from '../../cim/instance.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import { cimObjectText, percentEncodeHeader } from './headers.js';
import { PARAMETER_ENCODERS } from './iparam-writer.js';
import { endMessage, startMessage, toParameters, writeParamValue, type MethodParameterInput } from './message.js';
import { writeInstance } from './object-writer.js';
import {
  INTRINSIC_OPERATIONS,
  isIntrinsicOperation,
  type IntrinsicOperation,
  type IntrinsicParameters,
  type ParameterSpec,
} from './operations.js';
import { writeLocalClassPath, writeLocalInstancePath, writeLocalNamespacePath } from './path-writer.js';
import { CIMXMLWriteError } from './write-error.js';
import { TextSink } from './xml-sink.js';

/** CIM extension headers of a CIM operation request (DSP0200), values already percent-encoded. */
export interface CIMRequestHeaders {
  CIMOperation: 'MethodCall';
  CIMMethod: string;
  CIMObject: string;
  CIMProtocolVersion: '1.0';
}

/** A complete CIM operation request: the CIM-XML body and the CIM headers that go with it. */
export interface CIMRequest {
  body: string;
  headers: CIMRequestHeaders;
}

/** CIM extension headers of an export request to a listener (DSP0200). */
export interface CIMExportRequestHeaders {
  CIMExport: 'MethodRequest';
  CIMExportMethod: string;
  CIMProtocolVersion: '1.0';
}

export interface CIMExportRequest {
  body: string;
  headers: CIMExportRequestHeaders;
}

export interface RequestOptions {
  /** Value of `MESSAGE/@ID`; the response echoes it. Callers keep the counter. */
  messageId: string;
}

/**
 * Builds the request for an intrinsic operation (`IMETHODCALL`) in `namespace`.
 * Parameters are keyed by their DSP0200 names and sent in DSP0200 order. A parameter
 * left out is not sent. `null` sends an empty IPARAMVALUE where NULL is the DSP0200
 * default and is rejected elsewhere. Those parameters are PropertyList, AssocClass,
 * ResultClass, Role, ResultRole, NewValue, the filter query, OperationTimeout and the
 * ClassName of class enumerations.
 */
export function intrinsicRequest<Op extends IntrinsicOperation>(
  operation: Op,
  namespace: string,
  parameters: IntrinsicParameters<Op>,
  options: RequestOptions,
): CIMRequest {
  if (!isIntrinsicOperation(operation)) {
    throw new CIMXMLWriteError(
      `Unknown intrinsic operation ${JSON.stringify(operation)}; use one of ${Object.keys(INTRINSIC_OPERATIONS).join(', ')}.`,
      'operation',
    );
  }
  const specs: readonly ParameterSpec[] = INTRINSIC_OPERATIONS[operation];
  const values = parameters as Record<string, unknown>;
  checkParameterNames(operation, specs, values);

  const sink = new TextSink();
  startMessage(sink, options.messageId, 'SIMPLEREQ');
  sink.start('IMETHODCALL');
  sink.attribute('NAME', operation);
  writeLocalNamespacePath(sink, namespace, `${operation} request`);
  for (const spec of specs) writeIParamValue(sink, operation, spec, values[spec.name]);
  sink.end('IMETHODCALL');
  endMessage(sink, 'SIMPLEREQ');

  return {
    body: sink.take(),
    headers: {
      CIMOperation: 'MethodCall',
      CIMMethod: percentEncodeHeader(operation, 'CIMMethod header'),
      CIMObject: percentEncodeHeader(cimObjectText(namespace), 'CIMObject header'),
      CIMProtocolVersion: '1.0',
    },
  };
}

function checkParameterNames(operation: string, specs: readonly ParameterSpec[], values: Record<string, unknown>): void {
  const known = new Set(specs.map((spec) => spec.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) {
      const allowed = specs.length === 0 ? 'it takes none' : `use ${[...known].join(', ')}`;
      throw new CIMXMLWriteError(`${operation} has no parameter ${JSON.stringify(name)}; ${allowed}.`, `parameter ${name}`);
    }
  }
}

function writeIParamValue(sink: TextSink, operation: string, spec: ParameterSpec, value: unknown): void {
  const where = `parameter ${spec.name} of ${operation}`;
  if (value === undefined) {
    if (spec.required) throw new CIMXMLWriteError(`The ${where} is missing; it is required.`, where);
    return;
  }
  if (value === null && spec.nullable !== true) {
    const hint = spec.required ? 'it is required' : 'leave it out to get the server default';
    throw new CIMXMLWriteError(`The ${where} cannot be NULL; ${hint}.`, where);
  }

  sink.start('IPARAMVALUE');
  sink.attribute('NAME', spec.name);
  if (value !== null) PARAMETER_ENCODERS[spec.encoding](sink, value, where);
  sink.end('IPARAMVALUE');
}

/**
 * Builds the request for an extrinsic method (`METHODCALL`) on an instance
 * (LOCALINSTANCEPATH) or a class (LOCALCLASSPATH, for static methods) in `namespace`.
 * The namespace and host of `target` are not used. Each parameter is a PARAMVALUE with
 * PARAMTYPE; plain values get their CIM type inferred, so pass typed wrappers for numbers.
 */
export function methodCallRequest(
  namespace: string,
  target: CIMInstanceName | CIMClassName | string,
  methodName: string,
  parameters: MethodParameterInput | null | undefined,
  options: RequestOptions,
): CIMRequest {
  const path = typeof target === 'string' ? new CIMClassName(target) : target;
  const where = `${methodName} method call`;
  const inputs = toParameters(parameters);

  const sink = new TextSink();
  startMessage(sink, options.messageId, 'SIMPLEREQ');
  sink.start('METHODCALL');
  sink.attribute('NAME', methodName, where);
  if (path instanceof CIMInstanceName) writeLocalInstancePath(sink, namespace, path, where);
  else writeLocalClassPath(sink, namespace, path.className, where);
  for (const parameter of inputs) writeParamValue(sink, parameter);
  sink.end('METHODCALL');
  endMessage(sink, 'SIMPLEREQ');

  return {
    body: sink.take(),
    headers: {
      CIMOperation: 'MethodCall',
      CIMMethod: percentEncodeHeader(methodName, 'CIMMethod header'),
      CIMObject: percentEncodeHeader(cimObjectText(namespace, path), 'CIMObject header'),
      CIMProtocolVersion: '1.0',
    },
  };
}

/**
 * Builds the export request that delivers an indication to a listener:
 * `SIMPLEEXPREQ/EXPMETHODCALL NAME="ExportIndication"/EXPPARAMVALUE NAME="NewIndication"/INSTANCE`.
 */
export function exportIndicationRequest(indication: CIMInstance, options: RequestOptions): CIMExportRequest {
  const sink = new TextSink();
  startMessage(sink, options.messageId, 'SIMPLEEXPREQ');
  sink.start('EXPMETHODCALL');
  sink.attribute('NAME', 'ExportIndication');
  sink.start('EXPPARAMVALUE');
  sink.attribute('NAME', 'NewIndication');
  writeInstance(sink, indication);
  sink.end('EXPPARAMVALUE');
  sink.end('EXPMETHODCALL');
  endMessage(sink, 'SIMPLEEXPREQ');

  return {
    body: sink.take(),
    headers: { CIMExport: 'MethodRequest', CIMExportMethod: 'ExportIndication', CIMProtocolVersion: '1.0' },
  };
}
