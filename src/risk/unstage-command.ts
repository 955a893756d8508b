import type { FileChange } from '../footprint/types.js';
import { shellQuote } from '../output/shell-quote.js';

/**
 * Returns the git command that takes a staged file out of the commit and leaves it on disk.
 * A file that HEAD lacks (added, or the new path of a rename or copy) leaves the index with
 * `git rm --cached`, which also works before the first commit, where `git restore --staged`
 * fails for want of a HEAD. A file HEAD has goes back to HEAD's content with `git restore
 * --staged`; `git rm --cached` would stage its deletion.
 */
export function unstageCommand(file: FileChange): string {
  const path = shellQuote(file.path);
  const isNew = file.status === 'added' || file.status === 'copied' || file.status === 'renamed';
  return isNew ? `git rm --cached -- ${path}` : `git restore --staged -- ${path}`;
}
