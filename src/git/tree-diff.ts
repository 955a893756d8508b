import path from 'node:path';

import { AttributeReader, type AttributeFileSource } from './attributes.js';
import { parseTree, type TreeEntry } from './objects/tree.js';
import type { GitObject } from './objects/types.js';
import { compareGitPaths } from './path-order.js';
import type { ObjectSource } from './readers/native.js';
import { binaryByAttributes } from './readers/reader-support.js';
import { detectRenames, type RenameOptions } from './renames.js';
import { readTreeFiles } from './tree-files.js';
import type {
  FileMode,
  GitReader,
  HeadState,
  ReaderChoice,
  RepositoryLayout,
  StagedChange,
  StagedEntry,
} from './types.js';

const TREE_MODE: FileMode = '040000';

/** Content decisions rename detection may take from `.gitattributes`. */
export interface TreeDiffOptions {
  renames: RenameOptions;
  /** Returns true or false when `.gitattributes` decides that a path is binary, null otherwise. */
  isBinaryByAttributes?: (path: string) => Promise<boolean | null>;
}

/**
 * Lists what changed from `baseTree` to `targetTree`, as `git diff-tree -r -M` does, in the
 * entry shape of a staged change: statuses, modes, blob ids and renames (copies too when the
 * options ask for them). A null base is the empty tree. Subtrees with equal ids on both sides
 * are skipped without being read, so the cost follows the size of the change.
 */
export async function diffTrees(
  objects: ObjectSource,
  baseTree: string | null,
  targetTree: string | null,
  options: TreeDiffOptions,
): Promise<StagedEntry[]> {
  const changes: StagedEntry[] = [];
  await diffFolder(objects, '', baseTree, targetTree, changes);
  changes.sort((a, b) => compareGitPaths(a.path, b.path));

  return detectRenames(
    changes,
    {
      readBlob: async (oid) => (await readTyped(objects, oid, 'blob')).content,
      readObjectSize: (oid) => objects.readSize(oid),
      ...(options.isBinaryByAttributes
        ? { isBinaryByAttributes: options.isBinaryByAttributes }
        : {}),
    },
    options.renames,
  );
}

async function diffFolder(
  objects: ObjectSource,
  prefix: string,
  baseOid: string | null,
  targetOid: string | null,
  changes: StagedEntry[],
): Promise<void> {
  if (baseOid === targetOid) return;

  const baseEntries = await readTreeMap(objects, baseOid);
  const targetEntries = await readTreeMap(objects, targetOid);
  const names = new Set([...baseEntries.keys(), ...targetEntries.keys()]);
  for (const name of names) {
    const entryPath = prefix === '' ? name : `${prefix}/${name}`;
    await diffEntry(objects, entryPath, baseEntries.get(name), targetEntries.get(name), changes);
  }
}

/** Compares one name of a folder: a file or a subtree on either side, or absent on one. */
async function diffEntry(
  objects: ObjectSource,
  entryPath: string,
  base: TreeEntry | undefined,
  target: TreeEntry | undefined,
  changes: StagedEntry[],
): Promise<void> {
  const baseIsTree = base?.mode === TREE_MODE;
  const targetIsTree = target?.mode === TREE_MODE;
  if (baseIsTree || targetIsTree) {
    await diffFolder(
      objects,
      entryPath,
      baseIsTree ? base.oid : null,
      targetIsTree ? target.oid : null,
      changes,
    );
  }

  const baseFile = baseIsTree ? undefined : base;
  const targetFile = targetIsTree ? undefined : target;
  if (!baseFile && !targetFile) return;
  if (baseFile?.oid === targetFile?.oid && baseFile?.mode === targetFile?.mode) return;

  changes.push({
    path: entryPath,
    status: fileStatus(baseFile, targetFile),
    oldMode: baseFile?.mode ?? null,
    newMode: targetFile?.mode ?? null,
    oldOid: baseFile?.oid ?? null,
    newOid: targetFile?.oid ?? null,
  });
}

function fileStatus(
  base: TreeEntry | undefined,
  target: TreeEntry | undefined,
): StagedEntry['status'] {
  if (!base) return 'added';
  if (!target) return 'deleted';
  return fileType(base.mode) === fileType(target.mode) ? 'modified' : 'type-changed';
}

/** Groups modes the way git decides a type change: regular files (either mode), symlinks, gitlinks. */
function fileType(mode: FileMode): string {
  return mode === '100755' ? '100644' : mode;
}

async function readTreeMap(
  objects: ObjectSource,
  oid: string | null,
): Promise<Map<string, TreeEntry>> {
  if (oid === null) return new Map();
  const entries = parseTree((await readTyped(objects, oid, 'tree')).content);
  return new Map(entries.map((entry) => [entry.name, entry]));
}

