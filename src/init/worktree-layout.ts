import { UserError } from '../errors.js';
import { discoverRepository } from '../git/discover.js';
import type { RepositoryLayout } from '../git/types.js';

/** Finds the repository at `cwd` and its worktree root; a bare repository raises a UserError. */
export async function findWorktreeLayout(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ layout: RepositoryLayout; worktree: string }> {
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const worktree = layout.worktree;
  if (worktree === null) {
    throw new UserError(
      `${layout.gitDir} is a bare repository, which never runs commit hooks. Run footprint init in a worktree.`,
    );
  }
  return { layout, worktree };
}
