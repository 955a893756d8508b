import path from 'node:path';
import type { RepositoryLayout } from './types.js';

/**
 * Reports whether the index is the temporary one that `git commit -- PATH` and `--only` build
 * from HEAD and those paths (`next-index-PID.lock` in git 2.39). The real index then keeps
 * other staged changes that this commit leaves out.
 */
export function isPartialCommitIndex(layout: RepositoryLayout): boolean {
  return /^next-index-\d+\.lock$/.test(path.basename(layout.indexFile));
}

/**
 * Reports whether the index is the locked copy that `git commit -a` and `--include` stage into
 * (`index.lock`). git keeps it as the real index only when the commit succeeds, so after a
 * failed commit what it staged is unstaged again.
 */
export function isCommitStagingIndex(layout: RepositoryLayout): boolean {
  return path.basename(layout.indexFile) === 'index.lock';
}
