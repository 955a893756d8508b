import { loadConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { discoverRepository } from '../git/discover.js';
import { createDebug } from '../log/debug.js';
import { installHookFile } from './hook-file.js';
import { renderHookScript } from './hook-script.js';
import { findHookTarget, type HookTarget } from './hook-target.js';
import { addHuskyLine } from './husky.js';
import type { InstallStep } from './install-step.js';
import { writeFossilGitignore, writeStarterConfig } from './starter-files.js';

const debug = createDebug('init');

export interface InstallOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** footprint's package folder, which contains the `hooks/pre-commit` template. */
  packageRoot: string;
  /** Absolute path of footprint's `bin/footprint.js`, the hook's last resort. */
  footprintBin: string;
  /** Absolute path of the node binary, the hook's fallback when PATH lacks node. */
  node: string;
}

export interface InstallReport {
  target: HookTarget;
  steps: InstallStep[];
  /** Hints for the user, such as activating husky. */
  notes: string[];
  /** False when every step left its file unchanged. */
  changed: boolean;
}

/**
 * Installs footprint into the repository at `options.cwd` (`footprint init`): the hook (see
 * findHookTarget for where), the fossil store's `.gitignore`, and a starter configuration
 * when there is none. Reads the configuration first, so an invalid one stops it before any
 * file is written. Running it twice changes nothing the second time.
 */
export async function installHooks(options: InstallOptions): Promise<InstallReport> {
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const worktree = layout.worktree;
  if (worktree === null) {
    throw new UserError(
      `${layout.gitDir} is a bare repository, which never runs pre-commit hooks. Run footprint init in a worktree.`,
    );
  }
  const config = await loadConfig(worktree, { env: options.env });
  const target = await findHookTarget(layout, worktree, options.env);
  debug(`hook target ${target.kind} in ${target.dir}`);

  const steps = [
    ...(await installHook(target, worktree, options)),
    await writeFossilGitignore(worktree, config.config.fossilDir),
    await writeStarterConfig(worktree),
  ];
  const notes = collectNotes(target);
  return { target, steps, notes, changed: steps.some((step) => step.action !== 'unchanged') };
}

async function installHook(
  target: HookTarget,
  worktree: string,
  options: InstallOptions,
): Promise<InstallStep[]> {
  if (target.kind === 'husky') {
    return addHuskyLine(target.dir, {
      worktree,
      huskyVersion: target.huskyVersion,
      footprintBin: options.footprintBin,
    });
  }
  const script = await renderHookScript(options.packageRoot, {
    footprintBin: options.footprintBin,
    node: options.node,
  });
  return installHookFile(target.dir, script);
}

function collectNotes(target: HookTarget): string[] {
  if (target.kind !== 'husky' || target.active) return [];
  return [
    'git does not run .husky hooks yet because core.hooksPath is unset. Run `npx husky` to activate them.',
  ];
}
