import { hash } from 'node:crypto';

import { ROOT_POSITION, type CacheTree } from '../cache-tree.js';
import type { IndexEntry, IndexEntryTable } from '../index-file.js';
import { canonicalMode } from '../objects/tree.js';

/** A folder of the index: its entries are the contiguous range [start, end) of the sorted index. */
export interface IndexFolder {
  /** Folder path without a trailing slash; `''` for the root. */
  path: string;
  /** Bytes of `path` and its trailing slash at the start of each entry's name; 0 for the root. */
  prefixBytes: number;
  start: number;
  end: number;
  /** Position of the folder's cache-tree node (see CacheTree), or -1 when it has none. */
  cachePosition: number;
}

/** The index entries of one path (one for a merged path, up to three while it is unmerged). */
export interface IndexFileChild {
  kind: 'file';
  name: string;
  path: string;
  /** Position of the path's first entry in the index. */
  start: number;
  /** The stage 0 entry, or null for an unmerged path. */
  entry: IndexEntry | null;
  unmerged: boolean;
}

export interface IndexFolderChild {
  kind: 'folder';
  name: string;
  folder: IndexFolder;
}

export type IndexChild = IndexFileChild | IndexFolderChild;

/** The tree a folder of the index would be written as. */
export type FolderTree = { kind: 'tree'; oid: string } | { kind: 'empty' } | { kind: 'unmerged' };

/**
 * The content of the tree a folder would be written as (entries of `<mode> <name>\0<id>`), and
 * the child each entry was made from. Unmerged and intent-to-add paths and empty subfolders
 * have no entry.
 */
export interface FolderContent {
  bytes: Buffer;
  children: IndexChild[];
}

/**
 * The index seen as folders, for comparing it with HEAD folder by folder. A folder's tree id
 * comes from the cache tree (`TREE` extension) when git recorded a valid one. Otherwise it is
 * hashed from the folder's entries as `git write-tree` would, without writing anything, so
 * intent-to-add entries are left out and a folder with an unmerged path has no tree.
 */
export class IndexTree {
  /** Unmerged paths met while computing trees, in index order. */
  readonly unmerged: string[] = [];
  /** Intent-to-add paths met while computing trees, in index order. */
  readonly intentToAdd: string[] = [];
  private readonly trees = new Map<string, FolderTree>();
  /** Contents of the trees computed, by folder path. */
  private readonly contents = new Map<string, FolderContent | null>();
  /** Children by folder path, kept because the diff lists the folders that hashing listed. */
  private readonly listed = new Map<string, IndexChild[]>();

  constructor(
    private readonly entries: IndexEntryTable,
    private readonly cacheTree: CacheTree | undefined,
  ) {}

  root(): IndexFolder {
    return {
      path: '',
      prefixBytes: 0,
      start: 0,
      end: this.entries.length,
      cachePosition: this.cacheTree ? ROOT_POSITION : -1,
    };
  }

  /**
   * Returns the folder's tree: from its cache-tree node when git recorded a valid one, else
   * computed once and memoized. The first case skips the memo, whose keys are full paths, for
   * the thousands of unchanged subfolders a large folder can list.
   */
  treeOf(folder: IndexFolder): FolderTree {
    if (this.hasValidNode(folder)) {
      return { kind: 'tree', oid: this.cacheTree?.oidAt(folder.cachePosition) as string };
    }

    let tree = this.trees.get(folder.path);
    if (!tree) {
      tree = this.computeTree(folder);
      this.trees.set(folder.path, tree);
    }
    return tree;
  }

  /** Returns the folder's tree id from a valid cache-tree node, or null when it has none. */
  cachedTreeOid(folder: IndexFolder): string | null {
    if (!this.hasValidNode(folder)) return null;
    return (this.cacheTree as CacheTree).oidAt(folder.cachePosition);
  }

