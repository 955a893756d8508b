import path from 'node:path';

import { createDebug } from '../../log/debug.js';
import { AttributeReader } from '../attributes.js';
import type { GitConfig } from '../config.js';
import { findGlobalAttributesFile } from '../global-attributes.js';
import { findSystemAttributesFile } from '../system-attributes.js';
import { createEmptyEntryTable } from '../index-entry-table.js';
import type { IndexFile } from '../index-file.js';
import {
  EMPTY_TREE_OID,
  canonicalMode,
  hashObject,
  parseCommit,
  parseTree,
  parseTreeEntryAt,
  type TreeEntry,
} from '../objects/tree.js';
import { MissingObjectError, type GitObject } from '../objects/types.js';
import { compareGitPaths } from '../path-order.js';
import { readHead } from '../refs.js';
import { detectRenames, type RenameOptions } from '../renames.js';
import { computeStagedTree } from '../staged-tree.js';
import { readInProgressOperation } from '../state.js';
import type {
  FileMode,
  GitReader,
  ReaderChoice,
  RepositoryLayout,
  StagedChange,
  StagedEntry,
} from '../types.js';
import { findIndexPathsNear } from './index-paths-near.js';
import {
  IndexTree,
  type FolderContent,
  type FolderTree,
  type IndexChild,
  type IndexFolder,
} from './index-tree.js';
import {
  attributeSourceFromEntries,
  binaryByAttributes,
  treeIsUnchanged,
} from './reader-support.js';
import { isObjectId } from './object-format.js';
import { TreeMerge } from './tree-merge.js';
import { readTreeFiles } from '../tree-files.js';

const debug = createDebug('git');

/** The object reads the native reader needs; ObjectStore provides them. */
export interface ObjectSource {
  read(oid: string): Promise<GitObject>;
  readSize(oid: string): Promise<number>;
  close?(): void;
}

/**
 * Reads the staged change from git's own files: the index, HEAD's commit and the trees on the
 * way to each change. A folder whose tree id in the index (from the cache tree, or hashed from
 * its entries) equals HEAD's is skipped without reading HEAD's tree for it.
 */
export class NativeReader implements GitReader {
  readonly choice: ReaderChoice = { reader: 'native', reasons: [] };
  private readonly attributes: AttributeReader;
  /** The index seen as folders, kept from readStagedChange for readIndexPaths. */
  private indexTree: IndexTree | undefined;

  constructor(
    readonly layout: RepositoryLayout,
    private readonly index: IndexFile | null,
    private readonly objects: ObjectSource,
    private readonly renameOptions: RenameOptions,
    config: GitConfig,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    const entries = index?.table ?? createEmptyEntryTable();
    this.attributes = new AttributeReader(
      attributeSourceFromEntries(entries, (oid) => this.readBlob(oid)),
      {
        infoAttributesPath: path.join(layout.commonDir, 'info', 'attributes'),
        globalAttributesPath: findGlobalAttributesFile(
          config,
          env,
          layout.worktree ?? layout.gitDir,
        ),
        systemAttributesPath: findSystemAttributesFile(env),
        ignoreCase: config.getBool('core.ignoreCase') ?? false,
      },
    );
  }

  async readStagedChange(): Promise<StagedChange> {
    const [head, operation] = await Promise.all([
      readHead(this.layout),
      readInProgressOperation(this.layout, this.env),
    ]);
    const headTree = head.oid === null ? null : await this.readCommitTree(head.oid);

    const entries = this.index?.table ?? createEmptyEntryTable();
    const indexTree = new IndexTree(entries, this.index?.cacheTree ?? undefined);
    this.indexTree = indexTree;
    const cachedRoot = entries.hasStagesOrExtendedFlags()
      ? null
      : indexTree.cachedTreeOid(indexTree.root());
    let changes = cachedRoot === null ? null : await this.diffStagedTrees(cachedRoot, headTree);
    if (changes === null) {
      changes = [];
      await this.diffFolder(indexTree, indexTree.root(), headTree, changes);
    }
    changes.sort((a, b) => compareGitPaths(a.path, b.path));

    const stagedTree = stagedTreeOid(indexTree.treeOf(indexTree.root()));
    const { unmerged, intentToAdd } = indexTree;
    const renamed = await detectRenames(changes, this.renameContent(), this.renameOptions);
    debug(`native: ${renamed.length} staged entries, ${unmerged.length} unmerged`);
    return { head, headTree, stagedTree, entries: renamed, unmerged, intentToAdd, operation };
  }

