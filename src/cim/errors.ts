import { statusCodeName } from './status-codes.js';
import type { CIMInstance } from './instance.js';

/** Base of every error this library raises; `code` is a stable string for programs. */
export class WBEMError extends Error {
  /** Stable error code for programs, such as `ERR_XML_PARSE`, or the status code name such as `CIM_ERR_NOT_FOUND` for CIMError. */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input that is not CIM-XML, or not the CIM-XML the context requires. */
export class ParseError extends WBEMError {
  /** Element path such as `CIM/MESSAGE/SIMPLERSP/IMETHODRESPONSE`, where known. */
  readonly elementPath: string | null;
  /** 1-based line in the parsed text, where known. */
  readonly line: number | null;
  /** 1-based column in the parsed text, where known. */
  readonly column: number | null;
  /** The raw text that failed to parse, where available. */
  readonly rawText: string | null;

  constructor(
    message: string,
    code: string,
    details: {
      elementPath?: string | null;
      line?: number | null;
      column?: number | null;
      rawText?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, code, { cause: details.cause });
    this.elementPath = details.elementPath ?? null;
    this.line = details.line ?? null;
    this.column = details.column ?? null;
    this.rawText = details.rawText ?? null;
  }
}

/** The text is not well-formed XML (or not valid UTF-8). */
export class XMLParseError extends ParseError {
  constructor(message: string, details: ConstructorParameters<typeof ParseError>[2] = {}) {
    super(message, 'ERR_XML_PARSE', details);
  }
}

/** The text is well-formed XML but breaks the CIM-XML DTD or CIM value rules. */
export class CIMXMLParseError extends ParseError {
  constructor(message: string, details: ConstructorParameters<typeof ParseError>[2] = {}) {
    super(message, 'ERR_CIMXML_PARSE', details);
  }
}

/** A WBEM URI (DSP0207) or host string that cannot be parsed or has no form for the object. */
export class WBEMURIError extends WBEMError {
  /** The URI or host string as the caller passed it. */
  readonly uri: string;
  /** 1-based column in `uri` where the problem starts, where known. */
  readonly column: number | null;

  constructor(message: string, details: { uri: string; column?: number | null; cause?: unknown }) {
    super(message, 'ERR_WBEM_URI', { cause: details.cause });
    this.uri = details.uri;
    this.column = details.column ?? null;
  }
}

/** A CIM status code other than success, returned by a WBEM server in an `ERROR` element or trailer. */
export class CIMError extends WBEMError {
  /** CIM status code, 1 to 29 for the codes DSP0200 defines. */
  readonly statusCode: number;
  /** Name of the status code, such as `CIM_ERR_NOT_FOUND`. */
  readonly statusCodeName: string;
  /** The server's description, or a default text for the code. */
  readonly statusDescription: string;
  /** CIM_Error instances the server attached to the error. */
  readonly instances: readonly CIMInstance[];

  constructor(
    statusCode: number,
    description?: string | null,
    options: { instances?: readonly CIMInstance[]; cause?: unknown } = {},
  ) {
    const name = statusCodeName(statusCode);
    const text = description ?? defaultDescription(statusCode);
    super(`${name} (${statusCode}): ${text}`, name, { cause: options.cause });
    this.statusCode = statusCode;
    this.statusCodeName = name;
    this.statusDescription = text;
    this.instances = options.instances ?? [];
  }
}

function defaultDescription(statusCode: number): string {
  return STATUS_DESCRIPTIONS[statusCode] ?? 'Unknown status code.';
}

const STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'A general error occurred that is not covered by a more specific error code.',
  2: 'Access to a CIM resource is not available to the client.',
  3: 'The target namespace does not exist.',
  4: 'One or more parameter values passed to the method are not valid.',
  5: 'The specified class does not exist.',
  6: 'The requested object cannot be found.',
  7: 'The requested operation is not supported.',
  8: 'The operation cannot be invoked on this class because it has subclasses.',
  9: 'The operation cannot be invoked on this class because one or more instances of this class exist.',
  10: 'The operation cannot be invoked because the specified superclass does not exist.',
  11: 'The operation cannot be invoked because an object already exists.',
  12: 'The specified property does not exist.',
  13: 'The value supplied is not compatible with the type.',
  14: 'The query language is not recognized or supported.',
  15: 'The query is not valid for the specified query language.',
  16: 'The extrinsic method cannot be invoked.',
  17: 'The specified extrinsic method does not exist.',
  18: 'The returned response to the asynchronous operation was not expected.',
  19: 'The specified destination for the asynchronous response is not valid.',
  20: 'The specified namespace is not empty.',
  21: 'The enumeration identified by the specified context cannot be found, is in a closed state, does not exist, or is otherwise invalid.',
  22: 'The specified operation timeout is not supported by the WBEM server.',
  23: 'The pull operation has been abandoned.',
  24: 'The attempt to abandon a concurrent pull operation failed.',
  25: 'Using a filter query in pulled enumerations is not supported by the WBEM server.',
  26: 'The WBEM server does not support continuation on error.',
  27: 'The WBEM server has failed the operation based upon exceeding server limits.',
  28: 'The WBEM server is shutting down and cannot process the operation.',
  29: 'The query feature is not supported.',
};

/**
 * Text that is not a valid CIM datetime of DSP0004. It extends `RangeError` so callers can
 * treat it as a bad argument; `code` is `ERR_CIM_DATETIME`.
 */
export class CIMDateTimeError extends RangeError {
  /** Always `ERR_CIM_DATETIME`. */
  readonly code = 'ERR_CIM_DATETIME';
  /** The rejected datetime text. */
  readonly value: string;

  constructor(value: string, problem: string) {
    super(
      `Invalid CIM datetime ${JSON.stringify(value)}: ${problem}. Expected "yyyymmddhhmmss.mmmmmm+utc" (timestamp) or "ddddddddhhmmss.mmmmmm:000" (interval).`,
    );
    this.name = 'CIMDateTimeError';
    this.value = value;
  }
}
