import type { XmlElement } from '../xml/element.js';
import { any, checkAttributes, matchSequence, one, optional, requireAttribute } from './checks.js';
import type { ReadContext } from './context.js';
import type {
  CIMMessage,
  ExportRequest,
  ExportResponse,
  MessageOperation,
  OperationRequest,
  OperationResponse,
} from './message-types.js';
import {
  readCorrelator,
  readError,
  readExpParamValue,
  readIParamValue,
  readIReturnValue,
  readParamValue,
  readReturnValue,
} from './params.js';
import { readLocalClassPath, readLocalInstancePath, readLocalNamespacePath } from './paths.js';

/**
 * ```
 * <!ELEMENT METHODCALL ((LOCALCLASSPATH | LOCALINSTANCEPATH), PARAMVALUE*)>
 * <!ATTLIST METHODCALL %CIMName;>
 * ```
 */
export function readMethodCall(element: XmlElement, ctx: ReadContext): OperationRequest {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[pathElement], params = []] = matchSequence(element, ctx, [
    one('LOCALCLASSPATH', 'LOCALINSTANCEPATH'),
    any('PARAMVALUE'),
  ]) as [[XmlElement], XmlElement[]];

  const pathCtx = ctx.child(pathElement);
  const target =
    pathElement.name === 'LOCALCLASSPATH'
      ? readLocalClassPath(pathElement, pathCtx)
      : readLocalInstancePath(pathElement, pathCtx);
  return {
    kind: 'request',
    intrinsic: false,
    name,
    namespace: target.namespace ?? '',
    target,
    intrinsicParameters: [],
    parameters: params.map((param) => readParamValue(param, ctx.child(param, element.children))),
    correlators: [],
  };
}

/**
 * ```
 * <!ELEMENT IMETHODCALL (LOCALNAMESPACEPATH, IPARAMVALUE*)>
 * <!ATTLIST IMETHODCALL %CIMName;>
 * ```
 */
export function readIMethodCall(element: XmlElement, ctx: ReadContext): OperationRequest {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[namespaceElement], params = []] = matchSequence(element, ctx, [
    one('LOCALNAMESPACEPATH'),
    any('IPARAMVALUE'),
  ]) as [[XmlElement], XmlElement[]];

  return {
    kind: 'request',
    intrinsic: true,
    name,
    namespace: readLocalNamespacePath(namespaceElement, ctx.child(namespaceElement)),
    target: null,
    intrinsicParameters: params.map((param) => readIParamValue(param, ctx.child(param, element.children))),
    parameters: [],
    correlators: [],
  };
}

/**
 * ```
 * <!ELEMENT METHODRESPONSE (ERROR | (RETURNVALUE?, PARAMVALUE*))>
 * <!ATTLIST METHODRESPONSE %CIMName;>
 * ```
 */
export function readMethodResponse(element: XmlElement, ctx: ReadContext): OperationResponse {
  return readResponseElement(element, ctx, false);
}

/**
 * ```
 * <!ELEMENT IMETHODRESPONSE (ERROR | (IRETURNVALUE?, PARAMVALUE*))>
 * <!ATTLIST IMETHODRESPONSE %CIMName;>
 * ```
 * A response without IRETURNVALUE is an empty result (OpenPegasus sends that).
 */
export function readIMethodResponse(element: XmlElement, ctx: ReadContext): OperationResponse {
  return readResponseElement(element, ctx, true);
}

function readResponseElement(element: XmlElement, ctx: ReadContext, intrinsic: boolean): OperationResponse {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const response: OperationResponse = {
    kind: 'response',
    intrinsic,
    name,
    error: null,
    intrinsicReturnValue: null,
    returnValue: null,
    outputParameters: [],
  };

  if (element.children[0]?.name === 'ERROR') {
    const [[error]] = matchSequence(element, ctx, [one('ERROR')]) as [[XmlElement]];
    response.error = readError(error, ctx.child(error));
    return response;
  }

  const returnName = intrinsic ? 'IRETURNVALUE' : 'RETURNVALUE';
  const [[returnElement], params = []] = matchSequence(element, ctx, [optional(returnName), any('PARAMVALUE')]) as [
    [XmlElement?],
    XmlElement[],
  ];
  if (returnElement !== undefined) {
    const returnCtx = ctx.child(returnElement);
    if (intrinsic) response.intrinsicReturnValue = readIReturnValue(returnElement, returnCtx);
    else response.returnValue = readReturnValue(returnElement, returnCtx);
  }
  for (const param of params) {
    const value = ctx.readItem(() => readParamValue(param, ctx.child(param, element.children)));
    if (value !== undefined) response.outputParameters.push(value);
  }
  return response;
}

