import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { ConfigLocation } from './describe-config-error.js';

/** Name of git's folder in a worktree; a store in or below it would write into the repository. */
const GIT_FOLDER = '.git';

/**
 * Rejects a `fossilDir` that leaves the worktree, is the worktree root, or lies in a `.git`
 * folder. footprint writes fossils and a `.gitignore` of `*` there, and retention deletes
 * files there, so a cloned repository's configuration must not point it elsewhere. `..`
 * segments are resolved, and so are symlinks on the part of the path that exists.
 * Throws a UserError (exit 2) that names the key, the value and the fix; `location` is null
 * for the default, which no configuration file sets.
 */
export function checkFossilDir(
  worktree: string,
  value: string,
  location: ConfigLocation | null,
): void {
  const reason = findFossilDirProblem(worktree, value);
  if (reason === null) return;

  if (location === null) {
    // The default store: a tracked or local link named `fossils` can point anywhere.
    throw new UserError(
      `The fossil store ${JSON.stringify(value)} (the default "fossilDir") ${reason}. ` +
        `Remove or rename ${JSON.stringify(value)}, or set "fossilDir" in footprint.config.json ` +
        'to a folder inside the worktree and outside .git, such as ".footprint/fossils".',
    );
  }
  const key = [...location.keyPrefix, 'fossilDir'].join('.');
  throw new UserError(
    `${location.label}: "${key}" is ${JSON.stringify(value)}, which ${reason}. ` +
      `Set "${key}" to a folder inside the worktree and outside .git, such as "fossils".`,
  );
}

/** Returns why `value` is not a usable store folder, or null when it is. */
function findFossilDirProblem(worktree: string, value: string): string | null {
  if (path.isAbsolute(value)) return 'is an absolute path';

  const lexical = describeLocation(path.relative(worktree, path.resolve(worktree, value)));
  if (lexical !== null) return lexical;

  const realWorktree = resolveExisting(worktree);
  const realTarget = resolveExisting(path.resolve(worktree, value));
  const real = describeLocation(path.relative(realWorktree, realTarget));
  return real === null ? null : `${real} once symlinks are followed (${realTarget})`;
}

/** Describes a worktree-relative path that is no place for the store, or returns null. */
function describeLocation(relative: string): string | null {
  if (relative === '') return 'is the worktree root';
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return 'is outside the worktree';
  }
  const segments = relative.split(path.sep).map((segment) => segment.toLowerCase());
  if (segments.at(-1) === GIT_FOLDER) return 'is a .git folder';
  if (segments.includes(GIT_FOLDER)) return 'is inside a .git folder';
  return null;
}

/**
 * Resolves symlinks in the longest existing prefix of `target` and appends the rest, which
 * does not exist yet and so cannot be a symlink.
 */
function resolveExisting(target: string): string {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