  async readBlob(oid: string): Promise<Buffer> {
    return (await this.readObject(oid, 'blob')).content;
  }

  /**
   * Returns every path in the index once, in index order (unmerged stages collapse to one), or
   * with `near` only the paths around those (see selectIndexPathsNear), which it finds without
   * decoding the rest of the index.
   */
  async readIndexPaths(near?: readonly string[]): Promise<string[]> {
    const table = this.index?.table;
    if (table === undefined) return [];
    if (near !== undefined) {
      this.indexTree ??= new IndexTree(table, this.index?.cacheTree ?? undefined);
      return findIndexPathsNear(this.indexTree, table, near);
    }

    const paths: string[] = [];
    for (let position = 0; position < table.length; position++) {
      const entryPath = table.pathAt(position);
      if (paths[paths.length - 1] !== entryPath) paths.push(entryPath);
    }
    return paths;
  }

  readObjectSize(oid: string): Promise<number> {
    return this.objects.readSize(oid);
  }

  readTreeFiles(
    tree: string,
    paths: readonly string[],
    maxBytes: number,
  ): Promise<Map<string, Buffer>> {
    const source = {
      readTree: (oid: string) => this.readTree(oid),
      readObjectSize: (oid: string) => this.readObjectSize(oid),
      readBlob: (oid: string) => this.readBlob(oid),
    };
    return readTreeFiles(source, tree, paths, maxBytes);
  }

  async hasCommit(oid: string): Promise<boolean> {
    // This reader reads SHA-1 repositories only, where a 64-digit id names no object.
    if (!isObjectId('sha1', oid)) return false;
    try {
      return (await this.objects.read(oid)).type === 'commit';
    } catch (error) {
      if (error instanceof MissingObjectError) return false;
      throw error;
    }
  }

  readAttributes(filePath: string, names: readonly string[]): Promise<Record<string, string>> {
    return this.attributes.read(filePath, names);
  }

  computeTree(headTree: string | null, entries: readonly StagedEntry[]): Promise<string> {
    // This reader reads SHA-1 repositories only.
    return computeStagedTree(headTree, entries, {
      readTree: (oid) => this.readTree(oid),
      hashTree: (content) => hashObject('tree', content),
      emptyTreeOid: EMPTY_TREE_OID,
    });
  }

  async close(): Promise<void> {
    this.objects.close?.();
  }

  private async readCommitTree(oid: string): Promise<string> {
    return parseCommit((await this.readObject(oid, 'commit')).content).tree;
  }

  private async readTree(oid: string): Promise<TreeEntry[]> {
    return parseTree((await this.readObject(oid, 'tree')).content);
  }

  private async readObject(oid: string, type: GitObject['type']): Promise<GitObject> {
    const object = await this.objects.read(oid);
    if (object.type !== type) throw new Error(`Object ${oid} is a ${object.type}, not a ${type}.`);
    return object;
  }

  /**
   * Compares HEAD's tree with the staged tree that a valid cache tree names, both read from
   * the object store. Before it runs the pre-commit hook, `git commit` brings the cache tree up
   * to date and writes the staged trees, so no folder is rebuilt from the index entries. Git
   * keeps the cache tree invalid above unmerged and intent-to-add entries, and the caller
   * checks that the index has none. Returns null when a tree cannot be read from the object
   * store (missing or damaged), and the caller then compares the index entries instead.
   */
  private async diffStagedTrees(
    stagedRoot: string,
    headTree: string | null,
  ): Promise<StagedEntry[] | null> {
    const changes: StagedEntry[] = [];
    try {
      await this.diffTrees('', stagedRoot, headTree, changes);
    } catch (error) {
      // A staged tree that is missing, damaged or of another type leaves the index, which the
      // caller compares itself, and which reports a damaged HEAD tree as before.
      const reason =
        error instanceof MissingObjectError ? `object ${error.oid} is missing` : String(error);
      debug(`native: ${reason}; comparing the index entries instead`);
      return null;
    }
    debug('native: compared the staged trees the cache tree names');
    return changes;
  }

