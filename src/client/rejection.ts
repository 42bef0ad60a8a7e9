import { authenticationSchemes, cimField, percentDecode, type HeaderFields } from './cim-headers.js';
import { contentTypeProblem } from './content-type.js';
import { AuthError, HTTPError, HeaderParseError, type ClientErrorContext } from './errors.js';
import type { ResponseStream } from './response-stream.js';

/** Reason that a response with a status line cannot carry a CIM-XML result. */
export type Rejection =
  | { kind: 'auth'; schemes: string[] }
  | { kind: 'http'; status: number; cimError: string | null; detail: string | null }
  | { kind: 'header'; header: string; problem: string };

/**
 * Returns why a response cannot carry a CIM-XML result, or null when it can: 401, any
 * status other than 200, a Content-Type other than XML in UTF-8, or a missing or wrong
 * `CIMOperation` header (DSP0200 requires `CIMOperation: MethodResponse`).
 */
export function responseRejection(status: number, headers: HeaderFields, prefix: string): Rejection | null {
  if (status === 401) return { kind: 'auth', schemes: authenticationSchemes(headers['www-authenticate']) };

  if (status !== 200) {
    const cimError = cimField(headers, 'CIMError', prefix) ?? null;
    const detail = cimField(headers, 'PGErrorDetail', prefix) ?? cimField(headers, 'CIMErrorDescription', prefix);
    return { kind: 'http', status, cimError, detail: detail === undefined ? null : percentDecode(detail) };
  }

  const typeProblem = contentTypeProblem(headers['content-type']);
  if (typeProblem !== null) return { kind: 'header', header: 'Content-Type', problem: typeProblem };

  const operation = cimField(headers, 'CIMOperation', prefix);
  if (operation === undefined) return { kind: 'header', header: 'CIMOperation', problem: 'the header is missing' };
  if (operation.trim().toLowerCase() !== 'methodresponse') {
    return { kind: 'header', header: 'CIMOperation', problem: `the value is "${operation}", not "MethodResponse"` };
  }
  return null;
}

/** Reads the body of a rejected response so that the error can show it; a failed read keeps what arrived. */
export async function readRejectedBody(stream: ResponseStream): Promise<void> {
  try {
    await stream.collect();
  } catch {
    stream.cancel();
  }
}

/** Builds the AuthError, HTTPError or HeaderParseError for a rejected response; `advice` ends the message of an HTTPError. */
export function rejectionError(
  rejection: Rejection,
  reason: string,
  user: string | null,
  context: ClientErrorContext,
  advice: string | null = null,
): Error {
  const url = context.url;
  switch (rejection.kind) {
    case 'auth':
      return new AuthError(authMessage(url, user, rejection.schemes), rejection.schemes, context);
    case 'http': {
      const withHeader = rejection.cimError === null ? '' : ` with CIMError "${rejection.cimError}"`;
      const detail = rejection.detail === null ? '' : `: ${rejection.detail}`;
      const next = advice === null ? '' : ` ${advice}`;
      return new HTTPError(
        `The server at ${url} responded with HTTP ${rejection.status} ${reason}${withHeader}${detail}.${next}`,
        { status: rejection.status, reason, cimError: rejection.cimError, cimErrorDetail: rejection.detail },
        context,
      );
    }
    case 'header':
      return new HeaderParseError(
        `The response from ${url} has an invalid ${rejection.header} header: ${rejection.problem}. ` +
          'A CIM-XML response needs Content-Type application/xml or text/xml (UTF-8) and CIMOperation: MethodResponse.',
        rejection.header,
        context,
      );
  }
}

function authMessage(url: string | null, user: string | null, schemes: readonly string[]): string {
  const offersBasic = schemes.some((scheme) => scheme.toLowerCase() === 'basic');
  if (user === null) {
    const offered = schemes.length === 0 ? 'names no authentication scheme' : `offers ${schemes.join(', ')}`;
    const advice = schemes.length > 0 && !offersBasic ? ' This client supports Basic only.' : ' Pass credentials with a user name and password.';
    return `The server at ${url} requires authentication (HTTP 401) and ${offered}.${advice}`;
  }
  if (schemes.length > 0 && !offersBasic) {
    return (
      `The server at ${url} rejected the request of user "${user}" (HTTP 401) and offers only ` +
      `${schemes.join(', ')} authentication; this client supports Basic only.`
    );
  }
  const noScheme = schemes.length === 0 ? ' without offering an authentication scheme' : '';
  return `The server at ${url} rejected the credentials of user "${user}" (HTTP 401)${noScheme}. Check the user name and password.`;
}
