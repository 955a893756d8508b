import { existsSync } from 'node:fs';
import path from 'node:path';

import type { RepositoryLayout } from './types.js';

/**
 * Lists the lock files that would stop a move of `ref` (a branch, or HEAD) or that show the
 * index is being written: `HEAD.lock`, `<ref>.lock` and `index.lock`. Each belongs to a git
 * process that is running, or to one that was killed and left it behind.
 */
export function findRefLocks(layout: RepositoryLayout, ref: string): string[] {
  const candidates = [
    path.join(layout.gitDir, 'HEAD.lock'),
    `${layout.indexFile}.lock`,
    ref === 'HEAD' ? null : path.join(layout.commonDir, `${ref}.lock`),
  ];
  return candidates.filter((file): file is string => file !== null && existsSync(file));
}
