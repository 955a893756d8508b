import { isUserError, UserError } from '../errors.js';

/** Exit code of a refused `footprint commit` or `footprint undo`. */
export const EXIT_REFUSED = 1;

/**
 * A commit run or undo that footprint refuses before it moves any ref, with the reason and
 * what to do. The CLI prints the message and exits 1.
 */
export class CommitRefusedError extends UserError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { exitCode: EXIT_REFUSED, ...options });
  }
}

/** Returns true when `error` rejects the run with exit 1, such as a CommitRefusedError. */
export function isRefusal(error: unknown): error is UserError {
  return isUserError(error) && error.exitCode === EXIT_REFUSED;
}
