import { loadConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { FossilWriteError } from '../fossils/fossil-write-error.js';
import { describeRepositoryState } from '../fossils/repository-state.js';
import { findUndoOf } from '../fossils/undo-records.js';
import { hasRunLanded } from '../fossils/unlanded-runs.js';
import { openFossilStore, type FossilStore } from '../fossils/store.js';
import {
  isFossilOfKind,
  type CommitRunFossilPayload,
  type StoredFossil,
  type UndoFossilPayload,
} from '../fossils/types.js';
import { readCommitIdentities } from '../git/identity.js';
import { moveRef, RefChangedError, RefLockedError } from '../git/ref-update.js';
import { GitWriteError } from '../git/write-error.js';
import { reflogRecordsValue } from '../git/reflog.js';
import { readHead, resolveRef } from '../git/refs.js';
import { readInProgressOperation } from '../git/state.js';
import type { HeadState, RepositoryLayout } from '../git/types.js';
import { findOtherWorktreeOn } from '../git/worktrees.js';
import { createDebug } from '../log/debug.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { checkNoLocks, checkWritableRepository, lockRefusal } from './preconditions.js';
import { CommitRefusedError } from './refusal.js';
import { describeManualReset } from './undo-reset-advice.js';
import { writeRefusal } from './write-refusal.js';
import { openCommitSession, type CommitSession } from './session.js';
import { noWorktreeError } from '../git/no-worktree.js';
import { shellQuote } from '../output/shell-quote.js';
import { capitalizedOperationPhrase } from '../git/operation-phrase.js';

const debug = createDebug('commit');

const BRANCH_PREFIX = 'refs/heads/';

export interface UndoOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Start of a footprint command in messages (see footprintInvocation); default `footprint`. */
  invocation?: string;
}

/** Result of `footprint undo`. */
export interface UndoResult {
  /** The ref moved back: `refs/heads/main`, or `HEAD` when detached. */
  ref: string;
  /** The run's last commit, where the ref was. */
  from: string;
  /** The ref's new value: the run's start, or null when the branch is unborn again. */
  to: string | null;
  /** Commits of the run that are no longer on the ref. */
  commits: number;
  /** Id of the commit-run fossil that was undone. */
  fossilId: string;
  /**
   * The ref whose reflog still lists the run's last commit (`HEAD`, else the run's branch), or
   * null when none does, so nothing references the run's commits any more.
   */
  reflog: string | null;
  /** Path of the undo fossil that records this undo, or null when it could not be written. */
  fossilPath: string | null;
  /** The reason the undo fossil was not written, with the fix; absent when it was written. */
  fossilWarning?: string;
}

/**
 * `footprint undo`: moves the ref of the newest commit run back to where that run started,
 * with the same lock-file protocol as the run and a `reset (footprint undo)` reflog line, then
 * records the undo as an undo fossil. It refuses unless HEAD is on that ref, the ref still
 * points at the run's last commit, and no undo fossil records that run as undone. The index is
 * not touched, so the run's changes are staged again, with anything staged since.
 */
export async function runUndo(options: UndoOptions): Promise<UndoResult> {
  const session = await openCommitSession(options);
  const invocation = options.invocation ?? 'footprint';
  try {
    const { layout } = session;
    checkWritableRepository(layout, session.config);
    const { store, fossil, run: recorded } = await findLatestRun(session);
    const head = await readHead(layout);
    await checkNotUndone(store, fossil, head, invocation);

    // A branch that is a symbolic ref is compared as the branch it points at.
    const branch = head.ref === null ? null : ((await resolveRef(layout, head.ref))?.name ?? null);
    const ref = await checkHeadOnRunRef(layout, head, recorded, branch, invocation);
    const run = { ...recorded, ref };
    await checkNoOperation(session);
    checkNoLocks(layout, run.ref);
    await checkRefAtRunEnd(layout, head, run, fossil.id, invocation);

    await moveBack(session, run, await reflogIdentity(session, options.env));
    const undone = {
      ref: run.ref,
      from: run.finalHead,
      to: run.startHead,
      commits: run.commits.length,
      fossilId: fossil.id,
      reflog: await findReflogListing(layout, run),
    };
    const after = await readHead(layout);
    const record = await recordUndo(
      store,
      { fossil, recordedRef: recorded.ref, invocation },
      after,
      undone,
    );
    return { ...undone, ...record };
  } finally {
    await session.close();
  }
}

