import { accessSync, constants, lstatSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { footprintInvocation, gitCommandStart } from '../output/footprint-invocation.js';
import { shellPath } from '../output/shell-quote.js';
import type { CommandContext } from './context.js';
import { findPackageRoot } from './package-info.js';

const COMMAND = 'footprint';

/** Facts that decide how a printed command reaches this footprint. */
export interface CommandSearch {
  /** Absolute path of this installation's `bin/footprint.js`. */
  bin: string;
  /** Absolute folder the printed command is run in. */
  folder: string;
  /** The PATH variable footprint runs with, which a shell searches for `footprint`. */
  pathVariable: string | undefined;
}

/**
 * Returns the words that start a command that runs this footprint when pasted in
 * `search.folder`: `footprint` when a PATH search finds this installation first, else
 * `npx footprint` when npx finds it from that folder, else `node BIN` with the bin's path
 * quoted for a shell. It makes a few stat calls and starts no process.
 */
export function footprintCommand(search: CommandSearch): string {
  const bin = fileStats(search.bin);
  if (bin !== undefined) {
    if (pathFinds(search.pathVariable, bin)) return COMMAND;
    if (npxFinds(search.folder, search.bin, bin)) return `npx ${COMMAND}`;
  }
  return `node ${shellPath(search.bin)}`;
}

/**
 * Returns the start of footprint commands in a command's advice: the command that runs this
 * footprint from the folder footprint was started in (see footprintCommand), followed by the
 * run's `--cwd` (see footprintInvocation).
 */
export function adviceInvocation(context: CommandContext): string {
  return footprintInvocation(context.line.cwd, commandStartIn(context, context.processCwd));
}

/** Returns the start of git commands in a command's advice (see gitCommandStart). */
export function adviceGitCommand(context: CommandContext): string {
  return gitCommandStart(context.line.cwd);
}

/** Returns the words that start this footprint in a command run in `folder`. */
export function commandStartIn(context: CommandContext, folder: string): string {
  return commandStartWith(context.env, folder);
}

/**
 * Returns the words that start this footprint in a command run in `folder`, for code that has
 * the process's environment but no CommandContext yet.
 */
export function commandStartWith(env: NodeJS.ProcessEnv, folder: string): string {
  const bin = path.join(findPackageRoot(), 'bin', 'footprint.js');
  return footprintCommand({ bin, folder, pathVariable: env['PATH'] });
}

/**
 * Returns true when a shell's PATH search for `footprint` finds `bin` first, also through a
 * symbolic link. npm and npx put `node_modules/.bin` folders on PATH for the commands they
 * start, and a relative folder depends on the shell's folder, so both are skipped.
 */
function pathFinds(pathVariable: string | undefined, bin: Stats): boolean {
  // NOTE: Windows searches for `footprint.cmd` and its kin, which this does not, so there
  // the advice names npx or the bin's path.
  for (const folder of (pathVariable ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(folder) || isPackageBinFolder(folder)) continue;
    const found = executableStats(path.join(folder, COMMAND));
    if (found !== undefined) return sameFile(found, bin);
  }
  return false;
}

/**
 * Returns true when `npx footprint` run in `folder` starts `binPath`. npx of npm 11.19 runs the
 * first `node_modules/.bin/footprint` file from its project folder up to the root. That project
 * folder is the nearest one at or above `folder` with a package.json or a node_modules, so no
 * `node_modules/.bin` lies between the two, and the search can start at `folder`.
 */
function npxFinds(folder: string, binPath: string, bin: Stats): boolean {
  // NOTE: in an npm workspace npm starts at the workspace root instead, so a workspace's own
  // `node_modules/.bin/footprint` counts here but not for npx.
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    const link = path.join(modules, '.bin', COMMAND);
    const found = fileStats(link);
    if (found !== undefined) return sameFile(found, bin) || isShimFor(link, binPath, modules);
    if (path.dirname(dir) === dir) return false;
  }
}

/** Returns true for a folder named `node_modules/.bin`, where package managers link commands. */
function isPackageBinFolder(folder: string): boolean {
  const normalized = path.normalize(folder);
  return (
    path.basename(normalized) === '.bin' &&
    path.basename(path.dirname(normalized)) === 'node_modules'
  );
}

/**
 * Returns true when `link` is a script, not a symbolic link, and `binPath` sits in the same
 * `modules` folder. pnpm links a package's command with such a script, which names the bin.
 */
function isShimFor(link: string, binPath: string, modules: string): boolean {
  if (!binPath.startsWith(modules + path.sep)) return false;
  try {
    return !lstatSync(link).isSymbolicLink();
  } catch {
    return false;
  }
}

function sameFile(left: Stats, right: Stats): boolean {
  return left.dev === right.dev && left.ino === right.ino;
}

/** Returns the stats of a regular file, following symbolic links, or undefined. */
function fileStats(file: string): Stats | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() === true ? stats : undefined;
  } catch {
    // ENOTDIR, EACCES and a link loop mean no command there, as for a shell.
    return undefined;
  }
}

/** Returns the stats of a regular file this process may execute, or undefined. */
function executableStats(file: string): Stats | undefined {
  const stats = fileStats(file);
  if (stats === undefined) return undefined;
  try {
    accessSync(file, constants.X_OK);
    return stats;
  } catch {
    return undefined;
  }
}
