import { serializeTree, type TreeEntry } from './objects/tree.js';
import type { FileMode, StagedEntry } from './types.js';

/** Reads tree objects and hashes new ones, in the repository's object format. */
export interface TreeAccess {
  readTree(oid: string): Promise<TreeEntry[]>;
  /** Returns the id git gives `content` stored as a tree object. */
  hashTree(content: Buffer): string;
  /** Id of the tree with no entries. */
  emptyTreeOid: string;
}

/** Changes under one folder: files by name, and subfolders with changes of their own. */
interface FolderChanges {
  files: Map<string, { mode: FileMode; oid: string } | null>;
  folders: Map<string, FolderChanges>;
}

/**
 * Computes the tree `git write-tree` would write for HEAD's tree plus the staged changes,
 * without writing anything. Only the folders on a changed path are read and hashed again,
 * bottom-up, so untouched subtrees keep HEAD's ids. A folder left empty disappears, as in git.
 * Unmerged and intent-to-add paths must be left out of `changes` by the caller.
 */
export async function computeStagedTree(
  headTree: string | null,
  changes: readonly StagedEntry[],
  trees: TreeAccess,
): Promise<string> {
  const root = collectChanges(changes);
  const oid = await rebuildFolder(headTree, root, trees);
  return oid ?? trees.emptyTreeOid;
}

function collectChanges(changes: readonly StagedEntry[]): FolderChanges {
  const root: FolderChanges = { files: new Map(), folders: new Map() };
  for (const change of changes) {
    if (change.status === 'renamed' && change.oldPath !== undefined) {
      setChange(root, change.oldPath, null);
    }
    const staged =
      change.status === 'deleted' || change.newMode === null || change.newOid === null
        ? null
        : { mode: change.newMode, oid: change.newOid };
    setChange(root, change.path, staged);
  }
  return root;
}

function setChange(
  root: FolderChanges,
  path: string,
  staged: { mode: FileMode; oid: string } | null,
): void {
  const parts = path.split('/');
  const name = parts.pop() as string;
  let folder = root;
  for (const part of parts) {
    let child = folder.folders.get(part);
    if (!child) {
      child = { files: new Map(), folders: new Map() };
      folder.folders.set(part, child);
    }
    folder = child;
  }

  // A deletion must not undo an addition at the same path, which a rename pair may list first.
  if (staged === null && folder.files.get(name)) return;
  folder.files.set(name, staged);
}

/** Returns the new id of a folder, or null when no entry is left in it. */
async function rebuildFolder(
  oid: string | null,
  changes: FolderChanges,
  trees: TreeAccess,
): Promise<string | null> {
  const original = oid === null ? [] : await trees.readTree(oid);
  const entries = new Map(original.map((entry) => [entry.name, entry]));

  // Subfolders first, from HEAD's entries, so a file replacing a folder (or the reverse) at the
  // same name is applied after the folder's own changes.
  for (const [name, subChanges] of changes.folders) {
    const before = original.find((entry) => entry.name === name);
    const subOid = before?.mode === '040000' ? before.oid : null;
    const rebuilt = await rebuildFolder(subOid, subChanges, trees);
    if (rebuilt !== null) entries.set(name, { name, mode: '040000', oid: rebuilt });
    else if (entries.get(name)?.mode === '040000') entries.delete(name);
  }

  for (const [name, staged] of changes.files) {
    if (staged !== null) entries.set(name, { name, mode: staged.mode, oid: staged.oid });
    else if (entries.get(name)?.mode !== '040000') entries.delete(name);
  }

  if (entries.size === 0) return null;
  return trees.hashTree(serializeTree([...entries.values()]));
}
