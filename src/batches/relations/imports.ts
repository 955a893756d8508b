import type { FileChange } from '../../footprint/types.js';
import { isScriptFile, type ResolvedImport } from '../module-index.js';
import { removesImports } from '../requirements.js';
import { namesDefinedBy } from '../unit-features.js';
import type { ChangeUnit } from '../units.js';
import { weights } from '../weights.js';
import {
  isNewPath,
  link,
  mainUnitOf,
  unitsAtLines,
  type AnalysisContext,
  type Link,
} from './context.js';

/**
 * Returns the units of an imported file that define one of the names the import takes: every
 * unit of a file the change adds, since the whole file is new.
 */
function definingUnits(
  context: AnalysisContext,
  target: string,
  names: ReadonlySet<string>,
): ChangeUnit[] {
  const units = context.unitsOfPath.get(target) ?? [];
  const file = units[0]?.file;
  if (file && (file.status === 'added' || file.status === 'copied')) return [...units];
  return units.filter((unit) =>
    namesDefinedBy(context.features[unit.index]).some((name) => names.has(name)),
  );
}

/**
 * Links the units of `importer` that change an import statement to the units of the imported
 * file that define the imported names. When none does, as for a namespace or side-effect
 * import, they link to the imported file's main edit.
 */
function linkChangedImport(
  context: AnalysisContext,
  importers: readonly ChangeUnit[],
  entry: ResolvedImport,
): Link[] {
  const defining = definingUnits(context, entry.target, new Set(entry.imported));
  const main = mainUnitOf(context, entry.target);
  let targets = defining;
  if (targets.length === 0) targets = main ? [main] : [];
  const file = main?.file;
  const weight = file && isNewPath(file) ? weights.importNewFile : weights.importChanged;
  return importers.flatMap((importer) =>
    targets.map((target) => link('import', importer.index, target.index, weight)),
  );
}

/**
 * Links the units of `importer` that use a name an unchanged import binds to the units of the
 * imported file that define or edit that name. A namespace import links through the member
 * names the user mentions.
 */
function linkImportedUses(
  context: AnalysisContext,
  importer: string,
  entry: ResolvedImport,
): Link[] {
  const locals = new Set(entry.locals);
  if (locals.size === 0) return [];
  const users = (context.unitsOfPath.get(importer) ?? []).filter((unit) => {
    const identifiers = context.features[unit.index]?.identifiers;
    return entry.locals.some((local) => identifiers?.has(local));
  });

  const links: Link[] = [];
  for (const user of users) {
    const mentioned = context.features[user.index]?.identifiers ?? new Set<string>();
    const names = new Set(entry.imported.filter((name) => name !== 'default' && name !== '*'));
    if (entry.imported.includes('*')) for (const name of mentioned) names.add(name);
    for (const target of definingUnits(context, entry.target, names)) {
      if (target.path === importer) continue;
      links.push(link('import', user.index, target.index, weights.importedUse));
    }
  }
  return links;
}

/** Links units that remove an import of a file the change deletes or renames to that file. */
function linkRemovedImports(context: AnalysisContext, file: FileChange): Link[] {
  if (file.status === 'added' || file.status === 'copied') return [];
  if (!removesImports(context, file.path)) return [];

  const links: Link[] = [];
  for (const entry of context.modules.imports(file.path, 'old')) {
    const target = context.unitsOfPath.get(entry.target)?.[0]?.file;
    if (!target || (target.status !== 'deleted' && !isNewPath(target))) continue;
    const importers = unitsAtLines(context, file.path, 'old', entry.firstLine, entry.lastLine);
    links.push(...linkChangedImport(context, importers, entry));
  }
  return links;
}

/**
 * Links units through the imports between changed JavaScript and TypeScript files. A changed
 * import statement links to the file it imports, a use of an imported name to the edit of
 * its definition, and a removed import to the file the change deletes. Imports of packages
 * and path aliases are not resolved, so they link nothing.
 */
export function findImportLinks(context: AnalysisContext): Link[] {
  const scripts = context.files.filter((file) => isScriptFile(file));
  if (scripts.length === 0 || context.files.length < 2) return [];

  const links: Link[] = [];
  for (const file of scripts) {
    links.push(...linkRemovedImports(context, file));
    if (file.status === 'deleted') continue;

    for (const entry of context.modules.imports(file.path, 'new')) {
      const importers = unitsAtLines(context, file.path, 'new', entry.firstLine, entry.lastLine);
      if (importers.length > 0) links.push(...linkChangedImport(context, importers, entry));
      else links.push(...linkImportedUses(context, file.path, entry));
    }
  }
  return links;
}
