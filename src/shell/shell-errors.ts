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

/**
 * A saved password that cannot be read: the credentials file or the key file is missing,
 * damaged or was replaced. The message names the profile and tells how to save the
 * password again.
 */
export class StoredPasswordError extends WBEMError {
  /** Name of the profile whose password cannot be read. */
  readonly profile: string;

  constructor(profile: string, message: string, options?: { cause?: unknown }) {
    super(message, 'ERR_STORED_PASSWORD', options);
    this.profile = profile;
  }
}
