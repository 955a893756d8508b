import type { FileChange } from '../footprint/types.js';
import { specificityOf } from './identifiers.js';
import { parseManifest } from './manifest-changes.js';
import { dependencyKey } from './manifest-lines.js';
import { isScriptFile } from './module-index.js';
import { isNewPath, unitsAtLines, type AnalysisContext } from './relations/context.js';
import { findNewPackageRequirements } from './new-package-requirements.js';
import { findPathStringRequirements } from './path-string-requirements.js';
import { findPackageImports, findPythonBindings } from './package-imports.js';
import { entryUnitsByPackage, importedPackages } from './relations/dependency-use.js';
import { findRustPathRequirements } from './rust-paths.js';
import type { ChangeUnit } from './units.js';

/**
 * A unit that cannot be committed before another: it uses what the other adds, or the other
 * removes what it still uses until it changes.
 */
export interface Requirement {
  from: number;
  to: number;
  /** The thing `from` needs: a path it imports, or a name it uses or removes. */
  subject: string;
  /** True when `from` removes `subject`, which `to` uses until it changes. */
  removes: boolean;
  /**
   * True when the syntax proves the need: an import of a new file or a new export, or a use of
   * a name new to its own file. False when only matching names suggest it.
   */
  certain: boolean;
}

/** Names a unit newly declares, when neither the file's HEAD text nor its removed lines had them. */
function newDeclarations(context: AnalysisContext, unit: ChangeUnit): string[] {
  const features = context.features[unit.index];
  if (!features || features.addedDeclarations.length === 0) return [];
  const oldText = context.texts.text(unit.path, 'old') ?? '';
  return features.addedDeclarations.filter((name) => !oldText.includes(name));
}

/** Names a unit removes the declaration of, when the file's staged text no longer has them. */
function removedDeclarations(context: AnalysisContext, unit: ChangeUnit): string[] {
  const features = context.features[unit.index];
  if (!features || features.removedDeclarations.length === 0) return [];
  const newText = context.texts.text(unit.path, 'new') ?? '';
  return features.removedDeclarations.filter((name) => !newText.includes(name));
}

function uses(from: number, to: number, subject: string, certain: boolean): Requirement {
  return { from, to, subject, removes: false, certain };
}

function removes(from: number, to: number, subject: string): Requirement {
  return { from, to, subject, removes: true, certain: true };
}

/** Imports of a file the change adds, renames or copies into place, and of new exports. */
function findImportRequirements(context: AnalysisContext, file: FileChange): Requirement[] {
  const found: Requirement[] = [];
  for (const entry of context.modules.imports(file.path, 'new')) {
    const importers = unitsAtLines(context, file.path, 'new', entry.firstLine, entry.lastLine);
    const targets = context.unitsOfPath.get(entry.target) ?? [];
    const target = targets[0]?.file;
    if (importers.length === 0 || !target) continue;

    if (isNewPath(target)) {
      for (const importer of importers) {
        for (const unit of targets) {
          found.push(uses(importer.index, unit.index, target.path, true));
        }
      }
      continue;
    }
    found.push(...findNewExportRequirements(context, importers, target, entry.imported));
  }
  return found;
}

/** Requirements of importers on the units of a modified file that start to export a name. */
function findNewExportRequirements(
  context: AnalysisContext,
  importers: readonly ChangeUnit[],
  target: FileChange,
  imported: readonly string[],
): Requirement[] {
  const exports = context.modules
    .exports(target.path, 'new')
    .filter((entry) => imported.includes(entry.name));
  const changed = exports.flatMap((entry) =>
    unitsAtLines(context, target.path, 'new', entry.line, entry.line).map((unit) => ({
      entry,
      unit,
    })),
  );
  if (changed.length === 0) return [];

  const before = new Set(context.modules.exports(target.path, 'old').map((entry) => entry.name));
  const found: Requirement[] = [];
  for (const { entry, unit } of changed) {
    if (before.has(entry.name)) continue;
    for (const importer of importers)
      found.push(uses(importer.index, unit.index, entry.name, true));
  }
  return found;
}

/** Returns true when a line uses `name` as a word of its own, not as a property (`x.name`). */
function usesName(line: string, name: string): boolean {
  for (let at = line.indexOf(name); at !== -1; at = line.indexOf(name, at + 1)) {
    const before = line[at - 1] ?? ' ';
    const after = line[at + name.length] ?? ' ';
    if (!/[\w$.]/.test(before) && !/[\w$]/.test(after)) return true;
  }
  return false;
}

