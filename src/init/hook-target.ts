import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { readGitConfig } from '../git/config.js';
import type { RepositoryLayout } from '../git/types.js';

/** Destination of footprint's hook in one repository. */
export type HookTarget =
  /**
   * A line in `<dir>/pre-commit`, husky's user-edited hook file. `active` is false while
   * core.hooksPath does not point at husky yet (before `npx husky` has run).
   */
  | { kind: 'husky'; dir: string; huskyVersion: 'v9' | 'v8'; active: boolean }
  /** The hook file in the folder core.hooksPath names. */
  | { kind: 'hooks-path'; dir: string }
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
    const huskyDir = huskyDirOf(dir);
    if (huskyDir !== null) {
      return { kind: 'husky', dir: huskyDir, huskyVersion: detectHuskyVersion(dir), active: true };
    }
    return { kind: 'hooks-path', dir };
  }

  const huskyDir = path.join(worktree, '.husky');
  if (isDirectory(huskyDir))
    return { kind: 'husky', dir: huskyDir, huskyVersion: 'v9', active: false };
  return { kind: 'git-dir', dir: path.join(layout.commonDir, 'hooks') };
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

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
