import type { Batch, Mode } from '../batches/types.js';
import type { Finding } from '../risk/types.js';

/** An editable plan of batch commits, bound to the staged tree it was made for. */
export interface Strategy {
  schemaVersion: 1;
  kind: 'strategy';
  createdAt: string;
  mode: Mode;
  /** HEAD's commit id when the strategy was made, or null on an unborn branch. */
  head: string | null;
  /** The staged tree id the strategy covers. */
  stagedTree: string | null;
  batches: Batch[];
  /** Risk findings the batches should address before committing. */
  mitigations: Finding[];
  /** Commands to run before committing, e.g. `npx lint-staged`. */
  validation: string[];
}

export interface StrategyProblem {
  /** Kind of problem, such as `missing-hunk`, `duplicate-hunk`, `unknown-path`, `stale`, `schema`, `order`. */
  code: string;
  batch?: string;
  /** Batches of an `order-cycle` problem in strategy order, each depending on every other. */
  batches?: string[];
  path?: string;
  message: string;
  /**
   * Code of the problem this one follows from, listed before it, such as `stale` for a path
   * that differs because the staged tree changed since the strategy was made.
   */
  cause?: string;
}

export interface StrategyValidation {
  valid: boolean;
  problems: StrategyProblem[];
}