/**
 * ```
 * <!ELEMENT EXPMETHODCALL (EXPPARAMVALUE*)>
 * <!ATTLIST EXPMETHODCALL %CIMName;>
 * ```
 */
export function readExpMethodCall(element: XmlElement, ctx: ReadContext): ExportRequest {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [params = []] = matchSequence(element, ctx, [any('EXPPARAMVALUE')]);
  return {
    kind: 'exportRequest',
    name,
    parameters: params.map((param) => readExpParamValue(param, ctx.child(param, element.children))),
    correlators: [],
  };
}

/**
 * ```
 * <!ELEMENT EXPMETHODRESPONSE (ERROR | IRETURNVALUE?)>
 * <!ATTLIST EXPMETHODRESPONSE %CIMName;>
 * ```
 */
export function readExpMethodResponse(element: XmlElement, ctx: ReadContext): ExportResponse {
  checkAttributes(element, ctx, ['NAME']);
  const name = requireAttribute(element, ctx, 'NAME');
  const [[child]] = matchSequence(element, ctx, [optional('ERROR', 'IRETURNVALUE')]) as [[XmlElement?]];
  const childCtx = child === undefined ? ctx : ctx.child(child);
  return {
    kind: 'exportResponse',
    name,
    error: child?.name === 'ERROR' ? readError(child, childCtx) : null,
    returnValue: child?.name === 'IRETURNVALUE' ? readIReturnValue(child, childCtx) : null,
  };
}

/** `<!ELEMENT SIMPLEREQ (CORRELATOR*, (METHODCALL | IMETHODCALL))>` */
export function readSimpleReq(element: XmlElement, ctx: ReadContext): OperationRequest {
  checkAttributes(element, ctx, []);
  const [correlators = [], [call]] = matchSequence(element, ctx, [
    any('CORRELATOR'),
    one('METHODCALL', 'IMETHODCALL'),
  ]) as [XmlElement[], [XmlElement]];

  const callCtx = ctx.child(call);
  const request = call.name === 'METHODCALL' ? readMethodCall(call, callCtx) : readIMethodCall(call, callCtx);
  request.correlators = correlators.map((correlator) => readCorrelator(correlator, ctx.child(correlator, correlators)));
  return request;
}

/** `<!ELEMENT SIMPLEEXPREQ (CORRELATOR*, EXPMETHODCALL)>` */
export function readSimpleExpReq(element: XmlElement, ctx: ReadContext): ExportRequest {
  checkAttributes(element, ctx, []);
  const [correlators = [], [call]] = matchSequence(element, ctx, [any('CORRELATOR'), one('EXPMETHODCALL')]) as [
    XmlElement[],
    [XmlElement],
  ];
  const request = readExpMethodCall(call, ctx.child(call));
  request.correlators = correlators.map((correlator) => readCorrelator(correlator, ctx.child(correlator, correlators)));
  return request;
}

/** `<!ELEMENT SIMPLERSP (METHODRESPONSE | IMETHODRESPONSE)>` */
export function readSimpleRsp(element: XmlElement, ctx: ReadContext): OperationResponse {
  checkAttributes(element, ctx, []);
  const [[child]] = matchSequence(element, ctx, [one('METHODRESPONSE', 'IMETHODRESPONSE')]) as [[XmlElement]];
  const childCtx = ctx.child(child);
  return child.name === 'METHODRESPONSE' ? readMethodResponse(child, childCtx) : readIMethodResponse(child, childCtx);
}

