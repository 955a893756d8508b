import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { RepositoryLayout } from '../git/types.js';
import { HOOK_MARKER } from './hook-script.js';
import type { HookTarget } from './hook-target.js';
import { hasLocalFootprint } from './husky.js';
import type { InstallStep } from './install-step.js';
import { readProjectInstall } from './project-install.js';
import { commitState } from './tracked.js';

/** The error line of the installed pre-commit hook on a machine where it finds no footprint. */
const NOT_FOUND = '"footprint: the footprint command was not found"';

/**
 * Returns a note when init wrote footprint's hooks into a core.hooksPath folder that git
 * commits with the project, such as a team's `.githooks`. The hooks name this machine's
 * footprint and node as their last resort. Without footprint in `node_modules`, a teammate's
 * commits stop, so the note comes on every run until the project installs footprint. With it,
 * teammates need only install the dependencies, and the note comes when init changed a hook.
 * A hooks folder reached through a symlink, such as `.git/hooks` linked to `../.githooks`, is
 * treated as the folder the link points to.
 */
export async function hooksFolderNote(
  target: HookTarget,
  layout: RepositoryLayout,
  steps: readonly InstallStep[],
  footprintBin: string,
): Promise<string | null> {
  if (target.kind === 'husky' || layout.worktree === null) return null;
  const resolvedFolder = await realpath(target.dir).catch(() => target.dir);
  const preCommit = path.join(resolvedFolder, 'pre-commit');
  const hooks = steps.filter((step) => path.dirname(step.file) === target.dir);
  // A hook of the user's own that runs footprint stays in place of footprint's hook.
  const text = await readFile(preCommit, 'utf8').catch(() => '');
  if (!text.includes(HOOK_MARKER)) return null;
  const state = await commitState(layout, preCommit);
  if (state === null) return null;

  const worktree = layout.worktree;
  const folder = path.relative(worktree, resolvedFolder).split(path.sep).join('/');
  const file = `${folder}/pre-commit`;
  const committed =
    state === 'tracked'
      ? `git tracks ${folder}`
      : `git does not ignore ${folder}, so it can be committed`;
  if (!hasLocalFootprint(worktree)) {
    return (
      `footprint's hooks in ${folder} run ${footprintBin}, a path on this machine only, because ` +
      `the project does not install footprint, and ${committed}. For a teammate without ` +
      `footprint at that path, ${file} stops every commit with ${NOT_FOUND}. Before committing ` +
      `${folder}, run \`npm install --save-dev footprint-cli\` and \`npx footprint init\` ` +
      "again, so the hooks run the project's footprint."
    );
  }
  if (hooks.every((step) => step.action === 'unchanged')) return null;
  const install = readProjectInstall(worktree)?.command ?? 'npm install';
  return (
    `footprint's hooks in ${folder} run the project's footprint from node_modules/.bin, with ` +
    `${footprintBin} and this machine's node only as a last resort, and ${committed}. For a ` +
    `teammate who has not installed the dependencies, ${file} stops every commit with ` +
    `${NOT_FOUND}, so teammates run \`${install}\` before they commit.`
  );
}
