import { readFile, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { createDefaultConfig } from '../config/defaults.js';
import { loadConfig } from '../config/load.js';
import { isUserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { globalHooksUninstallAdvice } from './global-hooks.js';
import { uninstallHookFile } from './hook-file.js';
import { HOOK_NAMES, readHookTemplates } from './hook-script.js';
import { findHookTarget, type HookTarget } from './hook-target.js';
import { withHooksLock } from './hooks-lock.js';
import { removeLegacyHook } from './legacy-hook.js';
import {
  configOfPreCommitScript,
  findFrameworkHook,
  isPreCommitScript,
} from './pre-commit-framework.js';
import { removeHuskyLine } from './husky.js';
import type { InstallOptions, InstallReport } from './install.js';
import type { InstallStep } from './install-step.js';
import { removeFossilGitignore, removeStarterConfig } from './starter-files.js';
import { findWorktreeLayout } from './worktree-layout.js';

const debug = createDebug('init');

/**
 * Undoes `footprint init` (`footprint init --uninstall`): removes footprint's hooks and puts
 * each chained hook back under its name, removes footprint's lines from husky files, and
 * removes the starter configuration and the fossil store's `.gitignore` when they are as init
 * wrote them. footprint's hooks that `pre-commit install` moved to `<hook>.legacy` go too. Hooks are looked for in the current target and in the git directory's
 * `hooks/`, in case core.hooksPath changed since init. Running it twice changes nothing. The
 * advice notes global hooks that the repository's own core.hooksPath still keeps from running.
 */
export async function uninstallHooks(
  options: Omit<InstallOptions, 'footprintBin' | 'node'>,
): Promise<InstallReport> {
  const { layout, worktree } = await findWorktreeLayout(options);
  const target = await findHookTarget(layout, worktree, options.env);
  const gitDirHooks = path.join(layout.commonDir, 'hooks');

  const steps: InstallStep[] = [];
  steps.push(...(await removeHooks(target, options.packageRoot)));
  if (target.kind === 'husky' || target.dir !== gitDirHooks) {
    steps.push(...(await removeHooks({ kind: 'git-dir', dir: gitDirHooks }, options.packageRoot)));
  }
  const fossilDir = await readFossilDir(worktree, options);
  steps.push(...(await removeFossilGitignore(layout, worktree, fossilDir)));
  steps.push(...(await removeStarterConfig(layout, worktree)));

  const changed = steps.some((step) => step.action !== 'unchanged');
  const advice = [
    globalHooksUninstallAdvice(target, HOOK_NAMES),
    await frameworkStillRunsNote(target, worktree),
  ].filter((text) => text !== null);
  return { worktree, target, steps, notes: [], advice, changed };
}

/**
 * Returns a note when pre-commit's hook still runs footprint from its configuration, which
 * the uninstall leaves as it is.
 */
async function frameworkStillRunsNote(
  target: HookTarget,
  worktree: string,
): Promise<string | null> {
  if (target.kind === 'husky') return null;
  const script = await readFile(path.join(target.dir, 'pre-commit'), 'utf8').catch(() => null);
  if (script === null || !isPreCommitScript(script)) return null;
  const hook = await findFrameworkHook(worktree, configOfPreCommitScript(script));
  if (hook === null) return null;
  return (
    `pre-commit still runs footprint on each commit, from the hook with the id footprint on ` +
    `line ${hook.line} of ${hook.config}. Remove that hook to stop footprint completely.`
  );
}

async function removeHooks(target: HookTarget, packageRoot: string): Promise<InstallStep[]> {
  const steps = await withHooksLock(target.dir, { create: false }, () =>
    removeHookFiles(target, packageRoot),
  );
  // After the lock is gone, because the lock file itself keeps the folder from being empty.
  if (target.kind === 'hooks-path' && steps.some((step) => step.action === 'removed')) {
    await removeFolderIfEmpty(target.dir);
  }
  return steps;
}

async function removeHookFiles(target: HookTarget, packageRoot: string): Promise<InstallStep[]> {
  const steps: InstallStep[] = [];
  if (target.kind !== 'husky') {
    for (const name of HOOK_NAMES) {
      steps.push(...(await removeLegacyHook(target.dir, name, 'footprint init --uninstall')));
      steps.push(...(await uninstallHookFile(target.dir, name)));
    }
    return steps;
  }
  for (const template of await readHookTemplates(packageRoot)) {
    if (template.command === null) continue;
    const hook = { name: template.name, command: template.command };
    steps.push(...(await removeHuskyLine(target.dir, hook)));
  }
  return steps;
}

/**
 * Removes a core.hooksPath folder that removing footprint's hooks left empty, as init may have
 * created it. git runs no hooks from a missing folder, as from an empty one.
 */
async function removeFolderIfEmpty(dir: string): Promise<void> {
  try {
    await rmdir(dir);
    debug(`removed the empty hooks folder ${dir}`);
  } catch {
    // The folder contains other files, or is gone already.
  }
}

/** The configured fossil folder; an invalid configuration must not stop the uninstall. */
async function readFossilDir(worktree: string, options: { env: NodeJS.ProcessEnv }) {
  try {
    return (await loadConfig(worktree, { env: options.env })).config.fossilDir;
  } catch (error) {
    if (!isUserError(error)) throw error;
    debug(`configuration unreadable, using the default fossil folder: ${error.message}`);
    return createDefaultConfig().fossilDir;
  }
}
