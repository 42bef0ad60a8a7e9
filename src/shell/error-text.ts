import {
  AbortedError,
  CIMError,
  CIM_ERR_INVALID_CLASS,
  CIM_ERR_INVALID_NAMESPACE,
  CIM_ERR_METHOD_NOT_FOUND,
  CIM_ERR_NOT_FOUND,
  ConnectionError,
  TimeoutError,
  WBEMError,
} from '../index.js';

const FIND_CLASS = 'look the class name up with "class find PATTERN"';

/** Next steps after the CIM status codes that users cause by mistake. */
const CIM_HINTS: Readonly<Record<number, string>> = {
  [CIM_ERR_INVALID_CLASS]: FIND_CLASS,
  [CIM_ERR_INVALID_NAMESPACE]: 'list the namespaces with "namespace list"',
  [CIM_ERR_NOT_FOUND]: 'check the keys; "instance enumerate CLASS --names-only" lists the instance paths',
  [CIM_ERR_METHOD_NOT_FOUND]: '"class get CLASS" shows the methods of the class',
};

/** Hints for CIM_ERR_NOT_FOUND by command group, where the missing object is not an instance. */
const NOT_FOUND_HINTS: Readonly<Record<string, string>> = {
  class: FIND_CLASS,
  qualifier: '"qualifier enumerate" lists the qualifier declarations',
};

/** Returns true for the errors a cancelled command ends with. */
export function isCancellation(error: unknown): boolean {
  return error instanceof AbortedError || (error instanceof Error && error.name === 'AbortError');
}

/**
 * Turns an error of a command into the text shown to the user: what went wrong, on which
 * value or server, and what to do next. Errors of the shell's own input keep their message.
 */
export function errorText(error: unknown, commandGroup?: string): string {
  if (isCancellation(error)) return 'Cancelled.';
  if (error instanceof CIMError) {
    const groupHint = error.statusCode === CIM_ERR_NOT_FOUND && commandGroup !== undefined ? NOT_FOUND_HINTS[commandGroup] : undefined;
    const hint = groupHint ?? CIM_HINTS[error.statusCode];
    return hint === undefined ? error.message : `${error.message.replace(/\.?$/, '')}; ${hint}.`;
  }
  if (error instanceof TimeoutError) return `${error.message} Raise the limit with "set timeout SECONDS" if the server is slow.`;
  if (error instanceof ConnectionError) return `${error.message} To use another server, run "connect URL".`;
  if (error instanceof WBEMError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
