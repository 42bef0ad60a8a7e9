export { WBEMConnection, type ClassNameInput, type OperationOptions } from './connection.js';
export { DEFAULT_NAMESPACE, type WBEMConnectionOptions, type TlsSettings, type X509Options } from './connection-options.js';
export type {
  IterAssociatorInstancePathsOptions,
  IterAssociatorInstancesOptions,
  IterEnumerateInstancePathsOptions,
  IterEnumerateInstancesOptions,
  IterQueryInstancesOptions,
  IterReferenceInstancePathsOptions,
  IterReferenceInstancesOptions,
} from './connection-iterators.js';
export type { CallOptions } from './operations/call.js';
export type { EnumerateInstancesOptions, GetInstanceOptions, ModifyInstanceOptions } from './operations/instances.js';
export type { EnumerateClassesOptions, EnumerateClassNamesOptions, GetClassOptions } from './operations/classes.js';
export type {
  AssociatorNamesOptions,
  AssociatorsOptions,
  ObjectNameInput,
  ReferenceNamesOptions,
  ReferencesOptions,
} from './operations/associations.js';
export type { InvokeMethodOptions, MethodResult } from './operations/methods.js';
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
  PullState,
} from './operations/pull.js';
export { DEFAULT_MAX_OBJECT_COUNT, type IterOptions, type PullKind, type UsePull } from './operations/iteration.js';
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, type Credentials, type HttpMethodOption } from './transport.js';
export {
  AbortedError,
  AuthError,
  ClientError,
  ConnectionError,
  HeaderParseError,
  HTTPError,
  ResponseSizeError,
  TimeoutError,
  TLSCertificateError,
  TLSHandshakeError,
  TLSOptionError,
  VersionError,
  type ClientErrorContext,
} from './errors.js';
export { DEFAULT_CA_CERT_PATHS } from './tls/ca-certs.js';
export type { TLSOptions, VerifyCallback } from './tls/tls-options.js';
export type { TLSFailureDetails, TLSFailureReason } from './tls/tls-failure.js';
export type { CertificateSummary } from './tls/certificate-summary.js';
export { REDACTED, type HttpAttemptRecord, type HttpRequestRecord, type HttpResponseRecord } from './http-record.js';
export type {
  ConnectionInfo,
  OperationRecord,
  OperationRecorder,
  OperationTimings,
} from './recorders/operation-record.js';
export { MemoryRecorder, type RecordListener } from './recorders/memory-recorder.js';
export { LogOperationRecorder, type LogRecorderOptions } from './recorders/log-recorder.js';
export { TestClientRecorder, type YamlDestination } from './recorders/test-client-recorder.js';
export { Statistics, type MinAvgMax, type OperationSample, type OperationStatistic } from './statistics.js';
