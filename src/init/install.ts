import { loadConfig } from '../config/load.js';
import { createDebug } from '../log/debug.js';
import { checkHookFile, installHookFile } from './hook-file.js';
import {
  describeHook,
  readHookTemplates,
  renderHookScript,
  type HookTemplate,
} from './hook-script.js';
import { findHookTarget, rejectSharedHooksFolder, type HookTarget } from './hook-target.js';
import { addHuskyLine } from './husky.js';
import type { InstallStep } from './install-step.js';
import { findWorktreeLayout } from './worktree-layout.js';
import { writeFossilGitignore, writeStarterConfig } from './starter-files.js';

const debug = createDebug('init');

export interface InstallOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** footprint's package folder, which contains the `hooks/` templates. */
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
 * Installs footprint into the repository at `options.cwd` (`footprint init`): each hook that
 * `hooks/` has a script for (see findHookTarget for where), the fossil store's `.gitignore`,
 * and a starter configuration when there is none. Reads the configuration and checks every
 * hook file first, so an invalid configuration or a hook it cannot keep stops it before any
 * file is written. Running it twice changes nothing the second time.
 */
export async function installHooks(options: InstallOptions): Promise<InstallReport> {
  const { layout, worktree } = await findWorktreeLayout(options);
  const config = await loadConfig(worktree, { env: options.env });
  const target = await findHookTarget(layout, worktree, options.env);
  rejectSharedHooksFolder(target);
  const templates = await readHookTemplates(options.packageRoot);
  debug(`hook target ${target.kind} in ${target.dir}: ${templates.map((t) => t.name).join(', ')}`);
  if (target.kind !== 'husky') {
    for (const template of templates) await checkHookFile(target.dir, template.name);
  }

  const steps: InstallStep[] = [];
  for (const template of templates) {
    steps.push(...(await installHook(target, template, worktree, options)));
  }
  steps.push(await writeFossilGitignore(worktree, config.config.fossilDir));
  steps.push(await writeStarterConfig(worktree));

  const notes = collectNotes(target);
  return { target, steps, notes, changed: steps.some((step) => step.action !== 'unchanged') };
}

async function installHook(
  target: HookTarget,
  template: HookTemplate,
  worktree: string,
  options: InstallOptions,
): Promise<InstallStep[]> {
  const command = template.command ?? template.name;
  if (target.kind === 'husky') {
    if (template.command === null) {
      debug(`hooks/${template.name} names no footprint command, so husky gets no line for it`);
      return [];
    }
    return addHuskyLine(
      target.dir,
      { name: template.name, command },
      { worktree, huskyVersion: target.huskyVersion, footprintBin: options.footprintBin },
    );
  }
  const script = renderHookScript(template, {
    footprintBin: options.footprintBin,
    node: options.node,
  });
  return installHookFile(target.dir, template.name, script, describeHook(template.name, command));
}

function collectNotes(target: HookTarget): string[] {
  if (target.kind !== 'husky' || target.active) return [];
  return [
    'git does not run .husky hooks yet because core.hooksPath is unset. Run `npx husky` to activate them.',
  ];
}
