import { CIMXMLParseError, XMLParseError } from '../../cim/errors.js';
import { CIMXMLVersionError, readRequest, type OperationRequest, type RequestMessage } from '../../cimxml/index.js';
import { HTTPRejection, type CIMErrorHeader } from './rejection.js';

const VERSION_ERRORS: Readonly<Record<CIMXMLVersionError['versionAttribute'], CIMErrorHeader>> = {
  CIMVERSION: 'unsupported-cim-version',
  DTDVERSION: 'unsupported-dtd-version',
  PROTOCOLVERSION: 'unsupported-protocol-version',
};

/** A parsed request that carries one operation request (SIMPLEREQ). */
export interface SimpleRequest {
  message: RequestMessage;
  request: OperationRequest;
}

/**
 * Parses a request body and maps what is wrong with it to the CIMError header of
 * DSP0200: invalid UTF-8 or XML is `request-not-well-formed`, invalid CIM-XML
 * `request-not-valid`, an unsupported CIMVERSION, DTDVERSION or PROTOCOLVERSION its
 * `unsupported-*` value, and a MULTIREQ `multiple-requests-unsupported`.
 */
export function parseRequest(body: Buffer): SimpleRequest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (cause) {
    throw HTTPRejection.cim('request-not-well-formed', 'The request body is not valid UTF-8.', cause);
  }

  let message: RequestMessage;
  try {
    message = readRequest(text);
  } catch (error) {
    if (error instanceof CIMXMLVersionError) throw HTTPRejection.cim(VERSION_ERRORS[error.versionAttribute], error.message, error);
    if (error instanceof XMLParseError) throw HTTPRejection.cim('request-not-well-formed', error.message, error);
    if (error instanceof CIMXMLParseError) throw HTTPRejection.cim('request-not-valid', error.message, error);
    throw error;
  }

  if (message.requests.length > 1) {
    throw HTTPRejection.cim('multiple-requests-unsupported', `The request carries ${message.requests.length} operations (MULTIREQ); send one per request.`);
  }
  const request = message.request;
  if (request.kind !== 'request') {
    throw HTTPRejection.cim('request-not-valid', 'The request is an export request (EXPMETHODCALL); this server is not a listener, so send operation requests (SIMPLEREQ).');
  }
  return { message, request };
}
