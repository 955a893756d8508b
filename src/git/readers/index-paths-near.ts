import type { IndexEntryTable } from '../index-file.js';
import type { IndexFolder, IndexTree } from './index-tree.js';

/**
 * Selects, from every path in the index (each once, in index order), the ones a rule that
 * compares `near` with the rest of the index can need. For each folder on the way to a near
 * path, in every case spelling the index has for it, those are the files directly in it and
 * the first path under each of its subfolders. They are enough to tell whether a near path or
 * one of its folders differs only in case from a path in the index, and whether a file sits
 * next to a near path or in a folder above it, and the first spellings come in index order.
 */
export function selectIndexPathsNear(paths: readonly string[], near: readonly string[]): string[] {
  const targets = targetFolders(near);
  return paths.filter((path, position) => {
    const previous = position > 0 ? paths[position - 1] : undefined;
    let folderStart = 0;
    for (;;) {
      const folderEnd = path.indexOf('/', folderStart);
      const parent = folderStart === 0 ? '' : path.slice(0, folderStart - 1);
      if (folderEnd === -1) return targets.has(parent.toLowerCase());

      const subfolder = path.slice(0, folderEnd + 1);
      const isFirstUnder = previous === undefined || !previous.startsWith(subfolder);
      if (isFirstUnder && targets.has(parent.toLowerCase())) return true;
      folderStart = folderEnd + 1;
    }
  });
}

/**
 * Finds the same paths as selectIndexPathsNear by listing only the folders on the way to each
 * near path, in every case spelling, so the cost follows the near paths' folders instead of
 * the size of the index.
 */
export function findIndexPathsNear(
  tree: IndexTree,
  entries: IndexEntryTable,
  near: readonly string[],
): string[] {
  const positions = new Set<number>();
  const listed = new Set<string>();
  // Subfolders of each folder by their lower-case name, made once per folder: a folder of
  // thousands of subfolders is on the way to many near paths. All of them share the folder's
  // path, so their names tell them apart without building each one's full path. Keyed by the
  // folder's path, because tree.root() returns a new object on each call.
  const byLowerName = new Map<string, Map<string, IndexFolder[]>>();
  const subfoldersSpelled = (folder: IndexFolder, lowerName: string): IndexFolder[] => {
    let subfolders = byLowerName.get(folder.path);
    if (subfolders === undefined) {
      subfolders = new Map();
      for (const child of tree.children(folder)) {
        if (child.kind !== 'folder') continue;
        const key = child.name.toLowerCase();
        const same = subfolders.get(key);
        if (same === undefined) subfolders.set(key, [child.folder]);
        else same.push(child.folder);
      }
      byLowerName.set(folder.path, subfolders);
    }
    return subfolders.get(lowerName) ?? [];
  };
  const list = (folder: IndexFolder): void => {
    if (listed.has(folder.path)) return;
    listed.add(folder.path);
    for (const child of tree.children(folder)) {
      positions.add(child.kind === 'file' ? child.start : child.folder.start);
    }
  };

  for (const nearPath of near) {
    const folders = nearPath.split('/').slice(0, -1);
    let spellings: IndexFolder[] = [tree.root()];
    for (let depth = 0; spellings.length > 0; depth++) {
      spellings.forEach(list);
      if (depth === folders.length) break;
      const lowerName = (folders[depth] ?? '').toLowerCase();
      spellings = spellings.flatMap((folder) => subfoldersSpelled(folder, lowerName));
    }
  }

  const found: string[] = [];
  for (const position of [...positions].sort((a, b) => a - b)) {
    const path = entries.pathAt(position);
    if (found[found.length - 1] !== path) found.push(path);
  }
  return found;
}

/** Returns every folder on the way to each near path, lower-cased, `''` for the root. */
function targetFolders(near: readonly string[]): Set<string> {
  const targets = new Set<string>();
  for (const nearPath of near) {
    const parts = nearPath.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      targets.add(parts.slice(0, depth).join('/').toLowerCase());
    }
  }
  return targets;
}
