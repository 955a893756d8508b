import path from 'node:path';

import type { BatchAnalysis } from '../../src/batches/types.js';
import type { Footprint } from '../../src/footprint/types.js';
import { majorityCommit, type ChangedLine, type GroundTruth } from './ground-truth.js';

/** A way to split a composite: the batch of each changed line, and of a file with no lines. */
export interface Partitioner {
  labelLine(line: ChangedLine): string;
  /** The batch of a file without changed lines (binary, too large, a mode or rename only). */
  labelWholeFile(file: number): string;
}

/** Label of a line or file that no batch of the analysis takes. */
export const UNASSIGNED = 'unassigned';

export const BASELINE_NAMES = ['one batch', 'per file', 'per directory', 'per hunk'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

/** The trivial splits the analysis must beat. */
export function createBaseline(name: BaselineName, footprint: Footprint): Partitioner {
  const pathOf = (file: number): string => footprint.files[file]?.path ?? '';
  switch (name) {
    case 'one batch':
      return { labelLine: () => 'all', labelWholeFile: () => 'all' };
    case 'per file':
      return { labelLine: (line) => pathOf(line.file), labelWholeFile: pathOf };
    case 'per directory':
      return {
        labelLine: (line) => path.posix.dirname(pathOf(line.file)),
        labelWholeFile: (file) => path.posix.dirname(pathOf(file)),
      };
    case 'per hunk':
      return {
        labelLine: (line) => `${pathOf(line.file)}#${line.hunk}`,
        labelWholeFile: pathOf,
      };
  }
}

export const CEILING_NAMES = ['best by file', 'best by hunk'] as const;
export type CeilingName = (typeof CEILING_NAMES)[number];

/**
 * Creates the best split that keeps each file, or each hunk, whole: every file or hunk goes to
 * the commit most of its lines belong to. It reads the true commits, so it is no method. It is
 * the most that any split at that granularity can score.
 */
export function createCeiling(name: CeilingName, truth: GroundTruth): Partitioner {
  const fileCommit = (file: number): string => String(truth.files[file]?.commit ?? -1);
  if (name === 'best by file') {
    return { labelLine: (line) => fileCommit(line.file), labelWholeFile: fileCommit };
  }

  const hunkCommits = truth.linesByFile.map((lines) => {
    const byHunk = new Map<number, ChangedLine[]>();
    for (const line of lines) byHunk.set(line.hunk, [...(byHunk.get(line.hunk) ?? []), line]);
    return new Map([...byHunk].map(([hunk, hunkLines]) => [hunk, majorityCommit(hunkLines)]));
  });
  return {
    labelLine: (line) => String(hunkCommits[line.file]?.get(line.hunk) ?? -1),
    labelWholeFile: fileCommit,
  };
}

/** The part of one path that a batch takes, as line ranges on each side. */
interface BatchRange {
  batch: string;
  /** Whole file when null; else [start, end) of removed lines and of added lines. */
  removed: [number, number][] | null;
  added: [number, number][] | null;
}

/**
 * Reads the analysis' batches as a partition: a batch change without hunks takes every line
 * of its path, one with hunks takes the lines those hunks remove and add. Hunks may be the
 * footprint's or pieces of them. A line in no batch gets the label UNASSIGNED.
 */
export function partitionerFromBatches(footprint: Footprint, analysis: BatchAnalysis): Partitioner {
  const rangesByPath = new Map<string, BatchRange[]>();
  for (const batch of analysis.batches) {
    for (const change of batch.changes) {
      const ranges = rangesByPath.get(change.path) ?? [];
      rangesByPath.set(change.path, ranges);
      if (change.hunks === undefined) {
        ranges.push({ batch: batch.id, removed: null, added: null });
        continue;
      }
      ranges.push({
        batch: batch.id,
        removed: change.hunks.map((hunk) => [hunk.oldStart, hunk.oldStart + hunk.oldLines]),
        added: change.hunks.map((hunk) => [hunk.newStart, hunk.newStart + hunk.newLines]),
      });
    }
  }

  const pathOf = (file: number): string => footprint.files[file]?.path ?? '';
  return {
    labelLine(line) {
      const ranges = rangesByPath.get(pathOf(line.file)) ?? [];
      const covering = ranges.find((range) => {
        const sideRanges = line.side === 'removed' ? range.removed : range.added;
        return sideRanges?.some(([start, end]) => line.line >= start && line.line < end);
      });
      const whole = ranges.find((range) => range.removed === null);
      return covering?.batch ?? whole?.batch ?? UNASSIGNED;
    },
    labelWholeFile(file) {
      return rangesByPath.get(pathOf(file))?.[0]?.batch ?? UNASSIGNED;
    },
  };
}
