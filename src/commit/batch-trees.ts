import type { BatchChange } from '../batches/types.js';
import type { FileChange, Hunk } from '../footprint/types.js';
import { hunkKey } from '../footprint/hunk-key.js';
import type { PendingObject } from '../git/object-writer.js';
import { EMPTY_TREE_OID, hashObject, type TreeEntry } from '../git/objects/tree.js';
import { computeStagedTree, type TreeAccess } from '../git/staged-tree.js';
import type { StagedEntry } from '../git/types.js';
import { applyHunks, HunkMismatchError } from './apply-hunks.js';
import { refuseFileFolderSplit } from './file-folder-split.js';
import { CommitRefusedError } from './refusal.js';
import type { PlannedChange } from './types.js';

/** The object reads that building batch trees needs. */
export interface ObjectAccess {
  readTree(oid: string): Promise<TreeEntry[]>;
  readBlob(oid: string): Promise<Buffer>;
  has(oid: string): Promise<boolean>;
}

export interface BatchTreeInput {
  /** HEAD's tree, or null on an unborn branch. */
  headTree: string | null;
  entries: readonly StagedEntry[];
  /** The footprint's files, for each path's staged hunks. */
  files: readonly FileChange[];
  batches: ReadonlyArray<{ id: string; changes: readonly BatchChange[] }>;
  objects: ObjectAccess;
}

export interface BatchTrees {
  /** Root tree of each batch commit, in batch order. */
  trees: string[];
  /** The changes of each batch commit, in batch order. */
  changes: PlannedChange[][];
  /** New blobs and trees that the object store does not have yet. */
  objects: PendingObject[];
}

/** Statuses whose content a batch may take hunk by hunk. */
const SPLITTABLE = new Set(['modified', 'renamed', 'copied']);

/**
 * Computes the tree of every batch commit: HEAD's tree plus the changes of that batch and of
 * every earlier one. A path whose hunks are split across batches gets an intermediate blob:
 * HEAD's content with the hunks taken so far applied. A path taken whole gets its staged blob
 * and mode, or disappears when deleted; a rename removes its old path in the same commit.
 * Batches that split a file from the files under the same path as a folder are refused.
 * Nothing is written; the objects to write are returned.
 */
export async function buildBatchTrees(input: BatchTreeInput): Promise<BatchTrees> {
  refuseFileFolderSplit(input.files, input.batches);

  const entries = new Map(input.entries.map((entry) => [entry.path, entry]));
  const files = new Map(input.files.map((file) => [file.path, file]));
  const recorder = new TreeRecorder(input.objects);
  const blobs = new IntermediateBlobs(input.objects);
  const taken = new Map<string, Set<string>>();
  const state = new Map<string, StagedEntry>();
  const result: BatchTrees = { trees: [], changes: [], objects: [] };

  for (const batch of input.batches) {
    const planned: PlannedChange[] = [];
    for (const change of batch.changes) {
      const entry = entries.get(change.path);
      const file = files.get(change.path);
      if (entry === undefined || file === undefined) throw unknownPath(batch.id, change.path);

      const first = !taken.has(change.path);
      const takenHunks = taken.get(change.path) ?? new Set<string>();
      for (const hunk of change.hunks ?? file.hunks) takenHunks.add(hunkKey(hunk));
      taken.set(change.path, takenHunks);

      const complete = file.hunks.every((hunk) => takenHunks.has(hunkKey(hunk)));
      state.set(change.path, complete ? entry : await blobs.partial(entry, file, takenHunks));
      const described = describeChange(entry, file, change, first);
      const earlier = planned.find((other) => other.path === described.path);
      if (earlier === undefined) planned.push(described);
      else mergePlannedChange(earlier, described);
    }
    result.trees.push(await computeStagedTree(input.headTree, [...state.values()], recorder));
    result.changes.push(planned);
  }

  result.objects = [...(await blobs.pending()), ...(await recorder.pending(result.trees))];
  return result;
}

/**
 * Describes what a batch takes of one path. `first` is true for the first batch that names the
 * path, which takes its mode change when its hunks are split.
 */
function describeChange(
  entry: StagedEntry,
  file: FileChange,
  change: BatchChange,
  first: boolean,
): PlannedChange {
  const planned: PlannedChange = { path: entry.path, totalHunks: file.hunks.length };
  if (entry.status === 'renamed' && entry.oldPath !== undefined) planned.oldPath = entry.oldPath;
  if (change.hunks !== undefined && change.hunks.length < file.hunks.length) {
    planned.hunks = change.hunks.map((hunk) => ({ ...hunk }));
    const { oldMode, newMode } = file;
    if (first && oldMode !== null && newMode !== null && oldMode !== newMode) {
      planned.modeChange = `${oldMode} -> ${newMode}`;
    }
  }
  return planned;
}

