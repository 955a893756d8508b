import type { FileChange, FileContent } from '../footprint/types.js';
import { baseNameOf, comparePaths } from './paths.js';

/** One dependency a `package.json` change adds, removes or moves to another version range. */
export interface DependencyChange {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  version: string | null;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

function readDependencies(text: string): Map<string, string> | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null) return null;

  const versions = new Map<string, string>();
  for (const field of DEPENDENCY_FIELDS) {
    const entries = (manifest as Record<string, unknown>)[field];
    if (typeof entries !== 'object' || entries === null) continue;
    for (const [name, version] of Object.entries(entries)) versions.set(name, String(version));
  }
  return versions;
}

/**
 * Returns the dependency changes of a modified `package.json`, sorted by name, or null when the
 * file is no `package.json`, was added or deleted, or either side is not valid JSON.
 */
export function readDependencyChanges(
  file: FileChange,
  content: FileContent | undefined,
): DependencyChange[] | null {
  if (baseNameOf(file.path) !== 'package.json') return null;
  if (!content || content.oldText === null || content.newText === null) return null;

  const before = readDependencies(content.oldText);
  const after = readDependencies(content.newText);
  if (before === null || after === null) return null;

  const changes: DependencyChange[] = [];
  for (const [name, version] of after) {
    const previous = before.get(name);
    if (previous === undefined) changes.push({ name, kind: 'added', version });
    else if (previous !== version) changes.push({ name, kind: 'changed', version });
  }
  for (const name of before.keys()) {
    if (!after.has(name)) changes.push({ name, kind: 'removed', version: null });
  }
  return changes.sort((a, b) => comparePaths(a.name, b.name));
}
