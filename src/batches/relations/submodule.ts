import type { FileChange } from '../../footprint/types.js';
import { link, mainUnitOf, type AnalysisContext, type Link } from './context.js';

const GITLINK = '160000';
const GITMODULES = '.gitmodules';

/** Returns true when the change adds, removes or moves a submodule, which `.gitmodules` lists. */
function changesSubmoduleEntry(file: FileChange): boolean {
  const gitlink = file.oldMode === GITLINK || file.newMode === GITLINK;
  return gitlink && file.status !== 'modified';
}

/**
 * Links each submodule the change adds, removes or moves to the `.gitmodules` edit that names
 * its path, or to the main edit of `.gitmodules` when no edit names it. A commit that takes one
 * without the other records a submodule that `.gitmodules` does not list, or the reverse.
 */
export function findSubmoduleLinks(context: AnalysisContext): Link[] {
  const entryUnits = context.unitsOfPath.get(GITMODULES) ?? [];
  if (entryUnits.length === 0) return [];

  const links: Link[] = [];
  for (const file of context.files.filter(changesSubmoduleEntry)) {
    const gitlinkUnit = mainUnitOf(context, file.path);
    if (gitlinkUnit === undefined) continue;
    const paths = [file.path, file.oldPath].filter((path) => path !== undefined);
    const naming = entryUnits.filter((unit) =>
      [...unit.added, ...unit.removed].some((line) => paths.includes(readEntryPath(line) ?? '')),
    );

    const targets = naming.length > 0 ? naming : [mainUnitOf(context, GITMODULES)];
    for (const target of targets) {
      if (target !== undefined) links.push(link('submodule', gitlinkUnit.index, target.index, 1));
    }
  }
  return links;
}

/** Returns the value of a `path = ...` line of `.gitmodules`, or null for any other line. */
function readEntryPath(line: string): string | null {
  return /^\s*path\s*=\s*(.*?)\s*$/.exec(line)?.[1] ?? null;
}
