import { hasBinaryContent } from '../../src/footprint/binary.js';
import { computeHunks } from '../../src/footprint/hunks.js';
import { indexLines } from '../../src/footprint/line-table.js';
import type { Hunk } from '../../src/footprint/types.js';
import type { ObjectSource } from '../../src/git/readers/native.js';
import type { RenameOptions } from '../../src/git/renames.js';
import { diffTrees } from '../../src/git/tree-diff.js';
import type { StagedEntry } from '../../src/git/types.js';

/** The commit a changed line is attributed to, and whether other commits touched it too. */
export interface LineOrigin {
  /** Position of the commit in the composite, 0 for the oldest. */
  commit: number;
  /** True when more than one commit of the composite touched the line or lines it replaced. */
  shared: boolean;
}

/** Origins of the lines of a composite's final state, and the commits that removed base lines. */
export interface LineHistory {
  /** Returns the commit that added line `line` (1-based) of the final `path`, or null for a base line. */
  addedBy(path: string, line: number): LineOrigin | null;
  /** Returns the commit that removed line `line` of the base's `path`, or null when it survives. */
  removedBy(basePath: string, line: number): LineOrigin | null;
  /** Returns the last commit that changed, added or deleted `path`, or null. */
  lastCommitOf(path: string): number | null;
}

/** One line of a tracked file in its current state. */
interface TrackedLine {
  /** Commit that added the line, or -1 for a line of the base. */
  commit: number;
  /** 1-based line number in the base file; 0 for a line a commit added. */
  baseLine: number;
  /** Group of the hunk that added the line; -1 for a base line. */
  group: number;
  /** One bit per commit that touched this line or the lines its hunk replaced. */
  touched: number;
}

interface TrackedFile {
  /** The file's path in the base, or null for a file a commit added. */
  basePath: string | null;
  lines: TrackedLine[];
  /** True while the content is binary or too large to diff: no lines are tracked then. */
  opaque: boolean;
}

export interface LineHistoryInput {
  objects: ObjectSource;
  renames: RenameOptions;
  /** Tree of the base, then the tree of each commit, oldest first. */
  trees: readonly string[];
  /** Blobs larger than this are not diffed, as in the footprint. */
  maxDiffBytes: number;
}

/**
 * Follows every line through the commits of a composite, as `git blame` over the range
 * `base..last` does but forward and with the footprint's own line diff, so the two agree on
 * which lines changed. Each commit's hunks (renames followed) decide which lines it added and
 * which it removed. All lines of one hunk form a group: a later hunk that removes lines of the
 * group joins it, and every base line the group removed is then touched by several commits.
 */
export async function traceLineHistory(input: LineHistoryInput): Promise<LineHistory> {
  const tracker = new LineTracker(input);
  for (let commit = 1; commit < input.trees.length; commit++) {
    const entries = await diffTrees(
      input.objects,
      input.trees[commit - 1] as string,
      input.trees[commit] as string,
      { renames: input.renames },
    );
    await tracker.applyCommit(commit - 1, entries);
  }
  return tracker.result();
}

/** Union-find over hunk groups, with the commits of each set as a bit mask. */
class HunkGroups {
  private readonly parent: number[] = [];
  private readonly commits: number[] = [];

  add(commit: number): number {
    this.parent.push(this.parent.length);
    this.commits.push(1 << commit);
    return this.parent.length - 1;
  }

  find(group: number): number {
    let root = group;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[group] !== root) {
      const next = this.parent[group] as number;
      this.parent[group] = root;
      group = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    this.parent[rootB] = rootA;
    this.commits[rootA] = (this.commits[rootA] as number) | (this.commits[rootB] as number);
  }

  commitsOf(group: number): number {
    return this.commits[this.find(group)] as number;
  }
}

