import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { chainedHookName, COMMAND_LINE, HOOK_MARKER, isEditedHook } from './hook-script.js';
import { runsFootprintCommand } from './husky.js';
import type { InstallStep } from './install-step.js';

/**
 * Throws when `<dir>/<hook>` is another tool's hook and the chained name is taken too, so
 * footprint could keep only one of them. Called for every hook before any file is written.
 * An unedited copy of footprint's own hook in the chained slot does not count, because init
 * removes it (see removeFootprintCopy).
 */
export async function checkHookFile(dir: string, hook: string): Promise<void> {
  const file = path.join(dir, hook);
  const existing = await readOptional(file);
  if (existing === null || existing.includes(HOOK_MARKER)) return;

  const chained = path.join(dir, chainedHookName(hook));
  if (!existsSync(chained)) return;
  const chainedText = await readOptional(chained);
  if (chainedText !== null && isUneditedCopy(chainedText)) return;
  throw new UserError(
    `Both ${file} (not footprint's) and ${chained} exist, so footprint cannot keep both. ` +
      `Merge them into ${chained}, delete ${file}, and run \`footprint init\` again.`,
  );
}

/**
 * Writes footprint's hook as `<dir>/<hook>`. An earlier footprint hook is replaced only when
 * its text differs. Any other hook is kept: it moves to `<hook>.footprint-chained`, which
 * footprint's hook runs first, so a failing chained pre-commit still blocks the commit. The
 * caller holds the hooks folder's lock (see withHooksLock).
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
  const repaired = await removeFootprintCopy(dir, hook);

  const existing = await readOptional(file);
  if (existing === script) {
    return [...repaired, { file, action: 'unchanged', detail: 'footprint hook already installed' }];
  }
  if (existing !== null && existing.includes(HOOK_MARKER)) {
    if (isEditedHook(existing)) return [...repaired, editedHookStep(file, 'footprint init')];
    return [...repaired, await rewriteHook(dir, file, script)];
  }
  if (existing === null) {
    await writeHook(file, script);
    return [...repaired, { file, action: 'created', detail: description }];
  }
  // A hook of one's own that runs footprint already would run it twice once chained.
  const command = COMMAND_LINE.exec(script)?.[1];
  if (command !== undefined && runsFootprintCommand(existing, command)) {
    return [
      ...repaired,
      { file, action: 'unchanged', detail: `already runs footprint ${command}` },
    ];
  }

  await checkHookFile(dir, hook);
  const chained = path.join(dir, chainedHookName(hook));
  await chainHook(file, chained);
  await writeHook(file, script);
  return [
    ...repaired,
    { file: chained, action: 'chained', detail: 'your existing hook, run before footprint' },
    { file, action: 'created', detail: `${description}, after the chained hook` },
  ];
}

/**
 * Removes footprint's `<dir>/<hook>` and puts a chained hook back under its own name. A hook
 * without footprint's marker is another tool's and stays. Another hook manager may have
 * deleted or replaced footprint's hook. The chained hook then goes back when its name is free,
 * and is reported when it is not. A copy of footprint's own hook in the chained slot is not
 * the user's hook, so it is removed, never restored.
 */
