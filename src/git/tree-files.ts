import type { TreeEntry } from './objects/tree.js';
import type { FileMode } from './types.js';

/** The object reads that readTreeFiles needs. */
export interface TreeFileSource {
  readTree(oid: string): Promise<TreeEntry[]>;
  readObjectSize(oid: string): Promise<number>;
  readBlob(oid: string): Promise<Buffer>;
}

const REGULAR_FILE_MODES: ReadonlySet<FileMode> = new Set(['100644', '100755']);
const TREE_MODE: FileMode = '040000';

/**
 * Reads the files at `paths` in the tree `tree`, reading each folder's tree at most once. A
 * path that is missing, names a folder, a symlink or a submodule, or is larger than
 * `maxBytes` bytes is left out of the result.
 */
export async function readTreeFiles(
  source: TreeFileSource,
  tree: string,
  paths: readonly string[],
  maxBytes: number,
): Promise<Map<string, Buffer>> {
  const folders = new Map<string, Promise<Map<string, TreeEntry> | null>>();
  const listFolder = (folder: string): Promise<Map<string, TreeEntry> | null> => {
    let entries = folders.get(folder);
    if (entries === undefined) {
      entries = readFolder(folder);
      folders.set(folder, entries);
    }
    return entries;
  };
  const readFolder = async (folder: string): Promise<Map<string, TreeEntry> | null> => {
    let oid = tree;
    if (folder !== '') {
      const slash = folder.lastIndexOf('/');
      const parent = await listFolder(slash < 0 ? '' : folder.slice(0, slash));
      const entry = parent?.get(folder.slice(slash + 1));
      if (entry?.mode !== TREE_MODE) return null;
      oid = entry.oid;
    }
    const entries = await source.readTree(oid);
    return new Map(entries.map((entry) => [entry.name, entry]));
  };

  const read = async (filePath: string): Promise<[string, Buffer] | null> => {
    const slash = filePath.lastIndexOf('/');
    const entries = await listFolder(slash < 0 ? '' : filePath.slice(0, slash));
    const entry = entries?.get(filePath.slice(slash + 1));
    if (entry === undefined || !REGULAR_FILE_MODES.has(entry.mode)) return null;
    if ((await source.readObjectSize(entry.oid)) > maxBytes) return null;
    return [filePath, await source.readBlob(entry.oid)];
  };
  // The reads go out together, so the git command line reader sends them down one pipe.
  const found = await Promise.all(paths.map(read));
  return new Map(found.filter((file) => file !== null));
}
