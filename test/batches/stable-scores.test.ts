import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Agglomeration } from '../../src/batches/agglomerate.js';
import { Clustering } from '../../src/batches/clustering.js';
import type { WordTable } from '../../src/batches/relations/text-similarity.js';
import { scoreStability } from '../../src/batches/stable-scores.js';

/** Builds a symmetric n-by-n matrix from the scores of the pairs a < b. */
function matrix(count: number, pairs: Record<string, number>): Float64Array {
  const scores = new Float64Array(count * count);
  for (const [key, score] of Object.entries(pairs)) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    scores[a * count + b] = score;
    scores[b * count + a] = score;
  }
  return scores;
}

/** Builds a word table in which no two units share a word, so no batch bonus applies. */
function noWords(count: number): WordTable {
  return {
    vectors: Array.from({ length: count }, () => new Map<string, number>()),
    lengths: new Array<number>(count).fill(0),
    dots: new Float64Array(count * count),
  };
}

function stability(count: number, pairs: Record<string, number>, start?: () => Clustering) {
  const sizes = new Array<number>(count).fill(1);
  const begin = start ?? (() => new Clustering(count));
  const agglomeration = new Agglomeration(begin(), sizes, noWords(count));
  return scoreStability(matrix(count, pairs), agglomeration, begin);
}

describe('scoreStability', () => {
  test('unanimous runs score plus or minus 2', () => {
    const stable = stability(3, { '0,1': 3, '0,2': -3, '1,2': -3 });

    assert.equal(stable[0 * 3 + 1], 2);
    assert.equal(stable[1 * 3 + 0], 2);
    assert.equal(stable[0 * 3 + 2], -2);
    assert.equal(stable[1 * 3 + 2], -2);
  });

  test('close pair scores its share of runs', () => {
    // Shifted by -0.5 the pair scores -0.25 and splits. Shifted by 0 and +0.5 it joins.
    const joined = stability(2, { '0,1': 0.25 });
    // Shifted by +0.5 the pair scores 0.25 and joins. Shifted by 0 and -0.5 it splits.
    const split = stability(2, { '0,1': -0.25 });

    assert.ok(Math.abs((joined[1] ?? 0) - 4 * (2 / 3 - 0.5)) < 1e-9, String(joined[1]));
    assert.ok(Math.abs((split[1] ?? 0) - 4 * (1 / 3 - 0.5)) < 1e-9, String(split[1]));
  });

  test('starting clustering holds in every run', () => {
    const start = () => {
      const clustering = new Clustering(3);
      clustering.join(0, 2, { kind: 'rename', weight: 1 });
      return clustering;
    };
    const stable = stability(3, { '0,1': -3, '0,2': -3, '1,2': -3 }, start);

    assert.equal(stable[0 * 3 + 2], 2);
    assert.equal(stable[0 * 3 + 1], -2);
  });
});
