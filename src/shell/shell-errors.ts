import { WBEMError } from '../index.js';

/**
 * Input the shell cannot use: an unknown command, a missing argument, a bad option or a
 * value that does not fit its CIM type. The message says what was wrong and what to do.
 */
export class ShellInputError extends WBEMError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'ERR_SHELL_INPUT', options);
  }
}
