import { UserError } from '../errors.js';
import { shellPathspec } from '../output/top-pathspec.js';
import { CorruptObjectError, MissingObjectError } from './objects/types.js';
import { quoteGitPath } from './path-bytes.js';
import { GitCommandError } from './run-git.js';
import type { StagedEntry } from './types.js';

const FSCK_ADVICE =
  'Run `git fsck --full` to list the damaged objects, and restore them from another clone or ' +
  'a backup.';

/**
 * Returns a UserError naming the path and object id when `error` is a blob missing from the
 * object store or damaged there, or null for any other error. The blob is looked up among
 * `entries`: a staged blob or HEAD's blob of a changed path. A missing staged blob (the index
 * names an object git never stored) cannot be committed by git either. Both are the
 * repository's state, not a bug.
 */
export function describeUnreadableObject(
  error: unknown,
  entries: readonly StagedEntry[],
): UserError | null {
  if (error instanceof CorruptObjectError) return corruptBlob(error, entries);
  if (!(error instanceof MissingObjectError)) return null;

  const staged = entries.find((entry) => entry.newOid === error.oid);
  if (staged !== undefined) return missingStagedBlob(error, staged.path);

  const head = entries.find((entry) => entry.oldOid === error.oid);
  const path = head?.oldPath ?? head?.path;
  if (path === undefined) return null;
  return new UserError(
    `The blob ${error.oid} of ${quoteGitPath(path)} in HEAD is missing from the object store.\n` +
      'Run `git fsck --full` to list what else is missing, and restore the objects from ' +
      'another clone or a backup.',
    { cause: error },
  );
}

function missingStagedBlob(error: MissingObjectError, path: string): UserError {
  const pathspec = shellPathspec(path);
  return new UserError(
    `The staged blob ${error.oid} of ${quoteGitPath(path)} is missing from the object ` +
      'store, so git cannot commit this index either.\n' +
      'Run `git fsck --full` to check the repository. If the working tree has the file, stage ' +
      `it again with \`git add -- ${pathspec}\`; otherwise unstage it with ` +
      `\`git rm --cached -- ${pathspec}\`.`,
    { cause: error },
  );
}

/** Messages of git 2.39 that name a damaged object by its id (`unable to unpack ID header`). */
const GIT_CORRUPT_OBJECT =
  /(?:unable to unpack(?: contents of)?|(?:loose|packed) object) ([0-9a-f]{40}(?:[0-9a-f]{24})?)\b/;

/**
 * Returns the UserError of a damaged object that no staged path names, such as HEAD's commit
 * or a tree. That is a CorruptObjectError, or a git command whose error output names a damaged
 * object. Returns null for any other error.
 */
export function describeCorruptObject(error: unknown): UserError | null {
  const corrupt = error instanceof GitCommandError ? readGitCorruption(error) : error;
  if (!(corrupt instanceof CorruptObjectError)) return null;
  return damagedRepositoryError(corrupt, `The object ${corrupt.oid}`);
}

/** Returns the damaged object that git's error output names, with git's first error line. */
function readGitCorruption(error: GitCommandError): CorruptObjectError | null {
  const oid = GIT_CORRUPT_OBJECT.exec(error.stderr)?.[1];
  if (oid === undefined) return null;
  const lines = error.stderr.split('\n');
  const first = lines.find((line) => line.startsWith('error: ')) ?? lines[0] ?? '';
  const detail = first.replace(/^(?:error|fatal): /, '').trim();
  return new CorruptObjectError(oid, detail, { cause: error });
}

function corruptBlob(error: CorruptObjectError, entries: readonly StagedEntry[]): UserError | null {
  const staged = entries.find((entry) => entry.newOid === error.oid);
  if (staged !== undefined) {
    return damagedRepositoryError(
      error,
      `The staged blob ${error.oid} of ${quoteGitPath(staged.path)}`,
    );
  }
  const head = entries.find((entry) => entry.oldOid === error.oid);
  const path = head?.oldPath ?? head?.path;
  if (path === undefined) return null;
  return damagedRepositoryError(error, `The blob ${error.oid} of ${quoteGitPath(path)} in HEAD`);
}

/**
 * Makes the UserError of a damaged object, which `subject` names. git can still commit with
 * such an object, so `precommit` exits by `failClosed` (see UserError.damagedRepository).
 */
function damagedRepositoryError(error: CorruptObjectError, subject: string): UserError {
  const detail = error.detail.replace(/\.$/, '');
  return new UserError(
    `${subject} cannot be read: ${detail}. The object store is damaged, so footprint cannot ` +
      `check this change.\n${FSCK_ADVICE}`,
    { cause: error, damagedRepository: true },
  );
}
