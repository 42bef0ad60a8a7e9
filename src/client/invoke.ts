import { CIMXMLParseError } from '../cim/errors.js';
import {
  collectResponseStream,
  type CIMRequest as CIMXMLRequest,
  type OperationResponse,
  type ParseWarning,
  type ResponseMessage,
} from '../cimxml/index.js';
import { recordOperation, type OperationContext } from './recorders/operation-record.js';
import type { WBEMTransport } from './transport.js';

/** One operation as the connection runs it: how to build the request and how to decode the response. */
export interface OperationCall<T> {
  /** Operation name for records and statistics, such as `GetInstance` or `InvokeMethod`. */
  readonly recordName: string;
  /** Name the response element must carry: the intrinsic operation or the method name. */
  readonly responseName: string;
  /** Whether the response is an IMETHODRESPONSE (true) or a METHODRESPONSE. */
  readonly intrinsic: boolean;
  /** Target namespace, normalized. */
  readonly namespace: string;
  /** Arguments by DSP0200 parameter name, for recorders. */
  readonly args: Readonly<Record<string, unknown>>;
  build(messageId: string): CIMXMLRequest;
  decode(response: OperationResponse, namespace: string, host: string): T;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | undefined;
}

/** The parts of a connection that `invoke` uses. */
export interface InvokeContext {
  readonly transport: WBEMTransport;
  readonly operationContext: OperationContext;
  readonly onWarning?: ((warning: ParseWarning) => void) | undefined;
  /** Server `host:port`, set as the host of class paths. */
  readonly host: string;
  nextMessageId(): string;
}

/**
 * Runs one operation: builds the request, sends it, reads the response, raises the
 * CIMError of an ERROR element and decodes the result, all inside the recorder wrapper,
 * which also feeds the statistics.
 * NOTE: the MESSAGE ID of the response is not compared with the request's, because
 * servers and pywbem's recorded traffic do not always echo it.
 */
export function invoke<T>(context: InvokeContext, call: OperationCall<T>): Promise<T> {
  return recordOperation(context.operationContext, call.recordName, call.args, async (exchange) => {
    const request = call.build(context.nextMessageId());

    const stream = await context.transport.stream({
      cimMethod: request.headers.CIMMethod,
      cimObject: request.headers.CIMObject,
      body: request.body,
      headers: call.headers,
      signal: call.signal,
      timeout: call.timeout,
      exchange,
    });

    const message = await collectResponseStream(stream, { valueErrors: 'throw', onWarning: context.onWarning });
    const operation = checkResponse(message.response, call);
    if (operation.error !== null) throw operation.error;
    return call.decode(operation, call.namespace, context.host);
  });
}

/** Checks that the response element is the one the call expects: intrinsic or not, and its NAME. */
export function checkResponse(
  response: ResponseMessage['response'],
  call: Pick<OperationCall<unknown>, 'intrinsic' | 'responseName'>,
): OperationResponse {
  const expected = call.intrinsic ? 'IMETHODRESPONSE' : 'METHODRESPONSE';
  if (response.kind !== 'response' || response.intrinsic !== call.intrinsic) {
    throw new CIMXMLParseError(
      `Invalid CIM-XML response to ${call.responseName}: expected ${expected}, but the message carries another response element.`,
      { elementPath: 'CIM/MESSAGE/SIMPLERSP' },
    );
  }

  if (response.name.toLowerCase() !== call.responseName.toLowerCase()) {
    throw new CIMXMLParseError(
      `Invalid CIM-XML response to ${call.responseName}: ${expected} has NAME="${response.name}".`,
      { elementPath: `CIM/MESSAGE/SIMPLERSP/${expected}` },
    );
  }
  return response;
}
