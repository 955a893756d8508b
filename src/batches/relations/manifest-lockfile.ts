import type { Relation } from '../types.js';
import { weights } from '../weights.js';
import { folderOf, isWithin } from '../paths.js';
import { relate, type RelationContext } from './context.js';

/**
 * Relates each lockfile to the dependency manifests it locks: those in its own folder, or when
 * its folder has none that changed, those in folders below it, as workspaces keep one lockfile
 * at the root for many manifests.
 */
export function findManifestLockfileRelations({ files }: RelationContext): Relation[] {
  const manifests = files.filter((file) => file.category === 'dependency-manifest');
  const lockfiles = files.filter((file) => file.category === 'lockfile');

  const relations: Relation[] = [];
  for (const lockfile of lockfiles) {
    const folder = folderOf(lockfile.path);
    const beside = manifests.filter((manifest) => folderOf(manifest.path) === folder);
    const below = manifests.filter((manifest) => isWithin(folderOf(manifest.path), folder));
    const [related, weight] =
      beside.length > 0 ? [beside, weights.manifestLockfile] : [below, weights.workspaceLockfile];

    for (const manifest of related) {
      relations.push(relate('manifest-lockfile', lockfile.path, manifest.path, weight));
    }
  }
  return relations;
}
