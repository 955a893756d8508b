import type { FileCategory, FileChange, FileContent } from '../footprint/types.js';
import { partsOf, type BatchPart } from './batch-parts.js';
import { DEPENDENCY_FIELDS, parseManifest, type Manifest } from './manifest-changes.js';
import { baseNameOf } from './paths.js';
import { isNotePath } from './release-notes.js';
import type { ChangeUnit } from './units.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** Files a release commit keeps beside its manifests: its notes, and the changesets it used up. */
const RELEASE_NOTES = /^(?:CHANGELOG|CHANGES|HISTORY|RELEASES?|NEWS)(?:\.[^/]*)?$/i;

/**
 * Returns true for a file that describes other changes for a release: a changelog such as
 * CHANGELOG.md, or a note in a release-note folder (see isNotePath).
 */
export function isReleaseNoteFile(file: FileChange): boolean {
  return isReleaseNotePath(file.path, file.category);
}

/** Returns true for the path of a release-note file of `category`; see isReleaseNoteFile. */
export function isReleaseNotePath(path: string, category: FileCategory): boolean {
  if (category === 'docs' && RELEASE_NOTES.test(baseNameOf(path))) return true;
  return isNotePath(path);
}

/** A version line of a TOML manifest: `version = "1.3.0"` in Cargo.toml or pyproject.toml. */
const TOML_VERSION = /^\s*version\s*=\s*"([^"\n]+)"\s*$/;

/** A manifest whose version changed: its name, when it has one, and its old and new version. */
interface Bump {
  name: string | null;
  version: string;
  previous: string | null;
}

function readJsonBump(content: FileContent): Bump | null {
  const before = parseManifest(content.oldText);
  const after = parseManifest(content.newText);
  if (before === null || after === null) return null;
  const version = after['version'];
  const previous = before['version'];
  if (typeof version !== 'string' || version === previous) return null;
  return {
    name: typeof after['name'] === 'string' ? after['name'] : null,
    version,
    previous: typeof previous === 'string' ? previous : null,
  };
}

/** package.json fields that release tools rewrite from history: the lists of people. */
const PEOPLE_FIELDS = ['contributors', 'maintainers'] as const;

/**
 * Returns true when a package.json changed nothing but its version, its lists of people and the
 * ranges of dependencies on the packages in `released`, as a release of a workspace bumps them
 * together.
 */
function changesOnlyReleaseFields(content: FileContent, released: ReadonlySet<string>): boolean {
  const before = parseManifest(content.oldText);
  const after = parseManifest(content.newText);
  if (before === null || after === null) return false;

  const strip = (manifest: Manifest): Manifest => {
    const copy: Manifest = { ...manifest, version: null };
    for (const field of PEOPLE_FIELDS) copy[field] = null;
    for (const field of DEPENDENCY_FIELDS) {
      const entries = manifest[field];
      if (typeof entries !== 'object' || entries === null) continue;
      copy[field] = Object.fromEntries(
        Object.entries(entries).filter(([name]) => !released.has(name)),
      );
    }
    return copy;
  };
  return JSON.stringify(strip(before)) === JSON.stringify(strip(after));
}

/** Tables of a TOML manifest whose `version` is the package's own. */
const PACKAGE_TABLES = new Set(['package', 'project', 'tool.poetry', 'workspace.package']);
const TOML_TABLE = /^\s*\[([^\]\n]+)\]\s*$/;

/**
 * Returns the new and the earlier version of a TOML manifest whose one changed line is the `version = "…"` of
 * its package table (`[package]`, `[project]`, `[tool.poetry]`), not of a dependency's.
 */
function readTomlBump(file: FileChange, content: FileContent): [string, string] | null {
  const added = content.hunks.flatMap((hunk) => hunk.added);
  const removed = content.hunks.flatMap((hunk) => hunk.removed);
  if (added.length !== 1 || removed.length !== 1) return null;
  const version = TOML_VERSION.exec(added[0] ?? '')?.[1];
  const previous = TOML_VERSION.exec(removed[0] ?? '')?.[1];
  if (version === undefined || previous === undefined) return null;

  // The changed line lies in the one hunk that adds a line; the last table header above it
  // names the table it belongs to.
  const hunk = file.hunks.find((entry) => entry.newLines > 0);
  if (hunk === undefined) return null;
  const lines = (content.newText ?? '').split('\n');
  const last = Math.min(hunk.newStart + hunk.newLines - 1, lines.length);
  let changed = -1;
  for (let line = hunk.newStart; line <= last; line++) {
    if (lines[line - 1] === added[0]) changed = line;
  }
  let table = '';
  for (let line = 1; line < changed; line++) {
    const header = TOML_TABLE.exec(lines[line - 1] ?? '')?.[1];
    if (header !== undefined) table = header.trim();
  }
  return PACKAGE_TABLES.has(table) ? [version, previous] : null;
}

/**
 * Returns the versions a batch releases, or null when it is not a release. A release changes
 * the version of one manifest or more, and nothing else. Each package.json changes only its
 * version and its ranges on the released packages, and each TOML manifest only its version
 * line. Lockfiles, release notes (CHANGELOG.md, HISTORY.md), deleted changesets, build output
 * that the release rebuilt, and files that only swap the earlier version for the new one
 * (`VERSION = "1.3.0"`) may join.
 */
