import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  adjustedRandIndex,
  buildContingency,
  isSamePartition,
  matchedAccuracy,
  scorePartition,
} from '../../bench/untangle/metrics.js';

/** Compares floats computed by hand to 12 decimals. */
function assertClose(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}

describe('buildContingency', () => {
  test('counts items per predicted and true cluster', () => {
    const contingency = buildContingency(['a', 'a', 'b', 'b'], ['x', 'y', 'y', 'y']);
    assert.deepEqual(contingency.cells, [
      [1, 0],
      [1, 2],
    ]);
    assert.deepEqual(contingency.predictedSizes, [1, 3]);
    assert.deepEqual(contingency.trueSizes, [2, 2]);
    assert.equal(contingency.items, 4);
  });

  test('rejects partitions of different lengths', () => {
    assert.throws(() => buildContingency(['a'], ['x', 'y']), /different lengths/);
  });
});

describe('matchedAccuracy', () => {
  test('three predicted clusters for two commits', () => {
    // x={a,a} y={a,b} z={b,b}: x-a and z-b pair up, y has no partner: 4 of 6.
    const contingency = buildContingency(
      ['a', 'a', 'a', 'b', 'b', 'b'],
      ['x', 'x', 'y', 'y', 'z', 'z'],
    );
    assertClose(matchedAccuracy(contingency), 4 / 6);
  });

  test('pairs one to one, not by majority', () => {
    // Both predicted clusters are mostly "a"; only one may take it, the other takes "b".
    const contingency = buildContingency(
      ['a', 'a', 'a', 'a', 'a', 'b', 'b'],
      ['x', 'x', 'x', 'y', 'y', 'y', 'y'],
    );
    // x-a (3) and y-b (2) = 5; x-b (0) and y-a (2) = 2.
    assertClose(matchedAccuracy(contingency), 5 / 7);
  });

  test('one predicted cluster scores the largest commit', () => {
    const contingency = buildContingency(['a', 'a', 'a', 'b'], ['x', 'x', 'x', 'x']);
    assertClose(matchedAccuracy(contingency), 3 / 4);
  });

  test('relabelled partition scores 1', () => {
    const contingency = buildContingency(['a', 'b', 'a', 'c'], ['2', '0', '2', '1']);
    assert.equal(matchedAccuracy(contingency), 1);
  });

  test('no items scores 1', () => {
    assert.equal(matchedAccuracy(buildContingency([], [])), 1);
  });
});

describe('adjustedRandIndex', () => {
  test('three predicted clusters for two commits', () => {
    // together = 1 + 1 = 2; predicted pairs 3; true pairs 6; expected 3*6/15 = 1.2;
    // max (3+6)/2 = 4.5; ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3.
    const contingency = buildContingency(
      ['a', 'a', 'a', 'b', 'b', 'b'],
      ['x', 'x', 'y', 'y', 'z', 'z'],
    );
    assertClose(adjustedRandIndex(contingency), 0.8 / 3.3);
  });

  test('one cluster split in two', () => {
    // truth [0,0,1,1], prediction [0,0,1,2]: together 1, predicted pairs 1, true pairs 2,
    // expected 2/6, max 1.5: (1 - 1/3) / (1.5 - 1/3) = 4/7.
    const contingency = buildContingency(['0', '0', '1', '1'], ['0', '0', '1', '2']);
    assertClose(adjustedRandIndex(contingency), 4 / 7);
  });

  test('prediction of one cluster scores 0', () => {
    const contingency = buildContingency(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x']);
    assert.equal(adjustedRandIndex(contingency), 0);
  });

  test('worse than chance is negative', () => {
    // Each predicted cluster takes one item of each commit: together 0, expected 2*2/6.
    const contingency = buildContingency(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y']);
    assertClose(adjustedRandIndex(contingency), (0 - 2 / 3) / (2 - 2 / 3));
  });

  test('same partition scores 1', () => {
    const contingency = buildContingency(['a', 'a', 'b', 'c'], ['y', 'y', 'z', 'x']);
    assert.equal(adjustedRandIndex(contingency), 1);
  });

  test('fewer than two items scores 1', () => {
    assert.equal(adjustedRandIndex(buildContingency([], [])), 1);
    assert.equal(adjustedRandIndex(buildContingency(['a'], ['x'])), 1);
  });

  test('both one cluster scores 1', () => {
    assert.equal(adjustedRandIndex(buildContingency(['a', 'a', 'a'], ['x', 'x', 'x'])), 1);
  });

  test('both all singletons scores 1', () => {
    assert.equal(adjustedRandIndex(buildContingency(['a', 'b', 'c'], ['x', 'y', 'z'])), 1);
  });

  test('one cluster against all singletons scores 0', () => {
    assert.equal(adjustedRandIndex(buildContingency(['a', 'a', 'a'], ['x', 'y', 'z'])), 0);
  });
});

describe('isSamePartition', () => {
  test('relabelled partition is the same', () => {
    assert.equal(isSamePartition(buildContingency(['a', 'a', 'b'], ['q', 'q', 'p'])), true);
  });

  test('a split cluster is not the same', () => {
    assert.equal(isSamePartition(buildContingency(['a', 'a', 'b'], ['q', 'r', 'p'])), false);
  });

  test('merged clusters are not the same', () => {
    assert.equal(isSamePartition(buildContingency(['a', 'a', 'b'], ['q', 'q', 'q'])), false);
  });

  test('a swapped item is not the same', () => {
    assert.equal(
      isSamePartition(buildContingency(['a', 'a', 'b', 'b'], ['q', 'p', 'q', 'p'])),
      false,
    );
  });
});

describe('scorePartition', () => {
  test('reports counts and every metric', () => {
    const score = scorePartition(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'z', 'z']);
    assert.equal(score.items, 6);
    assert.equal(score.trueClusters, 2);
    assert.equal(score.predictedClusters, 3);
    assertClose(score.matchedAccuracy, 4 / 6);
    assertClose(score.adjustedRand, 0.8 / 3.3);
    assert.equal(score.exact, false);
    assert.equal(score.clusterCountError, 1);
  });

  test('exact split scores 1 everywhere', () => {
    const score = scorePartition(['c0', 'c0', 'c1'], ['b2', 'b2', 'b1']);
    assert.equal(score.matchedAccuracy, 1);
    assert.equal(score.adjustedRand, 1);
    assert.equal(score.exact, true);
    assert.equal(score.clusterCountError, 0);
  });
});
