import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Clustering } from '../../src/batches/clustering.js';

const tie = { kind: 'import', weight: 1 } as const;

describe('clustering', () => {
  test('copy keeps later joins apart', () => {
    const original = new Clustering(4);
    original.join(0, 1, tie);
    const copy = original.copy();
    copy.join(2, 3, tie);
    assert.deepEqual(original.clusters(), [[0, 1], [2], [3]]);
  });

  test('copy keeps the joins made', () => {
    const original = new Clustering(3);
    original.join(0, 2, tie);
    assert.deepEqual(original.copy().joinsOf(2), [tie]);
  });

  test('within rejects joins across clusters', () => {
    const outer = new Clustering(4);
    outer.join(0, 1, tie);
    const inner = new Clustering(4, outer);
    assert.equal(inner.join(1, 2, tie), false);
  });

  test('within allows joins inside clusters', () => {
    const outer = new Clustering(4);
    outer.join(0, 1, tie);
    const inner = new Clustering(4, outer);
    inner.join(0, 1, tie);
    assert.deepEqual(inner.clusters(), [[0, 1], [2], [3]]);
  });
});
