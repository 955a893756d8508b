import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Configuration files of simple-git-hooks 2.14, in the order it tries them before the
 * `simple-git-hooks` key of package.json.
 */
const CONFIG_FILES = [
  '.simple-git-hooks.cjs',
  '.simple-git-hooks.js',
  '.simple-git-hooks.mjs',
  'simple-git-hooks.cjs',
  'simple-git-hooks.js',
  'simple-git-hooks.mjs',
  '.simple-git-hooks.json',
  'simple-git-hooks.json',
];

/**
 * Returns the name of the file that configures simple-git-hooks in `worktree`, which is
 * `package.json` when its `simple-git-hooks` key does, or null when nothing does.
 */
export function findSimpleGitHooksConfig(worktree: string): string | null {
  const file = CONFIG_FILES.find((name) => existsSync(path.join(worktree, name)));
  if (file !== undefined) return file;
  return hasPackageKey(path.join(worktree, 'package.json')) ? 'package.json' : null;
}

function hasPackageKey(file: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A missing or invalid package.json configures nothing.
    return false;
  }
  return typeof manifest === 'object' && manifest !== null && 'simple-git-hooks' in manifest;
}

/**
 * Returns a note when the project configures simple-git-hooks and init wrote to the git
 * directory's `hooks/` folder. Projects run simple-git-hooks on each install, usually from
 * `postinstall`. It overwrites the hooks it has a command for and deletes the others there, so
 * footprint would stop running without a message.
 */
export function simpleGitHooksNote(worktree: string, wroteGitDirHooks: boolean): string | null {
  if (!wroteGitDirHooks) return null;
  const config = findSimpleGitHooksConfig(worktree);
  if (config === null) return null;
  return (
    `This project configures simple-git-hooks (${config}), which rewrites .git/hooks on each ` +
    'install: it replaces the hooks it has a command for and deletes the others, so ' +
    'footprint would stop running. Run `footprint init --uninstall`, add footprint to ' +
    `${config} as the README's simple-git-hooks section shows, then run \`npx simple-git-hooks\`.`
  );
}
