import type { FileCategory, FileChange, Footprint } from '../../src/footprint/types.js';
import type { LineHistory, LineOrigin } from './line-history.js';

/** One changed line of the composite: a line the footprint's hunks remove or add. */
export interface ChangedLine {
  /** Position of the file in `footprint.files`. */
  file: number;
  /** Position of the hunk in the file's `hunks`. */
  hunk: number;
  side: 'removed' | 'added';
  /** 1-based line number in the base file (removed) or the final file (added). */
  line: number;
  /** The commit the line belongs to: its position in the composite, 0 for the oldest. */
  commit: number;
  /** True when several commits touched the line, or when its commit had to be inferred. */
  shared: boolean;
  /** True when the line history did not find the line's commit and it was inferred. */
  unresolved: boolean;
}

/** One changed file of the composite and the commit it belongs to. */
export interface ChangedFile {
  file: number;
  /** The commit most of its changed lines belong to; the last one that changed it when it has none. */
  commit: number;
  /** True when its changed lines belong to more than one commit. */
  multiCommit: boolean;
}

/** The true partition of a composite's changed lines and files by commit. */
export interface GroundTruth {
  /** The changed lines the line-level metrics count: those of files no tool wrote. */
  lines: ChangedLine[];
  files: ChangedFile[];
  /** Every changed line of each file, by position in `footprint.files`. */
  linesByFile: ChangedLine[][];
  /** Changed lines of lockfiles and generated files, left out of `lines`. */
  machineWrittenLines: number;
}

/**
 * Categories whose lines tools write. A lockfile update easily changes thousands of lines, so
 * counting them would let one file decide a composite's line-level score. These files count
 * at the file level only.
 */
const MACHINE_WRITTEN: ReadonlySet<FileCategory> = new Set(['lockfile', 'generated']);

/**
 * Attributes every changed line of the composite's footprint to the commit it came from: an
 * added line to the commit that added it in the final state, a removed base line to the
 * commit that removed it. The history cannot place a line when the per-commit diffs and the
 * composite's diff disagree about it. Such a line takes the commit that most lines of its hunk
 * have, else of its file, else the last commit that changed the file. It counts as shared.
 */
export function attributeChanges(
  footprint: Footprint,
  history: LineHistory,
  commitCount: number,
): GroundTruth {
  const linesByFile = footprint.files.map((file, index) =>
    attributeFileLines(file, index, history, commitCount),
  );
  const files = footprint.files.map((file, index) =>
    attributeFile(file, index, linesByFile[index] ?? [], history, commitCount),
  );
  const counted = footprint.files.map((file) => !MACHINE_WRITTEN.has(file.category));
  const lines = linesByFile.filter((_, index) => counted[index]).flat();
  const all = linesByFile.reduce((total, fileLines) => total + fileLines.length, 0);
  return { lines, files, linesByFile, machineWrittenLines: all - lines.length };
}

function attributeFileLines(
  file: FileChange,
  fileIndex: number,
  history: LineHistory,
  commitCount: number,
): ChangedLine[] {
  const basePath = file.oldPath ?? file.path;
  const lines: ChangedLine[] = [];
  file.hunks.forEach((hunk, hunkIndex) => {
    for (let offset = 0; offset < hunk.oldLines; offset++) {
      const line = hunk.oldStart + offset;
      const origin = history.removedBy(basePath, line);
      lines.push(changedLine(fileIndex, hunkIndex, 'removed', line, origin));
    }
    for (let offset = 0; offset < hunk.newLines; offset++) {
      const line = hunk.newStart + offset;
      const origin = history.addedBy(file.path, line);
      lines.push(changedLine(fileIndex, hunkIndex, 'added', line, origin));
    }
  });

  const fileFallback = lastCommitOfFile(file, history, commitCount);
  for (const line of lines) {
    if (!line.unresolved) continue;
    const sameHunk = lines.filter((other) => other.hunk === line.hunk && !other.unresolved);
    const sameFile = lines.filter((other) => !other.unresolved);
    line.commit = majorityCommit(sameHunk) ?? majorityCommit(sameFile) ?? fileFallback;
  }
  return lines;
}

function changedLine(
  file: number,
  hunk: number,
  side: ChangedLine['side'],
  line: number,
  origin: LineOrigin | null,
): ChangedLine {
  if (origin === null)
    return { file, hunk, side, line, commit: -1, shared: true, unresolved: true };
  return {
    file,
    hunk,
    side,
    line,
    commit: origin.commit,
    shared: origin.shared,
    unresolved: false,
  };
}

function attributeFile(
  file: FileChange,
  fileIndex: number,
  lines: readonly ChangedLine[],
  history: LineHistory,
  commitCount: number,
): ChangedFile {
  const commits = new Set(lines.map((line) => line.commit));
  return {
    file: fileIndex,
    commit: majorityCommit(lines) ?? lastCommitOfFile(file, history, commitCount),
    multiCommit: commits.size > 1,
  };
}

function lastCommitOfFile(file: FileChange, history: LineHistory, commitCount: number): number {
  return (
    history.lastCommitOf(file.path) ??
    (file.oldPath === undefined ? null : history.lastCommitOf(file.oldPath)) ??
    commitCount - 1
  );
}

/** Returns the commit most of the lines belong to (the oldest among equals), or null for none. */
export function majorityCommit(lines: readonly Pick<ChangedLine, 'commit'>[]): number | null {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.commit, (counts.get(line.commit) ?? 0) + 1);

  let best: number | null = null;
  let bestCount = 0;
  for (const [commit, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && commit < best)) {
      best = commit;
      bestCount = count;
    }
  }
  return best;
}
