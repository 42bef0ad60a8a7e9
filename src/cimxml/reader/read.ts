import { CIMXMLParseError } from '../../cim/errors.js';
import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/tree.js';
import { ReadContext, type CIMXMLValueError, type ParseWarning, type ReadOptions } from './context.js';
import { readCim } from './declarations.js';
import { readElement, type CIMXMLElementValue } from './element-readers.js';
import type {
  CIMDocument,
  ExportRequest,
  ExportResponse,
  MessageOperation,
  OperationRequest,
  OperationResponse,
} from './message-types.js';

/**
 * Reads one CIM-XML element of any kind (text or an element tree) into the objects of
 * the CIM model: INSTANCE to CIMInstance, KEYVALUE to a keybinding value, MESSAGE to a
 * CIMMessage, and so on. Raises XMLParseError for text that is not well-formed and
 * CIMXMLParseError for well-formed XML that is not valid CIM-XML.
 */
export function toCIMObject(xml: string | XmlElement, options: ReadOptions = {}): CIMXMLElementValue {
  const root = typeof xml === 'string' ? parseXml(xml) : xml;
  const ctx = ReadContext.root(options).child(root);
  return readElement(root, ctx);
}

/** Options of `readResponse`. */
export interface ReadResponseOptions extends ReadOptions {
  /**
   * What to do with a value that does not fit its type inside one result item: `collect`
   * (default) skips that item and lists the error in `valueErrors`; `throw` fails the read.
   */
  valueErrors?: 'collect' | 'throw';
}

/** A response message: the operation responses it carries, plus what the reader tolerated or skipped. */
export interface ResponseMessage {
  /** `ID` attribute of `MESSAGE`, which pairs a response with its request. */
  messageId: string;
  /** `PROTOCOLVERSION` attribute of `MESSAGE`, such as `1.0`. */
  protocolVersion: string;
  /** `CIMVERSION` attribute of the `CIM` root element, such as `2.0`. */
  cimVersion: string;
  /** `DTDVERSION` attribute of the `CIM` root element, such as `2.4`. */
  dtdVersion: string;
  /** The only response of a SIMPLERSP or SIMPLEEXPRSP, or the first of a MULTI* response. */
  response: OperationResponse | ExportResponse;
  /** All responses in document order; several only for MULTIRSP and MULTIEXPRSP. */
  responses: Array<OperationResponse | ExportResponse>;
  /** Tolerated deviations from DSP0201 found while reading; empty for a conforming document. */
  warnings: ParseWarning[];
  /**
   * Values that did not fit their types. The result item holding each one (an
   * IRETURNVALUE child or an output PARAMVALUE) was left out; the other items are complete.
   */
  valueErrors: CIMXMLValueError[];
}

/** A request message as a server or listener receives it. */
export interface RequestMessage {
  /** `ID` attribute of `MESSAGE`, which pairs a response with its request. */
  messageId: string;
  /** `PROTOCOLVERSION` attribute of `MESSAGE`, such as `1.0`. */
  protocolVersion: string;
  /** `CIMVERSION` attribute of the `CIM` root element, such as `2.0`. */
  cimVersion: string;
  /** `DTDVERSION` attribute of the `CIM` root element, such as `2.4`. */
  dtdVersion: string;
  /** The only request of a SIMPLEREQ or SIMPLEEXPREQ, or the first of a MULTI* request. */
  request: OperationRequest | ExportRequest;
  /** All requests in document order; several only for MULTIREQ and MULTIEXPREQ. */
  requests: Array<OperationRequest | ExportRequest>;
  /** Tolerated deviations from DSP0201 found while reading; empty for a conforming document. */
  warnings: ParseWarning[];
}

const RESPONSE_BODIES = new Set(['SIMPLERSP', 'MULTIRSP', 'SIMPLEEXPRSP', 'MULTIEXPRSP']);
const REQUEST_BODIES = new Set(['SIMPLEREQ', 'MULTIREQ', 'SIMPLEEXPREQ', 'MULTIEXPREQ']);

/**
 * Reads a CIM-XML response body (`CIM/MESSAGE/SIMPLERSP` and the other response forms).
 * An `ERROR` element is returned in `response.error`, not thrown.
 */
export function readResponse(body: string | XmlElement, options: ReadResponseOptions = {}): ResponseMessage {
  return readResponseMessage(body, responseContext(options));
}

/** Creates the root context of a response read: collects value errors unless `valueErrors` is `throw`. */
export function responseContext(options: ReadResponseOptions): ReadContext {
  return ReadContext.root(options, (options.valueErrors ?? 'collect') === 'collect');
}

/** Reads a response body with a context from `responseContext`, whose warnings and value errors it reports. */
export function readResponseMessage(body: string | XmlElement, ctx: ReadContext): ResponseMessage {
  const { document, operations } = readDocument(body, ctx, RESPONSE_BODIES, 'response');

  const responses = operations as Array<OperationResponse | ExportResponse>;
  return {
    messageId: document.message!.id,
    protocolVersion: document.message!.protocolVersion,
    cimVersion: document.cimVersion,
    dtdVersion: document.dtdVersion,
    response: responses[0]!,
    responses,
    warnings: [...ctx.warnings],
    valueErrors: [...ctx.valueErrors],
  };
}

/** Reads a CIM-XML request body (`CIM/MESSAGE/SIMPLEREQ` and the other request forms). */
export function readRequest(body: string | XmlElement, options: ReadOptions = {}): RequestMessage {
  const ctx = ReadContext.root(options);
  const { document, operations } = readDocument(body, ctx, REQUEST_BODIES, 'request');

  const requests = operations as Array<OperationRequest | ExportRequest>;
  return {
    messageId: document.message!.id,
    protocolVersion: document.message!.protocolVersion,
    cimVersion: document.cimVersion,
    dtdVersion: document.dtdVersion,
    request: requests[0]!,
    requests,
    warnings: [...ctx.warnings],
  };
}

function readDocument(
  body: string | XmlElement,
  ctx: ReadContext,
  bodies: ReadonlySet<string>,
  expected: string,
): { document: CIMDocument; operations: MessageOperation[] } {
  const root = typeof body === 'string' ? parseXml(body) : body;
  const rootCtx = ctx.child(root);
  if (root.name !== 'CIM') {
    throw rootCtx.error(root, `the top-level element must be CIM, but is ${root.name}.`);
  }

  const document = readCim(root, rootCtx);
  const message = document.message;
  if (message === null || !bodies.has(message.bodyElement)) {
    const found = message === null ? 'DECLARATION' : `MESSAGE/${message.bodyElement}`;
    throw new CIMXMLParseError(
      `Invalid CIM-XML at CIM: expected a ${expected} message (MESSAGE with ${[...bodies].join(', ')}), but found ${found}.`,
      { elementPath: 'CIM', line: root.line || null, column: root.column || null },
    );
  }
  return { document, operations: message.operations };
}

/** Finds a parameter by name, case-insensitively as DSP0004 compares names. */
export function findParameter<T extends { name: string }>(parameters: readonly T[], name: string): T | undefined {
  const lower = name.toLowerCase();
  return parameters.find((parameter) => parameter.name.toLowerCase() === lower);
}