/** `<!ELEMENT SIMPLEEXPRSP (EXPMETHODRESPONSE)>` */
export function readSimpleExpRsp(element: XmlElement, ctx: ReadContext): ExportResponse {
  checkAttributes(element, ctx, []);
  const [[child]] = matchSequence(element, ctx, [one('EXPMETHODRESPONSE')]) as [[XmlElement]];
  return readExpMethodResponse(child, ctx.child(child));
}

type OperationReader = (element: XmlElement, ctx: ReadContext) => MessageOperation;

/** The MESSAGE children: each SIMPLE* form, and the MULTI* form of two or more of them. */
const MESSAGE_BODIES: Readonly<Record<string, { simple: string; read: OperationReader; multi: boolean }>> = {
  SIMPLEREQ: { simple: 'SIMPLEREQ', read: readSimpleReq, multi: false },
  // <!ELEMENT MULTIREQ (SIMPLEREQ, SIMPLEREQ+)>
  MULTIREQ: { simple: 'SIMPLEREQ', read: readSimpleReq, multi: true },
  SIMPLERSP: { simple: 'SIMPLERSP', read: readSimpleRsp, multi: false },
  // <!ELEMENT MULTIRSP (SIMPLERSP, SIMPLERSP+)>
  MULTIRSP: { simple: 'SIMPLERSP', read: readSimpleRsp, multi: true },
  SIMPLEEXPREQ: { simple: 'SIMPLEEXPREQ', read: readSimpleExpReq, multi: false },
  // <!ELEMENT MULTIEXPREQ (SIMPLEEXPREQ, SIMPLEEXPREQ+)>
  MULTIEXPREQ: { simple: 'SIMPLEEXPREQ', read: readSimpleExpReq, multi: true },
  SIMPLEEXPRSP: { simple: 'SIMPLEEXPRSP', read: readSimpleExpRsp, multi: false },
  // <!ELEMENT MULTIEXPRSP (SIMPLEEXPRSP, SIMPLEEXPRSP+)>
  MULTIEXPRSP: { simple: 'SIMPLEEXPRSP', read: readSimpleExpRsp, multi: true },
};

/** Reads one of the MULTI* elements: two or more of its SIMPLE* form. */
export function readMultiBody(element: XmlElement, ctx: ReadContext): MessageOperation[] {
  const body = MESSAGE_BODIES[element.name];
  if (body === undefined || !body.multi) throw ctx.error(element, `element ${element.name} is not a MULTI* element.`);
  checkAttributes(element, ctx, []);
  const [children = []] = matchSequence(element, ctx, [{ names: [body.simple], min: 2, max: Infinity }]);
  return children.map((child) => body.read(child, ctx.child(child, children)));
}

/**
 * ```
 * <!ELEMENT MESSAGE (SIMPLEREQ | MULTIREQ | SIMPLERSP | MULTIRSP | SIMPLEEXPREQ |
 *     MULTIEXPREQ | SIMPLEEXPRSP | MULTIEXPRSP)>
 * <!ATTLIST MESSAGE ID CDATA #REQUIRED PROTOCOLVERSION CDATA #REQUIRED>
 * ```
 * PROTOCOLVERSION must have major version 1 (DSP0200 1.x).
 */
export function readMessage(element: XmlElement, ctx: ReadContext): CIMMessage {
  checkAttributes(element, ctx, ['ID', 'PROTOCOLVERSION']);
  const id = requireAttribute(element, ctx, 'ID');
  const protocolVersion = requireAttribute(element, ctx, 'PROTOCOLVERSION');
  if (!/^1(\.\d+)*$/.test(protocolVersion.trim())) {
    throw ctx.versionError(
      element,
      'PROTOCOLVERSION',
      `PROTOCOLVERSION="${protocolVersion}" is not supported; only version 1.x of DSP0200 is.`,
    );
  }

  const [[child]] = matchSequence(element, ctx, [one(...Object.keys(MESSAGE_BODIES))]) as [[XmlElement]];
  const body = MESSAGE_BODIES[child.name]!;
  const childCtx = ctx.child(child);
  const operations = body.multi ? readMultiBody(child, childCtx) : [body.read(child, childCtx)];
  return { id, protocolVersion, bodyElement: child.name, operations };
}
