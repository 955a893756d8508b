import { rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { editedHookStep, readOptional, writeHook } from './hook-file.js';
import { chainedHookName, HOOK_MARKER, isEditedHook } from './hook-script.js';
import type { InstallStep } from './install-step.js';
import { isPreCommitScript } from './pre-commit-framework.js';

/**
 * Returns the name under which `pre-commit install` keeps the hook it replaces. pre-commit
 * runs that file before its own hooks, with PRE_COMMIT_RUNNING_LEGACY set.
 */
export function legacyHookName(hook: string): string {
  return `${hook}.legacy`;
}

/** Returns true when `<dir>/<hook>.legacy` is footprint's hook. */
export async function hasLegacyFootprintHook(dir: string, hook: string): Promise<boolean> {
  const text = await readOptional(path.join(dir, legacyHookName(hook)));
  return text !== null && text.includes(HOOK_MARKER);
}

/**
 * Keeps footprint's hook where `pre-commit install` moved it, `<hook>.legacy`, and rewrites it
 * when its paths changed. pre-commit runs it first, so footprint runs once per commit.
 */
export async function keepLegacyHook(
  dir: string,
  hook: string,
  script: string,
): Promise<InstallStep[]> {
  const file = path.join(dir, hook);
  const legacy = path.join(dir, legacyHookName(hook));
  const framework: InstallStep = {
    file,
    action: 'unchanged',
    detail: `pre-commit's hook, which runs footprint's hook from ${legacyHookName(hook)} first`,
  };
  const text = await readOptional(legacy);
  if (text !== null && isEditedHook(text)) {
    return [framework, editedHookStep(legacy, 'footprint init')];
  }
  const detail =
    `footprint's hook, which \`pre-commit install\` moved here and pre-commit runs before ` +
    'its own hooks. `footprint init --uninstall` removes it';
  if (text === script) return [framework, { file: legacy, action: 'unchanged', detail }];
  await writeHook(legacy, script);
  return [framework, { file: legacy, action: 'updated', detail: `${detail}. Paths rewritten` }];
}

/**
 * Removes footprint's hook from `<hook>.legacy`. When `<hook>` is pre-commit's script, the
 * hook that footprint init had chained goes back as `<hook>.legacy`, where pre-commit runs
 * it. A chained copy of pre-commit's own script is deleted instead, as `<hook>` is one.
 */
export async function removeLegacyHook(
  dir: string,
  hook: string,
  command: string,
): Promise<InstallStep[]> {
  const legacy = path.join(dir, legacyHookName(hook));
  const text = await readOptional(legacy);
  if (text === null || !text.includes(HOOK_MARKER)) return [];
  if (isEditedHook(text)) return [editedHookStep(legacy, command)];

  await rm(legacy);
  const steps: InstallStep[] = [
    {
      file: legacy,
      action: 'removed',
      detail: "footprint's hook, which `pre-commit install` had moved here and pre-commit ran",
    },
  ];
  const current = await readOptional(path.join(dir, hook));
  if (current === null || !isPreCommitScript(current)) return steps;
  return [...steps, ...(await restoreChainedAsLegacy(dir, hook))];
}

async function restoreChainedAsLegacy(dir: string, hook: string): Promise<InstallStep[]> {
  const chained = path.join(dir, chainedHookName(hook));
  if (!existsSync(chained)) return [];
  const text = await readOptional(chained);
  if (text === null || text.includes(HOOK_MARKER)) return [];
  if (isPreCommitScript(text)) {
    await rm(chained);
    const detail = `a copy of pre-commit's script, which ${hook} is already`;
    return [{ file: chained, action: 'removed', detail }];
  }
  const legacy = path.join(dir, legacyHookName(hook));
  await rename(chained, legacy);
  const detail = `your hook from ${chainedHookName(hook)}, which pre-commit runs first`;
  return [{ file: legacy, action: 'restored', detail }];
}