export async function uninstallHookFile(dir: string, hook: string): Promise<InstallStep[]> {
  const file = path.join(dir, hook);
  const chained = path.join(dir, chainedHookName(hook));
  const existing = await readOptional(file);
  if (existing !== null && !existing.includes(HOOK_MARKER)) {
    return [
      { file, action: 'unchanged', detail: "not footprint's hook, kept" },
      ...keptChainedHookStep(chained, hook),
    ];
  }
  if (existing !== null && isEditedHook(existing)) {
    return [editedHookStep(file, 'footprint init --uninstall')];
  }

  const copySteps = await removeFootprintCopy(dir, hook);
  if (!existsSync(chained)) {
    if (existing === null) return copySteps;
    await rm(file);
    return [{ file, action: 'removed', detail: 'footprint hook' }, ...copySteps];
  }
  if (copySteps.length > 0) return copySteps;
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

export function editedHookStep(file: string, command: string): InstallStep {
  const detail =
    `${EDITED_HOOK_DETAIL}: move your lines to a hook of your own or delete ` +
    `the file, then run ${command} again`;
  return { file, action: 'unchanged', detail };
}

/**
 * Writes a hook to a temporary file beside it and renames that over `file`, so git never runs
 * a half-written hook, and a link or hard link at `file` is replaced, not written through.
 */
export async function writeHook(file: string, script: string): Promise<void> {
  const temporary = `${file}.footprint-new`;
  try {
    await writeFile(temporary, script, { mode: 0o755 });
    await chmod(temporary, 0o755);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Rewrites footprint's hook at `file`. When `file` is a link to a hook outside the hooks
 * folder, such as footprint's hook of another repository, the link itself is replaced, so
 * that repository's hook stays as it is.
 */
async function rewriteHook(dir: string, file: string, script: string): Promise<InstallStep> {
  const rewritten = 'footprint hook rewritten with the current paths';
  if (!(await isLink(file))) {
    await writeHook(file, script);
    return { file, action: 'updated', detail: rewritten };
  }
  const target = await realpath(file);
  const inside = path.relative(await realpath(dir), target);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    await writeHook(target, script);
    return { file, action: 'updated', detail: `${rewritten}, in ${target}, which the link names` };
  }
  await writeHook(file, script);
  const detail =
    `the link to ${target}, a footprint hook outside this hooks folder, replaced by ` +
    "footprint's hook for this repository, and the file it named is unchanged";
  return { file, action: 'updated', detail };
}

/**
 * Moves `file` into the free name `chained` without ever replacing a file there. A hard link
 * (a copy where the file system has none) or a new link with the same target is created with
 * O_EXCL semantics, and the caller then replaces `file`. A concurrent init that got there
 * first makes this throw instead of overwriting the hook it chained.
 */
async function chainHook(file: string, chained: string): Promise<void> {
  const stats = await lstat(file);
  try {
    if (stats.isSymbolicLink()) {
      await symlink(await readlink(file), chained);
    } else {
      await linkOrCopy(file, chained, stats.mode & 0o7777);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw chainedTakenError(file, chained);
  }

  // Only a footprint without the hooks lock can have replaced `file` since it was read.
  const chainedText = await readOptional(chained);
  if (chainedText !== null && chainedText.includes(HOOK_MARKER)) {
    await rm(chained);
    throw chainedTakenError(file, chained);
  }
}

/** Error codes of link(2) on a file system without hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function linkOrCopy(file: string, chained: string, mode: number): Promise<void> {
  try {
    await link(file, chained);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(file, chained, constants.COPYFILE_EXCL);
    await chmod(chained, mode);
  }
}

function chainedTakenError(file: string, chained: string): UserError {
  return new UserError(
    `${chained} appeared while footprint init was chaining ${file}, so init left both ` +
      'as they are. Another init may be running: wait for it, then run `footprint init` again.',
  );
}

/** Detail of the step that removes a copy of footprint's own hook from the chained slot. */
const COPY_DETAIL =
  "a copy of footprint's own hook, not a hook of yours: it made each commit run the hook " +
  'again without end. No hook of yours was left in this folder to restore';

/**
 * Removes an unedited copy of footprint's own hook from `<hook>.footprint-chained`, where an
 * earlier footprint without the hooks lock could leave it when two inits ran at once. An
 * edited copy stays, and footprint's hook skips it with a warning.
 */
async function removeFootprintCopy(dir: string, hook: string): Promise<InstallStep[]> {
  const chained = path.join(dir, chainedHookName(hook));
  if (!existsSync(chained)) return [];
  const text = await readOptional(chained);
  if (text === null || !text.includes(HOOK_MARKER)) return [];
  if (isEditedHook(text)) {
    const detail =
      "a copy of footprint's own hook with edits, which footprint's hook skips: move your " +
      `lines to a hook of your own and delete ${chainedHookName(hook)}`;
    return [{ file: chained, action: 'unchanged', detail }];
  }
  await rm(chained);
  return [{ file: chained, action: 'removed', detail: COPY_DETAIL }];
}

function isUneditedCopy(text: string): boolean {
  return text.includes(HOOK_MARKER) && !isEditedHook(text);
}

/**
 * Returns a hook file's text, or null when there is none. A hook path that is a folder, a
 * link loop or a named pipe (whose read would wait for a writer) cannot hold footprint's
 * hook, and nothing there is replaced.
 */
export async function readOptional(file: string): Promise<string | null> {
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
