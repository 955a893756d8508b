import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ChangedLine, GroundTruth } from '../../bench/untangle/ground-truth.js';
import {
  UNASSIGNED,
  createBaseline,
  createCeiling,
  partitionerFromBatches,
} from '../../bench/untangle/predictions.js';
import { scoreSplit } from '../../bench/untangle/scoring.js';
import type { Batch, BatchAnalysis } from '../../src/batches/types.js';
import type { FileChange, Footprint, Hunk } from '../../src/footprint/types.js';

const A_REPLACE: Hunk = { oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 };
const A_INSERT: Hunk = { oldStart: 10, oldLines: 0, newStart: 11, newLines: 2 };
const B_ADD: Hunk = { oldStart: 0, oldLines: 0, newStart: 1, newLines: 3 };

function fileChange(path: string, hunks: Hunk[]): FileChange {
  return {
    path,
    status: 'modified',
    oldMode: '100644',
    newMode: '100644',
    oldOid: null,
    newOid: null,
    size: 0,
    oldSize: 0,
    binary: hunks.length === 0,
    lfs: false,
    symlink: false,
    category: 'source',
    language: null,
    additions: 0,
    deletions: 0,
    hunks,
  };
}

const footprint: Footprint = {
  head: { oid: null, ref: null, detached: false },
  headTree: null,
  stagedTree: null,
  operation: null,
  files: [
    fileChange('src/a.ts', [A_REPLACE, A_INSERT]),
    fileChange('src/b.ts', [B_ADD]),
    fileChange('img.png', []),
  ],
  unmerged: [],
  intentToAdd: [],
  totals: { files: 3, additions: 0, deletions: 0, hunks: 3 },
};

function line(
  file: number,
  hunk: number,
  side: ChangedLine['side'],
  at: number,
  commit: number,
): ChangedLine {
  return { file, hunk, side, line: at, commit, shared: false, unresolved: false };
}

/** a.ts: the replacement is c0, the insertion c1; b.ts is c1; img.png is c0. */
const linesByFile: ChangedLine[][] = [
  [
    line(0, 0, 'removed', 3, 0),
    line(0, 0, 'added', 3, 0),
    line(0, 1, 'added', 11, 1),
    line(0, 1, 'added', 12, 1),
  ],
  [line(1, 0, 'added', 1, 1), line(1, 0, 'added', 2, 1), line(1, 0, 'added', 3, 1)],
  [],
];
const truth: GroundTruth = {
  lines: linesByFile.flat(),
  files: [
    { file: 0, commit: 0, multiCommit: true },
    { file: 1, commit: 1, multiCommit: false },
    { file: 2, commit: 0, multiCommit: false },
  ],
  linesByFile,
  machineWrittenLines: 0,
};

function batch(id: string, changes: Batch['changes']): Batch {
  return { id, message: '', type: 'feat', scope: null, rationale: '', changes, dependsOn: [] };
}

function analysisOf(batches: Batch[]): BatchAnalysis {
  return { mode: 'balanced', batches, splitSuggested: true };
}

describe('partitionerFromBatches', () => {
  const partitioner = partitionerFromBatches(
    footprint,
    analysisOf([
      batch('b1', [{ path: 'src/a.ts', hunks: [A_REPLACE] }, { path: 'src/b.ts' }]),
      batch('b2', [{ path: 'src/a.ts', hunks: [A_INSERT] }, { path: 'img.png' }]),
    ]),
  );

  test('hunk batches take the lines of their hunks', () => {
    const labels = truth.lines.map((changed) => partitioner.labelLine(changed));
    assert.deepEqual(labels, ['b1', 'b1', 'b2', 'b2', 'b1', 'b1', 'b1']);
  });

  test('file without lines takes its whole-file batch', () => {
    assert.equal(partitioner.labelWholeFile(2), 'b2');
  });

  test('pieces of a hunk take their own lines', () => {
    const split = partitionerFromBatches(
      footprint,
      analysisOf([
        batch('b1', [
          { path: 'src/a.ts', hunks: [{ oldStart: 10, oldLines: 0, newStart: 11, newLines: 1 }] },
        ]),
        batch('b2', [
          { path: 'src/a.ts', hunks: [{ oldStart: 10, oldLines: 0, newStart: 12, newLines: 1 }] },
        ]),
      ]),
    );
    assert.equal(split.labelLine(line(0, 1, 'added', 11, 1)), 'b1');
    assert.equal(split.labelLine(line(0, 1, 'added', 12, 1)), 'b2');
  });

  test('line in no batch is unassigned', () => {
    const partial = partitionerFromBatches(
      footprint,
      analysisOf([batch('b1', [{ path: 'src/a.ts', hunks: [A_INSERT] }])]),
    );
    assert.equal(partial.labelLine(line(0, 0, 'removed', 3, 0)), UNASSIGNED);
    assert.equal(partial.labelLine(line(1, 0, 'added', 1, 1)), UNASSIGNED);
    assert.equal(partial.labelWholeFile(2), UNASSIGNED);
  });

  test('removed line is matched on the old side only', () => {
    // The replacement's new side is line 3 too; an insertion at old line 10 covers no old line.
    const insertionOnly = partitionerFromBatches(
      footprint,
      analysisOf([batch('b1', [{ path: 'src/a.ts', hunks: [A_INSERT] }])]),
    );
    assert.equal(insertionOnly.labelLine(line(0, 0, 'removed', 10, 0)), UNASSIGNED);
  });
});

