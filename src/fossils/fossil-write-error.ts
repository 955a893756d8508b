import { UserError } from '../errors.js';
import { quotePath } from '../output/quote-path.js';

/** Meanings of the errno codes of a failed fossil write, in the user's words. */
const REASON_WORDS: Readonly<Record<string, string>> = {
  EEXIST: 'a file is where a folder of the path has to be',
  ENOTDIR: 'a file is where a folder of the path has to be',
  ENOENT: 'a folder of the path is missing or a broken symlink',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/**
 * The fossil store could not be written: the folder or the file could not be created, for
 * example because `fossilDir` names a file or a dangling symlink. `footprint precommit` keeps
 * its risk decision and prints this as a warning, and blocks the commit under `failClosed`.
 * Elsewhere it is a configuration error (exit 2).
 */
export class FossilWriteError extends UserError {
  /** The path that could not be written. */
  readonly file: string;
  /** The errno code, such as `ENOTDIR` or `EACCES`, or the error text when there is none. */
  readonly reason: string;

  constructor(file: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    const words = REASON_WORDS[reason];
    super(
      `The fossil was not written to ${quotePath(file)} ` +
        `(${words === undefined ? reason : `${reason}: ${words}`}). ` +
        'Point fossilDir in footprint.config.json at a folder footprint can create and write, ' +
        'or move away the file or broken symlink that is in its place.',
      { cause },
    );
    this.file = file;
    this.reason = reason;
  }
}