  /**
   * Returns the content of the folder's tree, computed once, or null when the folder has an
   * unmerged path or no entry. A folder whose tree came from the cache tree is listed for it.
   */
  contentOf(folder: IndexFolder): FolderContent | null {
    if (!this.contents.has(folder.path)) this.computeTree(folder);
    return this.contents.get(folder.path) ?? null;
  }

  /** Lists the folder's files and subfolders in index order. */
  children(folder: IndexFolder): IndexChild[] {
    let children = this.listed.get(folder.path);
    if (!children) {
      children = this.listChildren(folder);
      this.listed.set(folder.path, children);
    }
    return children;
  }

  /**
   * Lists a folder's children from the name bytes in the index: only the part of each name
   * below the folder is decoded, and a subfolder's entries are skipped as one range.
   */
  private listChildren(folder: IndexFolder): IndexChild[] {
    const prefix = folder.path === '' ? '' : `${folder.path}/`;
    const skip = folder.prefixBytes;
    const children: IndexChild[] = [];
    let i = folder.start;
    while (i < folder.end) {
      const slash = this.entries.slashAfter(i, skip);
      if (slash < 0) {
        const next = this.fileEnd(i, folder.end);
        children.push(this.fileChild(prefix, skip, i, next));
        i = next;
        continue;
      }

      const sub = this.subfolder(folder, skip, slash + 1, i);
      children.push(sub);
      i = sub.end;
    }
    return children;
  }

  /**
   * Computes the tree of a folder the cache tree does not cover, visiting every such subfolder,
   * and keeps its content for the diff. Git keeps the cache tree invalid above any unmerged or
   * intent-to-add entry, so this visit also finds all of those without looking at the other
   * entries.
   */
  private computeTree(folder: IndexFolder): FolderTree {
    const treeEntries: TreeContentEntry[] = [];
    const entryChildren: IndexChild[] = [];
    let unmerged = false;
    // Indexed loops here and in writeTree: a for-of loop allocates an iterator result per
    // child until the JIT compiles it, and a hook run's folders can hold thousands.
    const children = this.children(folder);
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as IndexChild;
      if (child.kind === 'folder') {
        if (this.hasValidNode(child.folder)) {
          treeEntries.push(child.folder);
          entryChildren.push(child);
          continue;
        }
        const sub = this.treeOf(child.folder);
        if (sub.kind === 'unmerged') unmerged = true;
        if (sub.kind !== 'tree') continue;
        treeEntries.push(new ComputedSubtree(child.folder, sub.oid));
        entryChildren.push(child);
      } else if (child.unmerged) {
        this.unmerged.push(child.path);
        unmerged = true;
      } else if (this.entries.flagsAt(child.start).intentToAdd) {
        this.intentToAdd.push(child.path);
      } else {
        treeEntries.push(child.start);
        entryChildren.push(child);
      }
    }

