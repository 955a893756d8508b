import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { createDebug } from '../log/debug.js';
import { runGit } from './run-git.js';
import type { RepositoryLayout } from './types.js';

const debug = createDebug('git');

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Set to 1 by `footprint precommit --merge`, which the pre-merge-commit hook runs, so a merge
 * whose caller set GIT_REFLOG_ACTION to its own value still counts as one.
 */
export const MERGE_HOOK_VARIABLE = 'FOOTPRINT_MERGE_HOOK';

/**
 * The command that is committing a merge while it runs the pre-merge-commit hook: `git merge`
 * with the revisions it was given, or `git pull`, whose merge takes FETCH_HEAD's heads.
 */
export type MergeCommand = { kind: 'merge'; revisions: string[] } | { kind: 'pull' };

/**
 * Reads the merge command from a hook's environment. git merge runs pre-merge-commit before it
 * writes MERGE_HEAD (seen with git 2.39.5), so GIT_REFLOG_ACTION is all that names the merge.
 * git merge sets it to `merge` and the revisions given, such as `merge feature`, unless its
 * caller set it first, as git pull does (`pull --no-rebase origin main`). Returns null for
 * any other value, including a caller's own, unless the pre-merge-commit hook set
 * MERGE_HOOK_VARIABLE.
 */
export function readMergeCommand(env: NodeJS.ProcessEnv): MergeCommand | null {
  const [verb, ...words] = (env['GIT_REFLOG_ACTION'] ?? '').trim().split(/\s+/);
  if (verb === 'merge') return { kind: 'merge', revisions: words };
  if (verb === 'pull') return { kind: 'pull' };
  // The merged commits are unknown then, so every staged file gets every rule.
  if (env[MERGE_HOOK_VARIABLE] === '1') return { kind: 'merge', revisions: [] };
  return null;
}

/**
 * Returns the ids of the commits being merged into HEAD, which are the lines of MERGE_HEAD
 * (for a merged annotated tag, git writes the tag's own id there). While git merge runs the
 * pre-merge-commit hook, they are the commits its command names (see readMergeCommand).
 * Returns an empty list when there are none or they cannot be read.
 */
export async function readMergeHeads(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const recorded = await readLines(path.join(layout.gitDir, 'MERGE_HEAD'));
  if (recorded !== null) return recorded;

  const command = readMergeCommand(env);
  if (command === null) return [];
  if (command.kind === 'pull') return readFetchedHeads(layout);
  return resolveCommits(layout, command.revisions);
}

/**
 * Returns the heads that git fetched for merging: the lines of FETCH_HEAD not marked
 * `not-for-merge`. git pull merges exactly these.
 */
async function readFetchedHeads(layout: RepositoryLayout): Promise<string[]> {
  const lines = await readLines(path.join(layout.gitDir, 'FETCH_HEAD'));
  if (lines === null) return [];
  const heads: string[] = [];
  for (const line of lines) {
    const [oid, marker] = line.split('\t');
    if (oid === undefined || !OID.test(oid)) return [];
    if (marker === '') heads.push(oid);
  }
  return heads;
}

/**
 * Resolves each revision to its commit id, as git merge did. Returns an empty list when one
 * does not resolve, such as a revision with a space, which GIT_REFLOG_ACTION cannot delimit.
 */
async function resolveCommits(
  layout: RepositoryLayout,
  revisions: readonly string[],
): Promise<string[]> {
  const commits: string[] = [];
  for (const revision of revisions) {
    // git merge has parsed its options already, so a word with a leading dash is no revision.
    if (revision.startsWith('-')) return [];
    try {
      const args = ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`];
      commits.push((await runGit(layout, args)).toString('utf8').trim());
    } catch (error) {
      debug(`merge revision ${revision} not resolved: ${String(error)}`);
      return [];
    }
  }
  return commits;
}

/** Returns a file's non-empty lines, trimmed, or null when the file does not exist. */
async function readLines(file: string): Promise<string[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
