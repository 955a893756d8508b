import { GitCommandError, runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';

export interface CommitRange {
  /** The newest commit, where the walk starts. */
  head: string;
  /** A commit whose ancestors (itself included) are left out, or null for the whole history. */
  exclude: string | null;
  maxCount: number;
  /** ISO 8601 date; older commits are left out. */
  since: string | null;
}

/**
 * Lists the non-merge commits of a range, newest first, with `git rev-list`. Merges are left
 * out because their changes were already counted in the commits they merge.
 */
export async function listCommits(layout: RepositoryLayout, range: CommitRange): Promise<string[]> {
  const args = ['rev-list', '--no-merges', `--max-count=${range.maxCount}`];
  if (range.since !== null) args.push(`--since=${range.since}`);
  args.push(range.head);
  if (range.exclude !== null) args.push(`^${range.exclude}`);

  const output = (await runGit(layout, args)).toString('latin1');
  return output.split('\n').filter((line) => line !== '');
}

/** Returns true when `ancestor` is `descendant` or one of its ancestors, false otherwise or when missing. */
export async function isAncestor(
  layout: RepositoryLayout,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  try {
    await runGit(layout, ['merge-base', '--is-ancestor', ancestor, descendant]);
    return true;
  } catch (error) {
    // Exit 1 means "not an ancestor"; 128 means an object is missing, as after a rewrite and gc.
    if (error instanceof GitCommandError) return false;
    throw error;
  }
}
