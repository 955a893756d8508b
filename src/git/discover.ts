import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { parseConfig, parseConfigBool } from './config-parser.js';
import type { RepositoryLayout } from './types.js';

const debug = createDebug('git');

export interface DiscoverOptions {
  /** Folder to start from, as for `git -C`; relative GIT_DIR and GIT_WORK_TREE resolve against it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A git directory and how it was found, before the worktree is decided. */
interface FoundGitDir {
  gitDir: string;
  /** Folder that contains the `.git` entry found, or null for a bare directory or GIT_DIR. */
  dotGitParent: string | null;
  explicit: boolean;
}

/**
 * Finds the repository the way git's setup does. The git directory comes from GIT_DIR or a walk
 * up from `cwd` that stops at a `.git` folder, `gitdir:` file or symlink, or at a bare git
 * directory. The common directory comes from GIT_COMMON_DIR or the `commondir` file, and the
 * worktree from GIT_WORK_TREE, core.bare or core.worktree.
 * Relative GIT_DIR, GIT_WORK_TREE and GIT_COMMON_DIR resolve against `cwd`, as they do for
 * `git -C <cwd>`. A relative GIT_INDEX_FILE resolves where git opens it, after its setup has
 * changed to the worktree root (see decideIndexFile).
 * NOTE: GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES and
 * GIT_DISCOVERY_ACROSS_FILESYSTEM are not honoured; git does not set them for commit hooks.
 */
export async function discoverRepository(options: DiscoverOptions): Promise<RepositoryLayout> {
  const cwd = path.resolve(options.cwd);
  const env = options.env;
  const found = env['GIT_DIR'] ? findExplicitGitDir(cwd, env['GIT_DIR']) : walkUp(cwd, env);

  const commonDir = findCommonDir(found.gitDir, cwd, env);
  const hasCommonDir = commonDir !== null;
  const worktree = decideWorktree(found, hasCommonDir, cwd, env);
  const layout: RepositoryLayout = {
    worktree,
    gitDir: found.gitDir,
    commonDir: commonDir ?? found.gitDir,
    indexFile: decideIndexFile(found, worktree, cwd, env['GIT_INDEX_FILE']),
    isLinkedWorktree: hasCommonDir && commonDir !== found.gitDir,
    isSubmodule: isUnderSuperprojectModules(commonDir ?? found.gitDir),
  };
  debug(`repository: ${JSON.stringify(layout)}`);
  return layout;
}

function findExplicitGitDir(cwd: string, value: string): FoundGitDir {
  const candidate = path.resolve(cwd, value);
  const gitDir = isFile(candidate) ? readGitFile(candidate) : candidate;
  if (!isGitDirectory(gitDir)) {
    throw new UserError(
      `GIT_DIR=${value} is not a git repository (resolved to ${gitDir}). Unset GIT_DIR or point it at a repository's .git folder.`,
    );
  }
  return { gitDir: realpathSync(gitDir), dotGitParent: null, explicit: true };
}

/** Walks from `cwd` to the root (or a GIT_CEILING_DIRECTORIES entry) looking for a repository. */
function walkUp(cwd: string, env: NodeJS.ProcessEnv): FoundGitDir {
  const ceilings = parseCeilings(env['GIT_CEILING_DIRECTORIES']);
  let dir = safeRealpath(cwd);
  for (;;) {
    const found = findAt(dir);
    if (found) return found;

    const parent = path.dirname(dir);
    if (parent === dir || ceilings.has(parent)) break;
    dir = parent;
  }
  throw new UserError(
    `${cwd} is not inside a git repository. Run footprint inside a git repository or pass --cwd <folder of a repository>.`,
  );
}

function findAt(dir: string): FoundGitDir | null {
  const dotGit = path.join(dir, '.git');
  if (isFile(dotGit)) {
    const gitDir = readGitFile(dotGit);
    if (!isGitDirectory(gitDir)) {
      throw new UserError(
        `${dotGit} points to ${gitDir}, which is not a git repository. Fix the gitdir: line, or run \`git worktree prune\` in the main worktree if this worktree was removed.`,
      );
    }
    return { gitDir: realpathSync(gitDir), dotGitParent: dir, explicit: false };
  }
  if (isGitDirectory(dotGit)) {
    return { gitDir: realpathSync(dotGit), dotGitParent: dir, explicit: false };
  }
  if (isGitDirectory(dir)) return { gitDir: dir, dotGitParent: null, explicit: false };
  return null;
}

/** Reads a `.git` file (`gitdir: <path>`), whose relative path is relative to the file's folder. */
function readGitFile(file: string): string {
  const content = readFileSync(file, 'utf8');
  const match = /^gitdir: (.+?)\s*$/.exec(content);
  if (!match) {
    throw new UserError(
      `${file} is not a valid .git file: expected "gitdir: <path>". Fix or remove the file.`,
    );
  }
  return path.resolve(path.dirname(file), match[1] as string);
}

/** Returns the shared git directory, or null when the git directory has none of its own. */
function findCommonDir(gitDir: string, cwd: string, env: NodeJS.ProcessEnv): string | null {
  const fromEnv = env['GIT_COMMON_DIR'];
  if (fromEnv) return safeRealpath(path.resolve(cwd, fromEnv));

  const file = path.join(gitDir, 'commondir');
  if (!existsSync(file)) return null;
  const target = readFileSync(file, 'utf8').replace(/\s+$/, '');
  return safeRealpath(path.resolve(gitDir, target));
}

/**
 * Decides the worktree in git's order: GIT_WORK_TREE, core.bare, core.worktree, then `cwd` for
 * an explicit GIT_DIR, then the folder that contains `.git`. A linked worktree ignores core.bare
 * and core.worktree of the shared config, and a bare git directory found by the walk has none.
 */
function decideWorktree(
  found: FoundGitDir,
  hasCommonDir: boolean,
  cwd: string,
  env: NodeJS.ProcessEnv,
): string | null {
  const fromEnv = env['GIT_WORK_TREE'];
  if (fromEnv) return safeRealpath(path.resolve(cwd, fromEnv));

  const core = hasCommonDir ? { bare: undefined, worktree: undefined } : readCoreSettings(found);
  if (core.bare === true) return null;
  if (core.worktree !== undefined) return safeRealpath(path.resolve(found.gitDir, core.worktree));
  if (found.explicit) return safeRealpath(cwd);
  return found.dotGitParent;
}

/**
 * Resolves a relative GIT_INDEX_FILE where git opens it: git first changes to the worktree root,
 * or to the git directory it found for a bare repository, and stays in `cwd` for a GIT_DIR
 * without a worktree. Hooks run in the worktree root, and git 2.39 passes them absolute paths
 * for the temporary index of `commit -a`, `--only` and `-- <paths>`.
 */
function decideIndexFile(
  found: FoundGitDir,
  worktree: string | null,
  cwd: string,
  value: string | undefined,
): string {
  if (!value) return path.join(found.gitDir, 'index');

  const base = worktree ?? (found.explicit ? cwd : found.gitDir);
  return path.resolve(base, value);
}

/**
 * Returns the worktree of a linked worktree's git directory, or the folder that contains a
 * git directory named `.git` unless its config sets core.bare. Run inside a git directory,
 * the search finds the git directory itself and no worktree, as git does, and this names the
 * worktree to run in instead. Returns null otherwise.
 */
export function worktreeAroundGitDir(gitDir: string): string | null {
  // A linked worktree's git directory (`.git/worktrees/<name>`) names the worktree's `.git`
  // file in its `gitdir` file.
  const linked = path.join(gitDir, 'gitdir');
  if (existsSync(linked)) {
    const dotGit = readFileSync(linked, 'utf8').trim();
    return path.basename(dotGit) === '.git' ? path.dirname(path.resolve(gitDir, dotGit)) : null;
  }
  if (path.basename(gitDir) !== '.git') return null;
  const core = readCoreSettings({ gitDir, dotGitParent: null, explicit: false });
  return core.bare === true ? null : path.dirname(gitDir);
}

function readCoreSettings(found: FoundGitDir): { bare?: boolean; worktree?: string } {
  const file = path.join(found.gitDir, 'config');
  if (!existsSync(file)) return {};

  const settings: { bare?: boolean; worktree?: string } = {};
  for (const entry of parseConfig(readFileSync(file, 'utf8'), file)) {
    if (entry.key === 'core.bare') {
      settings.bare = entry.value === null || parseConfigBool(entry.value) === true;
    }
    if (entry.key === 'core.worktree' && entry.value !== null) settings.worktree = entry.value;
  }
  return settings;
}

/**
 * Tells a git directory apart from any folder the way git's is_git_directory does: a HEAD
 * holding a symbolic ref or an object id, and `objects` and `refs` (in the common directory
 * for a linked worktree).
 */
function isGitDirectory(dir: string): boolean {
  let head: string;
  try {
    head = readFileSync(path.join(dir, 'HEAD'), 'utf8');
  } catch {
    return false;
  }
  if (!/^ref: refs\/|^[0-9a-f]{40}(?:[0-9a-f]{24})?\s*$/.test(head)) return false;

  const commonFile = path.join(dir, 'commondir');
  const commonDir = existsSync(commonFile)
    ? path.resolve(dir, readFileSync(commonFile, 'utf8').replace(/\s+$/, ''))
    : dir;
  return isDirectory(path.join(commonDir, 'objects')) && isDirectory(path.join(commonDir, 'refs'));
}

/** True when `dir` sits under `<superproject git dir>/modules/`, where git keeps submodules. */
function isUnderSuperprojectModules(dir: string): boolean {
  const parts = dir.split(path.sep);
  for (let index = parts.length - 2; index > 0; index--) {
    if (parts[index] !== 'modules') continue;
    if (isGitDirectory(parts.slice(0, index).join(path.sep) || path.sep)) return true;
  }
  return false;
}

function parseCeilings(value: string | undefined): Set<string> {
  const ceilings = new Set<string>();
  for (const entry of (value ?? '').split(path.delimiter)) {
    if (path.isAbsolute(entry)) ceilings.add(safeRealpath(path.resolve(entry)));
  }
  return ceilings;
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
