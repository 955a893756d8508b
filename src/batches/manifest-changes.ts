import type { FileChange, FileContent } from '../footprint/types.js';
import { findDependencyChange } from '../risk/dependencies/changed-dependencies.js';
import { findEcosystemOfManifest } from '../risk/dependencies/ecosystems.js';
import { baseNameOf, comparePaths } from './paths.js';

/** One dependency a `package.json` change adds, removes or moves to another version range. */
export interface DependencyChange {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  version: string | null;
  /** The version before a change, when it is known. */
  previous?: string | null;
}

/** The sections of a package.json that list dependencies with their version ranges. */
export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** A parsed package.json: its top-level fields by name. */
export type Manifest = Record<string, unknown>;

/** Parses a package.json text, or returns null when it is missing, invalid JSON or no object. */
export function parseManifest(text: string | null): Manifest | null {
  if (text === null) return null;
  try {
    // npm reads a manifest that starts with a byte order mark, so footprint does too.
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Manifest)
      : null;
  } catch {
    return null;
  }
}

function readDependencies(text: string): Map<string, string> | null {
  const manifest = parseManifest(text);
  if (manifest === null) return null;

  const versions = new Map<string, string>();
  for (const field of DEPENDENCY_FIELDS) {
    const entries = manifest[field];
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
    else if (previous !== version) changes.push({ name, kind: 'changed', version, previous });
  }
  for (const name of before.keys()) {
    if (!after.has(name)) changes.push({ name, kind: 'removed', version: null });
  }
  return changes.sort((a, b) => comparePaths(a.name, b.name));
}

/** The `scripts` entries a `package.json` change adds, edits or removes, each sorted by name. */
export interface ScriptChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

function readScripts(text: string | null): Map<string, string> | null {
  const scripts = parseManifest(text)?.['scripts'];
  if (scripts === undefined) return new Map();
  if (typeof scripts !== 'object' || scripts === null || Array.isArray(scripts)) return null;
  return new Map(Object.entries(scripts).map(([name, command]) => [name, String(command)]));
}

/**
 * Returns the script changes of a modified `package.json`, or null when the file is no
 * `package.json`, was added or deleted, or either side is not valid JSON.
 */
export function readScriptChanges(
  file: FileChange,
  content: FileContent | undefined,
): ScriptChanges | null {
  if (baseNameOf(file.path) !== 'package.json') return null;
  if (!content || content.oldText === null || content.newText === null) return null;

  const before = readScripts(content.oldText);
  const after = readScripts(content.newText);
  if (before === null || after === null) return null;

  const changes: ScriptChanges = { added: [], changed: [], removed: [] };
  for (const [name, command] of after) {
    const previous = before.get(name);
    if (previous === undefined) changes.added.push(name);
    else if (previous !== command) changes.changed.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) changes.removed.push(name);
  for (const list of Object.values(changes)) list.sort(comparePaths);
  return changes;
}

/**
 * Returns true when a staged file changes what the project depends on. That is a lockfile, or
 * a dependency manifest whose dependency sections changed as the manifest-without-lockfile
 * rule reads them. For package.json these are dependencies, devDependencies, optional and peer
 * dependencies, overrides, resolutions and workspaces, and also `packageManager` here. A
 * manifest of an ecosystem footprint cannot read, or without its texts, counts as a
 * dependency change. Edits to a package.json's scripts or metadata alone are not one. A
 * Terraform file changes dependencies when it edits a `required_providers` block.
 */
export function changesDependencies(file: FileChange, content: FileContent | undefined): boolean {
  if (file.category === 'lockfile') return true;
  const ecosystem = findEcosystemOfManifest(baseNameOf(file.path));
  // A Terraform file is code, which changes dependencies only in `required_providers`.
  if (ecosystem?.syntax === 'hcl') {
    return content !== undefined && findDependencyChange(file, content, ecosystem) !== null;
  }
  if (file.category !== 'dependency-manifest') return false;

  if (ecosystem === undefined || content === undefined) return true;
  if (findDependencyChange(file, content, ecosystem) !== null) return true;
  return ecosystem.manifest === 'package.json' && changesPackageManager(content);
}

function changesPackageManager(content: FileContent): boolean {
  return readPackageManager(content.oldText) !== readPackageManager(content.newText);
}

/** Returns the `packageManager` value of a package.json text, such as `pnpm@9.1.0`, or null. */
function readPackageManager(text: string | null): string | null {
  const value = parseManifest(text)?.['packageManager'];
  return typeof value === 'string' ? value : null;
}