async function readTyped(
  objects: ObjectSource,
  oid: string,
  type: GitObject['type'],
): Promise<GitObject> {
  const object = await objects.read(oid);
  if (object.type !== type) throw new Error(`Object ${oid} is a ${object.type}, not a ${type}.`);
  return object;
}

/** The two trees a TreeDiffReader compares, and the HEAD state its change reports. */
export interface TreePair {
  /** Tree of the state before the change, or null for the empty tree. */
  baseTree: string | null;
  /** Tree of the state after the change, standing in for the staged tree. */
  targetTree: string;
  /** HEAD as the change reports it; default: an unborn branch. */
  head?: HeadState;
}

/** Repository settings a TreeDiffReader applies, read from git's configuration. */
export interface TreeReaderSettings {
  renames: RenameOptions;
  /** The user-wide attributes file (see findGlobalAttributesFile). */
  globalAttributesPath?: string | undefined;
  /** The system-wide attributes file (see findSystemAttributesFile), or null when turned off. */
  systemAttributesPath?: string | null | undefined;
  /** `core.ignoreCase`: attribute patterns match regardless of case. */
  ignoreCase?: boolean;
}

/**
 * A GitReader whose "staged change" is the difference between two trees, for analysing a
 * change that was never staged, such as a range of commits. `.gitattributes` values come from
 * the target tree, as the native reader takes them from the index.
 */
export class TreeDiffReader implements GitReader {
  readonly choice: ReaderChoice = { reader: 'native', reasons: [] };
  private readonly attributes: AttributeReader;

  constructor(
    readonly layout: RepositoryLayout,
    private readonly objects: ObjectSource,
    private readonly trees: TreePair,
    private readonly settings: TreeReaderSettings,
  ) {
    this.attributes = new AttributeReader(attributeSourceFromTree(objects, trees.targetTree), {
      infoAttributesPath: path.join(layout.commonDir, 'info', 'attributes'),
      globalAttributesPath: settings.globalAttributesPath,
      systemAttributesPath: settings.systemAttributesPath,
      ignoreCase: settings.ignoreCase ?? false,
    });
  }

  async readStagedChange(): Promise<StagedChange> {
    const entries = await diffTrees(this.objects, this.trees.baseTree, this.trees.targetTree, {
      renames: this.settings.renames,
      isBinaryByAttributes: (filePath) => binaryByAttributes(this.attributes, filePath),
    });
    return {
      head: this.trees.head ?? { oid: null, ref: null, detached: false },
      headTree: this.trees.baseTree,
      stagedTree: this.trees.targetTree,
      entries,
      unmerged: [],
      intentToAdd: [],
      operation: null,
    };
  }

  async readBlob(oid: string): Promise<Buffer> {
    return (await readTyped(this.objects, oid, 'blob')).content;
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
      readTree: async (oid: string) =>
        parseTree((await readTyped(this.objects, oid, 'tree')).content),
      readObjectSize: (oid: string) => this.readObjectSize(oid),
      readBlob: (oid: string) => this.readBlob(oid),
    };
    return readTreeFiles(source, tree, paths, maxBytes);
  }

  readAttributes(filePath: string, names: readonly string[]): Promise<Record<string, string>> {
    return this.attributes.read(filePath, names);
  }

  /** Leaves the object source open: its owner shares it between readers and closes it. */
  async close(): Promise<void> {}
}

/** Finds each folder's `.gitattributes` blob in a tree. Each folder's lookup is cached, so a subtree is read once. */
function attributeSourceFromTree(objects: ObjectSource, rootTree: string): AttributeFileSource {
  const folders = new Map<string, Promise<Map<string, TreeEntry> | null>>();

  const readFolder = (folder: string): Promise<Map<string, TreeEntry> | null> => {
    let entries = folders.get(folder);
    if (entries === undefined) {
      entries = lookUpFolder(folder);
      folders.set(folder, entries);
    }
    return entries;
  };

  const lookUpFolder = async (folder: string): Promise<Map<string, TreeEntry> | null> => {
    if (folder === '') return readTreeMap(objects, rootTree);

    const slash = folder.lastIndexOf('/');
    const parent = await readFolder(slash < 0 ? '' : folder.slice(0, slash));
    const entry = parent?.get(folder.slice(slash + 1));
    return entry?.mode === TREE_MODE ? readTreeMap(objects, entry.oid) : null;
  };

  return {
    async findAttributeFile(folder) {
      const entry = (await readFolder(folder))?.get('.gitattributes');
      // A symlinked `.gitattributes` is skipped, as git 2.39 skips it.
      const regular = entry?.mode === '100644' || entry?.mode === '100755';
      return regular && entry ? entry.oid : null;
    },
    readBlob: async (oid) => (await readTyped(objects, oid, 'blob')).content,
  };
}
