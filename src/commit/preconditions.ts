import { existsSync } from 'node:fs';
import path from 'node:path';

import type { GitConfig } from '../git/config.js';
import { readCommitIdentities } from '../git/identity.js';
import { readSigningSettings } from '../git/signing.js';
import { findRefLocks } from '../git/locks.js';
import { resolveRef } from '../git/refs.js';
import type {
  HeadState,
  InProgressOperation,
  RepositoryLayout,
  StagedChange,
} from '../git/types.js';
import { joinWords, plural } from '../output/messages.js';
import { shellQuote } from '../output/shell-quote.js';
import { UserError } from '../errors.js';
import { CommitRefusedError } from './refusal.js';
import { capitalizedOperationPhrase } from '../git/operation-phrase.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';

const BRANCH_PREFIX = 'refs/heads/';
/** Paths named in a message before the rest are only counted. */
const LISTED_PATHS = 5;

/** How to finish or abort each operation that blocks a commit run. */
const OPERATION_ADVICE: Record<Exclude<InProgressOperation, 'bisect'>, string> = {
  merge: 'Finish it with `git commit` or abort it with `git merge --abort`',
  rebase: 'Finish it with `git rebase --continue` or abort it with `git rebase --abort`',
  am: 'Finish it with `git am --continue` or abort it with `git am --abort`',
  'cherry-pick':
    'Finish it with `git cherry-pick --continue` or abort it with `git cherry-pick --abort`',
  revert: 'Finish it with `git revert --continue` or abort it with `git revert --abort`',
};

/**
 * Rejects repositories whose objects or refs footprint cannot write: SHA-256 object ids, which
 * isomorphic-git cannot write, and refs kept in a reftable, which has no per-ref lock files.
 */
export function checkWritableRepository(layout: RepositoryLayout, config: GitConfig): void {
  const format = (config.get('extensions.objectFormat') ?? 'sha1').toLowerCase();
  if (format !== 'sha1') {
    throw new CommitRefusedError(
      `This repository uses ${format} object ids (extensions.objectFormat), and isomorphic-git, ` +
        'which footprint writes commits with, writes SHA-1 objects only. Nothing was written. ' +
        'Make the commits with git itself.',
    );
  }

  const refStorage = (config.get('extensions.refStorage') ?? 'files').toLowerCase();
  if (refStorage !== 'files' || existsSync(path.join(layout.commonDir, 'reftable'))) {
    throw new CommitRefusedError(
      'This repository keeps its refs in a reftable (extensions.refStorage), and footprint ' +
        'moves refs only through the lock files of loose refs. Nothing was written. ' +
        'Make the commits with git itself.',
    );
  }
}

/**
 * Runs the checks that `footprint commit` makes before it plans: an object and ref format it
 * can write, a branch it can move, no lock file in the way, and a staged change it can commit.
 * Throws a CommitRefusedError for the first that fails. Returns the ref the run moves.
 */
export async function checkCommitPreconditions(
  layout: RepositoryLayout,
  config: GitConfig,
  change: StagedChange,
): Promise<string> {
  checkWritableRepository(layout, config);
  // A branch that is a symbolic ref moves the branch it points at, and an unborn one stays.
  const branch = change.head.ref === null ? null : await resolveRef(layout, change.head.ref);
  const ref = refToMove(change.head, branch?.name ?? change.head.ref);
  // A lock left by a killed run is reported first, even when that run already committed.
  checkNoLocks(layout, ref);
  checkStagedChange(change);
  return ref;
}

/**
 * Returns why `footprint commit` would reject this repository and staged change before it
 * plans (see checkCommitPreconditions), or null when it would not.
 */
export async function findCommitRefusal(
  layout: RepositoryLayout,
  config: GitConfig,
  change: StagedChange,
): Promise<string | null> {
  try {
    await checkCommitPreconditions(layout, config, change);
    return null;
  } catch (error) {
    if (error instanceof CommitRefusedError) return error.message;
    throw error;
  }
}

/**
 * Returns why `footprint commit` would fail once the plan is confirmed, for want of setup: an
 * identity git cannot make, or a `gpg.format` it does not know. Null when neither is missing.
 */