describe('baselines', () => {
  test('one batch labels everything alike', () => {
    const partitioner = createBaseline('one batch', footprint);
    assert.deepEqual(
      new Set(truth.lines.map((changed) => partitioner.labelLine(changed))),
      new Set(['all']),
    );
    assert.equal(partitioner.labelWholeFile(2), 'all');
  });

  test('per file labels by path', () => {
    const partitioner = createBaseline('per file', footprint);
    assert.equal(partitioner.labelLine(line(0, 1, 'added', 11, 1)), 'src/a.ts');
    assert.equal(partitioner.labelWholeFile(2), 'img.png');
  });

  test('per directory labels by folder', () => {
    const partitioner = createBaseline('per directory', footprint);
    assert.equal(partitioner.labelLine(line(1, 0, 'added', 1, 1)), 'src');
    assert.equal(partitioner.labelWholeFile(2), '.');
  });

  test('per hunk labels by file and hunk', () => {
    const partitioner = createBaseline('per hunk', footprint);
    assert.equal(partitioner.labelLine(line(0, 1, 'added', 11, 1)), 'src/a.ts#1');
    assert.equal(partitioner.labelLine(line(0, 0, 'added', 3, 0)), 'src/a.ts#0');
  });
});

describe('ceilings', () => {
  test('best by hunk reproduces hunk-aligned commits', () => {
    const scores = scoreSplit(truth, createCeiling('best by hunk', truth));
    assert.equal(scores.lines.matchedAccuracy, 1);
    assert.equal(scores.lines.exact, true);
  });

  test('best by file keeps a.ts in its majority commit', () => {
    // a.ts has 2 lines of each commit; the oldest wins the tie, so its c1 lines are wrong.
    const scores = scoreSplit(truth, createCeiling('best by file', truth));
    assert.equal(scores.lines.matchedAccuracy, 5 / 7);
    assert.equal(scores.files.matchedAccuracy, 1);
  });
});

describe('scoreSplit', () => {
  test('scores lines, exclusive lines and files', () => {
    const partitioner = partitionerFromBatches(
      footprint,
      analysisOf([batch('b1', [{ path: 'src/a.ts' }, { path: 'src/b.ts' }, { path: 'img.png' }])]),
    );
    const scores = scoreSplit(truth, partitioner);
    // One batch: c1's 5 lines are matched, c0's 2 are not.
    assert.equal(scores.lines.matchedAccuracy, 5 / 7);
    assert.equal(scores.lines.predictedClusters, 1);
    assert.equal(scores.lines.trueClusters, 2);
    assert.equal(scores.exclusiveLines?.items, 7);
    // Files: a.ts c0, b.ts c1, img.png c0, all in b1: 2 of 3.
    assert.equal(scores.files.matchedAccuracy, 2 / 3);
    assert.equal(scores.files.items, 3);
  });

  test('shared lines are left out of exclusive scores', () => {
    const sharedTruth: GroundTruth = {
      ...truth,
      lines: truth.lines.map((changed, index) => ({ ...changed, shared: index < 2 })),
    };
    const scores = scoreSplit(sharedTruth, createBaseline('per file', footprint));
    assert.equal(scores.exclusiveLines?.items, 5);
    assert.equal(scores.lines.items, 7);
  });

  test('no exclusive lines gives no exclusive score', () => {
    const allShared: GroundTruth = {
      ...truth,
      lines: truth.lines.map((changed) => ({ ...changed, shared: true })),
    };
    assert.equal(scoreSplit(allShared, createBaseline('per file', footprint)).exclusiveLines, null);
  });
});
