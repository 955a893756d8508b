import { discoverRepository } from '../git/discover.js';
import type { RepositoryLayout } from '../git/types.js';
import { noWorktreeError } from '../git/no-worktree.js';

/** Finds the repository at `cwd` and its worktree root; a bare repository raises a UserError. */
export async function findWorktreeLayout(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ layout: RepositoryLayout; worktree: string }> {
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const worktree = layout.worktree;
  if (worktree === null) throw noWorktreeError(layout.gitDir, 'init', 'never runs commit hooks');
  return { layout, worktree };
}
