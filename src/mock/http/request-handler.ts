import type { IncomingMessage, ServerResponse } from 'node:http';
import { intrinsicErrorResponse, intrinsicResponseBytes, methodErrorResponse, methodResponse, type OperationRequest } from '../../cimxml/index.js';
import { runIntrinsic, type DispatchContext } from '../dispatch/intrinsic-dispatch.js';
import { runMethod } from '../dispatch/method-dispatch.js';
import type { EnumerationContextTable } from '../enumeration-contexts.js';
import type { MockRepository } from '../repository.js';
import { checkBasicAuth, type BasicAuthCredentials } from './basic-auth.js';
import { CIMHeaders, checkHeadersMatchBody, checkOperationHeaders } from './cim-headers.js';
import { parseRequest } from './parse-request.js';
import { readBody } from './read-body.js';
import { HTTPRejection } from './rejection.js';
import { generatedReply, operationError, sendRejection, sendReply, type OperationReply } from './respond.js';

/** Settings of the request handler: the repository served, pull contexts, authentication and the body limit. */
export interface HandlerSettings {
  repository: MockRepository;
  contexts: EnumerationContextTable;
  auth: BasicAuthCredentials | null;
  maxRequestBytes: number;
}

/** Path of the CIM operation endpoint; every known server uses it. */
export const CIM_PATH = '/cimom';

/** Returns the `request` listener of the mock server's HTTP(S) server. */
export function createRequestHandler(settings: HandlerSettings): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = process.hrtime.bigint();
    handleRequest(settings, request, response, started).catch((error: unknown) => {
      const rejection =
        error instanceof HTTPRejection ? error : new HTTPRejection(500, null, `The mock server failed: ${(error as Error).message}`, { cause: error });
      if (response.headersSent) response.destroy(rejection);
      else sendRejection(response, rejection, started);
    });
  };
}

async function handleRequest(settings: HandlerSettings, request: IncomingMessage, response: ServerResponse, started: bigint): Promise<void> {
  if (settings.auth !== null) checkBasicAuth(request.headers, settings.auth);

  const method = request.method ?? '';
  if (method !== 'POST') {
    throw new HTTPRejection(501, null, `HTTP method ${method} is not supported; send CIM operations with POST.`, {
      headers: { Allow: 'POST' },
    });
  }
  const path = (request.url ?? '').split('?')[0];
  if (path !== CIM_PATH) {
    throw new HTTPRejection(404, null, `Path ${JSON.stringify(path)} is not a CIM endpoint; send requests to ${CIM_PATH}.`);
  }

  const headers = new CIMHeaders(request.headers);
  checkOperationHeaders(headers);
  const body = await readBody(request, settings.maxRequestBytes);
  const { message, request: operation } = parseRequest(body);
  checkHeadersMatchBody(headers, operation, message.protocolVersion);

  const context: DispatchContext = {
    repository: settings.repository,
    contexts: settings.contexts,
    namespace: operation.namespace,
    host: request.headers.host ?? `${request.socket.localAddress}:${request.socket.localPort}`,
  };
  const reply = await runOperation(context, operation, message.messageId);
  await sendReply(response, reply, { trailers: wantsTrailers(request), started, operation: operation.name });
}

/**
 * Runs the operation and starts writing its response; an intrinsic response is
 * generated further while it is sent. A failure before the response starts gives an
 * ERROR element: a CIMError as it is, any other failure, of the operation or of writing
 * its result, as CIM_ERR_FAILED.
 */
async function runOperation(context: DispatchContext, operation: OperationRequest, messageId: string): Promise<OperationReply> {
  try {
    if (operation.intrinsic) {
      const outcome = runIntrinsic(context, operation.name, operation.intrinsicParameters);
      return generatedReply(intrinsicResponseBytes(messageId, outcome.operation, outcome.result));
    }
    const result = await runMethod(context.repository, operation.namespace, operation.target!, operation.name, operation.parameters);
    return { head: [methodResponse(messageId, operation.name, result)], rest: null, statusCode: 0, statusDescription: null };
  } catch (error) {
    const cimError = operationError(error);
    const text = operation.intrinsic
      ? intrinsicErrorResponse(messageId, operation.name, cimError)
      : methodErrorResponse(messageId, operation.name, cimError);
    return { head: [text], rest: null, statusCode: cimError.statusCode, statusDescription: cimError.statusDescription };
  }
}

function wantsTrailers(request: IncomingMessage): boolean {
  const header = request.headers.te ?? '';
  const te = Array.isArray(header) ? header.join(',') : header;
  return te.split(',').some((token) => token.trim().toLowerCase().startsWith('trailers'));
}
