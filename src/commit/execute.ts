import { rm } from 'node:fs/promises';

import type { ConfigSource } from '../config/types.js';
import { buildCommitRunFossil, type CommitRunRecord } from '../fossils/build-commit-run.js';
import { FossilWriteError } from '../fossils/fossil-write-error.js';
import { openFossilStore } from '../fossils/store.js';
import { UserError } from '../errors.js';
import { readCommitIdentities, type CommitIdentities } from '../git/identity.js';
import { writeLooseObjects, type PendingObject } from '../git/object-writer.js';
import { openRepository } from '../git/open.js';
import { moveRef, RefChangedError, RefLockedError, type RefMoveStep } from '../git/ref-update.js';
import { GitWriteError } from '../git/write-error.js';
import { readSharedPermissions } from '../git/shared-permissions.js';
import { readSigningSettings } from '../git/signing.js';
import type { HeadState } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { buildCommitChain } from './build-commits.js';
import { runCommitMsgHook, type CommitMsgHookResult } from './commit-msg-hook.js';
import { killAt, type KillPoint } from './kill-point.js';
import { messageSubject } from './message.js';
import { lockRefusal } from './preconditions.js';
import { CommitRefusedError } from './refusal.js';
import type { CommitSession } from './session.js';
import { describeStrategyOrigin } from './strategy-origin.js';
import { writeRefusal } from './write-refusal.js';
import type { CommitPlan, CommitRun, WrittenCommit } from './types.js';

const debug = createDebug('commit');

export interface ExecuteOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Skips the commit-msg hook, as `git commit --no-verify` does. */
  noVerify: boolean;
  /** Receives the commit-msg hook's output and warnings. */
  output: (chunk: string) => void;
  /**
   * Start of a footprint command in the advice (see footprintInvocation), or `footprint` when
   * unset.
   */
  invocation?: string;
}

/**
 * Makes the planned commits: runs the commit-msg hook on each message, builds and signs the
 * commit objects, writes every new object, checks that the index still contains the staged tree,
 * records the run as a fossil and then moves the ref once. Until the ref moves, the new objects
 * are unreferenced and the repository is as before; a refused move removes the fossil again.
 */
export async function executePlan(
  session: CommitSession,
  plan: CommitPlan,
  configSource: ConfigSource,
  options: ExecuteOptions,
): Promise<CommitRun> {
  const { layout } = session;
  const identities = await readCommitIdentities(layout, options.env);
  const signing = readSigningSettings(session.config);
  const hook = await applyCommitMsgHook(session, plan, identities, options);

  const chain = await buildCommitChain({
    parent: plan.startHead,
    commits: plan.commits.map((commit, index) => ({
      batch: commit.batch,
      tree: commit.tree,
      message: hook.messages[index] as string,
    })),
    identities,
    signing,
    env: options.env,
  });
  await writeObjects(session, [...plan.objects, ...chain.objects], options.env);
  await checkIndexUnchanged(plan, options);

  const signingFormat = signing?.format ?? null;
  const fossilPath = await recordRun(session, plan, configSource, {
    commits: chain.commits,
    signing: signingFormat,
    commitMsgHook: hook.use,
  });

  const finalHead = (chain.commits.at(-1) as WrittenCommit).oid;
  await moveBranch(session, plan, finalHead, identities, options.env, fossilPath);
  return {
    plan,
    commits: chain.commits,
    finalHead,
    signing: signingFormat,
    commitMsgHook: hook.use,
    fossilPath,
  };
}

/** Writes the commit-run fossil of a run whose commits exist and whose ref has not moved. */
async function recordRun(
  session: CommitSession,
  plan: CommitPlan,
  configSource: ConfigSource,
  outcome: Pick<CommitRunRecord, 'commits' | 'signing' | 'commitMsgHook'>,
): Promise<string> {
  const record: CommitRunRecord = {
    head: headOf(plan),
    ref: plan.ref,
    stagedTree: plan.stagedTree,
    strategy: describeStrategyOrigin(plan.strategy),
    ...outcome,
  };
  const store = openFossilStore(session.layout.worktree as string, configSource.config);
  try {
    return await store.write('commit-run', buildCommitRunFossil(record));
  } catch (error) {
    if (!(error instanceof FossilWriteError)) throw error;
    // The fossil is what `footprint undo` reads, so the branch moves only once it is written.
    throw new UserError(
      `${error.message} footprint undo reads that record, so the branch was not moved and ` +
        'nothing was committed.',
      { cause: error },
    );
  }
}

