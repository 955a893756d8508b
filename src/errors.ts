/**
 * An error the user must act on: invalid configuration, bad arguments, a rejected strategy.
 * The CLI prints its message and exits with `exitCode` (2 for usage and configuration).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Returns true when `error` is a UserError, also across module copies. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && 'exitCode' in error;
}