/**
 * Adds what a second entry of one batch takes of a path to the first entry's, so the plan lists
 * each path once per commit. An entry without `hunks` takes the whole file.
 */
function mergePlannedChange(earlier: PlannedChange, later: PlannedChange): void {
  if (earlier.hunks === undefined) return;
  if (later.hunks === undefined) {
    delete earlier.hunks;
    return;
  }
  const hunks = [...earlier.hunks, ...later.hunks];
  if (hunks.length >= earlier.totalHunks) delete earlier.hunks;
  else earlier.hunks = hunks;
}

function unknownPath(batch: string, path: string): CommitRefusedError {
  return new CommitRefusedError(
    `Batch ${batch} names ${path}, which is not in the staged change. ` +
      'Validate the strategy with `footprint validate --strategy FILE`.',
  );
}

/** Hashes trees for computeStagedTree and keeps their content, so they can be written later. */
class TreeRecorder implements TreeAccess {
  readonly emptyTreeOid = EMPTY_TREE_OID;
  private readonly recorded = new Map<string, Buffer>();

  constructor(private readonly objects: ObjectAccess) {}

  readTree(oid: string): Promise<TreeEntry[]> {
    return this.objects.readTree(oid);
  }

  hashTree(content: Buffer): string {
    const oid = hashObject('tree', content);
    this.recorded.set(oid, content);
    return oid;
  }

  /**
   * Returns the recorded trees the store lacks. An empty root tree is never hashed by
   * computeStagedTree, and git needs it stored like any other tree a commit names.
   */
  async pending(roots: readonly string[]): Promise<PendingObject[]> {
    if (roots.includes(EMPTY_TREE_OID)) this.recorded.set(EMPTY_TREE_OID, Buffer.alloc(0));
    return missingObjects(this.objects, 'tree', this.recorded);
  }
}

/** Builds and keeps the blobs of paths whose hunks are split across batches. */
class IntermediateBlobs {
  private readonly contents = new Map<string, Buffer>();
  private readonly sources = new Map<string, Promise<[Buffer, Buffer]>>();
  private readonly checked = new Set<string>();

  constructor(private readonly objects: ObjectAccess) {}

  /** Returns the staged entry with a blob of HEAD's content plus the taken hunks. */
  async partial(entry: StagedEntry, file: FileChange, taken: Set<string>): Promise<StagedEntry> {
    if (!SPLITTABLE.has(entry.status) || entry.oldOid === null || entry.newOid === null) {
      throw new CommitRefusedError(
        `${entry.path} is ${entry.status}, so its hunks cannot go to different batches. ` +
          'Put the whole file in one batch: drop its `hunks` lists.',
      );
    }

    const [oldContent, newContent] = await this.readSources(entry.path, entry.oldOid, entry.newOid);
    this.checkHunks(entry.path, oldContent, newContent, file.hunks);

    const selected = file.hunks.filter((hunk) => taken.has(hunkKey(hunk)));
    const content = applyHunks(oldContent, newContent, selected);
    const oid = hashObject('blob', content);
    this.contents.set(oid, content);
    return { ...entry, newOid: oid };
  }

  pending(): Promise<PendingObject[]> {
    return missingObjects(this.objects, 'blob', this.contents);
  }

  /** Reads HEAD's and the staged blob of a path once, however many batches take its hunks. */
  private readSources(path: string, oldOid: string, newOid: string): Promise<[Buffer, Buffer]> {
    let sources = this.sources.get(path);
    if (sources === undefined) {
      sources = Promise.all([this.objects.readBlob(oldOid), this.objects.readBlob(newOid)]);
      this.sources.set(path, sources);
    }
    return sources;
  }

  /** Checks once per path that all its hunks together rebuild the staged blob exactly. */
  private checkHunks(path: string, oldContent: Buffer, newContent: Buffer, hunks: Hunk[]): void {
    if (this.checked.has(path)) return;

    let rebuilt: Buffer | null = null;
    try {
      rebuilt = applyHunks(oldContent, newContent, hunks);
    } catch (error) {
      if (!(error instanceof HunkMismatchError)) throw error;
    }
    if (rebuilt === null || !rebuilt.equals(newContent)) {
      throw new CommitRefusedError(
        `The staged hunks of ${path} do not rebuild its staged content, so it cannot be split ` +
          'by hunk. Put the whole file in one batch: drop its `hunks` lists.',
      );
    }
    this.checked.add(path);
  }
}

async function missingObjects(
  objects: ObjectAccess,
  type: PendingObject['type'],
  contents: ReadonlyMap<string, Buffer>,
): Promise<PendingObject[]> {
  const pending: PendingObject[] = [];
  for (const [oid, content] of contents) {
    if (!(await objects.has(oid))) pending.push({ type, content, oid });
  }
  return pending;
}
