import type { FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import { exportsOfText, exportsOnChangedLines } from './commit-type.js';
import { isScriptFile } from './module-index.js';
import { PACKAGE_FOLDERS } from './package-scopes.js';
import { baseNameOf, folderOf, stemOf } from './paths.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** Returns true when a changed file outside a batch imported `name` from `path` in HEAD. */
export type ImportedName = (path: string, name: string) => boolean;

/** Folders that hold a package's sources, so an index there is the package's entry. */
const SOURCE_FOLDERS = new Set(['src', 'lib', 'source']);

/**
 * Returns true for a package's entry module: an `index` file at the root of the repository
 * or of a workspace package (`packages/utils/index.ts`), or in its `src` or `lib` folder.
 */
export function isPackageEntry(path: string): boolean {
  if (stemOf(path) !== 'index') return false;
  let folder = folderOf(path);
  if (SOURCE_FOLDERS.has(baseNameOf(folder))) folder = folderOf(folder);
  return folder === '' || PACKAGE_FOLDERS.has(baseNameOf(folderOf(folder)));
}

/**
 * Returns the JavaScript and TypeScript exports that a batch takes away from other modules:
 * a name whose export its removed lines delete, that no added line of the batch exports again
 * and that its file no longer exports. It counts when the file is a package entry (see
 * isPackageEntry) or when a changed file outside the batch imported that name from it in HEAD
 * (`importedName`). Such a batch breaks the code that uses the name, so its header gets `!`.
 * NOTE: unchanged files are not read, so a module that only they import counts as private.
 */
export function removedPublicExports(
  parts: readonly BatchPart[],
  content: ContentMap,
  importedName: ImportedName = () => false,
): string[] {
  const scripts = parts.filter((part) => isScriptFile(part.file));
  const deletions = scripts
    .map((part) => ({ part, deleted: exportsOnChangedLines(part, content, 'removed') }))
    .filter(({ deleted }) => deleted.size > 0);
  // Most batches delete no export, and reading every added line's exports costs more.
  if (deletions.length === 0) return [];

  const exportedAgain = new Set<string>();
  for (const part of scripts) {
    for (const name of exportsOnChangedLines(part, content, 'added').keys())
      exportedAgain.add(name);
  }

  const removed = new Set<string>();
  for (const { part, deleted } of deletions) {
    const newText = content.get(part.file.path)?.newText;
    const stillExported =
      part.file.status === 'deleted' || !newText ? new Set() : exportsOfText(newText);
    const entry = isPackageEntry(part.file.oldPath ?? part.file.path);
    for (const name of deleted.keys()) {
      if (exportedAgain.has(name) || stillExported.has(name)) continue;
      if (entry || importedName(part.file.path, name)) removed.add(name);
    }
  }
  return [...removed];
}
