import type { IncomingHttpHeaders } from 'node:http';
import { CIMClassName } from '../../cim/class-name.js';
import { CIMInstanceName } from '../../cim/instance-name.js';
import type { KeyBindingValue } from '../../cim/value.js';
import { CIMTypedValue } from '../../cim/typed-value.js';
import type { OperationRequest } from '../../cimxml/index.js';
import { normalizeNamespace } from '../names.js';
import { HTTPRejection } from './rejection.js';

/**
 * Reads the CIM extension headers of a request by their DSP0200 names.
 *
 * NOTE: M-POST (with `Man` and `NN-` prefixed headers) is not served: the HTTP parser of
 * Node.js does not know that method and responds with 400 before this code runs. Clients
 * that fall back to POST only on 501, 510 or 405 must be set to send POST.
 */
export class CIMHeaders {
  readonly #headers: IncomingHttpHeaders;

  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }

  /** Returns a CIM header, or undefined. */
  get(name: string): string | undefined {
    const value = this.#headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** DSP0200 protocol versions this server accepts in CIMProtocolVersion: 1.x. */
const PROTOCOL_VERSION = /^1\.\d+$/;

/**
 * Checks the headers that do not depend on the body: CIMOperation must be MethodCall,
 * CIMBatch must be absent, and CIMProtocolVersion, when present, must be 1.x.
 */
export function checkOperationHeaders(headers: CIMHeaders): void {
  const operation = headers.get('CIMOperation');
  if (operation === undefined) {
    throw HTTPRejection.cim('header-mismatch', 'The CIMOperation header is missing; send "CIMOperation: MethodCall".');
  }
  if (operation.trim() !== 'MethodCall') {
    throw HTTPRejection.cim('unsupported-operation', `CIMOperation ${JSON.stringify(operation)} is not supported; send "MethodCall".`);
  }
  if (headers.get('CIMBatch') !== undefined) {
    throw HTTPRejection.cim('multiple-requests-unsupported', 'Batched requests (CIMBatch) are not supported; send one operation per request.');
  }
  const version = headers.get('CIMProtocolVersion');
  if (version !== undefined && !PROTOCOL_VERSION.test(version.trim())) {
    throw HTTPRejection.cim('unsupported-protocol-version', `CIMProtocolVersion ${JSON.stringify(version)} is not supported; send 1.0.`);
  }
}

/**
 * Checks CIMMethod, CIMObject and CIMProtocolVersion against the request body
 * (DSP0200): the method name, the namespace of an intrinsic call, or the class or
 * instance path of an extrinsic call. Raises `header-mismatch` otherwise.
 */
export function checkHeadersMatchBody(headers: CIMHeaders, request: OperationRequest, protocolVersion: string): void {
  const method = headers.get('CIMMethod');
  if (method === undefined) {
    throw HTTPRejection.cim('header-mismatch', `The CIMMethod header is missing; send "CIMMethod: ${request.name}".`);
  }
  if (method.trim().toLowerCase() !== request.name.toLowerCase()) {
    throw HTTPRejection.cim('header-mismatch', `CIMMethod ${JSON.stringify(method)} does not match the method ${request.name} in the body.`);
  }

  const version = headers.get('CIMProtocolVersion');
  if (version !== undefined && version.trim() !== protocolVersion) {
    throw HTTPRejection.cim('header-mismatch', `CIMProtocolVersion ${JSON.stringify(version)} does not match PROTOCOLVERSION "${protocolVersion}" of the MESSAGE.`);
  }

  const object = headers.get('CIMObject');
  if (object === undefined) {
    throw HTTPRejection.cim('header-mismatch', 'The CIMObject header is missing; send the namespace, or the class or instance path of an extrinsic call.');
  }
  const text = decodeHeader(object);
  if (request.intrinsic) checkNamespace(text, request.namespace);
  else checkTarget(text, request);
}

function decodeHeader(value: string): string {
  try {
    return decodeURIComponent(value.trim());
  } catch (cause) {
    throw HTTPRejection.cim('header-mismatch', `CIMObject ${JSON.stringify(value)} is not valid %-encoded UTF-8.`, cause);
  }
}

function sameNamespace(a: string, b: string): boolean {
  return normalizeNamespace(a).toLowerCase() === normalizeNamespace(b).toLowerCase();
}

function checkNamespace(text: string, namespace: string): void {
  if (!sameNamespace(text, namespace)) {
    throw HTTPRejection.cim('header-mismatch', `CIMObject ${JSON.stringify(text)} does not match the namespace "${namespace}" in the body.`);
  }
}

/** CIMObject of an extrinsic call: `namespace:ClassName` or `namespace:ClassName.key=value,...`. */
function checkTarget(text: string, request: OperationRequest): void {
  const target = request.target as CIMInstanceName | CIMClassName;
  const mismatch = (problem: string, cause?: unknown) =>
    HTTPRejection.cim('header-mismatch', `CIMObject ${JSON.stringify(text)} does not match the target of the call: ${problem}.`, cause);

  const colon = text.indexOf(':');
  if (colon < 0) throw mismatch('it has no "namespace:" part');
  checkNamespace(text.slice(0, colon), request.namespace);

  let path: CIMInstanceName | CIMClassName;
  try {
    const uri = `/${normalizeNamespace(text.slice(0, colon))}:${text.slice(colon + 1)}`;
    path = text.includes('.', colon) ? CIMInstanceName.fromWBEMURI(uri) : CIMClassName.fromWBEMURI(uri);
  } catch (cause) {
    throw mismatch('it is not a valid object path', cause);
  }

  if (path.className.toLowerCase() !== target.className.toLowerCase()) {
    throw mismatch(`class ${path.className} is not ${target.className}`);
  }
  if (target instanceof CIMInstanceName !== path instanceof CIMInstanceName) {
    throw mismatch(target instanceof CIMInstanceName ? 'the body calls an instance method' : 'the body calls a static method');
  }
  if (path instanceof CIMInstanceName && target instanceof CIMInstanceName) checkKeys(path, target, mismatch);
}

function checkKeys(header: CIMInstanceName, body: CIMInstanceName, mismatch: (problem: string) => HTTPRejection): void {
  if (header.keybindings.size !== body.keybindings.size) throw mismatch('the keybindings differ');
  for (const [name, value] of body.keybindings) {
    if (!header.keybindings.has(name)) throw mismatch(`keybinding ${name} is missing`);
    if (keyText(header.keybindings.get(name)!) !== keyText(value)) throw mismatch(`keybinding ${name} has another value`);
  }
}

/** Key values compare as text, because the header form carries no CIM types. */
function keyText(value: KeyBindingValue): string {
  if (value instanceof CIMTypedValue) return String(value.value);
  if (value instanceof CIMInstanceName || value instanceof CIMClassName) return value.className.toLowerCase();
  if (typeof value === 'object') return value.toString();
  return String(value).toLowerCase();
}