export function readReleasedVersions(
  parts: readonly BatchPart[],
  content: ContentMap,
): string[] | null {
  const bumps = new Map<string, Bump>();
  for (const part of parts) {
    const fileContent = content.get(part.file.path);
    if (part.file.category !== 'dependency-manifest' || fileContent === undefined) continue;
    if (part.file.status !== 'modified') return null;
    const name = baseNameOf(part.file.path);
    const bump =
      name === 'package.json'
        ? readJsonBump(fileContent)
        : name.endsWith('.toml')
          ? tomlBump(readTomlBump(part.file, fileContent))
          : null;
    if (bump !== null) bumps.set(part.file.path, bump);
  }
  if (bumps.size === 0) return null;

  const released = new Set([...bumps.values()].flatMap((bump) => bump.name ?? []));
  for (const part of parts) {
    const { file } = part;
    const fileContent = content.get(file.path);
    if (file.category === 'lockfile') {
      if (locksOnlyReleases(fileContent, [...bumps.values()])) continue;
      return null;
    }
    if (file.category === 'docs' && RELEASE_NOTES.test(baseNameOf(file.path))) continue;
    if (file.status === 'deleted' && file.path.startsWith('.changeset/')) continue;
    if (file.category === 'generated' && file.status === 'modified') continue;
    if (file.category !== 'dependency-manifest') {
      if (swapsOnlyVersions(fileContent, [...bumps.values()])) continue;
      return null;
    }
    if (fileContent === undefined) return null;
    if (baseNameOf(file.path) === 'package.json') {
      if (!changesOnlyReleaseFields(fileContent, released)) return null;
    } else if (!bumps.has(file.path)) {
      return null;
    }
  }
  return [...new Set([...bumps.values()].map((bump) => bump.version))];
}

function tomlBump(versions: [string, string] | null): Bump | null {
  return versions === null ? null : { name: null, version: versions[0], previous: versions[1] };
}

/**
 * Returns true when each hunk of a file replaces lines with the same lines but for a released
 * version in place of its earlier one: `export const VERSION = "1.3.0"`, `__version__`.
 */
function swapsOnlyVersions(content: FileContent | undefined, bumps: readonly Bump[]): boolean {
  if (content === undefined || content.hunks.length === 0) return false;
  const earlier = new Map(
    bumps.flatMap((bump) => (bump.previous === null ? [] : [[bump.version, bump.previous]])),
  );
  if (earlier.size === 0) return false;
  // One pass, so a version that is also another package's earlier one (1.1.0 -> 1.2.0 beside
  // 1.0.0 -> 1.1.0) goes back one step only.
  const pattern = new RegExp(
    [...earlier.keys()]
      .sort((a, b) => b.length - a.length)
      .map((version) => version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  const restore = (line: string) => line.replace(pattern, (found) => earlier.get(found) ?? found);
  return content.hunks.every(
    (hunk) =>
      hunk.added.length === hunk.removed.length &&
      hunk.added.every(
        (line, index) => line !== hunk.removed[index] && restore(line) === hunk.removed[index],
      ),
  );
}

/** Lockfile lines that hold no package: brackets, commas and blank lines. */
const PUNCTUATION_ONLY = /^[\s{}[\],]*$/;

/**
 * Returns true when every line a lockfile adds names a released version and every line it
 * removes an earlier version of a released package, so it adds or removes no other package.
 */
function locksOnlyReleases(content: FileContent | undefined, bumps: readonly Bump[]): boolean {
  if (content === undefined) return false;
  const versions = bumps.map((bump) => bump.version);
  const previous = bumps.flatMap((bump) => bump.previous ?? []);
  const names = (line: string, list: readonly string[]) =>
    PUNCTUATION_ONLY.test(line) || list.some((version) => line.includes(version));
  return content.hunks.every(
    (hunk) =>
      hunk.added.every((line) => names(line, versions)) &&
      hunk.removed.every((line) => names(line, previous)),
  );
}

/**
 * Moves each batch of release notes alone (CHANGELOG.md hunks and the like) whose added lines
 * name a version that another batch releases into that release. The version string is the
 * only link between them, and the pair scores leave version lines unlinked, because equal
 * versions in unrelated files tied commits together wrongly.
 */
export function joinReleaseNotes<Extra>(
  batches: ReadonlyArray<{ units: readonly ChangeUnit[]; extra: Extra[] }>,
  content: ContentMap,
): Array<{ units: ChangeUnit[]; extra: Extra[] }> {
  const result = batches.map((batch) => ({ units: [...batch.units], extra: [...batch.extra] }));
  const releases = result.map((batch) => readReleasedVersions(partsOf(batch.units), content));
  const joined = new Set<number>();

  result.forEach((notes, index) => {
    if (releases[index] !== null || !isNotesOnly(notes.units)) return;
    const added = notes.units.flatMap((unit) => unit.added).join('\n');
    const target = releases.findIndex(
      (versions, other) =>
        other !== index &&
        !joined.has(other) &&
        versions !== null &&
        versions.some((version) => added.includes(version)),
    );
    if (target === -1) return;
    result[target]?.units.push(...notes.units);
    result[target]?.extra.push(...notes.extra);
    joined.add(index);
  });
  return result.filter((_, index) => !joined.has(index));
}

function isNotesOnly(units: readonly ChangeUnit[]): boolean {
  return (
    units.length > 0 &&
    units.every(
      (unit) =>
        unit.file.category === 'docs' &&
        unit.file.status !== 'deleted' &&
        RELEASE_NOTES.test(baseNameOf(unit.path)),
    )
  );
}
