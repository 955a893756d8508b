import type { FileContent } from '../footprint/types.js';
import { partLines, type BatchPart } from './batch-parts.js';
import {
  readDependencyChanges,
  readScriptChanges,
  type DependencyChange,
  type ScriptChanges,
} from './manifest-changes.js';
import { dependencyKey, readLineDependencyChanges } from './manifest-lines.js';
import { packagesImportedOn } from './relations/dependency-use.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** Dependencies a batch adds or removes, and the files of the batch that import them. */
export interface DependencyImports {
  added: string[];
  removed: string[];
  /** Parts other than manifests and lockfiles, each importing an added or removed dependency. */
  users: BatchPart[];
}

/**
 * Returns the dependency changes of a manifest part, or null when they cannot be read. A part
 * of a `package.json` keeps the changes its hunks mention. Other manifests are read from the
 * lines the part changes (see readLineDependencyChanges).
 */
function partDependencyChanges(part: BatchPart, content: ContentMap): DependencyChange[] | null {
  const text = content.get(part.file.path);
  const changes = readDependencyChanges(part.file, text);
  if (changes === null) return readLineDependencyChanges(part, text);
  if (part.whole) return changes;
  const lines = [...partLines(part, content, 'added'), ...partLines(part, content, 'removed')];
  return changes.filter((change) => lines.some((line) => line.includes(`"${change.name}"`)));
}

/**
 * Returns the dependency changes of a batch's manifests, or null when one of them is added,
 * deleted or cannot be read.
 */
export function batchDependencyChanges(
  manifests: readonly BatchPart[],
  content: ContentMap,
): DependencyChange[] | null {
  const changes: DependencyChange[] = [];
  for (const manifest of manifests) {
    if (manifest.file.status !== 'modified') return null;
    const found = partDependencyChanges(manifest, content);
    if (found === null) return null;
    changes.push(...found);
  }
  return changes;
}

/**
 * Returns the `scripts` entries that a batch's `package.json` parts add, edit or remove. A part
 * of a file keeps the entries its changed lines name.
 */
export function batchScriptChanges(
  manifests: readonly BatchPart[],
  content: ContentMap,
): ScriptChanges {
  const found: ScriptChanges = { added: [], changed: [], removed: [] };
  for (const part of manifests) {
    const changes = readScriptChanges(part.file, content.get(part.file.path));
    if (changes === null) continue;

    const lines = part.whole
      ? null
      : [...partLines(part, content, 'added'), ...partLines(part, content, 'removed')];
    const isNamed = (name: string) =>
      lines === null || lines.some((line) => line.includes(`"${name}"`));
    found.added.push(...changes.added.filter(isNamed));
    found.changed.push(...changes.changed.filter(isNamed));
    found.removed.push(...changes.removed.filter(isNamed));
  }
  return found;
}

/**
 * Reads a batch whose manifests add or remove dependencies and whose other files start or stop
 * importing them. Each other part must be an existing file that imports an added dependency on
 * its added lines or a removed one on its removed lines, so a subject built from the result
 * leaves out no edit. Returns null otherwise, and when a dependency only changes its version.
 */
export function readDependencyImports(
  parts: readonly BatchPart[],
  content: ContentMap,
): DependencyImports | null {
  const manifests = parts.filter((part) => part.file.category === 'dependency-manifest');
  const users = parts.filter(
    (part) => part.file.category !== 'dependency-manifest' && part.file.category !== 'lockfile',
  );
  if (manifests.length === 0 || users.length === 0) return null;
  // A new file that imports a dependency is named as new, by its own subject.
  if (users.some((part) => part.file.status === 'added' || part.file.status === 'copied')) {
    return null;
  }

  const changes = batchDependencyChanges(manifests, content);
  if (changes === null || changes.length === 0) return null;
  if (changes.some((change) => change.kind === 'changed')) return null;
  const added = changes.filter((change) => change.kind === 'added').map(({ name }) => name);
  const removed = changes.filter((change) => change.kind === 'removed').map(({ name }) => name);
  const importsAll = users.every((part) => {
    const imported = packagesImportedOn(partLines(part, content, 'added'), part.file.path);
    const dropped = packagesImportedOn(partLines(part, content, 'removed'), part.file.path);
    return (
      added.some((name) => imported.has(dependencyKey(name))) ||
      removed.some((name) => dropped.has(dependencyKey(name)))
    );
  });
  return importsAll ? { added, removed, users } : null;
}
