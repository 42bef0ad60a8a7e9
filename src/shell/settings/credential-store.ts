import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoredPasswordError } from '../shell-errors.js';
import { writeFileAtomic } from './atomic-file.js';
import { decryptPassword, encryptPassword, PasswordDecryptionFailure, readKey, readOrCreateKey } from './password-cipher.js';

/** File of the encrypted passwords, in the conf directory. */
export const CREDENTIALS_FILE_NAME = 'credentials.json';

/** File of the 256-bit key that encrypts them, in the same directory. */
export const KEY_FILE_NAME = 'credentials.key';

const FILE_FORMAT = 1;

/** Whether a profile has a saved password, and whether it can be decrypted. */
export type PasswordState = 'none' | 'saved' | 'unreadable';

/**
 * Passwords the user asked to save, one per profile, in `credentials.json`. Each is
 * encrypted with AES-256-GCM under a random 256-bit key in `credentials.key`, with a fresh
 * IV per value and the profile name as associated data. Both files have mode 0600 and
 * are written atomically.
 *
 * This keeps passwords out of anything that reads, copies, greps or backs up the
 * credentials file without the key file: neither the profiles nor the credentials file
 * contains a password in plain text. It does not protect against anyone who can read all
 * of the user's files (the same user, root, or a full copy of the home directory), because
 * the key sits beside the file it protects. Passwords that an older version stored in
 * plain text are encrypted the first time the file is read.
 */
export class CredentialStore {
  readonly file: string;
  readonly keyFile: string;
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
    this.file = join(directory, CREDENTIALS_FILE_NAME);
    this.keyFile = join(directory, KEY_FILE_NAME);
  }

  /** Returns the saved password of `profile`, or null; raises StoredPasswordError when it cannot be decrypted. */
  password(profile: string): string | null {
    const entry = this.#readEntries(profile).get(profile);
    if (entry === undefined) return null;

    try {
      const key = readKey(this.keyFile);
      if (key === null) throw new PasswordDecryptionFailure(`the key file ${this.keyFile} is missing`);
      return decryptPassword(key, entry, profile);
    } catch (error) {
      if (error instanceof PasswordDecryptionFailure) throw unreadable(profile, error.message, error);
      throw error;
    }
  }

  state(profile: string): PasswordState {
    try {
      return this.password(profile) === null ? 'none' : 'saved';
    } catch (error) {
      if (error instanceof StoredPasswordError) return 'unreadable';
      throw error;
    }
  }

  /** Encrypts and stores `password` for `profile`, or removes its entry when `password` is null. */
  set(profile: string, password: string | null): void {
    let entries: Map<string, unknown>;
    try {
      entries = this.#readEntries(profile);
    } catch (error) {
      // A damaged file contains no password that can be recovered, so it is replaced.
      if (!(error instanceof StoredPasswordError)) throw error;
      entries = new Map();
    }

    if (password === null && !entries.has(profile)) return;
    if (password === null) entries.delete(profile);
    else entries.set(profile, encryptPassword(readOrCreateKey(this.keyFile), password, profile));
    this.#write(entries);
  }

  /** Reads the entries by profile name; raises StoredPasswordError naming `profile` when the file is damaged. */
  #readEntries(profile: string): Map<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }

    const passwords = parsePasswords(text);
    if (passwords === null) throw unreadable(profile, `the credentials file ${this.file} is damaged, because it is not JSON with a "passwords" object`);

    const entries = new Map(Object.entries(passwords));
    if ([...entries.values()].some((entry) => typeof entry === 'string')) this.#encryptPlainEntries(entries);
    return entries;
  }

  /** Replaces passwords stored in plain text by encrypted ones, and rewrites the file. */
  #encryptPlainEntries(entries: Map<string, unknown>): void {
    const key = readOrCreateKey(this.keyFile);
    for (const [profile, entry] of entries) {
      if (typeof entry === 'string') entries.set(profile, encryptPassword(key, entry, profile));
    }
    this.#write(entries);
  }

  #write(entries: Map<string, unknown>): void {
    mkdirSync(this.#directory, { recursive: true, mode: 0o700 });
    const content = { format: FILE_FORMAT, cipher: 'aes-256-gcm', passwords: Object.fromEntries(entries) };
    writeFileAtomic(this.file, `${JSON.stringify(content, null, '\t')}\n`, 0o600);
  }
}

/** Returns the `passwords` object of the file's JSON text, or null when the text is not in that form. */
function parsePasswords(text: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }

  if (typeof data !== 'object' || data === null) return null;
  const passwords = (data as Record<string, unknown>)['passwords'] ?? {};
  if (typeof passwords !== 'object' || passwords === null || Array.isArray(passwords)) return null;
  return passwords as Record<string, unknown>;
}

function unreadable(profile: string, reason: string, cause?: unknown): StoredPasswordError {
  const message =
    `The saved password of profile ${JSON.stringify(profile)} cannot be decrypted: ${reason}. ` +
    `Connect with the password and save it again with "connection save ${profile} --save-password".`;
  return new StoredPasswordError(profile, message, { cause });
}
