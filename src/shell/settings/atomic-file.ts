import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes `data` to a new temporary file beside `file`, with `mode` (not reduced by the
 * umask), flushed to disk. Returns the temporary file's path; the caller renames or
 * links it into place.
 */
function writeTemporary(file: string, data: string | Uint8Array, mode: number): string {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const descriptor = openSync(temporary, 'wx', mode);
  try {
    fchmodSync(descriptor, mode);
    writeSync(descriptor, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  return temporary;
}

/**
 * Replaces `file` with `data` atomically: the data goes to a temporary file in the same
 * folder, which is then renamed over `file`. Readers see the old or the new content,
 * never a part, and a failed write leaves the old file as it was.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode: number): void {
  const temporary = writeTemporary(file, data, mode);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates `file` with `data` only when no file of that name exists, atomically: the
 * complete temporary file is hard-linked to the name, which fails when another process
 * created it first. Returns false, leaving the existing file alone, in that case.
 */
export function createFileAtomic(file: string, data: string | Uint8Array, mode: number): boolean {
  const temporary = writeTemporary(file, data, mode);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
