import { UserError } from '../errors.js';
import { GitCommandError } from './run-git.js';

/** Messages git prints for an index file it cannot read, as the git 2.39 binary spells them. */
const DAMAGED_INDEX = new RegExp(
  [
    'index file smaller than expected',
    'index file corrupt',
    'corrupt index file',
    'unable to read index file',
    'bad signature 0x',
    'bad index version',
    'bad index file sha1 signature',
    'unknown index entry format',
    'cache entry out of order',
    'index uses \\S+ extension, which we do not understand',
    'index file open failed',
  ].join('|'),
);

/**
 * Returns a UserError for a git command that failed because the index file is damaged, or null
 * for any other error. A damaged index is the repository's state, not a bug in footprint, so it
 * gets the way out instead of a crash report.
 */
export function describeDamagedIndex(error: unknown): UserError | null {
  if (!(error instanceof GitCommandError) || !DAMAGED_INDEX.test(error.stderr)) return null;

  const gitMessage = error.stderr.trim().split('\n')[0] ?? '';
  return new UserError(
    `git cannot read the index: ${gitMessage}\n` +
      'Run `git status` to see the same error. To rebuild the index from HEAD, move the ' +
      'damaged file aside and run `git reset`: the working tree is kept, and staged content ' +
      'that is in neither HEAD nor the working tree stays recoverable with `git fsck --lost-found`.',
    { cause: error },
  );
}
