import type { FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import { exportsOfText, exportsOnChangedLines } from './commit-type.js';
import { isScriptFile } from './module-index.js';
import { PACKAGE_FOLDERS } from './package-scopes.js';
import { baseNameOf, folderOf, stemOf } from './paths.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** A re-export of every name of another module, which this check does not follow. */
const EXPORT_ALL = /^[ \t]*export[ \t]*\*[ \t]*(?:as[ \t]+\w+[ \t]*)?from\b/m;

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
 * Returns the JavaScript and TypeScript exports that a batch takes away from a package's
 * entry module (see isPackageEntry). Each is a name whose export the removed lines delete.
 * No added line of the batch exports it again, and the entry no longer exports it. Code
 * outside the package uses such a name, so the batch breaks that code and its header gets `!`.
 * An internal module is no interface, even where other files of the change import it.
 * NOTE: an entry whose staged text has `export * from` may still export the name through it,
 * so it is never judged. An export that turns into a default export is not found either.
 */
export function removedPublicExports(parts: readonly BatchPart[], content: ContentMap): string[] {
  const scripts = parts.filter(
    (part) => isScriptFile(part.file) && isPackageEntry(part.file.oldPath ?? part.file.path),
  );
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
    if (newText && EXPORT_ALL.test(newText)) continue;
    const stillExported =
      part.file.status === 'deleted' || !newText ? new Set() : exportsOfText(newText);
    for (const name of deleted.keys()) {
      if (!exportedAgain.has(name) && !stillExported.has(name)) removed.add(name);
    }
  }
  return [...removed];
}