  /** Compares a staged tree with HEAD's tree of the same folder, null when HEAD has none. */
  private async diffTrees(
    prefix: string,
    stagedOid: string,
    headOid: string | null,
    changes: StagedEntry[],
  ): Promise<void> {
    if (stagedOid === headOid) return;

    const staged = (await this.readObject(stagedOid, 'tree')).content;
    const head =
      headOid === null ? EMPTY_CONTENT : (await this.readObject(headOid, 'tree')).content;
    const merge = new TreeMerge(staged, head);
    for (let step = merge.next(); step !== null; step = merge.next()) {
      const stagedEntry =
        step === 'second' ? undefined : parseTreeEntryAt(staged, merge.firstEntryStart);
      const headEntry =
        step === 'first' ? undefined : parseTreeEntryAt(head, merge.secondEntryStart);
      const entryPath = `${prefix}${(stagedEntry ?? (headEntry as TreeEntry)).name}`;

      // Tree order sorts a folder as its name and `/`, so a step never pairs a folder with a file.
      if (stagedEntry?.mode === '040000') {
        await this.diffTrees(`${entryPath}/`, stagedEntry.oid, headEntry?.oid ?? null, changes);
      } else {
        await this.diffFile(entryPath, headEntry, stagedEntry ?? null, changes);
      }
    }
  }

  /**
   * Compares an index folder with HEAD's tree for the same folder (null when HEAD has none)
   * and appends the differences, descending only where the two trees differ.
   */
  private async diffFolder(
    indexTree: IndexTree,
    folder: IndexFolder,
    headOid: string | null,
    changes: StagedEntry[],
  ): Promise<void> {
    if (treeIsUnchanged(indexTree.treeOf(folder), headOid)) return;

    const content = headOid === null ? null : indexTree.contentOf(folder);
    if (content !== null && headOid !== null) {
      await this.diffContents(indexTree, folder, content, headOid, changes);
      return;
    }

    // Keyed by name and kind: while a merge is unresolved, the index can hold an unmerged file
    // `a` beside entries under `a/`, and each is compared with HEAD's entry of its own kind.
    const headEntries = new Map(
      (headOid === null ? [] : await this.readTree(headOid)).map((entry) => [
        entry.mode === '040000' ? `${entry.name}/` : entry.name,
        entry,
      ]),
    );
    const prefix = folderPrefix(folder);
    for (const child of indexTree.children(folder)) {
      const key = child.kind === 'folder' ? `${child.name}/` : child.name;
      const head = headEntries.get(key);
      headEntries.delete(key);
      await this.diffChild(indexTree, prefix, child, head, changes);
    }

    for (const head of headEntries.values()) {
      await this.diffFile(`${prefix}${head.name}`, head, null, changes);
    }
  }

  /**
   * Compares the content of a folder's staged tree with HEAD's tree for it, entry by entry in
   * tree order, and looks closer only at the names whose entries differ. Paths the staged tree
   * leaves out (unmerged, intent-to-add, empty folders) are in HEAD's tree only, as in git's
   * diff against the tree the index would write.
   */
  private async diffContents(
    indexTree: IndexTree,
    folder: IndexFolder,
    content: FolderContent,
    headOid: string,
    changes: StagedEntry[],
  ): Promise<void> {
    const headContent = (await this.readObject(headOid, 'tree')).content;
    const prefix = folderPrefix(folder);
    const merge = new TreeMerge(content.bytes, headContent);
    for (let step = merge.next(); step !== null; step = merge.next()) {
      const head =
        step === 'first' ? undefined : parseTreeEntryAt(headContent, merge.secondEntryStart);
      if (step === 'second') {
        await this.diffFile(`${prefix}${(head as TreeEntry).name}`, head, null, changes);
        continue;
      }
      const child = content.children[merge.firstOrdinal] as IndexChild;
      await this.diffChild(indexTree, prefix, child, head, changes);
    }
  }

