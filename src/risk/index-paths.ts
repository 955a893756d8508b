import path from 'node:path/posix';
import type { Footprint } from '../footprint/types.js';
import { ECOSYSTEMS } from './dependencies/ecosystems.js';

const MANIFESTS: ReadonlySet<string> = new Set(ECOSYSTEMS.map((ecosystem) => ecosystem.manifest));

/**
 * Returns true when a rule needs the index's full path list for this change: a path is added
 * (case-conflict) or a dependency manifest is staged (manifest-without-lockfile). Other changes
 * skip listing the index, which costs a `git ls-files` with the command-line reader.
 */
export function needsIndexPaths(footprint: Footprint): boolean {
  return footprint.files.some(
    (file) =>
      file.status === 'added' ||
      file.status === 'renamed' ||
      file.status === 'copied' ||
      MANIFESTS.has(path.basename(file.path)),
  );
}
