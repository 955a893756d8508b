import { chmod, lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { chainedHookName, COMMAND_LINE, HOOK_MARKER, isEditedHook } from './hook-script.js';
import { runsFootprintCommand } from './husky.js';
import type { InstallStep } from './install-step.js';

/**
 * Throws when `<dir>/<hook>` is another tool's hook and the chained name is taken too, so
 * footprint could keep only one of them. Called for every hook before any file is written.
 */
export async function checkHookFile(dir: string, hook: string): Promise<void> {
  const file = path.join(dir, hook);
  const existing = await readOptional(file);
  if (existing === null || existing.includes(HOOK_MARKER)) return;

  const chained = path.join(dir, chainedHookName(hook));
  if (!existsSync(chained)) return;
  throw new UserError(
    `Both ${file} (not footprint's) and ${chained} exist, so footprint cannot keep both. ` +
      `Merge them into ${chained}, delete ${file}, and run \`footprint init\` again.`,
  );
}

/**
 * Writes footprint's hook as `<dir>/<hook>`. An earlier footprint hook is replaced only when
 * its text differs. Any other hook is kept: it is renamed to `<hook>.footprint-chained`,
 * which footprint's hook runs first, so a failing chained pre-commit still blocks the commit.
 */
export async function installHookFile(
  dir: string,
  hook: string,
  script: string,
  /** Description of the hook for the report, from `describeHook`. */
  description: string,
): Promise<InstallStep[]> {
  const file = path.join(dir, hook);
  await mkdir(dir, { recursive: true });

  const existing = await readOptional(file);
  if (existing === script)
    return [{ file, action: 'unchanged', detail: 'footprint hook already installed' }];
  if (existing !== null && existing.includes(HOOK_MARKER)) {
    if (isEditedHook(existing)) return [editedHookStep(file, 'footprint init')];
    await writeHook(file, script);
    return [{ file, action: 'updated', detail: 'footprint hook rewritten with the current paths' }];
  }
  if (existing === null) {
    await writeHook(file, script);
    return [{ file, action: 'created', detail: description }];
  }
  // A hook of one's own that runs footprint already would run it twice once chained.
  const command = COMMAND_LINE.exec(script)?.[1];
  if (command !== undefined && runsFootprintCommand(existing, command)) {
    return [{ file, action: 'unchanged', detail: `already runs footprint ${command}` }];
  }

  await checkHookFile(dir, hook);
  const chained = path.join(dir, chainedHookName(hook));
  await rename(file, chained);
  await writeHook(file, script);
  return [
    { file: chained, action: 'chained', detail: 'your existing hook, run before footprint' },
    { file, action: 'created', detail: `${description}, after the chained hook` },
  ];
}

/**
 * Removes footprint's `<dir>/<hook>` and puts a chained hook back under its own name. A hook
 * without footprint's marker is another tool's and stays. Another hook manager may have
 * deleted or replaced footprint's hook. The chained hook then goes back when its name is free,
 * and is reported when it is not.
 */
export async function uninstallHookFile(dir: string, hook: string): Promise<InstallStep[]> {
  const file = path.join(dir, hook);
  const chained = path.join(dir, chainedHookName(hook));
  const existing = await readOptional(file);
  if (existing === null) {
    if (!existsSync(chained)) return [];
    await rename(chained, file);
    return [{ file, action: 'restored', detail: `your hook from ${chainedHookName(hook)}` }];
  }
  if (!existing.includes(HOOK_MARKER)) {
    return [
      { file, action: 'unchanged', detail: "not footprint's hook, kept" },
      ...keptChainedHookStep(chained, hook),
    ];
  }
  if (isEditedHook(existing)) return [editedHookStep(file, 'footprint init --uninstall')];

  if (!existsSync(chained)) {
    await rm(file);
    return [{ file, action: 'removed', detail: 'footprint hook' }];
  }
  await rename(chained, file);
  return [{ file, action: 'restored', detail: `your hook from ${chainedHookName(hook)}` }];
}

/**
 * Returns the step that reports a chained hook whose name another tool's hook now has, or no
 * step when there is no chained hook.
 */
function keptChainedHookStep(chained: string, hook: string): InstallStep[] {
  if (!existsSync(chained)) return [];
  const detail =
    `the hook footprint init chained, kept because ${hook} is another tool's hook now: ` +
    `compare the two, then delete ${chainedHookName(hook)} or move its lines into ${hook}`;
  return [{ file: chained, action: 'unchanged', detail }];
}

/** Returns the step for footprint's hook kept because someone added lines, which a rewrite would lose. */
/** The start of the detail of a footprint hook kept because someone edited it. */
export const EDITED_HOOK_DETAIL = "footprint's hook with your edits, kept";

function editedHookStep(file: string, command: string): InstallStep {
  const detail =
    `${EDITED_HOOK_DETAIL}: move your lines to a hook of your own or delete ` +
    `the file, then run ${command} again`;
  return { file, action: 'unchanged', detail };
}

async function writeHook(file: string, script: string): Promise<void> {
  await writeFile(file, script, { mode: 0o755 });
  await chmod(file, 0o755);
}

/**
 * Returns a hook file's text, or null when there is none. A hook path that is a folder, a
 * link loop or a named pipe (whose read would wait for a writer) cannot hold footprint's
 * hook, and nothing there is replaced.
 */
async function readOptional(file: string): Promise<string | null> {
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !(await isLink(file))) return null;
    throw notAHookFile(file, code ?? String(error));
  }
  if (!stats.isFile()) throw notAHookFile(file, 'not a regular file');
  return readFile(file, 'utf8');
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

function notAHookFile(file: string, reason: string): UserError {
  return new UserError(
    `${file} cannot hold a hook (${reason === 'ENOENT' ? 'a link to a missing file' : reason}). ` +
      'Remove it or move it away, then run `footprint init` again.',
  );
}
