import { runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';

/** Returns the path of every file in a commit's tree, as git stores them. */
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
  const text = output.toString('utf8');
  return new Set(text.split('\0').filter((path) => path !== ''));
}