async function findLatestRun(
  session: CommitSession,
): Promise<{ store: FossilStore; fossil: StoredFossil; run: CommitRunFossilPayload }> {
  const worktree = session.layout.worktree;
  if (worktree === null) {
    throw noWorktreeError(session.layout.gitDir, 'undo', 'has no fossil store');
  }

  const config = await loadConfig(worktree, {});
  const store = openFossilStore(worktree, config.config);
  const { fossils } = await store.list({ kind: 'commit-run', limit: MAX_RUNS_READ });
  const neverMoved: string[] = [];
  for (const stored of fossils) {
    if (!isFossilOfKind(stored.fossil, 'commit-run')) continue;
    const run = stored.fossil.payload;
    if (!(await landed(session, run, stored.fossil.createdAt))) {
      debug(`commit run ${stored.id} never moved ${run.ref}; looking at the run before it`);
      neverMoved.push(stored.id);
      continue;
    }
    await checkNoNewerUnreadableRun(session, store, stored);
    return { store, fossil: stored, run };
  }
  if (neverMoved.length > 0) {
    throw new CommitRefusedError(
      `The commit runs recorded in ${store.dir} never moved their branch (${neverMoved.join(', ')}: ` +
        'each stopped before its last step), so there is nothing to undo. Nothing was changed.',
    );
  }
  throw new CommitRefusedError(
    `No commit run is recorded in ${store.dir}, so there is nothing to undo. ` +
      '`footprint undo` undoes only runs of `footprint commit`.',
  );
}

/**
 * Rejects undoing `run` when a newer commit-run fossil cannot be read, such as one left empty
 * by a power loss. That run may have moved the branch since, and its start is unknown.
 */
async function checkNoNewerUnreadableRun(
  session: CommitSession,
  store: FossilStore,
  run: StoredFossil,
): Promise<void> {
  const from = new Date(run.fossil.createdAt);
  const { warnings } = await store.list({ kind: 'commit-run', from });
  if (warnings.length === 0) return;

  const head = await readHead(session.layout);
  // `git reset` cannot make a branch unborn, but deleting the branch ref does.
  const unborn =
    head.ref === null
      ? ''
      : ' If the run started on a branch with no commits, ' +
        `\`git update-ref -d ${shellQuote(head.ref)}\` makes the branch unborn again and keeps ` +
        'the index and the working tree.';
  throw new CommitRefusedError(
    `A commit-run fossil newer than ${run.id} cannot be read, so footprint cannot tell ` +
      `which run to undo: ${warnings.join(' ')} Nothing was changed. Find the commit the ` +
      'run started from with `git reflog`, then move the branch back with ' +
      `\`git reset --soft <commit>\`.${unborn}`,
  );
}

/** Commit runs read, newest first, to skip those that never moved their ref. */
const MAX_RUNS_READ = 20;

/**
 * Returns the next steps for a user whose newest run is undone already, with footprint's
 * commands started by `invocation`. A branch with no commits has nothing further back to move to.
 */
function describeAfterUndo(head: HeadState, invocation: string): string {
  const commit = `To commit the staged change again, run \`${invocation} commit\`.`;
  if (head.oid === null) {
    return `${commit} The branch has no commits now, so there is nothing further back to undo.`;
  }
  return (
    `${commit} \`${invocation} undo\` undoes only the newest run. To move the branch further ` +
    'back, use `git reset --soft <commit>`.'
  );
}

