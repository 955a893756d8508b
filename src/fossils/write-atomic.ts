import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Prefix and suffix of the temporary files `writeFileAtomic` makes, which readers skip. */
export const TEMPORARY_PREFIX = '.';
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Writes `text` to `file` through a temporary file in the same folder and a rename, so a
 * reader sees either the old file (or none) or the whole new one. The temporary file is
 * removed on failure.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporary = path.join(
    path.dirname(file),
    `${TEMPORARY_PREFIX}${path.basename(file)}.${suffix}${TEMPORARY_SUFFIX}`,
  );

  // Synchronous calls: the hook has nothing to do meanwhile, and each promise-based call
  // would wait for a turn of libuv's thread pool.
  try {
    // NOTE: no fsync, to keep the hook fast. After a power loss the file may be empty, and
    // readers skip it with a warning.
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
