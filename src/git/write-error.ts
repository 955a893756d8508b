import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Errno codes of a failed write that the file system's owner must fix: permissions, a
 * read-only mount, a full disk or quota.
 */
const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);

/**
 * A file or folder of the git directory that could not be written, so the write stopped
 * before any ref moved.
 */
export class GitWriteError extends Error {
  override readonly name = 'GitWriteError';

  constructor(
    /** The file or folder to check: the path itself when it exists, else its parent folder. */
    readonly target: string,
    /** The errno code, such as `EACCES`. */
    readonly code: string,
    options: { cause?: unknown } = {},
  ) {
    super(`Cannot write ${target} (${code}).`, options);
  }
}

/**
 * Returns `error` as a GitWriteError when the file system rejected a write for a reason its
 * owner must fix, or null for any other error. `fallback` is the path to name when the error
 * names none.
 */
export function toGitWriteError(error: unknown, fallback: string): GitWriteError | null {
  const { code, path: failedPath } = error as NodeJS.ErrnoException;
  if (code === undefined || !FILE_SYSTEM_CODES.has(code)) return null;

  const written = failedPath ?? fallback;
  // A file or folder that the write would have created does not exist, so its folder is the
  // one whose permissions matter.
  const target = existsSync(written) ? written : path.dirname(written);
  return new GitWriteError(target, code, { cause: error });
}
