import type { FileChange } from '../../footprint/types.js';
import type { Relation } from '../types.js';
import { isCode } from '../categories.js';
import { weights } from '../weights.js';
import { folderOf } from '../paths.js';
import { groupBy, relate, relateToFirst, type RelationContext } from './context.js';

/** Returns the closest folder above `folder` that is in `folders`, or null. */
function nearestAncestor(folder: string, folders: ReadonlySet<string>): string | null {
  let current = folder;
  while (current !== '') {
    current = folderOf(current);
    if (folders.has(current)) return current;
  }
  return null;
}

function relateByLocation(files: readonly FileChange[], sameFolderWeight: number): Relation[] {
  const byFolder = groupBy(files, (file) => folderOf(file.path));
  const firstPaths = new Map<string, string>();
  for (const [folder, group] of byFolder) firstPaths.set(folder, group[0]?.path ?? '');
  const folders = new Set(firstPaths.keys());

  const relations: Relation[] = [];
  for (const [folder, group] of byFolder) {
    const paths = group.map((file) => file.path);
    relations.push(...relateToFirst('same-folder', paths, sameFolderWeight));

    const ancestor = nearestAncestor(folder, folders);
    if (ancestor === null) continue;
    const from = firstPaths.get(folder) ?? '';
    const to = firstPaths.get(ancestor) ?? '';
    relations.push(relate('nearby-folder', from, to, weights.nearbyFolder));
  }
  return relations;
}

/**
 * Relates code, asset and data files of one folder, and of a folder and the closest changed
 * folder above it.
 * Tests are related among themselves the same way, more weakly, and never to code by location.
 */
export function findProximityRelations({ files }: RelationContext): Relation[] {
  const code = files.filter(
    (file) => isCode(file) || file.category === 'asset' || file.category === 'other',
  );
  const tests = files.filter((file) => file.category === 'test');
  return [
    ...relateByLocation(code, weights.sourceSameFolder),
    ...relateByLocation(tests, weights.testSameFolder),
  ];
}
