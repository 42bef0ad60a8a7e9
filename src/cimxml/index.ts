export * from './writer/index.js';
export {
  toCIMObject,
  readResponse,
  readRequest,
  findParameter,
  type ReadResponseOptions,
  type ResponseMessage,
  type RequestMessage,
} from './reader/read.js';
export { readResponseStream, collectResponseStream, type ReadResponseStreamOptions } from './reader/stream.js';
export {
  CIMXMLValueError,
  CIMXMLVersionError,
  type ParseWarning,
  type ParseWarningCode,
  type ReadOptions,
} from './reader/context.js';
export type { CIMXMLElementName, CIMXMLElementValue } from './reader/element-readers.js';
export type {
  CIMDeclaration,
  CIMDocument,
  CIMMessage,
  Correlator,
  DeclarationGroup,
  ExportRequest,
  ExportResponse,
  IParamContent,
  IParamValue,
  IReturnItem,
  IReturnValue,
  MessageOperation,
  OperationRequest,
  OperationResponse,
  ParamType,
  ParamValue,
  ReturnValue,
} from './reader/message-types.js';
export type { NamespacePath, ReferenceValue } from './reader/paths.js';
export type { XmlElement } from './xml/element.js';
