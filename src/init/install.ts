import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { RepositoryLayout } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { installFrameworkHook, planFrameworkHook } from './framework-hook.js';
import { checkHookFile, installHookFile } from './hook-file.js';
import {
  describeHook,
  HOOK_MARKER,
  readHookTemplates,
  renderHookScript,
  type HookTemplate,
} from './hook-script.js';
import { hooksFolderNote } from './hooks-folder-note.js';
import { withHooksLock } from './hooks-lock.js';
import { findHookTarget, sameFolder, type HookTarget } from './hook-target.js';
import { globalHookFor, globalHooksAdvice, rejectSharedHooksFolder } from './global-hooks.js';
import {
  addHuskyLine,
  checkHuskyFile,
  hasLocalFootprint,
  projectRunsFootprint,
  runsMachinePath,
} from './husky.js';
import type { InstallStep } from './install-step.js';
import { simpleGitHooksNote } from './simple-git-hooks.js';
import { learnNote } from './learn-note.js';
import { readProjectInstall, type ProjectInstall } from './project-install.js';
import { findWorktreeLayout } from './worktree-layout.js';
import { checkFossilGitignore, writeFossilGitignore, writeStarterConfig } from './starter-files.js';

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
  /** Start of a footprint command in the advice (see footprintInvocation); default `footprint`. */
  invocation?: string;
  /** `init --force`: install the pre-commit hook even when pre-commit's configuration runs footprint. */
  force?: boolean;
}

export interface InstallReport {
  /** Absolute path of the worktree root. */
  worktree: string;
  target: HookTarget;
  steps: InstallStep[];
  /** Reasons git does not run the installed hooks yet, each with how to activate them. */
  notes: string[];
  /** Things to do about an installation that works, such as files to delete. */
  advice: string[];
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
  const templates = await readHookTemplates(options.packageRoot);
  const hookNames = templates.map((template) => template.name);
  const invocation = options.invocation ?? 'footprint';
  rejectSharedHooksFolder(target, layout, hookNames, { worktree, invocation });
  debug(`hook target ${target.kind} in ${target.dir}: ${templates.map((t) => t.name).join(', ')}`);
  const steps = await withHooksLock(target.dir, { create: target.kind !== 'husky' }, async () => {
    for (const template of templates) await checkHook(target, template, worktree, options);
    checkFossilGitignore(worktree, config.config.fossilDir);

    const hookSteps: InstallStep[] = [];
    for (const template of templates) {
      hookSteps.push(...(await installHook(target, template, worktree, options)));
    }
    return hookSteps;
  });
  steps.push(await writeFossilGitignore(layout, worktree, config.config.fossilDir));
  steps.push(await writeStarterConfig(worktree));

  const notes = collectNotes(target, layout, worktree);
  const advice = [
    globalHooksAdvice(target, hookNames),
    await absoluteHuskyLineNote(target, worktree, templates, options.footprintBin),
    await hooksFolderNote(target, layout, steps, options.footprintBin),
    await staleHooksNote(target, layout, templates),
    lefthookNote(target, worktree),
    simpleGitHooksNote(worktree, writesGitDirHooks(target, layout)),
    await learnNote(layout, worktree, config.config, options.invocation ?? 'footprint'),
  ].filter((text) => text !== null);
  const changed = steps.some((step) => step.action !== 'unchanged');
  return { worktree, target, steps, notes, advice, changed };
}

/** Throws when the hook of `template` cannot be installed, before any file is written. */
async function checkHook(
  target: HookTarget,
  template: HookTemplate,
  worktree: string,
  options: InstallOptions,
): Promise<void> {
  if (target.kind !== 'husky') {
    const force = options.force ?? false;
    if (await planFrameworkHook(target.dir, template.name, worktree, force)) return;
    await checkHookFile(target.dir, template.name);
    return;
  }
  if (template.command === null) return;
  await checkHuskyFile(
    target.dir,
    { name: template.name, command: template.command },
    {
      worktree,
      huskyVersion: target.huskyVersion,
      footprintBin: options.footprintBin,
      node: options.node,
    },
  );
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
      {
        worktree,
        huskyVersion: target.huskyVersion,
        footprintBin: options.footprintBin,
        node: options.node,
      },
    );
  }
  const globalHook = globalHookFor(target, template.name);
  const script = renderHookScript(template, {
    footprintBin: options.footprintBin,
    node: options.node,
    ...(globalHook === undefined ? {} : { globalHook }),
  });
  const force = options.force ?? false;
  const plan = await planFrameworkHook(target.dir, template.name, worktree, force);
  if (plan !== null) return installFrameworkHook(plan, target.dir, template.name, script);
  return installHookFile(target.dir, template.name, script, describeHook(template.name, command));
}

/**
 * Returns a note when a husky line runs footprint by an absolute path, because the project
 * neither installs footprint nor lists it in package.json. `.husky/` is committed, and on
 * another clone, or once npx has cleaned its cache, that path is gone and every commit fails.
 */
async function absoluteHuskyLineNote(
  target: HookTarget,
  worktree: string,
  templates: readonly HookTemplate[],
  footprintBin: string,
): Promise<string | null> {
  if (target.kind !== 'husky' || projectRunsFootprint(worktree)) return null;
  const hooks = templates.flatMap((template) =>
    template.command === null ? [] : [{ name: template.name, command: template.command }],
  );
  if (!(await runsMachinePath(target.dir, hooks))) return null;
  return (
    `The husky hooks run ${footprintBin}, a path on this machine only, because the project does not install footprint. ` +
    "Before committing .husky, run `npm install --save-dev footprint-cli` and `npx footprint init` again, so the hooks run the project's footprint."
  );
}

