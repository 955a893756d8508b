import { shellQuote } from '../output/shell-quote.js';
import type { GitWriteError } from '../git/write-error.js';
import { CommitRefusedError } from './refusal.js';

/** Causes of a rejected write, by errno code, and what the user does about each. */
const CAUSES: Record<string, { cause: string; fix: (target: string, gitDir: string) => string }> = {
  EACCES: { cause: 'permission denied', fix: permissionFix },
  EPERM: { cause: 'permission denied', fix: permissionFix },
  EROFS: {
    cause: 'the file system is read-only',
    fix: () => 'Make the commits in a clone on a writable file system.',
  },
  ENOSPC: { cause: 'the disk is full', fix: () => 'Free some disk space.' },
  EDQUOT: { cause: 'the disk quota is used up', fix: () => 'Free some disk space.' },
};

function permissionFix(target: string, gitDir: string): string {
  return (
    `Check the owner and permissions with \`ls -ld ${shellQuote(target)}\`. Run footprint as ` +
    'the user who owns the repository, or give your user ownership of it, for example with ' +
    `\`sudo chown -R "$(id -un)" ${shellQuote(gitDir)}\`.`
  );
}

/**
 * Makes a file-system rejection in the git directory a refusal (exit 1) that names the path,
 * the cause and the fix. `outcome` describes what stayed as it was ("the branch was not moved").
 */
export function writeRefusal(
  error: GitWriteError,
  gitDir: string,
  outcome: string,
): CommitRefusedError {
  const known = CAUSES[error.code];
  const cause = known === undefined ? error.code : `${known.cause}, ${error.code}`;
  const fix = known?.fix(error.target, gitDir) ?? 'Make it writable.';
  return new CommitRefusedError(
    `Cannot write ${error.target} (${cause}), so ${outcome}. ${fix} Then run the command again.`,
    { cause: error },
  );
}
