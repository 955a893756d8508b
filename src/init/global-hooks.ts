import { accessSync, constants, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { RepositoryLayout } from '../git/types.js';
import { shellPath } from '../output/shell-quote.js';
import { HOOK_MARKER } from './hook-script.js';
import type { HookTarget, SharedHooksSetting } from './hook-target.js';

/** The hook names that git runs, as githooks(5) of git 2.39 lists them. */
const GIT_HOOK_NAMES = new Set([
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-changelist',
  'p4-prepare-changelist',
  'p4-post-changelist',
  'p4-pre-submit',
  'post-index-change',
]);

/**
 * Returns the global hook that footprint's hook `name` runs first, or undefined. It is the file
 * of that name in the global folder that the repository's core.hooksPath overrides, unless it
 * is a copy of footprint's hook, which would run footprint twice. The hook runs the file only
 * when it is executable at commit time, so a global hook added after init runs too.
 */
export function globalHookFor(target: HookTarget, name: string): string | undefined {
  if (target.kind !== 'hooks-path' || target.overrides === null) return undefined;
  const file = path.join(target.overrides.dir, name);
  if (linksLocally(target.dir, target.overrides.dir, name)) return undefined;
  return readText(file).includes(HOOK_MARKER) ? undefined : file;
}

/**
 * Returns true when the repository's hooks folder already has the global hook `name`, linked
 * or chained by footprint (`NAME.footprint-chained`), so git or the chain runs it already.
 */
function linksLocally(hooksDir: string, globalDir: string, name: string): boolean {
  const global = realPathOf(path.join(globalDir, name));
  if (global === null) return false;
  return [name, `${name}.footprint-chained`].some(
    (local) => realPathOf(path.join(hooksDir, local)) === global,
  );
}

function realPathOf(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

function isChainable(file: string): boolean {
  return isExecutableFile(file) && !readText(file).includes(HOOK_MARKER);
}

/**
 * Rejects an install into a hooks folder that every repository of the user shares: footprint
 * would then run on each commit everywhere and leave a fossil store in every repository. The
 * message advises the absolute path of the shared git directory's `hooks/`, which every linked
 * worktree reaches, and describes what that does to the global hooks: footprint's hooks run
 * those of their names, and git stops running the others.
 */
export function rejectSharedHooksFolder(
  target: HookTarget,
  layout: RepositoryLayout,
  hookNames: readonly string[],
  advice: { worktree: string; invocation: string },
): void {
  if (target.kind !== 'hooks-path' || target.shared === null) return;

  const setting = target.shared;
  const gitDirHooks = path.join(layout.commonDir, 'hooks');
  const hooks = listGlobalHooks(setting.dir);
  const chained = chainableHooks(setting.dir, hooks, hookNames);
  const stopped = hooks.filter((name) => !hookNames.includes(name));
  const effects = [
    chained.length === 0
      ? ''
      : ` footprint's hooks then run ${joinFiles(setting.dir, chained)} first, as git does now.`,
    stopped.length === 0
      ? ''
      : ` git then ${stoppedHooksAdvice(setting.dir, stopped, gitDirHooks)}`,
  ];
  throw new UserError(
    `core.hooksPath is set to ${setting.value} in ${setting.origin} line ${setting.line}, one ` +
      'folder for every repository, so git runs its hooks in each repository that sets no ' +
      'core.hooksPath of its own. footprint installed nothing there. To install footprint for ' +
      `this repository only, run \`git -C ${shellPath(advice.worktree)} config core.hooksPath ` +
      `${shellPath(gitDirHooks)}\`, then \`${advice.invocation} init\` again.${effects.join('')}`,
  );
}

/**
 * Returns the advice of an install into the git directory's `hooks/` folder that hides a
 * global core.hooksPath: which global hooks footprint's hooks run, and how to keep the others.
 * Returns null when the global folder has no hook that git would run.
 */
export function globalHooksAdvice(target: HookTarget, hookNames: readonly string[]): string | null {
  if (target.kind !== 'hooks-path' || target.overrides === null) return null;
  const setting = target.overrides;
  const hooks = listGlobalHooks(setting.dir);
  if (hooks.length === 0) return null;

  const chained = chainableHooks(setting.dir, hooks, hookNames);
  const stopped = hooks.filter(
    (name) => !hookNames.includes(name) && !linksLocally(target.dir, setting.dir, name),
  );
  const runs =
    chained.length === 0
      ? ''
      : ` footprint's hooks run ${joinFiles(setting.dir, chained)} first in their place.`;
  const keep =
    stopped.length === 0 ? '' : ` git ${stoppedHooksAdvice(setting.dir, stopped, target.dir)}`;
  return `${overrideSentence(setting)}.${runs}${keep}`;
}

/**
 * Returns the advice of an uninstall from the git directory's `hooks/` folder that hides a
 * global core.hooksPath: git still runs none of that folder's hooks here, including those
 * that footprint's hooks ran in their place. Returns null when that folder has no hooks.
 */
export function globalHooksUninstallAdvice(
  target: HookTarget,
  hookNames: readonly string[],
): string | null {
  if (target.kind !== 'hooks-path' || target.overrides === null) return null;
  const setting = target.overrides;
  const hooks = listGlobalHooks(setting.dir);
  if (hooks.length === 0) return null;

  const chained = chainableHooks(setting.dir, hooks, hookNames);
  const unchained =
    chained.length === 0
      ? ''
      : `, and footprint's hooks no longer run ${joinFiles(setting.dir, chained)} in their place`;
  return (
    `${overrideSentence(setting)}${unchained}. Run \`git config --unset core.hooksPath\` to ` +
    'run them again.'
  );
}

/** Returns the hooks of `hooks` that footprint's hooks of the same name run (see globalHookFor). */
function chainableHooks(
  dir: string,
  hooks: readonly string[],
  hookNames: readonly string[],
): string[] {
  return hooks.filter((name) => hookNames.includes(name) && isChainable(path.join(dir, name)));
}

function overrideSentence(setting: SharedHooksSetting): string {
  return (
    `This repository's own core.hooksPath overrides ${setting.value}, set in ` +
    `${setting.origin} line ${setting.line}, so git runs none of the hooks in ${setting.dir} here`
  );
}

/** Returns the clause that git no longer runs `names` here, with the `ln -s` that keeps them. */
function stoppedHooksAdvice(dir: string, names: readonly string[], hooksDir: string): string {
  const files = names.map((name) => path.join(dir, name));
  const link = `ln -s ${files.map(shellPath).join(' ')} ${shellPath(hooksDir)}/`;
  const them = names.length === 1 ? 'it' : 'them';
  return (
    `no longer runs ${joinFiles(dir, names)} in this repository: to keep ${them}, ` +
    `run \`${link}\`.`
  );
}

/**
 * Lists the hooks git would run from `dir`, sorted by name: executable files named as git
 * hooks. A file that is not executable is one git skips, so it stops nothing.
 */
function listGlobalHooks(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // A missing or unreadable folder contains no hook that git could run.
    return [];
  }
  return names
    .filter((name) => GIT_HOOK_NAMES.has(name) && isExecutableFile(path.join(dir, name)))
    .sort();
}

function joinFiles(dir: string, names: readonly string[]): string {
  const files = names.map((name) => path.join(dir, name));
  if (files.length === 1) return files[0] ?? '';
  return `${files.slice(0, -1).join(', ')} and ${files[files.length - 1] ?? ''}`;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
