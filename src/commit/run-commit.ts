import { llmFallbackMessage } from '../output/messages.js';
import { checkMessageFormat } from '../strategy/message-format.js';
import { hasStrategyShape } from '../strategy/shape.js';
import { executePlan } from './execute.js';
import { planCommits } from './plan.js';
import type { StrategyProblem } from '../strategy/types.js';
import { CommitRefusedError, withStrategyWarnings } from './refusal.js';
import { openCommitSession } from './session.js';
import {
  loadStrategyInput,
  type StrategyInput,
  type StrategyInputOptions,
} from './strategy-input.js';
import type { CommitPlan, CommitRun } from './types.js';

export interface CommitOptions extends StrategyInputOptions {
  /** Plans and checks, then stops before running hooks or writing anything. */
  dryRun: boolean;
  /** Skips the commit-msg hook and the risk block, as `git commit --no-verify` skips hooks. */
  noVerify: boolean;
  /** Asked once the plan is ready; false refuses the run. */
  confirm: (plan: CommitPlan) => Promise<boolean>;
  /** Receives the commit-msg hook's output, and warnings when `warn` is absent. */
  output: (chunk: string) => void;
  /** Receives each warning as one sentence, such as a subject over 72 characters. */
  warn?: (message: string) => void;
}

/** Result of a run, with the worktree root that its paths are in. */
export type CommitOutcome =
  | { kind: 'planned'; plan: CommitPlan; worktree: string }
  | { kind: 'committed'; run: CommitRun; worktree: string };

/**
 * `footprint commit`: turns a strategy into one commit per batch, in order, and moves the
 * branch (or a detached HEAD) once. The steps: load and validate the strategy, plan the
 * commits' trees, confirm, then write objects and move the ref. The working tree and the index
 * are never written. A refusal is a CommitRefusedError, raised before the ref moves.
 */
export async function runCommit(options: CommitOptions): Promise<CommitOutcome> {
  const warn = options.warn ?? ((message: string) => options.output(`${message}\n`));
  const input = await loadStrategyInput(options);
  for (const warning of input.result.modelWarnings ?? []) warn(warning);
  const { fallbackReason, host } = input.result.insights;
  if (fallbackReason !== undefined) warn(llmFallbackMessage(fallbackReason, host));
  const warnings = warnMessageFormat(input.document, warn);
  try {
    return await commitStrategy(input, options);
  } catch (error) {
    throw withStrategyWarnings(error, warnings);
  }
}

/** Plans the commits of a loaded strategy, confirms them and, unless a dry run, makes them. */
async function commitStrategy(
  input: StrategyInput,
  options: CommitOptions,
): Promise<CommitOutcome> {
  const session = await openCommitSession(options);
  try {
    const change = await session.reader.readStagedChange();
    const plan = await planCommits(session, input, change, options);
    const worktree = session.layout.worktree ?? options.cwd;
    if (options.dryRun) return { kind: 'planned', plan, worktree };

    if (!(await options.confirm(plan))) {
      throw new CommitRefusedError('No commit was made, because the plan was not confirmed.');
    }
    const run = await executePlan(session, plan, input.result.config, options);
    return { kind: 'committed', run, worktree };
  } finally {
    await session.close();
  }
}

/**
 * Writes the warnings that `footprint validate` gives on the batch messages before the plan is
 * checked, so a run that is then refused reports them as validate does. Returns them.
 */
function warnMessageFormat(strategy: unknown, warn: (message: string) => void): StrategyProblem[] {
  if (!hasStrategyShape(strategy)) return [];
  const warnings = checkMessageFormat(strategy);
  for (const warning of warnings) warn(warning.message);
  return warnings;
}
