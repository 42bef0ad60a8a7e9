import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, type Dispatcher } from 'undici';
import { readResponse, type OperationResponse } from '../../src/cimxml/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');

/** Cache folder shared by the test files; entries are checked against the MOF contents. */
export const testCacheDirectory = path.join(tmpdir(), 'wbemshell-test-model-cache');

export interface PostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  trailers: Record<string, string | string[] | undefined>;
  body: string;
}

/** POSTs a CIM-XML body to `${url}/cimom` with the given headers. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { method?: string; path?: string; dispatcher?: Dispatcher } = {},
): Promise<PostResult> {
  const response = await request(`${url}${options.path ?? '/cimom'}`, {
    method: (options.method ?? 'POST') as 'POST',
    headers: { 'content-type': 'application/xml; charset=utf-8', ...headers },
    body,
    dispatcher: options.dispatcher,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, trailers: response.trailers, body: text };
}

/** Builds an intrinsic request body (SIMPLEREQ/IMETHODCALL) with IPARAMVALUE elements given as XML text. */
export function intrinsicBody(operation: string, namespace: string, parameters = '', id = '1001'): string {
  const segments = namespace
    .split('/')
    .map((name) => `<NAMESPACE NAME="${name}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="${id}" PROTOCOLVERSION="1.0">` +
    `<SIMPLEREQ><IMETHODCALL NAME="${operation}"><LOCALNAMESPACEPATH>${segments}</LOCALNAMESPACEPATH>${parameters}` +
    `</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>`
  );
}

/** Returns the CIM headers of an intrinsic request. */
export function intrinsicHeaders(operation: string, namespace: string): Record<string, string> {
  return { CIMOperation: 'MethodCall', CIMMethod: operation, CIMObject: encodeURIComponent(namespace), CIMProtocolVersion: '1.0' };
}

/** Runs an intrinsic operation and returns the parsed response; fails on any HTTP error. */
export async function callIntrinsic(url: string, operation: string, namespace: string, parameters = ''): Promise<OperationResponse> {
  const result = await post(url, intrinsicBody(operation, namespace, parameters), intrinsicHeaders(operation, namespace));
  if (result.status !== 200) throw new Error(`HTTP ${result.status}: ${result.body}`);
  return readResponse(result.body).response as OperationResponse;
}

export const classNameParam = (name: string, className: string) => `<IPARAMVALUE NAME="${name}"><CLASSNAME NAME="${className}"/></IPARAMVALUE>`;
export const valueParam = (name: string, value: string) => `<IPARAMVALUE NAME="${name}"><VALUE>${value}</VALUE></IPARAMVALUE>`;

/** Builds an INSTANCENAME element with string keys. */
export function instanceNameXml(className: string, keys: Record<string, string>): string {
  const bindings = Object.entries(keys)
    .map(([name, value]) => `<KEYBINDING NAME="${name}"><KEYVALUE VALUETYPE="string">${value}</KEYVALUE></KEYBINDING>`)
    .join('');
  return `<INSTANCENAME CLASSNAME="${className}">${bindings}</INSTANCENAME>`;
}

export const COMPUTER_SYSTEM_KEYS = { CreationClassName: 'WBEMShell_ComputerSystem', Name: 'wbemshell-demo.example.org' };
export const OPERATING_SYSTEM_KEYS = {
  CSCreationClassName: 'WBEMShell_ComputerSystem',
  CSName: 'wbemshell-demo.example.org',
  CreationClassName: 'WBEMShell_OperatingSystem',
  Name: 'Debian GNU/Linux 12 (bookworm)',
};

export function processKeys(handle: string): Record<string, string> {
  return {
    CSCreationClassName: 'WBEMShell_ComputerSystem',
    CSName: 'wbemshell-demo.example.org',
    OSCreationClassName: 'WBEMShell_OperatingSystem',
    OSName: 'Debian GNU/Linux 12 (bookworm)',
    CreationClassName: 'WBEMShell_Process',
    Handle: handle,
  };
}
