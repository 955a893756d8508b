import type { AttributeFileSource, AttributeReader } from '../attributes.js';
import type { IndexEntryTable } from '../index-file.js';
import { compareGitPaths } from '../path-order.js';
import type { FolderTree } from './index-tree.js';

const REGULAR_FILE_MODES: ReadonlySet<number> = new Set([0o100644, 0o100755]);

/**
 * Finds `.gitattributes` files in the parsed index by binary search, so a lookup decodes about
 * log2(n) paths. A symlinked one is skipped, as git 2.39 skips it, and an intent-to-add one has
 * no staged content.
 */
export function attributeSourceFromEntries(
  entries: IndexEntryTable,
  readBlob: (oid: string) => Promise<Buffer>,
): AttributeFileSource {
  return {
    async findAttributeFile(folder) {
      const position = findStagedEntry(
        entries,
        folder === '' ? '.gitattributes' : `${folder}/.gitattributes`,
      );
      if (position === null) return null;
      const entry = entries.entryAt(position);
      if (!REGULAR_FILE_MODES.has(entry.mode) || entry.flags.intentToAdd) return null;
      return entry.oid;
    },
    readBlob,
  };
}

/** Returns the position of the stage 0 entry of `path` in index order, or null. */
function findStagedEntry(entries: IndexEntryTable, path: string): number | null {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareGitPaths(entries.pathAt(middle), path) < 0) low = middle + 1;
    else high = middle;
  }
  const found = low < entries.length && entries.pathAt(low) === path;
  return found && entries.stageAt(low) === 0 ? low : null;
}

/**
 * Returns true when `.gitattributes` marks the path as binary for diffs (`-diff`, or the
 * `binary` macro), null to let the content decide, as git's rename scoring does.
 */
export async function binaryByAttributes(
  attributes: AttributeReader,
  path: string,
): Promise<boolean | null> {
  const { diff } = await attributes.read(path, ['diff']);
  return diff === 'unset' ? true : null;
}

/** Returns true when an index folder's tree is HEAD's tree for the same folder, or both are absent. */
export function treeIsUnchanged(tree: FolderTree, headOid: string | null): boolean {
  if (tree.kind === 'tree') return tree.oid === headOid;
  return tree.kind === 'empty' && headOid === null;
}
