import { existsSync } from 'node:fs';
import path from 'node:path';
import { footprintInvocation } from '../output/footprint-invocation.js';
import type { CommandContext } from './context.js';
import { findPackageRoot } from './package-info.js';

/**
 * Returns the folder where npm looks for a command that `npx` runs from `folder`: the nearest
 * folder at or above it that has a package.json or a node_modules folder, or null.
 */
function npmPrefixOf(folder: string): string | null {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, 'node_modules'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Returns true when `npx footprint` run in `folder` starts this footprint: its package sits in
 * the node_modules of the project npm finds from there, which links its command into
 * `node_modules/.bin`. A global install or another project's copy gives false.
 */
export function runsThroughNpx(packageRoot: string, folder: string): boolean {
  const segments = packageRoot.split(path.sep);
  const at = segments.indexOf('node_modules');
  if (at <= 0) return false;

  const project = segments.slice(0, at).join(path.sep) || path.sep;
  if (npmPrefixOf(folder) !== project) return false;
  return existsSync(path.join(project, 'node_modules', '.bin', 'footprint'));
}

/**
 * Returns the start of footprint commands in a command's advice: `npx footprint` when this
 * footprint is the project's own dependency, which a shell does not find on PATH, else
 * `footprint`, with the run's `--cwd` (see footprintInvocation).
 */
export function adviceInvocation(context: CommandContext): string {
  return footprintInvocation(context.line.cwd, runsThroughNpx(findPackageRoot(), context.cwd));
}
