import type { StagedChange } from '../git/types.js';
import type { Strategy } from '../strategy/types.js';
import { buildBatchTrees } from './batch-trees.js';
import { readMessageCleanup, type MessageCleanup } from '../message/cleanup-setting.js';
import { cleanupCommitMessage, prepareHookMessage } from './message.js';
import { findMessageProblem } from './message-problem.js';
import { checkCommitPreconditions } from './preconditions.js';
import { CommitRefusedError } from './refusal.js';
import type { CommitSession } from './session.js';
import { checkStrategyInput, type StrategyInput } from './strategy-input.js';
import type { CommitPlan, PlannedCommit } from './types.js';

/**
 * Plans a commit run without writing anything: checks that the repository, its state and the
 * strategy allow one, then computes each batch commit's tree and the objects to store. The
 * last tree must equal the staged tree, or the run is refused.
 */
export async function planCommits(
  session: CommitSession,
  input: StrategyInput,
  change: StagedChange,
  options: { noVerify: boolean },
): Promise<CommitPlan> {
  const ref = await checkCommitPreconditions(session.layout, session.config, change);
  const strategy = checkStrategyInput(input, change, options);
  const cleanup = readMessageCleanup(session.config);
  const messages = cleanMessages(strategy, cleanup);

  const batchTrees = await buildBatchTrees({
    headTree: change.headTree,
    entries: change.entries,
    files: input.result.footprint.files,
    batches: strategy.batches,
    objects: session.objects,
  });
  const stagedTree = change.stagedTree as string;
  checkLastTree(batchTrees.trees, stagedTree);

  const commits: PlannedCommit[] = strategy.batches.map((batch, index) => ({
    batch: batch.id,
    ...(messages[index] as { message: string; hookMessage: string }),
    tree: batchTrees.trees[index] as string,
    changes: batchTrees.changes[index] ?? [],
  }));
  return {
    ref,
    startHead: change.head.oid,
    stagedTree,
    commits,
    objects: batchTrees.objects,
    strategy: { ...input.source, createdAt: strategy.createdAt, mode: strategy.mode },
    cleanup,
  };
}

/**
 * Cleans each batch's message as `git commit -F FILE` does under the repository's
 * `commit.cleanup` and `core.commentChar`. A message git would not commit is refused.
 */
function cleanMessages(
  strategy: Strategy,
  cleanup: MessageCleanup,
): Array<{ message: string; hookMessage: string }> {
  return strategy.batches.map((batch) => {
    const problem = findMessageProblem(batch, cleanup);
    if (problem !== null) throw new CommitRefusedError(problem.message, { problems: [problem] });
    return {
      message: cleanupCommitMessage(batch.message, cleanup),
      hookMessage: prepareHookMessage(batch.message, cleanup),
    };
  });
}

/** The commits must end at the staged tree, or committing them would lose or add changes. */
function checkLastTree(trees: readonly string[], stagedTree: string): void {
  const last = trees.at(-1);
  if (last === stagedTree) return;
  throw new CommitRefusedError(
    `The last batch commit would have tree ${last ?? 'none'}, but the staged tree is ` +
      `${stagedTree}. Nothing was written. Check the strategy with \`footprint validate --strategy FILE\`; ` +
      'if it is valid, this is a bug in footprint.',
  );
}
