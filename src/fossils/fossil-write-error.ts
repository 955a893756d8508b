import { UserError } from '../errors.js';
import { quotePath } from '../output/quote-path.js';

/**
 * The fossil store could not be written: the folder or the file could not be created, for
 * example because `fossilDir` names a file or a dangling symlink. `footprint precommit` keeps
 * its risk decision and prints this as a warning. Elsewhere it is a configuration error (exit 2).
 */
export class FossilWriteError extends UserError {
  /** The path that could not be written. */
  readonly file: string;
  /** The errno code, such as `ENOTDIR` or `EACCES`, or the error text when there is none. */
  readonly reason: string;

  constructor(file: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super(
      `The fossil was not written to ${quotePath(file)} (${reason}). ` +
        'Point fossilDir in footprint.config.json at a folder footprint can create and write, ' +
        'or move away the file or broken symlink that is in its place.',
      { cause },
    );
    this.file = file;
    this.reason = reason;
  }
}
