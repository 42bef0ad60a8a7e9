// The public API of wbemshell, listed name by name. The shell uses only what is here.

import './cimxml/object-methods.js';

// CIM data types and values
export {
  CIM_TYPES,
  INTEGER_TYPES,
  REAL_TYPES,
  INTEGER_RANGES,
  isCIMType,
  isIntegerType,
  isRealType,
  type CIMType,
  type CIMIntegerType,
  type CIMRealType,
} from './cim/cim-type.js';
export {
  CIMTypedValue,
  CIMInteger,
  Uint8,
  Sint8,
  Uint16,
  Sint16,
  Uint32,
  Sint32,
  Uint64,
  Sint64,
  Real32,
  Real64,
  Char16,
  type CIMIntegerValue,
  type CIMTypedScalar,
} from './cim/typed-value.js';
export { CIMDateTime } from './cim/datetime.js';
export { NocaseMap } from './cim/nocase-map.js';
export type {
  CIMScalar,
  CIMValue,
  CIMInputScalar,
  CIMInputValue,
  KeyBindingValue,
} from './cim/value.js';
export { formatReal } from './cim/real-format.js';
export { toJSONText } from './cim/json-output.js';
export type { BigintMode } from './cim/json-data.js';
export type { MOFOptions } from './cim/mof-output/class.js';

// CIM objects
export { CIMInstanceName, type CIMInstanceNameOptions } from './cim/instance-name.js';
export { CIMClassName } from './cim/class-name.js';
export { CIMInstance, type CIMInstanceOptions } from './cim/instance.js';
export { CIMClass, type CIMClassOptions } from './cim/class.js';
export { CIMProperty, type CIMPropertyOptions, type EmbeddedObjectKind } from './cim/property.js';
export { CIMMethod, type CIMMethodOptions } from './cim/method.js';
export { CIMParameter, type CIMParameterOptions } from './cim/parameter.js';
export { CIMQualifier, type CIMQualifierOptions, type QualifierFlavors } from './cim/qualifier.js';
export {
  CIMQualifierDeclaration,
  type CIMQualifierDeclarationOptions,
  type QualifierScopes,
} from './cim/qualifier-declaration.js';

// WBEM URIs (DSP0207)
export {
  parseWBEMURI,
  type WBEMURIParseOptions,
  type ParsedWBEMURI,
  type KeyTypeLookup,
} from './cim/wbem-uri/parse.js';
export { type WBEMURIFormat } from './cim/wbem-uri/format.js';
export { parseHost, formatHost, type HostParts } from './cim/wbem-uri/host.js';
export { normalizeNamespace } from './cim/wbem-uri/namespace.js';

// Status codes and errors
export * from './cim/status-codes.js';
export {
  WBEMError,
  ParseError,
  XMLParseError,
  CIMXMLParseError,
  WBEMURIError,
  CIMError,
  CIMDateTimeError,
} from './cim/errors.js';

// CIM-XML
export {
  toCIMXML,
  toCIMXMLString,
  toCIMObject,
  readResponse,
  readResponseStream,
  collectResponseStream,
  readRequest,
  CIMXMLWriteError,
  CIMXMLValueError,
  CIMXMLVersionError,
  type ToCIMXMLOptions,
  type CIMXMLWritable,
  type ReadResponseOptions,
  type ReadResponseStreamOptions,
  type ResponseMessage,
  type RequestMessage,
  type ParseWarning,
  type ParseWarningCode,
  type ReadOptions,
  type CIMXMLElementValue,
  type CIMXMLElementName,
  type Correlator,
  type IParamValue,
  type IReturnValue,
  type ParamValue,
  type ReturnValue,
  type OperationRequest,
  type OperationResponse,
  type ExportRequest,
  type ExportResponse,
  type XmlElement,
  type IParamContent,
  type IReturnItem,
  type ParamType,
} from './cimxml/index.js';
export type { XmlTokenizerOptions } from './cimxml/xml/tokenizer-options.js';

