import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { readGitConfig, type GitConfig } from '../git/config.js';
import type { RepositoryLayout } from '../git/types.js';

/** Destination of footprint's hook in one repository. */
export type HookTarget =
  /**
   * A line in `<dir>/pre-commit`, husky's user-edited hook file. `active` is false while
   * core.hooksPath does not point at husky yet (before `npx husky` has run).
   */
  | { kind: 'husky'; dir: string; huskyVersion: 'v9' | 'v8'; active: boolean }
  /**
   * The hook file in the folder core.hooksPath names. `shared` describes the setting when it
   * comes from the user's or the system's git configuration and names one folder for every
   * repository, whose hooks git then runs in each repository that sets none of its own.
   * `overrides` describes such a setting when the repository's own core.hooksPath hides it by
   * naming the git directory's `hooks/` folder, as `git config core.hooksPath .git/hooks` does.
   */
  | {
      kind: 'hooks-path';
      dir: string;
      shared: SharedHooksSetting | null;
      overrides: SharedHooksSetting | null;
    }
  /** The hook file in `<common git dir>/hooks`. */
  | { kind: 'git-dir'; dir: string };

/**
 * Decides where the hook goes. It is husky when core.hooksPath is a `.husky` or `.husky/_`
 * folder, or when core.hooksPath is unset and the worktree has `.husky/`. Otherwise it is the
 * core.hooksPath folder when set, else the shared git directory's `hooks/`, which linked
 * worktrees share.
 */
export async function findHookTarget(
  layout: RepositoryLayout,
  worktree: string,
  env: NodeJS.ProcessEnv,
): Promise<HookTarget> {
  const config = await readGitConfig(layout, {
    scopes: ['system', 'global', 'local', 'worktree', 'command'],
    env,
  });
  const hooksPath = config.get('core.hooksPath');

  if (typeof hooksPath === 'string' && hooksPath !== '') {
    const dir = path.resolve(worktree, expandHome(hooksPath, env));
    rejectHooksPathThroughFile(hooksPath, dir);
    const huskyDir = huskyDirOf(dir);
    if (huskyDir !== null) {
      return { kind: 'husky', dir: huskyDir, huskyVersion: detectHuskyVersion(dir), active: true };
    }
    const own = await readGitConfig(layout, { scopes: ['local', 'worktree', 'command'], env });
    if (!own.has('core.hooksPath')) {
      const shared = readGlobalHooksSetting(config, env);
      return { kind: 'hooks-path', dir, shared, overrides: null };
    }
    const gitDirHooks = sameFolder(dir, path.join(layout.commonDir, 'hooks'));
    const overrides = gitDirHooks ? await globalHooksSetting(layout, env) : null;
    return { kind: 'hooks-path', dir, shared: null, overrides };
  }

  const huskyDir = path.join(worktree, '.husky');
  if (isDirectory(huskyDir))
    return { kind: 'husky', dir: huskyDir, huskyVersion: 'v9', active: false };
  const hooksDir = path.join(layout.commonDir, 'hooks');
  const problem = unusableFolder(hooksDir);
  if (problem !== null) {
    throw new UserError(
      `${hooksDir} ${problem}, so git runs no hook from it and footprint cannot install one. ` +
        'Remove it, or make it a folder, then run `footprint init` again.',
    );
  }
  return { kind: 'git-dir', dir: hooksDir };
}

/**
 * Throws when a folder on the way to the core.hooksPath folder is a file, or a link that leads
 * nowhere or to itself, so that neither git nor footprint can use it. In a linked worktree, a
 * relative `.git/hooks` passes through the `.git` file that points at the worktree's git
 * directory.
 */
function rejectHooksPathThroughFile(value: string, dir: string): void {
  for (let folder = dir; folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const problem = unusableFolder(folder);
    if (problem === null) continue;
    throw new UserError(
      `core.hooksPath is ${value}, which resolves to ${dir} here, but ${folder} ${problem}, so git runs no hook from it. ` +
        'Set core.hooksPath to a folder that exists or can be created, or unset it with `git config --unset core.hooksPath` to use the shared hooks folder, then run `footprint init` again.',
    );
  }
}

/**
 * Says why a path on the way to a folder cannot be a folder: it is a file, a link to a
 * missing path, or a link loop. Returns null for a folder, a missing path (init creates it)
 * and a path below a file, which the check of the file reports.
 */
function unusableFolder(folder: string): string | null {
  try {
    const stats = statSync(folder, { throwIfNoEntry: false });
    if (stats !== undefined) return stats.isDirectory() ? null : 'is a file';
    const isLink = lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    return isLink ? 'is a link to a missing path' : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') return null;
    return isLinkItself(folder) ? 'is a link loop' : null;
  }
}

/** Returns true when the path itself is a link; false when a folder above it cannot be read. */
function isLinkItself(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A core.hooksPath set outside the repository's own configuration, and where. */
export interface SharedHooksSetting {
  value: string;
  /** The folder the value names, absolute, with `~/` expanded. */
  dir: string;
  /** The file that sets it, such as `~/.gitconfig`. */
  origin: string;
  line: number;
}

/**
 * Returns where the user-wide or system git configuration sets core.hooksPath, when its last
 * value names one folder for every repository: an absolute path, or one from the home folder.
 * A relative value such as `.githooks` resolves inside each repository, so it is not shared.
 */
async function globalHooksSetting(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
): Promise<SharedHooksSetting | null> {
  return readGlobalHooksSetting(
    await readGitConfig(layout, { scopes: ['system', 'global'], env }),
    env,
  );
}

function readGlobalHooksSetting(
  config: GitConfig,
  env: NodeJS.ProcessEnv,
): SharedHooksSetting | null {
  const entries = config.entries.filter((entry) => entry.key === 'core.hookspath');
  const entry = entries[entries.length - 1];
  const dir = expandHome(entry?.value ?? '', env);
  if (entry === undefined || !path.isAbsolute(dir)) return null;
  return {
    value: entry.value ?? '',
    dir: path.resolve(dir),
    origin: entry.origin,
    line: entry.line,
  };
}

/** Returns the husky folder for a hooks path of `<x>/.husky/_` (husky 9) or `<x>/.husky` (husky 5 to 8). */
function huskyDirOf(hooksDir: string): string | null {
  if (path.basename(hooksDir) === '.husky') return hooksDir;
  if (path.basename(hooksDir) === '_' && path.basename(path.dirname(hooksDir)) === '.husky') {
    return path.dirname(hooksDir);
  }
  return null;
}

/** Husky 5 to 8 point core.hooksPath at `.husky` and source `_/husky.sh` from each hook. */
function detectHuskyVersion(hooksDir: string): 'v9' | 'v8' {
  const isOldLayout =
    path.basename(hooksDir) === '.husky' && existsSync(path.join(hooksDir, '_', 'husky.sh'));
  return isOldLayout ? 'v8' : 'v9';
}

/** Expands a leading `~/`, as git does for path-valued settings. */
function expandHome(value: string, env: NodeJS.ProcessEnv): string {
  if (value !== '~' && !value.startsWith('~/')) return value;
  return path.join(env['HOME'] ?? homedir(), value.slice(1));
}

/** Returns true when two paths name one folder. Links count, because one can name `.git/hooks`. */
export function sameFolder(first: string, second: string): boolean {
  return realPath(first) === realPath(second);
}

function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
