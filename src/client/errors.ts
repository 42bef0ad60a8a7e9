import { ParseError, WBEMError } from '../cim/errors.js';
import { CIM_ERR_ACCESS_DENIED } from '../cim/status-codes.js';
import type { HttpRequestRecord, HttpResponseRecord } from './http-record.js';
import type { TLSFailureDetails, TLSFailureReason } from './tls/tls-failure.js';
import type { CertificateSummary } from './tls/certificate-summary.js';

/** Location of a client error: the connection, the URL and the HTTP traffic so far. */
export interface ClientErrorContext {
  /** Id of the connection that raised the error. */
  connectionId: string | null;
  /** Full request URL, such as `http://127.0.0.1:5988/cimom`. */
  url: string | null;
  /** The request as sent (credentials redacted), if it was built. */
  request?: HttpRequestRecord | null;
  /** The response as far as it was received, if a status line arrived. */
  response?: HttpResponseRecord | null;
  /** The underlying error, such as an undici error. */
  cause?: unknown;
}

/** Base of errors raised by the HTTP layer of the client. */
export abstract class ClientError extends WBEMError {
  /** Id of the connection that raised the error; null outside a connection. */
  readonly connectionId: string | null;
  /** Full request URL, such as `http://127.0.0.1:5988/cimom`; null before one was built. */
  readonly url: string | null;
  /** The request as sent, with credentials redacted; null when it was not built. */
  readonly request: HttpRequestRecord | null;
  /** The response as far as it was received; null when no status line arrived. */
  readonly response: HttpResponseRecord | null;

  constructor(message: string, code: string, context: ClientErrorContext) {
    super(message, code, { cause: context.cause });
    this.connectionId = context.connectionId;
    this.url = context.url;
    this.request = context.request ?? null;
    this.response = context.response ?? null;
  }
}

/** The server could not be reached, or the connection broke before the response was complete. */
export class ConnectionError extends ClientError {
  constructor(message: string, context: ClientErrorContext, code = 'ERR_WBEM_CONNECTION') {
    super(message, code, context);
  }
}

/** The operation did not finish within the configured time. */
export class TimeoutError extends ClientError {
  /** The time limit that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number, context: ClientErrorContext) {
    super(message, 'ERR_WBEM_TIMEOUT', context);
    this.timeout = timeout;
  }
}

/** The caller cancelled the operation through its AbortSignal. */
export class AbortedError extends ClientError {
  constructor(message: string, context: ClientErrorContext) {
    super(message, 'ERR_WBEM_ABORTED', context);
  }
}

/** The response body exceeded the configured size limit. */
export class ResponseSizeError extends ClientError {
  /** The limit in bytes. */
  readonly limit: number;

  constructor(message: string, limit: number, context: ClientErrorContext) {
    super(message, 'ERR_WBEM_RESPONSE_TOO_LARGE', context);
    this.limit = limit;
  }
}

/** The server responded with an HTTP status other than 200 and 401. */
export class HTTPError extends ClientError {
  /** HTTP status code, such as 400. */
  readonly status: number;
  /** HTTP reason phrase, such as `Bad Request`. */
  readonly reason: string;
  /** Value of the `CIMError` header, such as `request-not-valid`; null when absent. */
  readonly cimError: string | null;
  /** Percent-decoded `PGErrorDetail` or `CIMErrorDescription` header; null when absent. */
  readonly cimErrorDetail: string | null;

  constructor(
    message: string,
    details: { status: number; reason: string; cimError: string | null; cimErrorDetail: string | null },
    context: ClientErrorContext,
  ) {
    super(message, 'ERR_WBEM_HTTP', context);
    this.status = details.status;
    this.reason = details.reason;
    this.cimError = details.cimError;
    this.cimErrorDetail = details.cimErrorDetail;
  }
}

/** The server rejected the credentials (HTTP 401). */
export class AuthError extends ClientError {
  /** Authentication schemes offered in `WWW-Authenticate`, such as `Basic`; empty when none. */
  readonly schemes: readonly string[];
  /** The CIM status code this error corresponds to. */
  readonly statusCode = CIM_ERR_ACCESS_DENIED;

  constructor(message: string, schemes: readonly string[], context: ClientErrorContext, code = 'ERR_WBEM_AUTH') {
    super(message, code, context);
    this.schemes = schemes;
  }
}

/**
 * A certificate check of the TLS connection failed: the server certificate did not
 * verify, `verifyCallback` rejected it, or the server rejected the client certificate.
 */
export class TLSCertificateError extends AuthError {
  /** The failed check, such as `self-signed` or `hostname-mismatch`. */
  readonly reason: TLSFailureReason;
  /** Node.js or OpenSSL error code, such as `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  readonly tlsCode: string;
  /** The server certificate, when the handshake delivered one. */
  readonly certificate: CertificateSummary | null;

  constructor(message: string, details: TLSFailureDetails, context: ClientErrorContext) {
    super(message, [], context, 'ERR_WBEM_TLS_CERTIFICATE');
    this.reason = details.reason;
    this.tlsCode = details.tlsCode;
    this.certificate = details.certificate;
  }
}

/** The TLS handshake failed before a session started: no common protocol version or cipher, or no TLS at all. */
export class TLSHandshakeError extends ConnectionError {
  /** The failed check, such as `protocol-version`. */
  readonly reason: TLSFailureReason;
  /** Node.js or OpenSSL error code, such as `ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION`. */
  readonly tlsCode: string;

  constructor(message: string, details: TLSFailureDetails, context: ClientErrorContext) {
    super(message, context, 'ERR_WBEM_TLS_HANDSHAKE');
    this.reason = details.reason;
    this.tlsCode = details.tlsCode;
  }
}

/** A TLS option names a file that cannot be read or used, or has a value OpenSSL rejects. */
export class TLSOptionError extends WBEMError {
  /** The option, such as `caCerts` or `x509.keyFile`. */
  readonly option: string;

  constructor(message: string, option: string, cause?: unknown) {
    super(message, 'ERR_WBEM_TLS_OPTION', { cause });
    this.option = option;
  }
}

/** A response header is missing or has a value the client cannot accept. */
export class HeaderParseError extends ParseError {
  /** Id of the connection that raised the error. */
  readonly connectionId: string | null;
  /** Full request URL. */
  readonly url: string | null;
  /** The request as sent, with credentials redacted. */
  readonly request: HttpRequestRecord | null;
  /** The response with the header in question. */
  readonly response: HttpResponseRecord | null;
  /** Name of the offending header, such as `Content-Type`. */
  readonly header: string;

  constructor(message: string, header: string, context: ClientErrorContext) {
    super(message, 'ERR_WBEM_HEADER_PARSE', {
      rawText: context.response?.body ?? null,
      cause: context.cause,
    });
    this.connectionId = context.connectionId;
    this.url = context.url;
    this.request = context.request ?? null;
    this.response = context.response ?? null;
    this.header = header;
  }
}

/** The server uses a CIM, DTD or protocol version the client does not support. */
export class VersionError extends ClientError {
  /** Element attribute or header the version comes from, such as `CIMVERSION`, `DTDVERSION` or `PROTOCOLVERSION`. */
  readonly versionKind: string;
  /** The version the server sent. */
  readonly version: string;

  constructor(message: string, details: { versionKind: string; version: string }, context: ClientErrorContext) {
    super(message, 'ERR_WBEM_VERSION', context);
    this.versionKind = details.versionKind;
    this.version = details.version;
  }
}