// Client
export {
  ClientError,
  ConnectionError,
  TimeoutError,
  AbortedError,
  ResponseSizeError,
  HTTPError,
  AuthError,
  HeaderParseError,
  VersionError,
  TLSCertificateError,
  TLSHandshakeError,
  TLSOptionError,
} from './client/errors.js';
export { type Credentials } from './client/transport.js';
export { DEFAULT_CA_CERT_PATHS } from './client/tls/ca-certs.js';
export type { TLSOptions, VerifyCallback } from './client/tls/tls-options.js';
export type { TLSFailureReason, TLSFailureDetails } from './client/tls/tls-failure.js';
export type { CertificateSummary } from './client/tls/certificate-summary.js';
export { Statistics, type OperationStatistic, type MinAvgMax } from './client/statistics.js';
export {
  type OperationRecord,
  type OperationRecorder,
  type OperationTimings,
  type ConnectionInfo,
} from './client/recorders/operation-record.js';
export { MemoryRecorder, type RecordListener } from './client/recorders/memory-recorder.js';
export { LogOperationRecorder, type LogRecorderOptions } from './client/recorders/log-recorder.js';
export { TestClientRecorder } from './client/recorders/test-client-recorder.js';
export type { HttpAttemptRecord, HttpRequestRecord, HttpResponseRecord } from './client/http-record.js';
export type { HttpMethodOption } from './client/http-method.js';

// Connection (listed here for the shell until src/client/index.ts lists the client's names)
export { WBEMConnection, type ClassNameInput } from './client/connection.js';
export type { WBEMConnectionOptions, X509Options } from './client/connection-options.js';
export type { MethodResult } from './client/operations/methods.js';
export type { UsePull } from './client/operations/iteration.js';

// Option and result types of the WBEMConnection methods
export type { OperationOptions } from './client/connection.js';
export type { TlsSettings } from './client/connection-options.js';
export type { CallOptions } from './client/operations/call.js';
export type { EnumerateInstancesOptions, GetInstanceOptions, ModifyInstanceOptions } from './client/operations/instances.js';
export type { EnumerateClassesOptions, EnumerateClassNamesOptions, GetClassOptions } from './client/operations/classes.js';
export type {
  AssociatorNamesOptions,
  AssociatorsOptions,
  ObjectNameInput,
  ReferenceNamesOptions,
  ReferencesOptions,
} from './client/operations/associations.js';
export type { InvokeMethodOptions } from './client/operations/methods.js';
export type { MethodParameterInput } from './cimxml/index.js';
export type {
  EnumerationContext,
  OpenAssociatorInstancePathsOptions,
  OpenAssociatorInstancesOptions,
  OpenEnumerateInstancePathsOptions,
  OpenEnumerateInstancesOptions,
  OpenOptions,
  OpenQueryInstancesOptions,
  OpenQueryInstancesResult,
  OpenReferenceInstancePathsOptions,
  OpenReferenceInstancesOptions,
  PullInstancesResult,
  PullOptions,
  PullPathsResult,
} from './client/operations/pull.js';
export type { IterOptions, PullKind } from './client/operations/iteration.js';
export type {
  IterAssociatorInstancePathsOptions,
  IterAssociatorInstancesOptions,
  IterEnumerateInstancePathsOptions,
  IterEnumerateInstancesOptions,
  IterQueryInstancesOptions,
  IterReferenceInstancePathsOptions,
  IterReferenceInstancesOptions,
} from './client/connection-iterators.js';
export type { ClientErrorContext } from './client/errors.js';
export type { OperationSample } from './client/statistics.js';
export type { DetailLevel } from './client/recorders/value-format.js';
export type { YamlDestination } from './client/recorders/test-client-recorder.js';

