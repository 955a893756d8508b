import path from 'node:path/posix';
import type { Footprint } from '../footprint/types.js';
import { findEcosystemOfManifest } from './dependencies/ecosystems.js';

/**
 * Returns the staged paths around which the rules need the index's paths. These are the paths
 * the change adds, which case-conflict compares with the tracked paths in their folders, and
 * the staged dependency manifests, for which manifest-without-lockfile looks for a tracked
 * lockfile in their folder and above. An empty list means that no rule needs the index
 * listed, which saves a `git ls-files` with the command-line reader.
 */
export function selectIndexPathQueries(footprint: Footprint): string[] {
  return footprint.files
    .filter(
      (file) =>
        file.status === 'added' ||
        file.status === 'renamed' ||
        file.status === 'copied' ||
        findEcosystemOfManifest(path.basename(file.path)) !== undefined,
    )
    .map((file) => file.path);
}
