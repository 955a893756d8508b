import { UserError } from '../errors.js';
import { worktreeAroundGitDir } from './discover.js';

/**
 * Returns the error for a command that needs a worktree but found only the git directory
 * `gitDir`: run inside a worktree's `.git`, it names that worktree, and for a bare repository
 * it names what the command lacks there (`consequence`, such as "has no fossil store").
 */
export function noWorktreeError(gitDir: string, command: string, consequence: string): UserError {
  const worktree = worktreeAroundGitDir(gitDir);
  if (worktree !== null) {
    return new UserError(
      `${gitDir} is the git directory of ${worktree}, not a worktree. Run footprint ${command} in ${worktree}.`,
    );
  }
  return new UserError(
    `${gitDir} is a bare repository, which ${consequence}. Run footprint ${command} in a worktree.`,
  );
}
