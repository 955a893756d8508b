import path from 'node:path';
import { runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns true when the index has `file`, so removing it would show up as a deletion in
 * `git status`. Files the team committed are theirs, even when init first wrote them.
 */
export async function isTracked(layout: RepositoryLayout, file: string): Promise<boolean> {
  return (await listFile(layout, file, [])).length > 0;
}

/**
 * Returns the state of `file` for the next `git add -A`: `tracked` when the index has it,
 * `addable` when it is untracked and not ignored, else null. A file outside the worktree, or
 * inside the git directory, is never committed and gets null.
 */
export async function commitState(
  layout: RepositoryLayout,
  file: string,
): Promise<'tracked' | 'addable' | null> {
  if (layout.worktree === null || !isInside(layout.worktree, file)) return null;
  if (isInside(layout.gitDir, file) || isInside(layout.commonDir, file)) return null;

  if (await isTracked(layout, file)) return 'tracked';
  const untracked = await listFile(layout, file, ['--others', '--exclude-standard']);
  return untracked.length > 0 ? 'addable' : null;
}

async function listFile(
  layout: RepositoryLayout,
  file: string,
  options: readonly string[],
): Promise<Buffer> {
  if (layout.worktree === null) return Buffer.alloc(0);
  const relative = path.relative(layout.worktree, file).split(path.sep).join('/');
  // --full-name and a literal pathspec: the path is the file, not a pattern.
  return runGit(layout, [
    'ls-files',
    ...options,
    '--full-name',
    '-z',
    '--',
    `:(literal)${relative}`,
  ]);
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  return relative !== '' && !outside && !path.isAbsolute(relative);
}