/**
 * Uses of a name that an import the change adds binds, whatever the name's length: a batch
 * with the use and without the import, or without the export it imports from a workspace
 * package or alias, would not compile. Within the file, a use requires the import's hunk,
 * unless HEAD's text names it already (the import only changed its source). Across files, the
 * import and the uses require the unit that newly declares the name where the specifier may
 * lead. Only files whose added lines mention an import are lexed.
 */
function findImportBindingRequirements(
  context: AnalysisContext,
  file: FileChange,
  declarers: () => ReadonlyMap<string, ChangeUnit[]>,
): Requirement[] {
  const units = context.unitsOfPath.get(file.path) ?? [];
  if (!units.some((unit) => unit.added.some((line) => line.includes('import')))) return [];
  const oldText = context.texts.text(file.path, 'old') ?? '';
  const found: Requirement[] = [];
  for (const binding of context.modules.bindings(file.path)) {
    const importers = unitsAtLines(context, file.path, 'new', binding.firstLine, binding.lastLine);
    if (importers.length !== 1) continue;
    const importer = importers[0] as ChangeUnit;
    for (let position = 0; position < binding.locals.length; position += 1) {
      const local = binding.locals[position] as string;
      const users = units.filter((unit) => unit.added.some((line) => usesName(line, local)));
      if (!usesName(oldText, local)) {
        for (const user of users) {
          if (user !== importer) found.push(uses(user.index, importer.index, local, true));
        }
      }
      // Under an alias (`{ formatMoney as fm }`) the definer declares the imported name.
      const exportedName = binding.imported[position] ?? local;
      const declared = exportedName === 'default' || exportedName === '*' ? local : exportedName;
      const definers = declarers().get(declared) ?? [];
      if (definers.length === 0) continue;
      found.push(
        ...findPackageExportRequirements(context, binding.specifier, declared, definers, [
          importer,
          ...users,
        ]),
      );
    }
  }
  return found;
}

/**
 * Requirements of `users` on the `definers` of a name (units that newly declare it) in other
 * scripts where `specifier`, a package or alias, may lead.
 */
function findPackageExportRequirements(
  context: AnalysisContext,
  specifier: string,
  name: string,
  definers: readonly ChangeUnit[],
  users: readonly ChangeUnit[],
): Requirement[] {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return [];
  const found: Requirement[] = [];
  for (const definer of definers) {
    if (!isScriptFile(definer.file) || !context.modules.mayReach(specifier, definer.path)) continue;
    for (const user of new Set(users)) {
      if (user.path !== definer.path) found.push(uses(user.index, definer.index, name, true));
    }
  }
  return found;
}

/** Returns a function that maps each name to the units that newly declare it, built once. */
function declarersOf(context: AnalysisContext): () => ReadonlyMap<string, ChangeUnit[]> {
  let cached: Map<string, ChangeUnit[]> | undefined;
  return () => {
    if (cached !== undefined) return cached;
    const byName = new Map<string, ChangeUnit[]>();
    for (const unit of context.units) {
      for (const name of newDeclarations(context, unit)) {
        const declarers = byName.get(name);
        if (declarers === undefined) byName.set(name, [unit]);
        else declarers.push(unit);
      }
    }
    cached = byName;
    return byName;
  };
}

/**
 * Python and Go imports, added or edited, of a module or package the change adds. In a module
 * or package the change modifies, a name it newly declares is needed by a Python
 * `from module import name` and by Go code that adds `package.Name`.
 */
function findPackageImportRequirements(context: AnalysisContext): Requirement[] {
  const found: Requirement[] = [];
  for (const entry of findPackageImports(context)) {
    const importers = unitsAtLines(context, entry.importer, 'new', entry.line, entry.line);
    for (const target of entry.targets) {
      const units = context.unitsOfPath.get(target) ?? [];
      if (units.length === 0) continue;
      if (!isNewPath((units[0] as ChangeUnit).file)) {
        found.push(...findNewNameImports(context, importers, units, entry.names));
        if (entry.qualifier !== undefined) {
          found.push(...findQualifiedUses(context, entry.importer, units, entry.qualifier));
        }
        continue;
      }
      for (const importer of importers) {
        for (const unit of units) found.push(uses(importer.index, unit.index, target, true));
      }
    }
  }
  return found;
}

/** Finds what `importers` need from the units of a modified module that newly declare `names`. */
function findNewNameImports(
  context: AnalysisContext,
  importers: readonly ChangeUnit[],
  units: readonly ChangeUnit[],
  names: readonly string[],
): Requirement[] {
  const found: Requirement[] = [];
  for (const unit of units) {
    for (const name of newDeclarations(context, unit)) {
      if (!names.includes(name)) continue;
      for (const importer of importers) found.push(uses(importer.index, unit.index, name, true));
    }
  }
  return found;
}

