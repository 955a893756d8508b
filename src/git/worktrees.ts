import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { worktreeAroundGitDir } from './discover.js';
import type { RepositoryLayout } from './types.js';

/**
 * Finds another worktree of the repository whose HEAD is on the branch `ref`, where git
 * refuses to check that branch out a second time. Returns that worktree's root, or null when
 * no other worktree is on `ref`.
 *
 * NOTE: git also counts a branch that another worktree is rebasing or bisecting, with HEAD
 * detached there. This reads HEAD files only, so it misses those.
 */
export async function findOtherWorktreeOn(
  layout: RepositoryLayout,
  ref: string,
): Promise<string | null> {
  for (const gitDir of await listWorktreeGitDirs(layout.commonDir)) {
    if (path.resolve(gitDir) === path.resolve(layout.gitDir)) continue;

    const head = await readFile(path.join(gitDir, 'HEAD'), 'utf8').catch(() => '');
    if (head.trim() !== `ref: ${ref}`) continue;
    const worktree = worktreeAroundGitDir(gitDir);
    if (worktree !== null) return worktree;
  }
  return null;
}

/** Lists the git directories of the main worktree and of each linked one. */
async function listWorktreeGitDirs(commonDir: string): Promise<string[]> {
  const linkedRoot = path.join(commonDir, 'worktrees');
  const names = await readdir(linkedRoot).catch(() => []);
  return [commonDir, ...names.map((name) => path.join(linkedRoot, name))];
}
