import type { FileChange } from '../footprint/types.js';
import { shellPathspec } from '../output/top-pathspec.js';

/**
 * Returns the git command that takes a staged file out of the commit and leaves it on disk.
 * `git reset -- PATH` puts HEAD's entry back, or drops the entry when HEAD lacks the path or
 * the branch has no commit yet. `git restore --staged` fails before the first commit, and `git
 * rm --cached` fails when the working tree file changed after `git add`. A rename is reset on
 * both paths, because the new path alone would leave the old one staged as deleted. The paths
 * are top-folder pathspecs, so the command works in any folder of the worktree.
 */
export function unstageCommand(file: FileChange): string {
  const paths =
    file.status === 'renamed' && file.oldPath !== undefined
      ? [file.oldPath, file.path]
      : [file.path];
  return `git reset -q -- ${paths.map(shellPathspec).join(' ')}`;
}

/**
 * Returns the git command that prompts for each staged hunk of a modified file and takes the
 * hunks answered `y` out of the commit. It leaves the working tree file as it is.
 */
export function unstageHunksCommand(file: FileChange): string {
  return `git reset -p -- ${shellPathspec(file.path)}`;
}
