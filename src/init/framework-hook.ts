import path from 'node:path';
import { readOptional } from './hook-file.js';
import type { InstallStep } from './install-step.js';
import { hasLegacyFootprintHook, keepLegacyHook, removeLegacyHook } from './legacy-hook.js';
import {
  configOfPreCommitScript,
  findFrameworkHook,
  isPreCommitScript,
  type FrameworkHook,
} from './pre-commit-framework.js';

/**
 * Plan of init for a hook beside the pre-commit framework. `config`: the configuration runs
 * footprint at the pre-commit stage, so footprint's own hook would be a second run. `legacy`:
 * pre-commit's script replaced footprint's hook and runs it from `<hook>.legacy`.
 */
export type FrameworkPlan =
  { kind: 'config'; hook: FrameworkHook; scriptInstalled: boolean } | { kind: 'legacy' };

/** Returns how to install `hook` beside the pre-commit framework, or null to install it as usual. */
export async function planFrameworkHook(
  dir: string,
  hook: string,
  worktree: string,
  force: boolean,
): Promise<FrameworkPlan | null> {
  const current = await readOptional(path.join(dir, hook));
  const scriptInstalled = current !== null && isPreCommitScript(current);
  if (hook === 'pre-commit' && !force && (current === null || scriptInstalled)) {
    const found = await findFrameworkHook(worktree, configOfPreCommitScript(current));
    if (found !== null) return { kind: 'config', hook: found, scriptInstalled };
  }
  if (scriptInstalled && (await hasLegacyFootprintHook(dir, hook))) return { kind: 'legacy' };
  return null;
}

/**
 * Carries out a plan of planFrameworkHook. Under `config`, footprint's hook in
 * `<hook>.legacy` would be a second run, so it is removed.
 */
export async function installFrameworkHook(
  plan: FrameworkPlan,
  dir: string,
  hook: string,
  script: string,
): Promise<InstallStep[]> {
  if (plan.kind === 'legacy') return keepLegacyHook(dir, hook, script);

  const file = path.join(dir, hook);
  const removed = await removeLegacyHook(dir, hook, 'footprint init');
  const runs =
    `${plan.hook.config} runs footprint through pre-commit, in the hook with the id ` +
    `footprint on line ${plan.hook.line}`;
  const detail = plan.scriptInstalled
    ? `pre-commit's hook: ${runs}, so init installs no second run. ` +
      "`footprint init --force` installs footprint's hook anyway"
    : `not installed: ${runs}. Run \`pre-commit install\` so that git runs it, or ` +
      "`footprint init --force` to install footprint's own hook";
  return [{ file, action: 'unchanged', detail }, ...removed];
}
