import type { FileChange } from '../../footprint/types.js';
import { readDependencyChanges } from '../manifest-changes.js';
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
 * lines, or with `addedOnly` its added lines alone.
 */
export function importedPackages(unit: ChangeUnit, addedOnly = false): Set<string> {
  return packagesImportedOn(addedOnly ? unit.added : [...unit.added, ...unit.removed]);
}

/** Returns the packages that lines of code import or require, reading at most MAX_UNIT_LINES. */
export function packagesImportedOn(changed: readonly string[]): Set<string> {
  const packages = new Set<string>();
  const lines = changed.slice(0, MAX_UNIT_LINES);
  for (const line of lines) {
    const text = line.slice(0, MAX_LINE_LENGTH);
    if (!text.includes('import') && !text.includes('from') && !text.includes('require')) continue;
    for (const match of text.matchAll(SPECIFIER)) {
      const name = packageOfSpecifier(match[2] as string);
      if (name !== null) packages.add(name);
    }
  }
  return packages;
}

/**
 * Returns the units of a `package.json` whose lines name each dependency its change touches,
 * or with `addedOnly` each dependency it adds.
 */
export function entryUnitsByPackage(
  context: AnalysisContext,
  manifest: FileChange,
  addedOnly = false,
): Map<string, ChangeUnit[]> {
  const changes = readDependencyChanges(manifest, context.texts.content.get(manifest.path));
  const units = context.unitsOfPath.get(manifest.path) ?? [];
  const byPackage = new Map<string, ChangeUnit[]>();
  for (const change of changes ?? []) {
    if (addedOnly && change.kind !== 'added') continue;
    const quoted = `"${change.name}"`;
    const entries = units.filter((unit) =>
      [...unit.added, ...unit.removed].some((line) => line.includes(quoted)),
    );
    if (entries.length > 0) byPackage.set(change.name, entries);
  }
  return byPackage;
}

/**
 * Links each unit of a `package.json` that adds, removes or changes a dependency to the units
 * of other files whose changed lines import or require that package. A dependency is usually
 * added with its first import and removed with its last. Only a modified `package.json` is
 * read (see readDependencyChanges).
 */
export function findDependencyUseLinks(context: AnalysisContext): Link[] {
  const entries = new Map<string, ChangeUnit[]>();
  for (const file of context.files) {
    if (file.category !== 'dependency-manifest') continue;
    for (const [name, units] of entryUnitsByPackage(context, file)) {
      entries.set(name, [...(entries.get(name) ?? []), ...units]);
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
