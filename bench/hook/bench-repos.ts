import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { hashSeed } from './file-content.js';
import { GENERATED_MARKER } from './generate-repo.js';
import { benchEnv, git } from './git-command.js';
import { applyStagedChange, listEditableFiles, planStagedChange } from './stage-change.js';

/** The staged change of one case, as git reports it. */
export interface StagedSummary {
  files: number;
  hunks: number;
}

/**
 * Resets a repository this benchmark owns to HEAD (index, worktree, untracked files and
 * fossils), then stages a change of `count` files chosen by `seed`. Throws for a repository
 * without the benchmark's marker, so that no repository of the user is ever reset.
 */
export function stageFreshChange(dir: string, count: number, seed: number): StagedSummary {
  if (!existsSync(path.join(dir, '.git', GENERATED_MARKER))) {
    throw new Error(
      `Cannot reset ${dir}: it was not created by this benchmark (no .git/${GENERATED_MARKER}).`,
    );
  }
  git(dir, ['reset', '-q', '--hard', 'HEAD']);
  git(dir, ['clean', '-q', '-d', '-x', '--force']);

  const candidates = listEditableFiles(dir);
  if (candidates.length < count) {
    throw new Error(
      `Cannot stage ${count} files in ${dir}: only ${candidates.length} are editable.`,
    );
  }
  applyStagedChange(dir, planStagedChange(candidates, count, hashSeed(`${count}`, seed)), seed);
  return summarizeStagedChange(dir);
}

/**
 * Copies a local clone with its index, worktree and packs into `cacheDir`, replacing an older
 * copy, and marks the copy as the benchmark's own. The source is only read.
 */
export function copyLocalRepo(source: string, cacheDir: string): string {
  const real = realpathSync(source);
  // A `.git` file (linked worktree, submodule) would point the copy at the source's git
  // directory, and resetting the copy would then change the source's index.
  if (!statSync(path.join(real, '.git'), { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `Invalid --repo ${source}: expected the root of a clone with a .git folder, not a linked worktree or submodule.`,
    );
  }
  const copy = path.join(cacheDir, `copy-${path.basename(real)}-${hashSeed(real, 0).toString(16)}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });

  const copied = spawnSync('cp', ['-a', real, copy], { encoding: 'utf8' });
  if (copied.status !== 0) throw new Error(`cp -a ${real} ${copy} failed: ${copied.stderr.trim()}`);
  writeFileSync(path.join(copy, '.git', GENERATED_MARKER), `${JSON.stringify({ source: real })}\n`);

  // Copied files have new inodes and change times. A status run refreshes the index's stat
  // data, as a developer's own git commands would, and leaves what is staged as it was.
  spawnSync('git', ['status', '--short', '--untracked-files=no'], { cwd: copy, env: benchEnv() });
  return copy;
}

/** Counts the staged files and the hunks of the staged diff with git's default 3 context lines. */
export function summarizeStagedChange(dir: string): StagedSummary {
  const numstat = git(dir, ['diff', '--cached', '--numstat', '-z']);
  const files = numstat.split('\0').filter((record) => /^(\d+|-)\t(\d+|-)\t/.test(record)).length;
  const diff = git(dir, ['diff', '--cached', '--no-ext-diff', '--no-color']);
  const hunks = diff.split('\n').filter((line) => line.startsWith('@@ ')).length;
  return { files, hunks };
}
