import type { RepositoryLayout } from '../git/types.js';
import { isAncestor } from '../learn/list-commits.js';
import { isFossilOfKind, type StoredFossil } from './types.js';

const BRANCH_PREFIX = 'refs/heads/';

/**
 * Returns the ids of the outcomes that a commit run replaced. The outcome's commit is no
 * longer on its branch, and one of `runs` (the runs that stand) started from the same parent
 * on that branch. This is the hook's advice followed: `git commit`, a reset to the parent,
 * then `footprint commit`. A detached HEAD counts as a branch named `HEAD`.
 */
export async function readReplacedOutcomeIds(
  layout: RepositoryLayout,
  outcomes: readonly StoredFossil[],
  runs: readonly StoredFossil[],
): Promise<Set<string>> {
  const runStarts = new Set<string>();
  for (const { fossil } of runs) {
    if (!isFossilOfKind(fossil, 'commit-run')) continue;
    runStarts.add(startKey(fossil.payload.ref, fossil.payload.startHead));
  }

  const replaced = new Set<string>();
  for (const { id, fossil } of outcomes) {
    if (!isFossilOfKind(fossil, 'outcome')) continue;
    const { branch } = fossil.repository;
    const ref = branch === null ? 'HEAD' : `${BRANCH_PREFIX}${branch}`;
    if (!runStarts.has(startKey(ref, fossil.payload.parent))) continue;
    // A commit still on its branch was not replaced, whatever ran from its parent since.
    if (await isAncestor(layout, fossil.payload.commit, ref)) continue;
    replaced.add(id);
  }
  return replaced;
}

/** Returns the key of a ref and the commit a run started from (null on an unborn branch). */
function startKey(ref: string, start: string | null): string {
  return `${ref} ${start ?? 'unborn'}`;
}