// Debugging: DTD validation, raw requests, export, replay and request explanations
export {
  validateCIMXML,
  ValidationLimitError,
  DEFAULT_VALIDATION_MAX_BYTES,
  type DTDValidationOptions,
  type DTDValidationResult,
  type DTDViolation,
} from './cimxml/validation/dtd-validator.js';
export { DTD_VERSIONS, DEFAULT_DTD_VERSION, DTDNotFoundError, parseDTDVersion, type DTDVersion } from './cimxml/validation/dtd-versions.js';
export { KNOWN_SERVER_DEVIATIONS, type KnownDeviation, type ViolationLabel } from './cimxml/validation/violation-labels.js';
export { compareXml, compareXmlText, type CompareXmlOptions, type XmlDifference } from './cimxml/compare/xml-diff.js';
export { explainRequest, formatExplanation, type ExplainedLine } from './cimxml/explain/explain-request.js';
export {
  deriveCIMHeaders,
  RAW_REQUEST_OPERATION,
  type DerivedCIMHeaders,
  type RawRequestOptions,
  type RawResponse,
} from './client/raw-request.js';
export type { RecordedExchange, RecordedRequest, RecordedResponse } from './client/recorders/recorded-exchange.js';
export {
  formatHttpTranscript,
  parseHttpMessage,
  parseHttpTranscript,
  TranscriptParseError,
  type HttpMessageText,
} from './client/recorders/http-transcript.js';
export {
  EXPORT_FORMATS,
  exchangesFromYaml,
  exportRecords,
  loadRecordedExchanges,
  type ExportFormat,
} from './client/recorders/record-export.js';
export {
  replayExchanges,
  type HttpDifference,
  type RawRequestSender,
  type ReplayOptions,
  type ReplayResult,
} from './client/recorders/replay.js';

// MOF output and compiler
export { formatValueInline } from './cim/mof-output/value.js';
export { MOFCompiler, type MOFCompilerOptions, type MOFCompileResult, type MOFFileReader } from './mof/compiler.js';
export { MOFCompileError, type MOFWarning, type MOFErrorCode, type MOFPosition, type MOFSource } from './mof/errors.js';
export type { MOFTarget } from './mof/target.js';

// Mock WBEM server: the server the shell embeds, also for tests of programs that use this library
// Starts a mock WBEM server on 127.0.0.1 (by default) that serves a repository over CIM-XML.
export {
  startMockServer,
  DEFAULT_MAX_REQUEST_BYTES,
  type MockServer,
  type MockServerOptions,
  type MockServerTLSOptions,
} from './mock/server.js';
// User name and password that the mock server requires when `auth` is set.
export type { BasicAuthCredentials } from './mock/http/basic-auth.js';
// Timeouts of the mock server's enumeration contexts.
export type { EnumerationContextTableOptions } from './mock/enumeration-contexts.js';
// The in-memory repository of classes, instances and qualifier declarations that the mock server serves.
export { MockRepository, type MockRepositoryOptions, type NamespaceChange } from './mock/repository.js';
export type { MethodCall, MethodProvider, MethodResult as MethodProviderResult } from './mock/method-providers.js';
// Loads the built-in model: the DMTF schema, the wbemshell sample model, method providers and the interop namespace.
export {
  loadBuiltinModel,
  BUILTIN_NAMESPACE,
  BUILTIN_MOF_FILES,
  type BuiltinModel,
  type BuiltinModelOptions,
} from './mock/builtin/builtin-model.js';
// Compiles MOF files into a repository, through an on-disk cache keyed by the files' SHA-256.
export {
  loadModel,
  defaultCacheDirectory,
  type CacheStatus,
  type LoadedModel,
  type LoadModelOptions,
} from './mock/cache/model-cache.js';
// Adds the interop namespace to a repository: CIM_ObjectManager, CIM_Namespace and CIM_RegisteredProfile instances.
export { Interop, INTEROP_NAMESPACE, type InteropOptions, type RegisteredProfile } from './mock/interop.js';
// Runs `wbemshell mock-server`: parses its arguments, starts the server and keeps it running until stopped.
export { runMockServerCommand, MOCK_SERVER_USAGE, type CommandIO as MockServerCommandIO } from './mock/cli.js';
