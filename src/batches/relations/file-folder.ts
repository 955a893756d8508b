import type { FileChange } from '../../footprint/types.js';
import { isCode } from '../categories.js';
import { findFileFolderPairs } from '../file-folder.js';
import { FOLDER_MODULE_STEMS, folderPathOf } from '../folder-module.js';
import { folderOf, stemOf } from '../paths.js';
import { linkFiles, type AnalysisContext, type Link } from './context.js';

/** A module file on one side and the folder module entry that takes its place on the other. */
interface ModuleEntryPair {
  /** The staged file whose path or old path is the module file, `src/format.ts`. */
  file: string;
  /** The staged file of the entry, `src/format/index.ts`. */
  entry: string;
}

/**
 * Returns the staged files of the folder module entries that `side` has and `other` lacks,
 * by the folder they make a module: `src/format` for `src/format/index.ts`.
 */
function entriesByFolder(
  side: ReadonlyMap<string, string>,
  other: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  side.forEach((owner, entry) => {
    if (other.has(entry) || !FOLDER_MODULE_STEMS.has(stemOf(entry))) return;
    const folder = folderOf(entry);
    entries.set(folder, [...(entries.get(folder) ?? []), owner]);
  });
  return entries;
}

/**
 * Finds each module file that leaves one side while an entry of the folder with its stem
 * (`index`, `__init__` or `mod`) appears on the other: `format.ts` becoming `format/index.ts`
 * and siblings, or the reverse. An import of `./format` reaches whichever of them a tree holds,
 * so a commit that has neither breaks every importer, changed or not.
 */
function findModuleEntryPairs(files: readonly FileChange[]): ModuleEntryPair[] {
  const staged = new Map<string, string>();
  const inHead = new Map<string, string>();
  for (const file of files) {
    if (file.status !== 'deleted') staged.set(file.path, file.path);
    if (file.status !== 'added') inHead.set(file.oldPath ?? file.path, file.path);
  }

  const pairs: ModuleEntryPair[] = [];
  const code = files.filter(isCode);
  // `withFile` is the side that has the module file, `withEntry` the side that has the entry.
  const pairUp = (withFile: Map<string, string>, withEntry: Map<string, string>) => {
    const entries = entriesByFolder(withEntry, withFile);
    if (entries.size === 0) return;
    for (const file of code) {
      for (const path of new Set([file.path, file.oldPath ?? file.path])) {
        if (!withFile.has(path) || withEntry.has(path)) continue;
        for (const owner of entries.get(folderPathOf(path)) ?? []) {
          pairs.push({ file: file.path, entry: owner });
        }
      }
    }
  };
  pairUp(inHead, staged);
  pairUp(staged, inHead);
  return pairs;
}

/**
 * Links a file to each staged file under the same path as a folder. When a file becomes a
 * folder or the reverse, HEAD has one side and the index the other. No commit can contain one
 * side's change without the other's. A module file and the folder module entry that replaces
 * it (see findModuleEntryPairs) are linked the same way.
 */
export function findFileFolderLinks(context: AnalysisContext): Link[] {
  const links = findFileFolderPairs(context.files).flatMap((pair) =>
    linkFiles(context, 'file-folder', pair.file, pair.under, 1),
  );
  for (const pair of findModuleEntryPairs(context.files)) {
    links.push(...linkFiles(context, 'file-folder', pair.file, pair.entry, 1));
  }
  return links;
}
