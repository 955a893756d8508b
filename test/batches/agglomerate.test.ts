import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Agglomeration, agglomerate } from '../../src/batches/agglomerate.js';
import { ClusterWords } from '../../src/batches/cluster-words.js';
import { Clustering } from '../../src/batches/clustering.js';
import type { WordTable } from '../../src/batches/relations/text-similarity.js';
import { pairPrior } from '../../src/batches/weights.js';

/** A small linear congruential generator, so every case is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Case {
  count: number;
  scores: Float64Array;
  sizes: number[];
  table: WordTable;
  /** Pairs of units joined before the agglomeration, as binding links join them. */
  bound: Array<[number, number]>;
}

/**
 * Builds a random case. Scores are whole or half log-odds and sizes repeat, so many cluster
 * totals tie exactly, which is where the order of merges is easiest to get wrong.
 */
function randomCase(seed: number): Case {
  const random = createRandom(seed);
  const count = 2 + Math.floor(random() * 24);
  // Every other case has whole scores, unit sizes and no words, so that exact ties are common.
  const plain = seed % 2 === 0;
  const scores = new Float64Array(count * count);
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      const score = plain ? Math.floor(random() * 5) - 2 : Math.round(random() * 12 - 8) / 2;
      scores[a * count + b] = score;
      scores[b * count + a] = score;
    }
  }
  const sizes = Array.from({ length: count }, () =>
    plain ? 1 : [1, Math.SQRT2, 2][Math.floor(random() * 3)]!,
  );
  const words = plain ? [] : ['parse', 'index', 'hook', 'batch', 'tree', 'blob'];
  const vectors = Array.from({ length: count }, () => {
    const vector = new Map<string, number>();
    for (const word of words) if (random() < 0.3) vector.set(word, 1 + Math.floor(random() * 3));
    return vector;
  });
  const dots = new Float64Array(count * count);
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      for (const [word, weight] of vectors[a]!) {
        dots[a * count + b] = (dots[a * count + b] ?? 0) + weight * (vectors[b]!.get(word) ?? 0);
      }
    }
  }
  const lengths = vectors.map((vector) => Math.hypot(...vector.values()));
  const bound: Array<[number, number]> = [];
  if (count > 3 && random() < 0.5) bound.push([0, count - 1], [1, 2]);
  return { count, scores, sizes, table: { vectors, lengths, dots }, bound };
}

function startOf(input: Case): Clustering {
  const clustering = new Clustering(input.count);
  for (const [a, b] of input.bound) clustering.join(a, b, { kind: 'rename', weight: 1 });
  return clustering;
}

/**
 * Agglomerates the plain way, without an active list or skipped rescans. After each merge,
 * every row whose best partner was merged away is rescanned, and every other row compares the
 * merged cluster with its best partner.
 */
