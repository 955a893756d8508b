import type { FileChange } from '../footprint/types.js';
import { shellQuote } from '../output/shell-quote.js';

/** Characters that make git read a pathspec as a glob (`*`, `?`, `[`, `\`) or as magic (`:`). */
const PATHSPEC_SPECIAL = /[*?[\\]|^:/;

/**
 * Returns `path` as a pathspec that names that path alone. git reads `src/[id].ts` as a glob
 * that also matches `src/i.ts`, so such a path gets the `:(literal)` magic.
 */
function literalPathspec(path: string): string {
  return PATHSPEC_SPECIAL.test(path) ? `:(literal)${path}` : path;
}

/**
 * Returns the git command that takes a staged file out of the commit and leaves it on disk.
 * `git reset -- PATH` puts HEAD's entry back, or drops the entry when HEAD lacks the path or
 * the branch has no commit yet. `git restore --staged` fails before the first commit, and `git
 * rm --cached` fails when the working tree file changed after `git add`. A rename is reset on
 * both paths, because the new path alone would leave the old one staged as deleted.
 */
export function unstageCommand(file: FileChange): string {
  const paths =
    file.status === 'renamed' && file.oldPath !== undefined
      ? [file.oldPath, file.path]
      : [file.path];
  return `git reset -q -- ${paths.map((path) => shellQuote(literalPathspec(path))).join(' ')}`;
}

/**
 * Returns the git command that prompts for each staged hunk of a modified file and takes the
 * hunks answered `y` out of the commit. It leaves the working tree file as it is.
 */
export function unstageHunksCommand(file: FileChange): string {
  return `git reset -p -- ${shellQuote(literalPathspec(file.path))}`;
}
