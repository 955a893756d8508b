import type { Clustering, Join } from './clustering.js';
import { ClusterWords } from './cluster-words.js';
import type { WordTable } from './relations/text-similarity.js';
import { pairPrior } from './weights.js';

/**
 * Sums of pair scores between clusters, plus a bonus for clusters whose words are alike, with
 * each row's best partner kept up to date.
 */
class ClusterScores {
  readonly totals: Float64Array;
  readonly bonus: Float64Array;
  readonly active: boolean[];
  private readonly bestOf: Int32Array;

  constructor(readonly count: number) {
    this.totals = new Float64Array(count * count);
    this.bonus = new Float64Array(count * count);
    this.active = new Array<boolean>(count).fill(true);
    this.bestOf = new Int32Array(count).fill(-1);
  }

  at(i: number, j: number): number {
    return (this.totals[i * this.count + j] ?? 0) + (this.bonus[i * this.count + j] ?? 0);
  }

  setBonus(i: number, j: number, value: number): void {
    this.bonus[i * this.count + j] = value;
    this.bonus[j * this.count + i] = value;
  }

  add(i: number, j: number, value: number): void {
    this.totals[i * this.count + j] = (this.totals[i * this.count + j] ?? 0) + value;
    this.totals[j * this.count + i] = (this.totals[j * this.count + i] ?? 0) + value;
  }

  /** Recomputes the partner of cluster `i` with the highest total, the first on a tie. */
  refresh(i: number): void {
    let best = -1;
    for (let j = 0; j < this.count; j += 1) {
      if (j === i || !this.active[j]) continue;
      if (best === -1 || this.at(i, j) > this.at(i, best)) best = j;
    }
    this.bestOf[i] = best;
  }

  /** Returns the pair with the highest positive total, the first pair on a tie, or null. */
  bestPair(): [number, number] | null {
    let pair: [number, number] | null = null;
    let best = 0;
    for (let i = 0; i < this.count; i += 1) {
      const j = this.bestOf[i] ?? -1;
      if (!this.active[i] || j === -1) continue;
      const value = this.at(i, j);
      if (value > best) {
        best = value;
        pair = i < j ? [i, j] : [j, i];
      }
    }
    return pair;
  }

  /**
   * Folds cluster `j` into cluster `i`, sets the new bonuses of `i`, then refreshes the rows
   * whose best partner changed.
   */
  merge(i: number, j: number, bonusOf: (x: number) => number): void {
    this.active[j] = false;
    for (let x = 0; x < this.count; x += 1) {
      if (!this.active[x] || x === i) continue;
      const value = (this.totals[i * this.count + x] ?? 0) + (this.totals[j * this.count + x] ?? 0);
      this.totals[i * this.count + x] = value;
      this.totals[x * this.count + i] = value;
      this.setBonus(i, x, bonusOf(x));
    }
    this.refresh(i);
    for (let x = 0; x < this.count; x += 1) {
      if (!this.active[x] || x === i) continue;
      const best = this.bestOf[x] ?? -1;
      if (best === i || best === j) this.refresh(x);
      else if (this.at(x, i) > this.at(x, best)) this.bestOf[x] = i;
    }
  }
}

/** The join agglomeration records, unnamed because the links inside a cluster name it later. */
const UNNAMED_JOIN: Join = { kind: 'unseparated', weight: 0 };

/**
 * Joins clusters greedily while some pair has a positive total score: each step joins the two
 * clusters whose units' pair scores sum highest (greedy correlation clustering). Pair scores
 * are log-odds that two units are one commit, so a cluster joins another only when the
 * evidence for all its pairs together outweighs the evidence against. `sizes` weighs each
 * unit, so large edits count more than one-line ones. Its joins are recorded unnamed: the
 * rationale names the links inside the final cluster instead (see describeCluster).
 */
export function agglomerate(
  clustering: Clustering,
  scores: Float64Array,
  sizes: readonly number[],
  words: WordTable,
): void {
  const members = clustering.clusters();
  const roots = members.map((list) => list[0] as number);
  const table = new ClusterScores(roots.length);
  const text = new ClusterWords(words, members);
  const weightOf = members.map((list) => list.reduce((sum, unit) => sum + (sizes[unit] ?? 1), 0));
  const bonusOf = (i: number, j: number) =>
    pairPrior.similarBatches * text.cosine(i, j) * (weightOf[i] ?? 0) * (weightOf[j] ?? 0);
  for (let i = 0; i < roots.length; i += 1) {
    for (let j = i + 1; j < roots.length; j += 1) table.setBonus(i, j, bonusOf(i, j));
  }
  const clusterOf = new Int32Array(sizes.length);
  members.forEach((list, index) => list.forEach((unit) => (clusterOf[unit] = index)));

  const count = sizes.length;
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      const ca = clusterOf[a] ?? 0;
      const cb = clusterOf[b] ?? 0;
      if (ca === cb) continue;
      table.add(ca, cb, (scores[a * count + b] ?? 0) * (sizes[a] ?? 1) * (sizes[b] ?? 1));
    }
  }
  for (let i = 0; i < roots.length; i += 1) table.refresh(i);

  for (let pair = table.bestPair(); pair !== null; pair = table.bestPair()) {
    const [i, j] = pair;
    clustering.join(roots[i] as number, roots[j] as number, UNNAMED_JOIN);
    text.merge(i, j);
    weightOf[i] = (weightOf[i] ?? 0) + (weightOf[j] ?? 0);
    table.merge(i, j, (x) => bonusOf(i, x));
  }
}