    if (unmerged || treeEntries.length === 0) {
      this.contents.set(folder.path, null);
      return unmerged ? { kind: 'unmerged' } : { kind: 'empty' };
    }
    const object = this.writeTree(treeEntries, folder.prefixBytes);
    this.contents.set(folder.path, {
      bytes: object.subarray(object.indexOf(0) + 1),
      children: entryChildren,
    });
    return { kind: 'tree', oid: hash('sha1', object, 'hex') };
  }

  /** Returns true when the folder's tree id comes from a valid cache-tree node. */
  private hasValidNode(folder: IndexFolder): boolean {
    const position = folder.cachePosition;
    return position >= 0 && (this.cacheTree?.entryCountAt(position) ?? -1) >= 0;
  }

  /**
   * Writes a folder's tree object, header included, from entries already in git's tree order,
   * which index order gives: a full path compares as its folder's name followed by `/`, the
   * rule trees sort by. Names of files and subfolders and ids of files are copied from the
   * index bytes, and ids of subfolders from the cache tree, so no path or id becomes text.
   */
  private writeTree(entries: readonly TreeContentEntry[], prefixBytes: number): Buffer {
    let length = 0;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as TreeContentEntry;
      if (typeof entry === 'number') {
        const mode = treeModeText(canonicalMode(this.entries.modeAt(entry)));
        length += mode.length + this.entries.nameLength(entry) - prefixBytes + 2 + OID_BYTES;
      } else {
        const folder = entry instanceof ComputedSubtree ? entry.folder : entry;
        length += SUBTREE_MODE.length + subfolderNameBytes(folder, prefixBytes) + 2 + OID_BYTES;
      }
    }

    const header = `tree ${length}\0`;
    const object = Buffer.allocUnsafe(header.length + length);
    let position = object.write(header, 0, 'latin1');
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as TreeContentEntry;
      if (typeof entry === 'number') {
        const mode = modeBytes(treeModeText(canonicalMode(this.entries.modeAt(entry))));
        object.set(mode, position);
        position += mode.length;
        position += this.entries.copyName(entry, prefixBytes, object, position);
        object[position++] = 0;
        position += this.entries.copyOid(entry, object, position);
      } else {
        object.set(SUBTREE_MODE_BYTES, position);
        position += SUBTREE_MODE_BYTES.length;
        const folder = entry instanceof ComputedSubtree ? entry.folder : entry;
        const { start, prefixBytes: nameEnd } = folder;
        position += this.entries.copyName(start, prefixBytes, object, position, nameEnd - 1);
        object[position++] = 0;
        position +=
          entry instanceof ComputedSubtree
            ? object.write(entry.oid, position, 'hex')
            : (this.cacheTree as CacheTree).copyOidAt(folder.cachePosition, object, position);
      }
    }
    return object;
  }

  /** Returns the end of the run of entries (stages) that share the path at `start`. */
  private fileEnd(start: number, end: number): number {
    let next = start + 1;
    while (next < end && this.entries.samePath(start, next)) next++;
    return next;
  }

  private fileChild(prefix: string, skip: number, start: number, end: number): IndexFileChild {
    let entry: IndexEntry | null = null;
    let unmerged = false;
    for (let i = start; i < end; i++) {
      if (this.entries.stageAt(i) === 0) entry = this.entries.entryAt(i);
      else unmerged = true;
    }
    const name = this.entries.nameText(start, skip);
    return {
      kind: 'file',
      name,
      path: `${prefix}${name}`,
      start,
      entry: unmerged ? null : entry,
      unmerged,
    };
  }

  /**
   * Finds a subfolder's range. A valid cache-tree node counts the folder's entries, so the range
   * is known without scanning. The count is checked against the paths at both of its ends.
   */
  private subfolder(
    parent: IndexFolder,
    nameStart: number,
    prefixBytes: number,
    start: number,
  ): SubFolder {
    const { cacheTree, entries } = this;
    const key =
      cacheTree && parent.cachePosition >= 0
        ? entries.nameKey(start, nameStart, prefixBytes - 1)
        : null;
    const position =
      key === null ? -1 : (cacheTree as CacheTree).childNamed(parent.cachePosition, key);
    const entryCount = position >= 0 ? (cacheTree as CacheTree).entryCountAt(position) : -1;

    if (entryCount > 0) {
      const end = start + entryCount;
      if (end <= parent.end && this.coversExactly(parent, key as string, prefixBytes, end)) {
        return new SubFolder(entries, parent.path, nameStart, prefixBytes, start, end, position);
      }
    }

    // A node whose count disagrees with the index is not trusted for its tree id either.
    const trusted = position >= 0 && entryCount < 0 ? position : -1;
    const end = this.folderEnd(start, prefixBytes, parent.end);
    return new SubFolder(entries, parent.path, nameStart, prefixBytes, start, end, trusted);
  }

  /**
   * Finds the end of the entries that share the first `prefixBytes` bytes (the folder's path
   * and its `/`) of the name at `start`. In sorted order they are one run, so a binary search
   * compares about log2(n) names, as bytes, instead of every name of the folder.
   */
  private folderEnd(start: number, prefixBytes: number, end: number): number {
    let low = start + 1;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries.sharePrefix(start, middle, prefixBytes)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Returns true when the entries of the subfolder of `parent` named `key` (its own name as
   * Latin-1 text) end exactly at `end`. In sorted order, the folder's entries are one run, so
   * it is enough that the entry before `end` is inside it and the entry at `end` is not. Every
   * entry of the parent's range shares the parent's path, so only the subfolder's own name and
   * its `/` are compared.
   */
  private coversExactly(
    parent: IndexFolder,
    key: string,
    prefixBytes: number,
    end: number,
  ): boolean {
    return (
      this.isInside(end - 1, parent.prefixBytes, key, prefixBytes) &&
      (end === parent.end || !this.isInside(end, parent.prefixBytes, key, prefixBytes))
    );
  }

  /** Returns true when the name at `position` continues with `key` and `/` after `nameStart`. */
  private isInside(position: number, nameStart: number, key: string, prefixBytes: number): boolean {
    return (
      this.entries.nameByteAt(position, prefixBytes - 1) === SLASH &&
      this.entries.nameKey(position, nameStart, prefixBytes - 1) === key
    );
  }
}