export async function findSetupRefusal(
  layout: RepositoryLayout,
  config: GitConfig,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  try {
    readSigningSettings(config);
    await readCommitIdentities(layout, env);
    return null;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

/**
 * Returns the ref a run moves: HEAD's branch, or HEAD itself when detached. `branch` is the
 * ref HEAD's branch resolves to, as git moves it: a branch that is itself a symbolic ref
 * (`refs/heads/alias` to `refs/heads/main`) moves the branch it points at.
 */
export function refToMove(head: HeadState, branch: string | null = head.ref): string {
  if (head.detached || head.ref === null) return 'HEAD';
  const ref = branch ?? head.ref;
  if (ref.startsWith(BRANCH_PREFIX)) return ref;
  throw new CommitRefusedError(
    `HEAD points at ${ref}, which is not a branch under ${BRANCH_PREFIX}. ` +
      'Check out a branch, or detach HEAD with `git switch --detach`, and run again.',
  );
}

/** Rejects a run while a lock file shows another git process at work, or a killed one. */
export function checkNoLocks(layout: RepositoryLayout, ref: string): void {
  const locks = findRefLocks(layout, ref);
  if (locks.length > 0) throw lockRefusal(locks);
}

/** Names the lock files in the way and the command that removes them. */
export function lockRefusal(locks: readonly string[]): CommitRefusedError {
  const files = joinWords([...locks], 'and');
  const command = `rm ${locks.map(shellQuote).join(' ')}`;
  const single = locks.length === 1;
  const lock = single ? 'the lock' : 'the locks';
  return new CommitRefusedError(
    `${files} ${single ? 'exists' : 'exist'}, so another git process is running, ` +
      `or one was killed while it held ${lock}. The branch was not moved. If no git process ` +
      `is running, remove ${lock} with \`${command}\` and run the command again.`,
  );
}

/**
 * Rejects a staged change that must not become batch commits: an operation in progress (a
 * bisect is allowed, as `git commit` allows it), unmerged paths, or nothing staged.
 */
export function checkStagedChange(change: StagedChange): void {
  const reason = findUncommittableReason(change);
  if (reason !== null) throw new CommitRefusedError(reason);
}

/** The fields of a staged change that decide whether it can become batch commits. */
type CommitState = Pick<StagedChange, 'operation' | 'unmerged' | 'stagedTree'> & {
  entries: readonly unknown[];
};

/** The first reason a staged change cannot become batch commits. */
type Blocker =
  | { kind: 'operation'; operation: Exclude<InProgressOperation, 'bisect'> }
  | { kind: 'unmerged'; paths: readonly string[] }
  | { kind: 'nothing-staged' };

/** Finds why a staged change cannot become batch commits, or returns null when it can. */
function findBlocker(change: CommitState): Blocker | null {
  const operation = change.operation;
  if (operation !== null && operation !== 'bisect') return { kind: 'operation', operation };
  if (change.unmerged.length > 0) return { kind: 'unmerged', paths: change.unmerged };
  if (change.entries.length === 0 || change.stagedTree === null) return { kind: 'nothing-staged' };
  return null;
}

/** Names the unmerged paths and how many there are, as in `2 paths have unmerged entries (...)`. */
function describeUnmerged(paths: readonly string[]): string {
  const count = plural(paths.length, 'path has', 'paths have');
  return `${count} unmerged entries (${listPaths(paths)})`;
}

/**
 * Returns why footprint commit would reject the staged change, or null when it would not. A
 * footprint has the same fields, with its `files` as `entries`.
 */
export function findUncommittableReason(change: CommitState): string | null {
  const blocker = findBlocker(change);
  if (blocker === null) return null;
  switch (blocker.kind) {
    case 'operation':
      return (
        `${capitalizedOperationPhrase(blocker.operation)} is in progress, so footprint commit ` +
        `makes no commits. ${OPERATION_ADVICE[blocker.operation]}, then plan the batches again.`
      );
    case 'unmerged':
      return (
        `${describeUnmerged(blocker.paths)}. ` +
        'Resolve them and stage the result with `git add` first.'
      );
    case 'nothing-staged':
      return 'Nothing is staged, so there is nothing to commit. Stage changes with `git add` first.';
  }
}

/**
 * Returns why `footprint strategy --output` writes no strategy for the staged change, for the
 * reasons footprint commit would reject it (see findUncommittableReason), or null.
 */
export function findUnsplittableReason(change: CommitState): string | null {
  const blocker = findBlocker(change);
  if (blocker === null) return null;
  const unwritten = 'so there is nothing to split and no strategy was written';
  switch (blocker.kind) {
    case 'operation': {
      const { operation } = blocker;
      const cause =
        operation === 'merge'
          ? 'footprint commit does not make merge commits'
          : 'footprint commit makes no commits until it ends';
      const next = operation === 'merge' ? '' : ', then write the strategy again';
      return (
        `${capitalizedOperationPhrase(operation)} is in progress, and ${cause}, ${unwritten}. ` +
        `${OPERATION_ADVICE[operation]}${next}.`
      );
    }
    case 'unmerged':
      return (
        `${describeUnmerged(blocker.paths)}, ${unwritten}. ` +
        'Resolve them and stage the result with `git add` first.'
      );
    case 'nothing-staged':
      return `Nothing is staged, ${unwritten}. Stage changes with \`git add\` first.`;
  }
}

function listPaths(paths: readonly string[]): string {
  // A path may hold a provider token, which these messages would copy into a terminal or a log.
  const listed = paths.slice(0, LISTED_PATHS).map(maskNameSecrets).join(', ');
  const rest = paths.length - LISTED_PATHS;
  return rest > 0 ? `${listed} and ${rest} more` : listed;
}