  /** Compares one child of an index folder with HEAD's entry of the same name, if any. */
  private async diffChild(
    indexTree: IndexTree,
    prefix: string,
    child: IndexChild,
    head: TreeEntry | undefined,
    changes: StagedEntry[],
  ): Promise<void> {
    if (child.kind === 'folder') {
      const headIsTree = head?.mode === '040000';
      if (head && !headIsTree) changes.push(deletion(`${prefix}${child.name}`, head));
      const headOid = headIsTree ? head.oid : null;
      // Checked here as well, so the unchanged subfolders of a large folder cost no call.
      if (treeIsUnchanged(indexTree.treeOf(child.folder), headOid)) return;
      await this.diffFolder(indexTree, child.folder, headOid, changes);
      return;
    }
    // An unmerged path is reported apart, never as a change against HEAD.
    if (child.unmerged) return;

    const entry = child.entry && !child.entry.flags.intentToAdd ? child.entry : null;
    const staged = entry && { mode: canonicalMode(entry.mode), oid: entry.oid };
    await this.diffFile(child.path, head, staged, changes);
  }

  /**
   * Compares one path: HEAD's entry (a file or a whole subtree) against its staged file, whose
   * mode is one of the five git records.
   */
  private async diffFile(
    filePath: string,
    head: TreeEntry | undefined,
    staged: StagedFile | null,
    changes: StagedEntry[],
  ): Promise<void> {
    if (head?.mode === '040000') {
      await this.listDeletions(filePath, head.oid, changes);
      head = undefined;
    }
    if (!head) {
      if (staged) changes.push(addition(filePath, staged.mode, staged.oid));
      return;
    }
    if (!staged) {
      changes.push(deletion(filePath, head));
      return;
    }
    if (head.oid === staged.oid && head.mode === staged.mode) return;

    const status = fileType(head.mode) === fileType(staged.mode) ? 'modified' : 'type-changed';
    changes.push({
      path: filePath,
      status,
      oldMode: head.mode,
      newMode: staged.mode,
      oldOid: head.oid,
      newOid: staged.oid,
    });
  }

  /** Reports every file under a HEAD subtree the index no longer has as deleted. */
  private async listDeletions(
    folderPath: string,
    oid: string,
    changes: StagedEntry[],
  ): Promise<void> {
    for (const entry of await this.readTree(oid)) {
      const entryPath = `${folderPath}/${entry.name}`;
      if (entry.mode === '040000') await this.listDeletions(entryPath, entry.oid, changes);
      else changes.push(deletion(entryPath, entry));
    }
  }

  private renameContent() {
    return {
      readBlob: (oid: string) => this.readBlob(oid),
      readObjectSize: (oid: string) => this.readObjectSize(oid),
      isBinaryByAttributes: (filePath: string) => binaryByAttributes(this.attributes, filePath),
    };
  }
}

/** A staged file: from an index entry, or from an entry of a staged tree. */
interface StagedFile {
  mode: FileMode;
  oid: string;
}

/** The content of the empty tree, which an unborn HEAD or a new folder is compared with. */
const EMPTY_CONTENT = Buffer.alloc(0);

function folderPrefix(folder: IndexFolder): string {
  return folder.path === '' ? '' : `${folder.path}/`;
}

/** Returns the staged tree id: null while a path is unmerged, the empty tree for an empty index. */
function stagedTreeOid(rootTree: FolderTree): string | null {
  if (rootTree.kind === 'unmerged') return null;
  return rootTree.kind === 'tree' ? rootTree.oid : EMPTY_TREE_OID;
}

function addition(filePath: string, mode: FileMode, oid: string): StagedEntry {
  return {
    path: filePath,
    status: 'added',
    oldMode: null,
    newMode: mode,
    oldOid: null,
    newOid: oid,
  };
}

function deletion(filePath: string, head: TreeEntry): StagedEntry {
  return {
    path: filePath,
    status: 'deleted',
    oldMode: head.mode,
    newMode: null,
    oldOid: head.oid,
    newOid: null,
  };
}

/** Groups modes the way git decides a type change: regular files (either mode), symlinks, gitlinks. */
function fileType(mode: FileMode): string {
  return mode === '100755' ? '100644' : mode;
}
