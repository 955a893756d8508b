import type { CacheTreeNode } from '../cache-tree.js';
import type { IndexEntry, IndexEntryTable } from '../index-file.js';
import { createHash } from 'node:crypto';

import { canonicalMode, type TreeEntry } from '../objects/tree.js';
import { compareGitPaths } from '../path-order.js';

/** A folder of the index: its entries are the contiguous range [start, end) of the sorted index. */
export interface IndexFolder {
  /** Folder path without a trailing slash; `''` for the root. */
  path: string;
  start: number;
  end: number;
  /** The folder's cache-tree node, when the index has one for it. */
  cacheNode: CacheTreeNode | undefined;
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
  /** Children by folder path, kept because the diff lists the folders that hashing listed. */
  private readonly listed = new Map<string, IndexChild[]>();
  private readonly cacheChildren = new Map<CacheTreeNode, Map<string, CacheTreeNode>>();

  constructor(
    private readonly entries: IndexEntryTable,
    private readonly cacheRoot: CacheTreeNode | undefined,
  ) {}

  root(): IndexFolder {
    return { path: '', start: 0, end: this.entries.length, cacheNode: this.cacheRoot };
  }

  /** Returns the folder's tree, memoized per folder. */
  treeOf(folder: IndexFolder): FolderTree {
    let tree = this.trees.get(folder.path);
    if (!tree) {
      tree = this.computeTree(folder);
      this.trees.set(folder.path, tree);
    }
    return tree;
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

  private listChildren(folder: IndexFolder): IndexChild[] {
    const prefix = folder.path === '' ? '' : `${folder.path}/`;
    const children: IndexChild[] = [];
    let i = folder.start;
    while (i < folder.end) {
      const path = this.entries.pathAt(i);
      const slash = path.indexOf('/', prefix.length);
      if (slash < 0) {
        const next = this.fileEnd(i, folder.end);
        children.push(this.fileChild(path, prefix, i, next));
        i = next;
        continue;
      }

      const name = path.slice(prefix.length, slash);
      const sub = this.subfolder(folder, name, i);
      children.push({ kind: 'folder', name, folder: sub });
      i = sub.end;
    }
    return children;
  }

  /**
   * Computes a folder's tree, visiting every subfolder the cache tree does not cover. Git keeps
   * the cache tree invalid above any unmerged or intent-to-add entry, so this visit also finds
   * all of those without looking at the other entries.
   */
  private computeTree(folder: IndexFolder): FolderTree {
    const node = folder.cacheNode;
    if (node && node.entryCount >= 0 && node.oid !== null) return { kind: 'tree', oid: node.oid };

    const treeEntries: TreeEntry[] = [];
    let unmerged = false;
    for (const child of this.children(folder)) {
      if (child.kind === 'folder') {
        const sub = this.treeOf(child.folder);
        if (sub.kind === 'unmerged') unmerged = true;
        else if (sub.kind === 'tree')
          treeEntries.push({ name: child.name, mode: '040000', oid: sub.oid });
      } else if (child.unmerged) {
        this.unmerged.push(child.path);
        unmerged = true;
      } else if (child.entry?.flags.intentToAdd) {
        this.intentToAdd.push(child.path);
      } else if (child.entry) {
        treeEntries.push({
          name: child.name,
          mode: canonicalMode(child.entry.mode),
          oid: child.entry.oid,
        });
      }
    }

    if (unmerged) return { kind: 'unmerged' };
    if (treeEntries.length === 0) return { kind: 'empty' };
    return { kind: 'tree', oid: hashTree(treeEntries) };
  }

  /** Returns the end of the run of entries (stages) that share the path at `start`. */
  private fileEnd(start: number, end: number): number {
    const path = this.entries.pathAt(start);
    let next = start + 1;
    while (next < end && this.entries.pathAt(next) === path) next++;
    return next;
  }

  private fileChild(path: string, prefix: string, start: number, end: number): IndexFileChild {
    let entry: IndexEntry | null = null;
    let unmerged = false;
    for (let i = start; i < end; i++) {
      if (this.entries.stageAt(i) === 0) entry = this.entries.entryAt(i);
      else unmerged = true;
    }
    return {
      kind: 'file',
      name: path.slice(prefix.length),
      path,
      start,
      entry: unmerged ? null : entry,
      unmerged,
    };
  }

  /**
   * Finds a subfolder's range. A valid cache-tree node counts the folder's entries, so the range
   * is known without scanning. The count is checked against the paths at both of its ends.
   */
  private subfolder(parent: IndexFolder, name: string, start: number): IndexFolder {
    const path = parent.path === '' ? name : `${parent.path}/${name}`;
    const prefix = `${path}/`;
    const cacheNode = parent.cacheNode ? this.cacheChild(parent.cacheNode, name) : undefined;

    if (cacheNode && cacheNode.entryCount > 0) {
      const end = start + cacheNode.entryCount;
      if (end <= parent.end && this.coversExactly(prefix, end)) {
        return { path, start, end, cacheNode };
      }
    }

    // A node whose count disagrees with the index is not trusted for its tree id either.
    const trusted = cacheNode && cacheNode.entryCount < 0 ? cacheNode : undefined;
    return { path, start, end: this.folderEnd(prefix, start, parent.end), cacheNode: trusted };
  }

  /**
   * Finds the end of the entries under `prefix` by binary search, which decodes about log2(n)
   * paths instead of every path of the folder. In sorted order the entries end before the first
   * path at or after `prefix` with its final `/` replaced by `0`, the next byte value.
   */
  private folderEnd(prefix: string, start: number, end: number): number {
    const bound = `${prefix.slice(0, -1)}0`;
    let low = start + 1;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareGitPaths(this.entries.pathAt(middle), bound) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Returns true when the entries under `prefix` end exactly at `end`. */
  private coversExactly(prefix: string, end: number): boolean {
    const after = end < this.entries.length ? this.entries.pathAt(end) : undefined;
    return this.entries.pathAt(end - 1).startsWith(prefix) && !after?.startsWith(prefix);
  }

  private cacheChild(node: CacheTreeNode, name: string): CacheTreeNode | undefined {
    let byName = this.cacheChildren.get(node);
    if (!byName) {
      byName = new Map(
        node.children.map((child) => [child.path.slice(child.path.lastIndexOf('/') + 1), child]),
      );
      this.cacheChildren.set(node, byName);
    }
    return byName.get(name);
  }
}

/**
 * Hashes entries that are already in git's tree order, which index order gives: a full path
 * compares as its folder's name followed by `/`, the rule trees sort by. One buffer is written
 * in place because this runs for every folder the cache tree does not cover.
 */
function hashTree(entries: readonly TreeEntry[]): string {
  let length = 0;
  for (const entry of entries)
    length += treeModeText(entry.mode).length + Buffer.byteLength(entry.name) + 22;

  const content = Buffer.allocUnsafe(length);
  let position = 0;
  for (const entry of entries) {
    position += content.write(treeModeText(entry.mode), position, 'latin1');
    content[position++] = 0x20;
    position += content.write(entry.name, position, 'utf8');
    content[position++] = 0;
    position += content.write(entry.oid, position, 'hex');
  }
  return createHash('sha1').update(`tree ${length}\0`, 'latin1').update(content).digest('hex');
}

/** Trees store a subtree's mode without its leading zero. */
function treeModeText(mode: TreeEntry['mode']): string {
  return mode === '040000' ? '40000' : mode;
}
