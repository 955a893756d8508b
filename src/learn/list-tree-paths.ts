import { splitNulFields } from '../git/readers/raw-diff.js';
import { runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns the path of every file in a commit's tree, with bytes that are not valid UTF-8
 * escaped as the index readers escape them.
 */
export async function listTreePaths(
  layout: RepositoryLayout,
  commit: string,
): Promise<Set<string>> {
  const output = await runGit(layout, [
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    '--full-tree',
    commit,
  ]);
  return new Set(splitNulFields(output).filter((path) => path !== ''));
}
