/** A path a change has in HEAD or in the index, and the staged file it belongs to. */
interface ChangedPath {
  path: string;
  file: string;
}

/**
 * Two staged files, one a file at `folder` and the other under `folder/`. HEAD has one of them
 * and the index has the other, because no tree can contain both. So a commit that takes one of
 * them without the other gets a tree that takes the other's change too, or drops its own.
 */
export interface FileFolderPair {
  /** The staged file whose path (or old path) is `folder` itself. */
  file: string;
  /** The staged file whose path (or old path) lies under `folder/`. */
  under: string;
  /** The path that is a file on one side and a folder on the other. */
  folder: string;
}

/**
 * Finds every pair of staged files where a path of one (its path or, for a rename or copy, its
 * old path) is a folder of a path of the other. In a staged change such a pair always means
 * that a file became a folder or a folder became a file, because one tree cannot hold both.
 */
export function findFileFolderPairs(
  files: ReadonlyArray<{ path: string; oldPath?: string | undefined }>,
): FileFolderPair[] {
  const owners = new Map<string, string[]>();
  const changed: ChangedPath[] = [];
  for (const file of files) {
    const paths = new Set([file.path, file.oldPath].filter((path) => path !== undefined));
    for (const path of paths) {
      changed.push({ path, file: file.path });
      owners.set(path, [...(owners.get(path) ?? []), file.path]);
    }
  }

  const pairs: FileFolderPair[] = [];
  const seen = new Set<string>();
  for (const { path, file } of changed) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash);
      for (const owner of owners.get(folder) ?? []) {
        const key = `${owner}\0${file}`;
        if (owner === file || seen.has(key)) continue;
        seen.add(key);
        pairs.push({ file: owner, under: file, folder });
      }
    }
  }
  return pairs;
}
