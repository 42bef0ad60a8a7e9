import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from './server-helpers.js';

export const trafficDir = path.join(referenceDir, 'cim-xml', 'traffic');

/** A captured request: HTTP method, CIM headers and body. */
export interface CapturedRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Reads a captured request file. Files that start with a request line carry their own
 * headers: Host and Content-Length are dropped (the client sets them), and an M-POST
 * becomes a POST with unprefixed headers, as a client falls back to it. Bare XML files
 * get the CIM headers that their body implies.
 */
export function readCapturedRequest(file: string): CapturedRequest {
  const text = readFileSync(path.join(trafficDir, file), 'utf8').replace(/\r\n/g, '\n');
  const requestLine = /^(M-POST|POST) \S+ HTTP\/1\.[01]\n/.exec(text);
  if (requestLine === null) return { method: 'POST', headers: headersFromBody(text), body: text };

  const end = text.indexOf('\n\n');
  const headers: Record<string, string> = {};
  for (const line of text.slice(requestLine[0].length, end).split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().replace(/^\d\d-/, '');
    if (['host', 'content-length', 'man'].includes(name.toLowerCase())) continue;
    headers[name] = line.slice(colon + 1).trim();
  }
  return { method: 'POST', headers, body: text.slice(end + 2) };
}

/** CIM headers derived from a request body with regular expressions, so malformed bodies work too. */
export function headersFromBody(body: string): Record<string, string> {
  const method = /<I?METHODCALL\s+NAME="([^"]+)"/.exec(body)?.[1] ?? 'Unknown';
  const namespacePath = /<LOCALNAMESPACEPATH>([\s\S]*?)<\/LOCALNAMESPACEPATH>/.exec(body)?.[1] ?? '';
  const namespace = [...namespacePath.matchAll(/<NAMESPACE\s+NAME="([^"]+)"/g)].map((match) => match[1]).join('/');
  return { CIMOperation: 'MethodCall', CIMMethod: method, CIMObject: encodeURIComponent(namespace) };
}

/** Returns the status and CIMError header of a captured response, or null for a 200 response. */
export function capturedRejection(file: string): { status: number; cimError: string } | null {
  const text = readFileSync(path.join(trafficDir, file), 'utf8');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (status === null) return null;
  return { status: Number(status[1]), cimError: /^CIMError:\s*(\S+)/m.exec(text)?.[1] ?? '' };
}
