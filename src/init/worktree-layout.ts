import path from 'node:path';

import { UserError } from '../errors.js';
import { readGitConfig } from '../git/config.js';
import { discoverRepository } from '../git/discover.js';
import type { RepositoryLayout } from '../git/types.js';

/** Finds the repository at `cwd` and its worktree root; a bare repository raises a UserError. */
export async function findWorktreeLayout(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ layout: RepositoryLayout; worktree: string }> {
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const worktree = layout.worktree;
  if (worktree !== null) return { layout, worktree };

  // Run inside `.git`, the search finds the git directory itself, as git does.
  const config = await readGitConfig(layout);
  if (path.basename(layout.gitDir) === '.git' && config.getBool('core.bare') !== true) {
    throw new UserError(
      `${options.cwd} is inside the git directory ${layout.gitDir}, not in a worktree. Run footprint init in the worktree, ${path.dirname(layout.gitDir)}.`,
    );
  }
  throw new UserError(
    `${layout.gitDir} is a bare repository, which never runs commit hooks. Run footprint init in a worktree.`,
  );
}