/**
 * Finds the units of `importer` whose added lines use `qualifier.Name` (Go's `store.Open`,
 * Python's `pkg.mod.open`) of a name that one of `units`, in the imported module, newly declares.
 */
function findQualifiedUses(
  context: AnalysisContext,
  importer: string,
  units: readonly ChangeUnit[],
  qualifier: string,
): Requirement[] {
  const users = context.unitsOfPath.get(importer) ?? [];
  const found: Requirement[] = [];
  for (const unit of units) {
    for (const name of newDeclarations(context, unit)) {
      // A qualifier holds only word characters and the dots of a Python module path.
      const written = qualifier.replaceAll('.', '\\.');
      const use = new RegExp(`(?<![\\w.])${written}\\.${name}(?!\\w)`);
      for (const user of users) {
        if (user.added.some((line) => use.test(line))) {
          found.push(uses(user.index, unit.index, name, true));
        }
      }
    }
  }
  return found;
}

/**
 * Finds the uses, in other units of the same file, of a name that an added Python import
 * binds: without the import's unit a use fails with NameError. A name that the file's HEAD
 * text already used was bound before, so its uses need nothing.
 */
function findPythonBindingRequirements(context: AnalysisContext, file: FileChange): Requirement[] {
  const units = context.unitsOfPath.get(file.path) ?? [];
  if (!units.some((unit) => unit.added.some((line) => line.includes('import')))) return [];
  const oldText = context.texts.text(file.path, 'old') ?? '';
  const found: Requirement[] = [];
  for (const binding of findPythonBindings(context.texts.text(file.path, 'new') ?? '')) {
    const importers = unitsAtLines(context, file.path, 'new', binding.line, binding.line);
    if (importers.length !== 1) continue;
    const importer = importers[0] as ChangeUnit;
    for (const local of binding.locals) {
      if (usesName(oldText, local)) continue;
      for (const user of units) {
        if (user === importer || !user.added.some((line) => usesName(line, local))) continue;
        found.push(uses(user.index, importer.index, local, true));
      }
    }
  }
  return found;
}

/** Returns true for a file whose HEAD path is gone from the staged tree: deleted or renamed. */
function leavesOldPath(file: FileChange): boolean {
  return file.status === 'deleted' || file.status === 'renamed';
}

/**
 * Units that stop importing a file the change deletes or renames must not come after the
 * deletion or rename, because until they change they import a path that no longer exists.
 * A renamed file's importer also needs its new path, so the two requirements form a cycle
 * that keeps the rename and the updated imports in one batch.
 */
function findDeletedImportRequirements(context: AnalysisContext, file: FileChange): Requirement[] {
  if (file.status === 'added' || file.status === 'copied') return [];
  const found: Requirement[] = [];
  for (const entry of context.modules.imports(file.path, 'old')) {
    const deleted = context.unitsOfPath.get(entry.target)?.[0];
    if (!deleted || !leavesOldPath(deleted.file)) continue;
    const importers = unitsAtLines(context, file.path, 'old', entry.firstLine, entry.lastLine);
    // A rename removes the old path, which is the path the importer still names.
    const removed = deleted.file.oldPath ?? deleted.path;
    for (const importer of importers) found.push(removes(deleted.index, importer.index, removed));
  }
  return found;
}

/**
 * Finds Python and Go imports, Rust `mod` declarations and stylesheet imports, on lines the
 * change removes or edits, of a file the change deletes or renames. As in
 * findDeletedImportRequirements, such an edit must not come later.
 */
function findRemovedPackageImportRequirements(context: AnalysisContext): Requirement[] {
  const found: Requirement[] = [];
  for (const entry of findPackageImports(context, 'old')) {
    const importers = unitsAtLines(context, entry.importer, 'old', entry.line, entry.line);
    for (const target of entry.targets) {
      const targetUnit = context.unitsOfPath.get(target)?.[0];
      if (!targetUnit || !leavesOldPath(targetUnit.file)) continue;
      const removed = targetUnit.file.oldPath ?? target;
      for (const importer of importers) {
        found.push(removes(targetUnit.index, importer.index, removed));
      }
    }
  }
  return found;
}

/**
 * Finds uses of a name that another unit newly declares. Within one file the use is certain,
 * because the file's HEAD text never had the name. Across files it is a guess from the name
 * alone, made only for specific names and for files that do not import each other by path.
 */
