import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createFileAtomic } from './atomic-file.js';

const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;

/** GCM nonce length; 96 bits is the length NIST SP 800-38D recommends. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One encrypted password as stored in the credentials file; each field is base64. */
export interface EncryptedPassword {
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

/** Why a stored password cannot be decrypted; the text completes "cannot be decrypted: ...". */
export class PasswordDecryptionFailure extends Error {}

/**
 * Reads the 256-bit key from `keyFile` (base64 text). Returns null when the file does not
 * exist, and raises PasswordDecryptionFailure when it does not contain a key of that size.
 */
export function readKey(keyFile: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }

  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new PasswordDecryptionFailure(`the key file ${keyFile} does not contain a 256-bit key`);
  }
  return key;
}

/**
 * Returns the key in `keyFile`, creating the file with a new random key (mode 0600) when
 * it does not exist. When two processes create it at once, both use the one that wins.
 */
export function readOrCreateKey(keyFile: string): Buffer {
  const existing = readKey(keyFile);
  if (existing !== null) return existing;

  const key = randomBytes(KEY_BYTES);
  if (createFileAtomic(keyFile, `${key.toString('base64')}\n`, 0o600)) return key;
  return readKey(keyFile)!;
}

/**
 * Encrypts a password with AES-256-GCM under a fresh random IV. The profile name is the
 * associated data, so an entry copied to another profile fails to decrypt.
 */
export function encryptPassword(key: Buffer, password: string, profile: string): EncryptedPassword {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(profile, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);

  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/**
 * Decrypts and authenticates an entry of `encryptPassword`. Raises
 * PasswordDecryptionFailure when the entry is malformed, was changed, belongs to another
 * profile or was encrypted under another key.
 */
export function decryptPassword(key: Buffer, entry: unknown, profile: string): string {
  if (!isEncryptedPassword(entry)) throw new PasswordDecryptionFailure('its entry is not an encrypted password');

  const iv = Buffer.from(entry.iv, 'base64');
  const tag = Buffer.from(entry.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PasswordDecryptionFailure('its entry has an IV or tag of the wrong length');
  }

  const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(profile, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(entry.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new PasswordDecryptionFailure('its entry was changed, or was encrypted under another key or for another profile', { cause: error });
  }
}

function isEncryptedPassword(entry: unknown): entry is EncryptedPassword {
  if (typeof entry !== 'object' || entry === null) return false;

  const fields = entry as Record<string, unknown>;
  return typeof fields['iv'] === 'string' && typeof fields['tag'] === 'string' && typeof fields['ciphertext'] === 'string';
}