function countBits(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

class LineTracker {
  private readonly files = new Map<string, TrackedFile>();
  private readonly removals = new Map<string, Map<number, { commit: number; group: number }>>();
  private readonly lastCommit = new Map<string, number>();
  private readonly groups = new HunkGroups();

  constructor(private readonly input: LineHistoryInput) {}

  /** Applies one commit's changes; every new state is computed before any old one is dropped. */
  async applyCommit(commit: number, entries: readonly StagedEntry[]): Promise<void> {
    const dropped: string[] = [];
    const updated: [string, TrackedFile][] = [];
    for (const entry of entries) {
      this.lastCommit.set(entry.path, commit);
      if (entry.status === 'renamed' && entry.oldPath !== undefined) {
        this.lastCommit.set(entry.oldPath, commit);
      }

      const before = await this.stateBefore(entry);
      const sourcePath = entry.oldPath ?? entry.path;
      if (
        entry.status === 'renamed' ||
        entry.status === 'deleted' ||
        entry.status === 'type-changed'
      ) {
        dropped.push(sourcePath);
      }
      if (entry.newOid === null || entry.newMode === null) {
        if (before) this.removeAll(commit, before);
        continue;
      }
      updated.push([entry.path, await this.stateAfter(commit, entry, before)]);
    }

    for (const path of dropped) this.files.delete(path);
    for (const [path, state] of updated) this.files.set(path, state);
  }

  /** Returns the state a change starts from: none for an addition or a copy, whose lines are all new. */
  private async stateBefore(entry: StagedEntry): Promise<TrackedFile | null> {
    if (entry.status === 'added' || entry.status === 'copied') return null;

    const path = entry.oldPath ?? entry.path;
    const known = this.files.get(path);
    if (known) return known;
    // A path no earlier commit of the composite touched still has its base content.
    return this.readBaseState(path, entry.oldMode, entry.oldOid);
  }

  private async readBaseState(
    path: string,
    mode: string | null,
    oid: string | null,
  ): Promise<TrackedFile> {
    const content = await this.readContent(mode, oid);
    if (content === null) return { basePath: path, lines: [], opaque: true };

    const count = indexLines(content).count;
    const lines = Array.from({ length: count }, (_, index) => ({
      commit: -1,
      baseLine: index + 1,
      group: -1,
      touched: 0,
    }));
    return { basePath: path, lines, opaque: false };
  }

  /** Returns a blob's content, or null for a gitlink, a binary blob or one over the size limit. */
  private async readContent(mode: string | null, oid: string | null): Promise<Buffer | null> {
    if (mode === null || oid === null || mode === '160000') return null;
    if ((await this.input.objects.readSize(oid)) > this.input.maxDiffBytes) return null;

    const content = (await this.input.objects.read(oid)).content;
    return hasBinaryContent(content) ? null : content;
  }

  private async stateAfter(
    commit: number,
    entry: StagedEntry,
    before: TrackedFile | null,
  ): Promise<TrackedFile> {
    // git diffs a type change as a deletion and an addition.
    const replaced = entry.status === 'type-changed' ? null : before;
    if (entry.status === 'type-changed' && before) this.removeAll(commit, before);

    const newContent = await this.readContent(entry.newMode, entry.newOid);
    const oldContent = replaced
      ? await this.readContent(entry.oldMode, entry.oldOid)
      : Buffer.alloc(0);
    const basePath = replaced?.basePath ?? null;
    if (newContent === null || oldContent === null || replaced?.opaque) {
      return { basePath, lines: [], opaque: true };
    }

    const { hunks } = computeHunks(oldContent, newContent);
    const lines = this.applyHunks(commit, replaced?.lines ?? [], basePath, hunks);
    return { basePath, lines, opaque: false };
  }

  /** Builds the new line list: unchanged lines carry over, each hunk's added lines are the commit's. */
  private applyHunks(
    commit: number,
    oldLines: readonly TrackedLine[],
    basePath: string | null,
    hunks: readonly Hunk[],
  ): TrackedLine[] {
    const lines: TrackedLine[] = [];
    let oldIndex = 0;
    for (const hunk of hunks) {
      // With no old lines, oldStart is the line after which the hunk adds.
      const removedStart = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
      while (oldIndex < removedStart) lines.push(oldLines[oldIndex++] as TrackedLine);

      const removed = oldLines.slice(oldIndex, oldIndex + hunk.oldLines);
      oldIndex += hunk.oldLines;
      const group = this.removeLines(commit, removed, basePath);
      const touched = removed.reduce((mask, line) => mask | line.touched, 1 << commit);
      for (let added = 0; added < hunk.newLines; added++) {
        lines.push({ commit, baseLine: 0, group, touched });
      }
    }
    while (oldIndex < oldLines.length) lines.push(oldLines[oldIndex++] as TrackedLine);
    return lines;
  }

  /** Records the removal of lines by one hunk of `commit` and returns the hunk's group. */
  private removeLines(
    commit: number,
    removed: readonly TrackedLine[],
    basePath: string | null,
  ): number {
    const group = this.groups.add(commit);
    for (const line of removed) {
      if (line.commit >= 0) this.groups.union(group, line.group);
      else if (basePath !== null) this.recordRemoval(basePath, line.baseLine, commit, group);
    }
    return group;
  }

  private recordRemoval(basePath: string, baseLine: number, commit: number, group: number): void {
    let removed = this.removals.get(basePath);
    if (!removed) {
      removed = new Map();
      this.removals.set(basePath, removed);
    }
    removed.set(baseLine, { commit, group });
  }

  private removeAll(commit: number, state: TrackedFile): void {
    this.removeLines(commit, state.lines, state.basePath);
  }

  result(): LineHistory {
    return {
      addedBy: (path, line) => {
        const tracked = this.files.get(path)?.lines[line - 1];
        if (!tracked || tracked.commit < 0) return null;
        return { commit: tracked.commit, shared: countBits(tracked.touched) > 1 };
      },
      removedBy: (basePath, line) => {
        const removal = this.removals.get(basePath)?.get(line);
        if (!removal) return null;
        const shared = countBits(this.groups.commitsOf(removal.group)) > 1;
        return { commit: removal.commit, shared };
      },
      lastCommitOf: (path) => this.lastCommit.get(path) ?? null,
    };
  }
}
