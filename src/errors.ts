/**
 * An error the user must act on: invalid configuration, bad arguments, a rejected strategy.
 * The CLI prints its message and exits with `exitCode` (2 for usage and configuration).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly exitCode: number;
  /**
   * True for a damaged repository that git can still commit, such as an object that cannot be
   * inflated. `precommit` then exits by `failClosed`, as after an internal error.
   */
  readonly damagedRepository: boolean;
  /**
   * True when footprint could not check a change that git can still commit, as with a
   * damaged repository or a change too large for the heap. `precommit` then exits by
   * `failClosed`, as after an internal error, and other commands with `exitCode`.
   */
  readonly exitsByFailClosed: boolean;

  constructor(
    message: string,
    options: {
      exitCode?: number;
      cause?: unknown;
      damagedRepository?: boolean;
      exitsByFailClosed?: boolean;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 2;
    this.damagedRepository = options.damagedRepository ?? false;
    this.exitsByFailClosed = options.exitsByFailClosed ?? this.damagedRepository;
  }
}

/** Returns true when `error` is a UserError, also across module copies. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && 'exitCode' in error;
}