function referenceClusters(input: Case, shift: number): number[][] {
  const clustering = startOf(input);
  const members = clustering.clusters();
  const roots = members.map((list) => list[0]!);
  const k = members.length;
  const words = ClusterWords.ofClusters(input.table, members);
  const weights = members.map((list) => list.reduce((sum, unit) => sum + input.sizes[unit]!, 0));
  const bonusOf = (i: number, j: number) =>
    pairPrior.similarBatches * words.cosine(i, j) * weights[i]! * weights[j]!;
  const totals = new Float64Array(k * k);
  const bonus = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) {
    for (let j = i + 1; j < k; j += 1) bonus[i * k + j] = bonus[j * k + i] = bonusOf(i, j);
  }
  const clusterOf = new Int32Array(input.count);
  members.forEach((list, index) => list.forEach((unit) => (clusterOf[unit] = index)));
  for (let a = 0; a < input.count; a += 1) {
    for (let b = a + 1; b < input.count; b += 1) {
      const [ca, cb] = [clusterOf[a]!, clusterOf[b]!];
      if (ca === cb) continue;
      const value =
        (input.scores[a * input.count + b]! + shift) * input.sizes[a]! * input.sizes[b]!;
      totals[ca * k + cb] = totals[ca * k + cb]! + value;
      totals[cb * k + ca] = totals[cb * k + ca]! + value;
    }
  }
  const active = new Array<boolean>(k).fill(true);
  const at = (i: number, j: number) => totals[i * k + j]! + bonus[i * k + j]!;
  const bestOf = new Array<number>(k).fill(-1);
  const refresh = (i: number) => {
    let best = -1;
    for (let j = 0; j < k; j += 1) {
      if (j !== i && active[j] && (best === -1 || at(i, j) > at(i, best))) best = j;
    }
    bestOf[i] = best;
  };
  for (let i = 0; i < k; i += 1) refresh(i);

  for (;;) {
    let pair: [number, number] | null = null;
    let best = 0;
    for (let i = 0; i < k; i += 1) {
      const j = bestOf[i]!;
      if (active[i] && j !== -1 && at(i, j) > best) {
        best = at(i, j);
        pair = i < j ? [i, j] : [j, i];
      }
    }
    if (pair === null) break;

    const [i, j] = pair;
    clustering.join(roots[i]!, roots[j]!, { kind: 'unseparated', weight: 0 });
    words.merge(i, j);
    weights[i] = weights[i]! + weights[j]!;
    active[j] = false;
    for (let x = 0; x < k; x += 1) {
      if (!active[x] || x === i) continue;
      totals[i * k + x] = totals[x * k + i] = totals[i * k + x]! + totals[j * k + x]!;
      bonus[i * k + x] = bonus[x * k + i] = bonusOf(i, x);
    }
    refresh(i);
    for (let x = 0; x < k; x += 1) {
      if (!active[x] || x === i) continue;
      if (bestOf[x] === i || bestOf[x] === j) refresh(x);
      else if (at(x, i) > at(x, bestOf[x]!)) bestOf[x] = i;
    }
  }
  return clustering.clusters();
}

describe('Agglomeration', () => {
  test('same clusters as plain agglomeration', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const input = randomCase(seed);
      const agglomeration = new Agglomeration(startOf(input), input.sizes, input.table);
      for (const shift of [-0.5, 0, 0.5]) {
        const clustering = startOf(input);
        agglomeration.run(clustering, input.scores, shift);

        assert.deepEqual(clustering.clusters(), referenceClusters(input, shift), `seed ${seed}`);
      }
    }
  });

  test('runs from one start are independent', () => {
    const input = randomCase(7);
    const agglomeration = new Agglomeration(startOf(input), input.sizes, input.table);
    const first = startOf(input);
    agglomeration.run(first, input.scores, 0.5);
    const second = startOf(input);
    agglomeration.run(second, input.scores, 0.5);

    assert.deepEqual(second.clusters(), first.clusters());
  });

  test('one-off agglomerate matches a run', () => {
    const input = randomCase(11);
    const clustering = startOf(input);
    agglomerate(clustering, input.scores, input.sizes, input.table);

    assert.deepEqual(clustering.clusters(), referenceClusters(input, 0));
  });

  test('other starting clustering rejected', () => {
    const input = randomCase(5);
    const agglomeration = new Agglomeration(new Clustering(input.count), input.sizes, input.table);
    const joined = new Clustering(input.count);
    joined.join(0, 1, { kind: 'rename', weight: 1 });

    assert.throws(() => agglomeration.run(joined, input.scores), /Invalid clustering/);
  });
});

describe('ClusterWords', () => {
  test('copy and original merge independently', () => {
    const vectors = [
      new Map([['hook', 1]]),
      new Map([['hook', 2]]),
      new Map([
        ['hook', 1],
        ['tree', 1],
      ]),
    ];
    const dots = new Float64Array(9);
    [dots[1], dots[2], dots[5]] = [2, 1, 2];
    const table: WordTable = { vectors, lengths: [1, 2, Math.SQRT2], dots };
    const singles = [[0], [1], [2]];
    const cosines = (words: ClusterWords) =>
      singles.map((_, i) => singles.map((__, j) => (i === j ? 0 : words.cosine(i, j))));
    const mergedOnce = (i: number, j: number) => {
      const words = ClusterWords.ofClusters(table, singles);
      words.merge(i, j);
      return cosines(words);
    };
    const original = ClusterWords.ofClusters(table, singles);
    const copy = original.copy();

    original.merge(0, 1);
    copy.merge(0, 2);

    assert.deepEqual(cosines(original), mergedOnce(0, 1));
    assert.deepEqual(cosines(copy), mergedOnce(0, 2));
  });
});