/** Rejects the run `run` when an undo fossil records it as undone. */
async function checkNotUndone(
  store: FossilStore,
  run: StoredFossil,
  head: HeadState,
  invocation: string,
): Promise<void> {
  const undo = await findUndoOf(store, run);
  if (undo === null) return;

  const { ref, to } = undo.payload;
  throw new CommitRefusedError(
    `Commit run ${run.id} was already undone at ${undo.createdAt} (undo fossil ${undo.id}), ` +
      `which moved ${ref} back to ${to ?? 'an unborn branch'}. Nothing was changed. ` +
      describeAfterUndo(head, invocation),
  );
}

/**
 * Writes the undo fossil of a finished undo, with HEAD as the undo left it. The index is not
 * read, so the fossil records no staged tree. The ref has moved already, so a store that
 * cannot be written gives a warning, not an error.
 */
async function recordUndo(
  store: FossilStore,
  undoneRun: { fossil: StoredFossil; recordedRef: string; invocation: string },
  head: HeadState,
  undone: Omit<UndoResult, 'fossilPath' | 'fossilWarning'>,
): Promise<Pick<UndoResult, 'fossilPath' | 'fossilWarning'>> {
  const { fossil, recordedRef, invocation } = undoneRun;
  const payload: UndoFossilPayload = {
    run: fossil.id,
    // The ref as the run's fossil records it, with a token in a branch name masked.
    ref: recordedRef,
    from: undone.from,
    to: undone.to,
    commits: undone.commits,
  };
  const repository = describeRepositoryState(head, null);
  try {
    return { fossilPath: await store.write('undo', { repository, payload }) };
  } catch (error) {
    if (!(error instanceof FossilWriteError)) throw error;
    debug(`undo fossil not written: ${String(error.cause)}`);
    const warning =
      `The undo is done, but it is not recorded, so \`${invocation} fossils list\` still lists ` +
      `commit run ${fossil.id} as committed. ${error.message}`;
    return { fossilPath: null, fossilWarning: warning };
  }
}

/**
 * Returns false for a run whose ref never pointed at its last commit. A run records itself
 * before it moves the ref, so that a run killed right after the move can still be undone. A
 * run killed before the move leaves a record of commits that never landed (see hasRunLanded).
 */
async function landed(
  session: CommitSession,
  run: CommitRunFossilPayload,
  createdAt: string,
): Promise<boolean> {
  const head = await readHead(session.layout);
  if (head.oid === run.finalHead) return true;
  return hasRunLanded(session.layout, run, createdAt);
}

/**
 * Returns HEAD's ref when it is the ref the run moved. The fossil masks a token in a branch
 * name, so HEAD's ref is compared masked alike, and the returned ref is the real one.
 */
async function checkHeadOnRunRef(
  layout: RepositoryLayout,
  head: HeadState,
  run: CommitRunFossilPayload,
  branch: string | null,
  invocation: string,
): Promise<string> {
  const current = head.detached ? 'HEAD' : head.ref;
  if (current !== null && maskNameSecrets(current) === run.ref) return current;
  if (!head.detached && branch !== null && maskNameSecrets(branch) === run.ref) return branch;

  const where = run.ref === 'HEAD' ? 'a detached HEAD' : run.ref;
  const now = head.detached
    ? `detached at ${head.oid ?? 'nothing'}`
    : `on ${head.ref ?? 'nothing'}`;
  const elsewhere = run.ref === 'HEAD' ? null : await findOtherWorktreeOn(layout, run.ref);
  throw new CommitRefusedError(
    `The last commit run moved ${where}, but HEAD is now ${now}. Nothing was changed. ` +
      `${describeReturn(run, elsewhere)}, then run \`${invocation} undo\` again.`,
  );
}

/**
 * Returns the step that puts HEAD back where the run left it, so that undo can move it. git
 * refuses to switch to a branch that another worktree has checked out. So the worktree that
 * `elsewhere` names is detached first, which keeps its files, index and commit.
 */
