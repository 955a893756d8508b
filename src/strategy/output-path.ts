import type { Stats } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { parseJsonText } from '../config/parse-json.js';
import { UserError } from '../errors.js';
import { discoverRepository } from '../git/discover.js';
import { runGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';
import {
  outputEditedStrategyMessage,
  outputInGitDirMessage,
  outputNotFileMessage,
  outputNotStrategyMessage,
  outputTrackedMessage,
} from '../output/messages.js';
import { isUnchangedSinceWritten } from './written-strategies.js';

/** The file a strategy would be written to, after symbolic links, and what is there now. */
interface OutputTarget {
  /** Real path of the file, or of its nearest existing folder joined with the rest. */
  file: string;
  /** The file's stats, or null when nothing is there yet. */
  stats: Stats | null;
}

/**
 * Rejects an `--output` path whose content a strategy would destroy. That is a path in a git
 * directory (the index, refs, objects, a submodule's or another worktree's git directory), a
 * file in the index, or an existing file that is not a strategy footprint wrote there, unchanged
 * since (see written-strategies.ts). An empty file, such as `mktemp` makes, has nothing to lose
 * and is accepted. `option` is the path as the user wrote it, for the messages, and
 * `pathFromShell` is the path from the shell's folder, for a command in them. Returns the real
 * path to write, with symbolic links followed.
 */
export async function checkStrategyOutputPath(
  file: string,
  option: string,
  layout: RepositoryLayout,
  pathFromShell: string = option,
): Promise<string> {
  // A name that ends in a slash means a folder, although resolving the path drops the slash.
  if (/[\\/]$/.test(option)) throw new UserError(outputNotFileMessage(option, true));

  const target = await resolveTarget(file);
  const gitDir = await findContainingGitDir(target.file, layout);
  if (gitDir !== null) throw new UserError(outputInGitDirMessage(option, gitDir));

  if (target.stats !== null && !target.stats.isFile()) {
    throw new UserError(outputNotFileMessage(option, target.stats.isDirectory()));
  }
  if (await isInIndex(layout, target.file)) throw new UserError(outputTrackedMessage(option));
  if (target.stats !== null && target.stats.size > 0) {
    const text = await readFile(target.file, 'utf8').catch(() => '');
    if (!isStrategyText(text)) throw new UserError(outputNotStrategyMessage(option));
    if (!(await isUnchangedSinceWritten(layout, target.file, text))) {
      const suffix = await findUnusedSuffix(file);
      throw new UserError(outputEditedStrategyMessage(option, pathFromShell, suffix));
    }
  }
  return target.file;
}

/**
 * Returns the first of `.old`, `.old.1`, `.old.2` and so on that makes a name nothing has yet
 * beside `file`, so the `mv` command a message suggests replaces no file and moves into no folder.
 */
async function findUnusedSuffix(file: string): Promise<string> {
  for (let number = 0; ; number += 1) {
    const suffix = number === 0 ? '.old' : `.old.${number}`;
    if ((await lstat(`${file}${suffix}`).catch(() => null)) === null) return suffix;
  }
}

/**
 * Follows symbolic links to the file a write would change. A missing file is placed under the
 * real path of its nearest existing folder. A link to a missing file, or a loop of links,
 * counts as an existing entry that is not a file, so it is never replaced. Any other error,
 * such as a file in place of a folder, is left to the write, which names the path.
 */
async function resolveTarget(file: string): Promise<OutputTarget> {
  const real = await realpathOrCode(file);
  if (typeof real === 'object') return { file: real.path, stats: await stat(real.path) };
  if (real !== 'ENOENT' && real !== 'ELOOP') return { file, stats: null };

  const entry = await lstat(file).catch(() => null);
  if (entry !== null) return { file, stats: entry };

  const rest: string[] = [path.basename(file)];
  let folder = path.dirname(file);
  for (;;) {
    const found = await realpathOrCode(folder);
    if (typeof found === 'object') return { file: path.join(found.path, ...rest), stats: null };
    const parent = path.dirname(folder);
    if (found !== 'ENOENT' || parent === folder) return { file, stats: null };
    rest.unshift(path.basename(folder));
    folder = parent;
  }
}

/** Returns the real path of `file`, or the error code when it has none. */
async function realpathOrCode(file: string): Promise<{ path: string } | string> {
  try {
    return { path: await realpath(file) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  }
}

/**
 * Returns the git directory that contains `file`: this worktree's, the shared one, the
 * index file's folder when GIT_INDEX_FILE points elsewhere, or any folder named `.git` on
 * the way (a submodule's or a nested repository's). Returns null when there is none.
 */
async function findContainingGitDir(
  file: string,
  layout: RepositoryLayout,
): Promise<string | null> {
  const gitDirs = [layout.gitDir, layout.commonDir];
  for (const gitDir of gitDirs) {
    const real = await realpath(gitDir).catch(() => gitDir);
    if (isInside(file, real)) return gitDir;
  }
  const indexFile = await realpath(layout.indexFile).catch(() => layout.indexFile);
  if (file === indexFile) return path.dirname(layout.indexFile);

  const parts = file.split(path.sep);
  const dotGit = parts.findIndex((part) => part.toLowerCase() === '.git');
  return dotGit === -1 ? null : parts.slice(0, dotGit + 1).join(path.sep);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Returns true when the index has `file`, staged, unmerged or intent-to-add, or when the index
 * of a repository nested in the worktree (a submodule or another clone) has it.
 */
async function isInIndex(layout: RepositoryLayout, file: string): Promise<boolean> {
  if (layout.worktree === null) return false;
  const worktree = await realpath(layout.worktree).catch(() => layout.worktree as string);
  if (!isInside(file, worktree)) return false;

  const nested = await findNestedWorktree(file, worktree);
  if (nested === null) return listsFile(layout, worktree, file);
  const nestedLayout = await discoverRepository({ cwd: nested, env: {} }).catch(() => null);
  return nestedLayout !== null && (await listsFile(nestedLayout, nested, file));
}

/** Returns true when `git ls-files` of the repository at `worktree` lists `file`. */
async function listsFile(
  layout: RepositoryLayout,
  worktree: string,
  file: string,
): Promise<boolean> {
  const relative = path.relative(worktree, file).split(path.sep).join('/');
  // A literal pathspec, so that a `*` or `:` in the name is the file's own character.
  const output = await runGit(layout, ['ls-files', '-z', '--', `:(literal)${relative}`]);
  return output.length > 0;
}

/**
 * Returns the deepest folder between the worktree and `file` that has a `.git` entry of its
 * own, the worktree of a nested repository, or null when there is none.
 */
async function findNestedWorktree(file: string, worktree: string): Promise<string | null> {
  for (let folder = path.dirname(file); folder !== worktree; folder = path.dirname(folder)) {
    if (!isInside(folder, worktree)) return null;
    const entry = await lstat(path.join(folder, '.git')).catch(() => null);
    if (entry !== null) return folder;
  }
  return null;
}

/** Returns true when `text` is a footprint strategy document of any schema version. */
function isStrategyText(text: string): boolean {
  const parsed = parseJsonText(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return false;
  const document = parsed.value as Record<string, unknown>;
  return document['kind'] === 'strategy' && typeof document['schemaVersion'] === 'number';
}