function findNewNameRequirements(context: AnalysisContext): Requirement[] {
  const definers = new Map<string, ChangeUnit[]>();
  for (const unit of context.units) {
    for (const name of newDeclarations(context, unit)) {
      definers.set(name, [...(definers.get(name) ?? []), unit]);
    }
  }

  const found: Requirement[] = [];
  for (const [name, [definer, ...others]] of definers) {
    if (!definer || others.length > 0) continue;
    for (const user of context.unitsByIdentifier.get(name) ?? []) {
      const unit = context.units[user] as ChangeUnit;
      const features = context.features[user];
      if (user === definer.index || !features?.addedIdentifiers.has(name)) continue;
      if (features.addedDeclarations.includes(name)) continue;

      const sameFile = unit.path === definer.path;
      if (!sameFile && !isGuessableUse(context, unit, definer, name)) continue;
      // An import statement that names the package or alias makes a use between scripts sure.
      const imported = !sameFile && isScriptFile(unit.file) && isScriptFile(definer.file);
      found.push(uses(user, definer.index, name, sameFile || imported));
    }
  }
  return found;
}

/**
 * Returns true when a use of `name` in another file may be guessed to need its new definition.
 * Between JavaScript or TypeScript files a relative import carries the relation instead, so
 * the guess is made there only for a name the user imports from a package or a path alias,
 * such as a workspace package's new export.
 */
function isGuessableUse(
  context: AnalysisContext,
  user: ChangeUnit,
  definer: ChangeUnit,
  name: string,
): boolean {
  const usedBefore = (context.texts.text(user.path, 'old') ?? '').includes(name);
  // Between scripts the import statement names the name, so any name counts, not only rare ones.
  if (isScriptFile(user.file) && isScriptFile(definer.file)) {
    return !usedBefore && context.modules.importsFromPackage(user.path, name, definer.path);
  }
  return specificityOf(name) >= 0.7 && !usedBefore;
}

/**
 * Finds units that remove a declaration, which must come with or after the units of their file
 * that still use the name.
 */
function findRemovedNameRequirements(context: AnalysisContext): Requirement[] {
  const found: Requirement[] = [];
  for (const remover of context.units) {
    for (const name of removedDeclarations(context, remover)) {
      for (const user of context.unitsOfPath.get(remover.path) ?? []) {
        const features = context.features[user.index];
        if (user === remover || !features?.removedIdentifiers.has(name)) continue;
        if (features.removedDeclarations.includes(name)) continue;
        found.push(removes(remover.index, user.index, name));
      }
    }
  }
  return found;
}

/** Maps `path\0name` to the units that remove the declaration of `name` from `path`. */
function removersByName(context: AnalysisContext): Map<string, ChangeUnit[]> {
  const removers = new Map<string, ChangeUnit[]>();
  for (const unit of context.units) {
    for (const name of removedDeclarations(context, unit)) {
      const key = `${unit.path}\0${name}`;
      removers.set(key, [...(removers.get(key) ?? []), unit]);
    }
  }
  return removers;
}

/**
 * Finds imports by name, on lines the change removes or edits, of a name that the imported file
 * stops declaring. Until the importing unit is committed, it imports a name that is gone, so
 * the removal must not come first. This covers JavaScript and TypeScript imports of relative
 * paths and Python `from module import name`.
 */
function findRemovedNameImportRequirements(context: AnalysisContext): Requirement[] {
  const removers = removersByName(context);
  if (removers.size === 0) return [];

  const imports: Array<{ importer: ChangeUnit[]; target: string; names: readonly string[] }> = [];
  for (const file of context.files) {
    if (!isScriptFile(file) || file.status === 'added' || file.status === 'copied') continue;
    for (const entry of context.modules.imports(file.path, 'old')) {
      const importer = unitsAtLines(context, file.path, 'old', entry.firstLine, entry.lastLine);
      imports.push({ importer, target: entry.target, names: entry.imported });
    }
  }
  for (const entry of findPackageImports(context, 'old')) {
    const importer = unitsAtLines(context, entry.importer, 'old', entry.line, entry.line);
    for (const target of entry.targets) imports.push({ importer, target, names: entry.names });
  }

  const found: Requirement[] = [];
  for (const { importer, target, names } of imports) {
    for (const name of names) {
      for (const remover of removers.get(`${target}\0${name}`) ?? []) {
        for (const unit of importer) {
          if (unit !== remover) found.push(removes(remover.index, unit.index, name));
        }
      }
    }
  }
  return found;
}

/**
 * Returns true when some removed line of a file may contain an import, a `require` or a
 * re-export (`export { parse } from './parse.js'`, which names no `import`).
 */
export function removesImports(context: AnalysisContext, path: string): boolean {
  return (context.unitsOfPath.get(path) ?? []).some((unit) =>
    unit.removed.some(
      (line) => line.includes('import') || line.includes('require') || line.includes('from'),
    ),
  );
}

