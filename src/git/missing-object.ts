import { UserError } from '../errors.js';
import { MissingObjectError } from './objects/types.js';
import { quoteGitPath } from './path-bytes.js';
import type { StagedEntry } from './types.js';

/**
 * Returns a UserError naming the path and object id when `error` is a blob missing from the
 * object store, or null for any other error. The blob is looked up among `entries`: a staged
 * blob (the index names an object git never stored) or HEAD's blob of a changed path. Such an
 * index cannot be committed by git either, so this is the repository's state, not a bug.
 */
export function describeMissingObject(
  error: unknown,
  entries: readonly StagedEntry[],
): UserError | null {
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
  const shellPath = `'${path.replaceAll("'", `'\\''`)}'`;
  return new UserError(
    `The staged blob ${error.oid} of ${quoteGitPath(path)} is missing from the object ` +
      'store, so git cannot commit this index either.\n' +
      'Run `git fsck --full` to check the repository. If the working tree has the file, stage ' +
      `it again with \`git add -- ${shellPath}\`; otherwise unstage it with ` +
      `\`git rm --cached -- ${shellPath}\`.`,
    { cause: error },
  );
}
