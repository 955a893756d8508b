import type { FileChange } from '../../footprint/types.js';
import { isCode } from '../categories.js';
import { folderOf } from '../paths.js';
import { weights } from '../weights.js';
import { groupBy, linkFiles, linkToFirst, type AnalysisContext, type Link } from './context.js';

/** Returns the closest folder above `folder` that is in `folders`, or null. */
function nearestAncestor(folder: string, folders: ReadonlySet<string>): string | null {
  let current = folder;
  while (current !== '') {
    current = folderOf(current);
    if (folders.has(current)) return current;
  }
  return null;
}

function linkByLocation(
  context: AnalysisContext,
  files: readonly FileChange[],
  sameFolderWeight: number,
): Link[] {
  const byFolder = groupBy(files, (file) => folderOf(file.path));
  const firstPaths = new Map<string, string>();
  for (const [folder, group] of byFolder) firstPaths.set(folder, group[0]?.path ?? '');
  const folders = new Set(firstPaths.keys());

  const links: Link[] = [];
  for (const [folder, group] of byFolder) {
    const paths = group.map((file) => file.path);
    links.push(...linkToFirst(context, 'same-folder', paths, sameFolderWeight));

    const ancestor = nearestAncestor(folder, folders);
    if (ancestor === null) continue;
    const from = firstPaths.get(folder) ?? '';
    const to = firstPaths.get(ancestor) ?? '';
    links.push(...linkFiles(context, 'nearby-folder', from, to, weights.nearbyFolder));
  }
  return links;
}

/**
 * Links code, asset and data files of one folder, and of a folder and the closest changed
 * folder above it. Tests are linked among themselves the same way, more weakly, and never to
 * code by location.
 */
export function findProximityLinks(context: AnalysisContext): Link[] {
  const code = context.files.filter(
    (file) => isCode(file) || file.category === 'asset' || file.category === 'other',
  );
  const tests = context.files.filter((file) => file.category === 'test');
  return [
    ...linkByLocation(context, code, weights.sourceSameFolder),
    ...linkByLocation(context, tests, weights.testSameFolder),
  ];
}