/** Configuration files of lefthook, which `lefthook install` reads. */
const LEFTHOOK_CONFIGS = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'];

/**
 * Returns a note when the project configures lefthook. `lefthook install` (run by its npm
 * package after every install) renames the hooks it finds to `<hook>.old` and never runs
 * them, so footprint would stop without a word.
 */
function lefthookNote(target: HookTarget, worktree: string): string | null {
  if (target.kind === 'husky') return null;
  const config = LEFTHOOK_CONFIGS.find((name) => existsSync(path.join(worktree, name)));
  if (config === undefined) return null;
  return (
    `This project configures lefthook (${config}), and \`lefthook install\` replaces these hooks and never runs them. ` +
    `Add footprint to ${config} as the README's lefthook section shows, and run \`footprint init --uninstall\`.`
  );
}

/**
 * Returns true when core.hooksPath makes git run the hooks of a folder other than
 * `defaultDir`. The folders are compared as real paths, because a link can name `.git/hooks`.
 */
function runsOtherHooks(target: HookTarget, defaultDir: string): boolean {
  if (target.kind === 'git-dir' || (target.kind === 'husky' && !target.active)) return false;
  return !sameFolder(target.dir, defaultDir);
}

/** Returns true when init wrote its hooks to the git directory's own `hooks/` folder. */
function writesGitDirHooks(target: HookTarget, layout: RepositoryLayout): boolean {
  if (target.kind === 'husky') return false;
  return sameFolder(target.dir, path.join(layout.commonDir, 'hooks'));
}

/**
 * Returns a note when `.git/hooks` still has hooks an earlier `footprint init` wrote there,
 * but git now runs another folder's hooks, such as after `husky init` set core.hooksPath.
 */
async function staleHooksNote(
  target: HookTarget,
  layout: RepositoryLayout,
  templates: readonly HookTemplate[],
): Promise<string | null> {
  const defaultDir = path.join(layout.commonDir, 'hooks');
  if (!runsOtherHooks(target, defaultDir)) return null;

  const stale: string[] = [];
  for (const template of templates) {
    const text = await readFile(path.join(defaultDir, template.name), 'utf8').catch(() => '');
    if (text.includes(HOOK_MARKER)) stale.push(template.name);
  }
  if (stale.length === 0) return null;
  return (
    `git no longer runs the hooks an earlier footprint init wrote to ${defaultDir} (${stale.join(', ')}), because it runs ${target.dir} now. ` +
    'Delete them; the hooks just installed replace them.'
  );
}

function collectNotes(target: HookTarget, layout: RepositoryLayout, worktree: string): string[] {
  if (target.kind !== 'husky') return [];
  const project = readProjectInstall(worktree);
  if (!target.active) return [inactiveHuskyNote(worktree, project)];
  const installCommand = project?.command ?? 'npm install';
  const note = missingHuskyRuntimeNote(target.dir, target.huskyVersion, layout, installCommand);
  return note === null ? [] : [note];
}

/**
 * Returns the note for a `.husky` folder that git does not run yet. In a fresh clone of a
 * project that installs footprint, `npx husky` alone would make every commit fail with
 * `footprint: not found`, so the note names the install command first.
 */
function inactiveHuskyNote(worktree: string, project: ProjectInstall | null): string {
  const reason = 'git does not run .husky hooks yet because core.hooksPath is unset';
  if (project === null || !project.installsFootprint || hasLocalFootprint(worktree)) {
    return `${reason}. Run \`npx husky\` to activate them.`;
  }
  const missing = 'node_modules has no footprint for them to run';
  const install = `${reason}, and ${missing}. Run \`${project.command}\``;
  if (project.activatesHusky) {
    return (
      `${install}: it installs footprint, and the \`prepare\` script (\`husky\`) then ` +
      'activates the hooks.'
    );
  }
  return `${install}, which installs footprint, then \`npx husky\` to activate them.`;
}

/**
 * Returns a note when core.hooksPath is husky 9's `.husky/_` but that folder has no
 * `pre-commit`. husky writes the folder when it runs (`npx husky`, or npm's `prepare` script
 * on `npm install`), and git does not track it, so a fresh clone or a new linked worktree has
 * none. git then finds no hook and runs none, without a word.
 */
function missingHuskyRuntimeNote(
  huskyDir: string,
  huskyVersion: 'v9' | 'v8',
  layout: RepositoryLayout,
  installCommand: string,
): string | null {
  const runtime = path.join(huskyDir, '_');
  if (huskyVersion !== 'v9' || existsSync(path.join(runtime, 'pre-commit'))) return null;

  const reason = layout.isLinkedWorktree
    ? 'so `git worktree add` leaves it out'
    : `and ${runtime} has no pre-commit`;
  return (
    `git runs no hook in this worktree yet: core.hooksPath is .husky/_, which husky writes ` +
    `and git does not track, ${reason}. Run \`${installCommand}\` here: it installs ` +
    'footprint, and the `prepare` script that `husky init` adds writes .husky/_. Without that ' +
    'script, run `npx husky` after it.'
  );
}
