import { isUserError, UserError } from '../errors.js';
import type { StrategyProblem } from '../strategy/types.js';

/** Exit code of a refused `footprint commit` or `footprint undo`. */
export const EXIT_REFUSED = 1;

/**
 * A commit run or undo that footprint refuses before it moves any ref, with the reason and
 * what to do. The CLI prints the message and exits 1.
 */
export class CommitRefusedError extends UserError {
  /** The validation problems of the strategy, when they are the reason, as validate lists them. */
  readonly problems: readonly StrategyProblem[];
  /** The strategy's warnings, such as a long subject line, as validate lists them. */
  readonly warnings: readonly StrategyProblem[];

  constructor(
    message: string,
    options: {
      cause?: unknown;
      problems?: readonly StrategyProblem[];
      warnings?: readonly StrategyProblem[];
    } = {},
  ) {
    const { problems = [], warnings = [], ...rest } = options;
    super(message, { exitCode: EXIT_REFUSED, ...rest });
    this.problems = problems;
    this.warnings = warnings;
  }
}

/**
 * Returns `error` with the strategy's `warnings`, when it is a CommitRefusedError raised before
 * they were known, and any other error as it is.
 */
export function withStrategyWarnings(
  error: unknown,
  warnings: readonly StrategyProblem[],
): unknown {
  if (!(error instanceof CommitRefusedError) || warnings.length === 0) return error;
  const { cause, problems } = error;
  return new CommitRefusedError(error.message, { cause, problems, warnings });
}

/** Returns true when `error` rejects the run with exit 1, such as a CommitRefusedError. */
export function isRefusal(error: unknown): error is UserError {
  return isUserError(error) && error.exitCode === EXIT_REFUSED;
}
