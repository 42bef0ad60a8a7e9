import { WBEMError } from '../../cim/errors.js';

/** Values of the CIMError header that DSP0200 defines for requests rejected at the HTTP level. */
export type CIMErrorHeader =
  | 'unsupported-protocol-version'
  | 'multiple-requests-unsupported'
  | 'unsupported-cim-version'
  | 'unsupported-dtd-version'
  | 'request-not-valid'
  | 'request-not-well-formed'
  | 'header-mismatch'
  | 'unsupported-operation';

/** HTTP status that goes with each CIMError header value (DSP0200). */
const STATUS_OF: Readonly<Record<CIMErrorHeader, number>> = {
  'unsupported-protocol-version': 501,
  'multiple-requests-unsupported': 501,
  'unsupported-cim-version': 501,
  'unsupported-dtd-version': 501,
  'request-not-valid': 400,
  'request-not-well-formed': 400,
  'header-mismatch': 400,
  'unsupported-operation': 400,
};

/**
 * A request the mock server rejects before running an operation: the HTTP status, the
 * CIMError header value (null for plain HTTP errors such as 404) and a reason, which is
 * sent as the plain-text body.
 */
export class HTTPRejection extends WBEMError {
  readonly status: number;
  readonly cimError: CIMErrorHeader | null;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, cimError: CIMErrorHeader | null, message: string, options: { headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, 'ERR_MOCK_HTTP_REJECTION', { cause: options.cause });
    this.status = status;
    this.cimError = cimError;
    this.headers = options.headers ?? {};
  }

  /** A rejection with a CIMError header and the status DSP0200 pairs with it. */
  static cim(cimError: CIMErrorHeader, message: string, cause?: unknown): HTTPRejection {
    return new HTTPRejection(STATUS_OF[cimError], cimError, message, { cause });
  }
}
