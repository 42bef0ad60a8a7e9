export { CIMXMLWriteError } from './write-error.js';
export { TextSink, ElementSink, serializeElement, type XmlSink } from './xml-sink.js';
export { ByteSink } from './byte-sink.js';
export { escapeText, escapeAttribute, checkXmlChars } from './xml-escape.js';
export { toCIMXML, toCIMXMLString, writeCIMObject, type CIMXMLWritable, type ToCIMXMLOptions } from './to-cimxml.js';
export { scalarText, embeddedObjectText } from './value-writer.js';
export { namespaceSegments, normalizeNamespace } from './path-writer.js';
export { percentEncodeHeader, cimObjectText } from './headers.js';
export {
  INTRINSIC_OPERATIONS,
  isIntrinsicOperation,
  type IntrinsicOperation,
  type IntrinsicParameters,
  type ParameterEncoding,
  type ParameterSpec,
} from './operations.js';
export {
  intrinsicRequest,
  methodCallRequest,
  exportIndicationRequest,
  type CIMRequest,
  type CIMRequestHeaders,
  type CIMExportRequest,
  type CIMExportRequestHeaders,
  type RequestOptions,
} from './requests.js';
export type { MethodParameterInput } from './message.js';
export {
  intrinsicResponse,
  intrinsicResponseBytes,
  intrinsicResponseChunks,
  intrinsicErrorResponse,
  methodResponse,
  methodErrorResponse,
  exportResponse,
  type IntrinsicResults,
  type MethodResult,
  type PullResult,
  type QueryPullResult,
  type TypedValueInput,
} from './responses.js';