/**
 * Imports of a package on added lines, when the change adds that package to the dependencies
 * of a manifest: the import cannot be committed before the dependency.
 */
function findDependencyRequirements(context: AnalysisContext): Requirement[] {
  const added = new Map<string, { name: string; units: ChangeUnit[] }>();
  for (const file of context.files) {
    if (file.category !== 'dependency-manifest') continue;
    for (const [key, entry] of entryUnitsByPackage(context, file, true)) {
      const units = [...(added.get(key)?.units ?? []), ...entry.units];
      added.set(key, { name: entry.name, units });
    }
  }
  if (added.size === 0) return [];

  const found: Requirement[] = [];
  for (const unit of context.units) {
    const category = unit.file.category;
    if (category === 'dependency-manifest' || category === 'lockfile') continue;
    for (const key of importedPackages(unit, true)) {
      const dependency = added.get(key);
      for (const entry of dependency?.units ?? []) {
        found.push(uses(unit.index, entry.index, dependency?.name ?? key, true));
      }
    }
  }
  return found;
}

/** Returns the name and new version of a package.json whose version the change sets. */
function readVersionChange(context: AnalysisContext, file: FileChange): [string, string] | null {
  if (!file.path.endsWith('package.json') || file.status !== 'modified') return null;
  const before = parseManifest(context.texts.text(file.path, 'old'));
  const after = parseManifest(context.texts.text(file.path, 'new'));
  const name = after?.['name'];
  const version = after?.['version'];
  if (typeof name !== 'string' || typeof version !== 'string') return null;
  return before?.['version'] === version ? null : [name, version];
}

/**
 * A dependency range moved to a version of a workspace package that the change also sets, as
 * `"@s/a": "^1.1.0"` while packages/a goes to 1.1.0: the range cannot be installed before the
 * version is.
 */
function findWorkspaceVersionRequirements(context: AnalysisContext): Requirement[] {
  const versions = new Map<string, { version: string; units: ChangeUnit[] }>();
  for (const file of context.files) {
    const change = readVersionChange(context, file);
    if (change === null) continue;
    const units = (context.unitsOfPath.get(file.path) ?? []).filter((unit) =>
      unit.added.some((line) => line.includes(`"${change[1]}"`)),
    );
    versions.set(dependencyKey(change[0]), { version: change[1], units });
  }
  if (versions.size === 0) return [];

  const found: Requirement[] = [];
  for (const file of context.files) {
    if (file.category !== 'dependency-manifest') continue;
    for (const [key, { name, units: users }] of entryUnitsByPackage(context, file)) {
      const target = versions.get(key);
      if (target === undefined) continue;
      const ranged = users.filter((unit) =>
        unit.added.some((line) => line.includes(target.version)),
      );
      for (const user of ranged) {
        for (const unit of target.units) {
          if (unit !== user) found.push(uses(user.index, unit.index, name, true));
        }
      }
    }
  }
  return found;
}

/** Finds what each unit needs to be committed first, or together with it. */
export function findRequirements(context: AnalysisContext): Requirement[] {
  const found: Requirement[] = [];
  const declarers = declarersOf(context);
  const deletes = context.files.some((file) => leavesOldPath(file) && isScriptFile(file));
  for (const file of context.files) {
    if (!isScriptFile(file)) continue;
    if (file.status !== 'deleted') found.push(...findImportRequirements(context, file));
    if (file.status !== 'deleted') {
      found.push(...findImportBindingRequirements(context, file, declarers));
    }
    if (deletes && removesImports(context, file.path)) {
      found.push(...findDeletedImportRequirements(context, file));
    }
  }
  for (const file of context.files) {
    if (file.status !== 'deleted' && file.path.endsWith('.py')) {
      found.push(...findPythonBindingRequirements(context, file));
    }
  }
  found.push(...findPackageImportRequirements(context));
  found.push(...findRustPathRequirements(context));
  const packageFile = /\.(?:py|go|rs|s[ac]ss|css|less)$/;
  if (context.files.some((file) => leavesOldPath(file) && packageFile.test(file.path))) {
    found.push(...findRemovedPackageImportRequirements(context));
  }
  found.push(...findWorkspaceVersionRequirements(context));
  found.push(...findNewPackageRequirements(context));
  found.push(...findDependencyRequirements(context));
  found.push(...findNewNameRequirements(context));
  found.push(...findRemovedNameRequirements(context));
  found.push(...findRemovedNameImportRequirements(context));
  found.push(...findPathStringRequirements(context));
  return found;
}
