import type { FileChange } from '../../footprint/types.js';
import { readDependencyChanges, type DependencyChange } from '../manifest-changes.js';
import { dependencyKey, readLineDependencyChanges } from '../manifest-lines.js';
import { readForeignImports } from './foreign-imports.js';
import type { ChangeUnit } from '../units.js';
import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/**
 * A quoted module specifier after `from`, `import`, `import(` or `require(`, as in
 * `import x from 'pkg'`, `import 'pkg'`, `export * from 'pkg'` or `require("pkg/sub")`. The
 * length bound leaves room for the longest package name npm allows (214 characters, scope
 * included, per npm's package.json documentation) and a subpath.
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`\s]{1,300})\1/g;

/** Characters of a line that are read, as in identifiers.ts. A longer line is likely minified. */
const MAX_LINE_LENGTH = 400;

/** Lines of one unit that are read, so a large new file costs a bounded time. */
const MAX_UNIT_LINES = 1500;

/**
 * Returns the package a bare specifier names: `@scope/name` for `@scope/name/sub`, `name` for
 * `name/sub`. Returns null for a relative or absolute path and for a `node:` or other scheme.
 */
export function packageOfSpecifier(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) {
    return null;
  }
  const segments = specifier.split('/');
  if (specifier.startsWith('@')) {
    return segments.length >= 2 && segments[1] !== '' ? `${segments[0]}/${segments[1]}` : null;
  }
  return segments[0] === '' ? null : (segments[0] as string);
}

/**
 * Returns the packages that a unit's changed lines import or require: its added and removed
 * lines, or with `addedOnly` its added lines alone. Names are keys (see dependencyKey).
 */
export function importedPackages(unit: ChangeUnit, addedOnly = false): Set<string> {
  return packagesImportedOn(addedOnly ? unit.added : [...unit.added, ...unit.removed], unit.path);
}

/**
 * Returns the keys of the packages that lines of code import or require, reading at most
 * MAX_UNIT_LINES. The path's extension chooses the language: Python, Rust and Go have readers of
 * their own (see foreign-imports.ts), and every other file is read for JavaScript's imports.
 */
export function packagesImportedOn(changed: readonly string[], path: string): Set<string> {
  const lines = changed.slice(0, MAX_UNIT_LINES).map((line) => line.slice(0, MAX_LINE_LENGTH));
  const foreign = readForeignImports(lines, path);
  if (foreign !== null) return new Set(foreign.map(dependencyKey));

  const packages = new Set<string>();
  for (const text of lines) {
    if (!text.includes('import') && !text.includes('from') && !text.includes('require')) continue;
    for (const match of text.matchAll(SPECIFIER)) {
      const name = packageOfSpecifier(match[2] as string);
      if (name !== null) packages.add(dependencyKey(name));
    }
  }
  return packages;
}

/** A dependency as a manifest names it, and the units of the manifest whose lines change it. */
export interface DependencyEntries {
  name: string;
  units: ChangeUnit[];
}

/** Returns the dependency changes of a manifest unit: a package.json's, or its changed lines'. */
function unitDependencyChanges(
  context: AnalysisContext,
  manifest: FileChange,
  unit: ChangeUnit,
  packageChanges: DependencyChange[] | null,
): DependencyChange[] {
  if (packageChanges !== null) {
    const lines = [...unit.added, ...unit.removed];
    return packageChanges.filter((change) =>
      lines.some((line) => line.includes(`"${change.name}"`)),
    );
  }
  const part = { file: manifest, hunks: unit.hunks, whole: unit.whole };
  return readLineDependencyChanges(part, context.texts.content.get(manifest.path)) ?? [];
}

/** Units of each changed manifest with their dependency changes, by analysis and path. */
const manifestUnits = new WeakMap<AnalysisContext, Map<string, ManifestUnit[]>>();

/** A unit of a manifest and the dependency changes on its lines. */
type ManifestUnit = [ChangeUnit, DependencyChange[]];

/**
 * Returns the units of a manifest with their dependency changes, read once per analysis, since
 * the links and the requirements of dependencies both ask for them.
 */
function readManifestUnits(context: AnalysisContext, manifest: FileChange): ManifestUnit[] {
  let byPath = manifestUnits.get(context);
  if (byPath === undefined) {
    byPath = new Map();
    manifestUnits.set(context, byPath);
  }

  let read = byPath.get(manifest.path);
  if (read === undefined) {
    const content = context.texts.content.get(manifest.path);
    const packageChanges = readDependencyChanges(manifest, content);
    read = (context.unitsOfPath.get(manifest.path) ?? []).map((unit): ManifestUnit => {
      return [unit, unitDependencyChanges(context, manifest, unit, packageChanges)];
    });
    byPath.set(manifest.path, read);
  }
  return read;
}

/**
 * Returns the units of a dependency manifest whose lines name each dependency its change
 * touches, or with `addedOnly` each dependency it adds, by key (see dependencyKey). A
 * `package.json` is parsed whole, and pip requirements, pyproject.toml, Cargo.toml, Pipfile and
 * go.mod are read on the lines each unit changes.
 */
export function entryUnitsByPackage(
  context: AnalysisContext,
  manifest: FileChange,
  addedOnly = false,
): Map<string, DependencyEntries> {
  const byPackage = new Map<string, DependencyEntries>();
  for (const [unit, changes] of readManifestUnits(context, manifest)) {
    for (const change of changes) {
      if (addedOnly && change.kind !== 'added') continue;
      const key = dependencyKey(change.name);
      const entries = byPackage.get(key) ?? { name: change.name, units: [] };
      if (!entries.units.includes(unit)) entries.units.push(unit);
      byPackage.set(key, entries);
    }
  }
  return byPackage;
}

/**
 * Links each unit of a dependency manifest that adds, removes or changes a dependency to the
 * units of other files whose changed lines import or require that package. A dependency is
 * usually added with its first import and removed with its last. Only a modified manifest is
 * read (see entryUnitsByPackage).
 */
export function findDependencyUseLinks(context: AnalysisContext): Link[] {
  const entries = new Map<string, ChangeUnit[]>();
  for (const file of context.files) {
    if (file.category !== 'dependency-manifest') continue;
    for (const [key, { units }] of entryUnitsByPackage(context, file)) {
      entries.set(key, [...(entries.get(key) ?? []), ...units]);
    }
  }
  if (entries.size === 0) return [];

  const links: Link[] = [];
  for (const unit of context.units) {
    if (unit.file.category === 'dependency-manifest' || unit.file.category === 'lockfile') continue;
    for (const name of importedPackages(unit)) {
      for (const entry of entries.get(name) ?? []) {
        links.push(link('dependency-use', unit.index, entry.index, weights.dependencyUse));
      }
    }
  }
  return links;
}
