import type { FileChange } from '../footprint/types.js';
import { isCode } from './categories.js';
import { baseNameOf, folderOf, stemOf } from './paths.js';

/** File stems that make a folder a module: `index.ts`, Python's `__init__.py`, Rust's `mod.rs`. */
export const FOLDER_MODULE_STEMS: ReadonlySet<string> = new Set(['index', '__init__', 'mod']);

/** A module file that a change turns into a folder module, or the reverse. */
export interface FolderModuleChange {
  /** The module file, `src/config.ts`, by its HEAD path for a split and staged path for a merge. */
  file: string;
  /** True when the file becomes a folder, false when the folder becomes the file. */
  split: boolean;
}

/** Returns the path a code file's module has as a folder: `src/config` for `src/config.ts`. */
export function folderPathOf(path: string): string {
  const folder = folderOf(path);
  return folder === '' ? stemOf(path) : `${folder}/${stemOf(path)}`;
}

/** Returns the folders that hold a folder module entry among `paths`. */
function entryFolders(paths: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) if (FOLDER_MODULE_STEMS.has(stemOf(path))) folders.add(folderOf(path));
  return folders;
}

/**
 * Finds a change that turns a module file into a folder module, `config.ts` into
 * `config/index.ts` and its siblings, or the reverse. Every file must lie under that folder
 * or beside the module file with its stem, such as `config.test.ts`. A module file that git
 * pairs with a file of the folder counts as a rename. Returns null for other changes.
 */
export function findFolderModuleChange(files: readonly FileChange[]): FolderModuleChange | null {
  const paths = files.flatMap((file) => [file.path, file.oldPath ?? file.path]);
  const staged = new Set(
    files.filter((file) => file.status !== 'deleted').map((file) => file.path),
  );
  const inHead = new Set(
    files.filter((file) => file.status !== 'added').map((file) => file.oldPath ?? file.path),
  );
  const stagedEntryFolders = entryFolders(staged);
  const headEntryFolders = entryFolders(inHead);
  for (const file of files.filter(isCode)) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      const folder = folderPathOf(path);
      const split = inHead.has(path) && !staged.has(path);
      const merge = staged.has(path) && !inHead.has(path);
      const hasEntry = (split ? stagedEntryFolders : headEntryFolders).has(folder);
      if ((!split && !merge) || !hasEntry) continue;
      // Its tests beside it, such as `config.test.ts`, may move into the folder.
      const inside = (other: string) =>
        other.startsWith(`${folder}/`) ||
        (folderOf(other) === folderOf(path) && baseNameOf(other).startsWith(`${stemOf(path)}.`));
      if (paths.every(inside)) return { file: path, split };
    }
  }
  return null;
}