function describeReturn(run: CommitRunFossilPayload, elsewhere: string | null): string {
  if (run.ref === 'HEAD') {
    return `To undo that run, detach HEAD at its last commit with \`git switch --detach ${run.finalHead}\``;
  }
  if (!run.ref.startsWith(BRANCH_PREFIX)) return `To undo that run, check out ${run.ref} again`;

  const branch = shellQuote(run.ref.slice(BRANCH_PREFIX.length));
  if (elsewhere === null) {
    return `To undo that run, switch back to its branch with \`git switch ${branch}\``;
  }
  return (
    `The worktree at ${elsewhere} has ${branch} checked out, so git refuses to switch to it ` +
    `here. To undo that run, detach that worktree with ` +
    `\`git -C ${shellQuote(elsewhere)} switch --detach\`, switch here with \`git switch ${branch}\``
  );
}

async function checkNoOperation(session: CommitSession): Promise<void> {
  const operation = await readInProgressOperation(session.layout);
  if (operation === null || operation === 'bisect') return;
  throw new CommitRefusedError(
    `${capitalizedOperationPhrase(operation)} is in progress, so footprint undo moves nothing. Finish or abort it first.`,
  );
}

async function checkRefAtRunEnd(
  layout: RepositoryLayout,
  head: HeadState,
  run: CommitRunFossilPayload,
  fossilId: string,
  invocation: string,
): Promise<void> {
  if (head.oid === run.finalHead) return;

  if (head.oid === run.startHead) {
    throw new CommitRefusedError(
      `${run.ref} already points at ${run.startHead ?? 'nothing'}, where commit run ${fossilId} ` +
        'started, so it is already undone. Nothing was changed. ' +
        describeAfterUndo(head, invocation),
    );
  }
  throw new CommitRefusedError(
    `${run.ref} moved since commit run ${fossilId}: it points at ${head.oid ?? 'nothing'}, not at ` +
      `the run's last commit ${run.finalHead}. Nothing was changed, so no later commit is lost. ` +
      (await describeManualReset(layout, head.oid, run)),
  );
}

/** Returns the ref whose reflog lists the run's last commit, HEAD first, as `git reflog` shows. */
async function findReflogListing(
  layout: RepositoryLayout,
  run: CommitRunFossilPayload,
): Promise<string | null> {
  for (const ref of new Set(['HEAD', run.ref])) {
    if ((await reflogRecordsValue(layout, ref, run.finalHead)) === true) return ref;
  }
  return null;
}

/**
 * Returns the committer identity for the reflog line. git writes the line even when no
 * identity is configured, so a placeholder identity is used then.
 */
async function reflogIdentity(session: CommitSession, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await readCommitIdentities(session.layout, env)).committer;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const seconds = Math.floor(Date.now() / 1000);
    return `unknown <> ${seconds} +0000`;
  }
}

async function moveBack(
  session: CommitSession,
  run: CommitRunFossilPayload,
  identity: string,
): Promise<void> {
  const move = {
    ref: run.ref,
    oldOid: run.finalHead,
    newOid: run.startHead,
    throughHead: run.ref !== 'HEAD',
    identity,
    message: `reset (footprint undo): moving to ${run.startHead ?? 'an unborn branch'}`,
  };
  try {
    await moveRef(session.layout, session.config, move);
  } catch (error) {
    if (error instanceof RefLockedError) throw lockRefusal([error.lockFile]);
    if (error instanceof RefChangedError) {
      throw new CommitRefusedError(
        `${error.ref} moved while footprint undo ran: it is now ${error.actual ?? 'absent'}. ` +
          'Nothing was changed.',
        { cause: error },
      );
    }
    if (error instanceof GitWriteError) {
      throw writeRefusal(error, session.layout.commonDir, 'footprint undo moved nothing');
    }
    throw error;
  }
}
