import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The line that marks a hook file as footprint's own, so init recognises it again. */
export const HOOK_MARKER = '# footprint-hook:';

/** The line of a hook template that names the footprint arguments it runs, for husky files. */
export const COMMAND_LINE = /^# footprint-command: (.+)$/m;

/** A template's `node_modules/.bin/footprint ARGS` line, when it has no `# footprint-command:` line. */
const LOCAL_RUN_LINE = /node_modules\/\.bin\/footprint ([^|;&\n]+)/;

/**
 * Git hooks that footprint installs when `hooks/` has a script for them, in the order git
 * runs them during a commit. `git merge` runs pre-merge-commit in place of pre-commit when it
 * commits a merge itself, and no post-commit.
 */
export const HOOK_NAMES = [
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'post-commit',
] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** Purpose of each hook, for the lines `footprint init` prints. */
const HOOK_PURPOSES: Record<HookName, string> = {
  'pre-commit': 'checks the staged change and blocks a risky commit',
  'pre-merge-commit':
    'checks a merge that `git merge` commits without conflicts, and blocks a risky one',
  'prepare-commit-msg': 'suggests a commit message in comment lines',
  'post-commit': 'records the outcome fossil of each commit',
};

/** One script of footprint's `hooks/` folder. */
export interface HookTemplate {
  name: HookName;
  text: string;
  /** footprint's arguments as a husky hook file runs them, e.g. `precommit`; null if unknown. */
  command: string | null;
}

export interface BakedPaths {
  /** Absolute path of footprint's `bin/footprint.js`. */
  footprintBin: string;
  /** Absolute path of the node binary that ran `footprint init`. */
  node: string;
  /** Absolute path of the global hook of the same name, which the hook runs first. */
  globalHook?: string;
}

/** Returns the file name an existing hook gets when footprint's hook replaces it and runs it first. */
export function chainedHookName(hook: string): string {
  return `${hook}.footprint-chained`;
}

/** Reads the hook scripts in `<packageRoot>/hooks`, in HOOK_NAMES order; a missing one is left out. */
export async function readHookTemplates(packageRoot: string): Promise<HookTemplate[]> {
  const templates: HookTemplate[] = [];
  for (const name of HOOK_NAMES) {
    const text = await readTemplate(path.join(packageRoot, 'hooks', name));
    if (text !== null) templates.push({ name, text, command: findCommand(text) });
  }
  return templates;
}

/**
 * Fills a hook template with the paths of the footprint and node that installed it, which the
 * hook uses when neither the repository nor PATH provides them.
 */
export function renderHookScript(template: HookTemplate, baked: BakedPaths): string {
  return sealHookScript(renderPaths(template, baked));
}

function renderPaths(template: HookTemplate, baked: BakedPaths): string {
  return template.text
    .replace(
      /^installed_footprint=''$/m,
      () => `installed_footprint=${quoteShell(baked.footprintBin)}`,
    )
    .replace(/^installed_node=''$/m, () => `installed_node=${quoteShell(baked.node)}`)
    .replace(/^global_hook=''$/m, () => `global_hook=${quoteShell(baked.globalHook ?? '')}`);
}

/** The line that records a digest of a hook as init wrote it, after the marker line. */
const DIGEST_LINE = /^# footprint-digest: [0-9a-f]{16}\n/m;

function digestOf(script: string): string {
  return createHash('sha256').update(script.replace(DIGEST_LINE, '')).digest('hex').slice(0, 16);
}

/** Adds the digest line after the marker line, so a later init can tell whether anyone edited it. */
function sealHookScript(script: string): string {
  const markerEnd = script.indexOf('\n', script.indexOf(HOOK_MARKER)) + 1;
  if (markerEnd === 0) return script;
  const digest = `# footprint-digest: ${digestOf(script)}\n`;
  return `${script.slice(0, markerEnd)}${digest}${script.slice(markerEnd)}`;
}

/**
 * Returns true when footprint's hook was edited since init wrote it: its digest line no longer
 * matches the rest. A hook of an earlier footprint has no digest line and counts as unedited.
 */
export function isEditedHook(text: string): boolean {
  const recorded = /^# footprint-digest: ([0-9a-f]{16})$/m.exec(text)?.[1];
  return recorded !== undefined && recorded !== digestOf(text);
}

/**
 * Describes a hook for init's report, such as "runs `footprint fossils record-outcome`, which
 * records the outcome fossil of each commit".
 */
export function describeHook(name: HookName, command: string): string {
  return `runs \`footprint ${footprintWords(command)}\`, which ${HOOK_PURPOSES[name]}`;
}

/** Returns the footprint subcommand of a hook's command, without shell arguments such as `"$@"`. */
export function footprintWords(command: string): string {
  return command
    .split(/\s+/)
    .filter((word) => /^[\w-]+$/.test(word))
    .join(' ');
}

/** Quotes a value for POSIX sh: single quotes, with each `'` written as `'\''`. */
export function quoteShell(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function findCommand(text: string): string | null {
  const declared = COMMAND_LINE.exec(text)?.[1];
  if (declared !== undefined) return declared.trim();
  return LOCAL_RUN_LINE.exec(text)?.[1]?.trim() ?? null;
}

async function readTemplate(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