/**
 * A subfolder of an index folder, which is also its record among the folder's children. Its
 * name and path are decoded on first use: a folder of thousands of unchanged subfolders is
 * hashed and compared without them, and without a second object per subfolder.
 */
class SubFolder implements IndexFolder, IndexFolderChild {
  readonly kind = 'folder';
  private pathText: string | undefined;

  constructor(
    private readonly entries: IndexEntryTable,
    private readonly parentPath: string,
    /** Bytes of the parent's path and its `/`, where this folder's name starts. */
    private readonly nameStart: number,
    readonly prefixBytes: number,
    readonly start: number,
    readonly end: number,
    readonly cachePosition: number,
  ) {}

  get name(): string {
    return this.entries.nameText(this.start, this.nameStart, this.prefixBytes - 1);
  }

  get path(): string {
    this.pathText ??= this.parentPath === '' ? this.name : `${this.parentPath}/${this.name}`;
    return this.pathText;
  }

  get folder(): SubFolder {
    return this;
  }
}

/** A subfolder whose tree was computed here, with that tree's id. */
class ComputedSubtree {
  constructor(
    readonly folder: IndexFolder,
    readonly oid: string,
  ) {}
}

/**
 * An entry of a tree being written: a file's index position, a subfolder whose tree id is in
 * its cache-tree node, or a subfolder whose tree was computed.
 */
type TreeContentEntry = number | IndexFolder | ComputedSubtree;

/**
 * Returns the length in bytes of a subfolder's own name: its path's bytes and `/` come after
 * the parent's `prefixBytes` in the names of its entries.
 */
function subfolderNameBytes(folder: IndexFolder, parentPrefixBytes: number): number {
  return folder.prefixBytes - 1 - parentPrefixBytes;
}

const OID_BYTES = 20;
const SLASH = 0x2f;
/** Trees store a subtree's mode without its leading zero. */
const SUBTREE_MODE = '40000';

function treeModeText(mode: string): string {
  return mode === '040000' ? SUBTREE_MODE : mode;
}

/**
 * A mode and the space after it, as bytes to copy into a tree: Buffer's write() of a short
 * string costs more than the copy in code that runs once per tree entry.
 */
const MODE_BYTES = new Map<string, Buffer>();

function modeBytes(mode: string): Buffer {
  let bytes = MODE_BYTES.get(mode);
  if (bytes === undefined) {
    bytes = Buffer.from(`${mode} `, 'latin1');
    MODE_BYTES.set(mode, bytes);
  }
  return bytes;
}

const SUBTREE_MODE_BYTES = modeBytes(SUBTREE_MODE);
