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
 * Where the user can act on advice: in the interactive shell through its commands, or on the
 * command line of a `-c` or script run through its options.
 */
export type AdviceMode = 'commands' | 'options';

/** Advice after a timeout and after a failed connection, by mode. */
const TIMEOUT_ADVICE: Readonly<Record<AdviceMode, string>> = {
  commands: 'Raise the limit with "set timeout SECONDS" if the server needs longer.',
  options: 'Raise the limit with --timeout SECONDS if the server needs longer.',
};
const CONNECTION_ADVICE: Readonly<Record<AdviceMode, string>> = {
  commands: 'To use another server, run "connect URL".',
  options: 'To use another server, give its URL as the argument of wbemshell.',
};

/** The client's own advice at the end of a TimeoutError message, replaced by the advice for the mode. */
const CLIENT_TIMEOUT_ADVICE = ' Raise the timeout if the server needs longer.';

/**
 * Turns an error of a command into the text shown to the user: what went wrong, on which
 * value or server, and what to do next, in the terms of `advice` (default: shell commands).
 * Errors of the shell's own input keep their message.
 */
export function errorText(error: unknown, commandGroup?: string, advice: AdviceMode = 'commands'): string {
  if (isCancellation(error)) return 'Cancelled.';
  if (error instanceof CIMError) {
    const groupHint = error.statusCode === CIM_ERR_NOT_FOUND && commandGroup !== undefined ? NOT_FOUND_HINTS[commandGroup] : undefined;
    const hint = groupHint ?? CIM_HINTS[error.statusCode];
    return hint === undefined ? error.message : `${error.message.replace(/\.?$/, '')}; ${hint}.`;
  }
  if (error instanceof TimeoutError) {
    const message = error.message.endsWith(CLIENT_TIMEOUT_ADVICE) ? error.message.slice(0, -CLIENT_TIMEOUT_ADVICE.length) : error.message;
    return `${message} ${TIMEOUT_ADVICE[advice]}`;
  }
  if (error instanceof ConnectionError) return `${error.message} ${CONNECTION_ADVICE[advice]}`;
  if (error instanceof WBEMError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