async function applyCommitMsgHook(
  session: CommitSession,
  plan: CommitPlan,
  identities: CommitIdentities,
  options: ExecuteOptions,
): Promise<CommitMsgHookResult> {
  const messages = plan.commits.map((commit) => commit.message);
  if (options.noVerify) return { messages, use: 'skipped' };

  return runCommitMsgHook(
    plan.commits.map(({ batch, message, hookMessage }) => ({ batch, message, hookMessage })),
    {
      layout: session.layout,
      config: session.config,
      cleanup: plan.cleanup,
      env: options.env,
      author: identities.author,
      strategyFile: plan.strategy.file,
      invocation: options.invocation ?? 'footprint',
      output: options.output,
      warn: (text) => options.output(`${text}\n`),
    },
  );
}

/** Writes blobs, trees, then commits; a test may kill the process halfway through. */
async function writeObjects(
  session: CommitSession,
  objects: PendingObject[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const half = Math.ceil(objects.length / 2);
  try {
    await writeLooseObjects(session.layout, objects, {
      shared: readSharedPermissions(session.config),
      onWritten: (written) => {
        if (written === half) killAt('objects', env);
      },
    });
  } catch (error) {
    if (!(error instanceof GitWriteError)) throw error;
    const outcome = 'footprint made no commits and the branch was not moved';
    throw writeRefusal(error, session.layout.commonDir, outcome);
  }
}

/** Reads the index again: a change staged while footprint ran would not be in the commits. */
async function checkIndexUnchanged(plan: CommitPlan, options: ExecuteOptions): Promise<void> {
  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  let stagedTree: string | null;
  try {
    stagedTree = (await reader.readStagedChange()).stagedTree;
  } finally {
    await reader.close();
  }
  if (stagedTree === plan.stagedTree) return;

  throw new CommitRefusedError(
    `The index changed while footprint was committing: it now contains tree ${stagedTree ?? 'with unmerged paths'}, ` +
      `not ${plan.stagedTree}. The branch was not moved, and the commits footprint wrote are ` +
      'unreferenced (`git gc` removes them). Run the command again.',
  );
}

function headOf(plan: CommitPlan): HeadState {
  const detached = plan.ref === 'HEAD';
  return { oid: plan.startHead, ref: detached ? null : plan.ref, detached };
}

/** The kill point of each step of a ref move. */
const KILL_POINTS: Readonly<Record<RefMoveStep, KillPoint>> = {
  locked: 'lock',
  logged: 'logged',
  renamed: 'renamed',
};

/**
 * Moves the ref from the run's start to its last commit. A lock held by someone else, a ref
 * that moved since planning, or a lock or reflog that cannot be written refuses the run. Then
 * nothing on the branch changes, and the fossil of the run that did not happen is removed.
 */
async function moveBranch(
  session: CommitSession,
  plan: CommitPlan,
  finalHead: string,
  identities: CommitIdentities,
  env: NodeJS.ProcessEnv,
  fossilPath: string,
): Promise<void> {
  const last = plan.commits.at(-1);
  const move = {
    ref: plan.ref,
    oldOid: plan.startHead,
    newOid: finalHead,
    throughHead: plan.ref !== 'HEAD',
    identity: identities.committer,
    message: `commit (footprint): ${messageSubject(last?.message ?? '')}`,
  };
  try {
    await moveRef(session.layout, session.config, move, (step) => killAt(KILL_POINTS[step], env));
    debug(`${plan.ref} now at ${finalHead}`);
  } catch (error) {
    const refused =
      error instanceof RefLockedError ||
      error instanceof RefChangedError ||
      error instanceof GitWriteError;
    if (!refused) throw error;
    await rm(fossilPath, { force: true });
    if (error instanceof RefLockedError) throw lockRefusal([error.lockFile]);
    if (error instanceof RefChangedError) throw refChangedRefusal(error);
    const outcome =
      'the branch was not moved, and the commits footprint wrote are unreferenced ' +
      '(`git gc` removes them)';
    throw writeRefusal(error, session.layout.commonDir, outcome);
  }
}

function refChangedRefusal(error: RefChangedError): CommitRefusedError {
  const actual = error.actual ?? 'nothing (deleted)';
  return new CommitRefusedError(
    `${error.ref} moved while footprint was committing: it was ${error.expected ?? 'unborn'}, ` +
      `it is now ${actual}, perhaps from another commit. Nothing on the branch changed, and the ` +
      'commits footprint wrote are unreferenced (`git gc` removes them). Run footprint commit again ' +
      'to plan on top of the new HEAD.',
    { cause: error },
  );
}
