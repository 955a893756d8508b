import path from 'node:path';
import { runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns true when the index has `file`, so removing it would show up as a deletion in
 * `git status`. Files the team committed are theirs, even when init first wrote them.
 */
export async function isTracked(layout: RepositoryLayout, file: string): Promise<boolean> {
  if (layout.worktree === null) return false;
  const relative = path.relative(layout.worktree, file).split(path.sep).join('/');
  // --full-name and a literal pathspec: the path is the file, not a pattern.
  const output = await runGit(layout, [
    'ls-files',
    '--full-name',
    '-z',
    '--',
    `:(literal)${relative}`,
  ]);
  return output.length > 0;
}
