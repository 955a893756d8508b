import type { Clustering, Join } from './clustering.js';
import { ClusterScores } from './cluster-scores.js';
import { ClusterWords } from './cluster-words.js';
import type { WordTable } from './relations/text-similarity.js';
import { pairPrior } from './weights.js';

/** The join agglomeration records, unnamed because the links inside a cluster name it later. */
const UNNAMED_JOIN: Join = { kind: 'unseparated', weight: 0 };

/**
 * Greedy correlation clustering of units from one starting clustering. Pair scores are
 * log-odds that two units are one commit. Each step joins the two clusters whose units' pair
 * scores sum highest, while that sum is positive, so a cluster joins another only when the
 * evidence for all its pairs together outweighs the evidence against. Clusters whose words
 * are alike get a bonus on top. Unit sizes weigh each pair, so large edits count more than
 * one-line ones.
 *
 * What does not depend on the pair scores (the starting clusters, their words and their
 * bonuses) is computed once, so several runs from the same start cost less than separate
 * agglomerations.
 */
export class Agglomeration {
  private readonly members: number[][];
  private readonly clusterOf: Int32Array;
  private readonly weights: number[];
  private readonly words: ClusterWords;
  private readonly bonus: Float64Array;

  /** `start` is the clustering every run begins from; later changes to it are not seen. */
  constructor(
    start: Clustering,
    private readonly sizes: readonly number[],
    table: WordTable,
  ) {
    this.members = start.clusters();
    this.clusterOf = new Int32Array(sizes.length);
    this.members.forEach((list, index) => list.forEach((unit) => (this.clusterOf[unit] = index)));
    this.weights = this.members.map((list) =>
      list.reduce((sum, unit) => sum + (sizes[unit] ?? 1), 0),
    );
    this.words = ClusterWords.ofClusters(table, this.members);

    const count = this.members.length;
    this.bonus = new Float64Array(count * count);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        const bonus = bonusOf(this.words, this.weights, i, j);
        this.bonus[i * count + j] = bonus;
        this.bonus[j * count + i] = bonus;
      }
    }
  }

  /**
   * Joins the clusters of `clustering`, which must hold the starting clusters, by the pair
   * scores plus `shift` each. `scores` is a symmetric n-by-n matrix in one array. The joins
   * are recorded unnamed: the rationale names the links inside the final cluster instead (see
   * describeClusters in partition.ts).
   */
  run(clustering: Clustering, scores: Float64Array, shift = 0): void {
    this.checkStart(clustering);
    const roots = this.members.map((list) => list[0] as number);
    const table = new ClusterScores(roots.length, this.sumScores(scores, shift), this.bonus);
    const words = this.words.copy();
    const weights = [...this.weights];

    for (let pair = table.bestPair(); pair !== null; pair = table.bestPair()) {
      const [i, j] = pair;
      clustering.join(roots[i] as number, roots[j] as number, UNNAMED_JOIN);
      words.merge(i, j);
      weights[i] = (weights[i] ?? 0) + (weights[j] ?? 0);
      table.merge(i, j, (x) => bonusOf(words, weights, i, x));
    }
  }

  /** Sums the shifted pair scores of the units of each pair of starting clusters. */
  private sumScores(scores: Float64Array, shift: number): Float64Array {
    const { sizes, clusterOf } = this;
    const clusters = this.members.length;
    const totals = new Float64Array(clusters * clusters);
    const count = sizes.length;
    for (let a = 0; a < count; a += 1) {
      for (let b = a + 1; b < count; b += 1) {
        const ca = clusterOf[a] ?? 0;
        const cb = clusterOf[b] ?? 0;
        if (ca === cb) continue;
        const value = ((scores[a * count + b] ?? 0) + shift) * (sizes[a] ?? 1) * (sizes[b] ?? 1);
        totals[ca * clusters + cb] = (totals[ca * clusters + cb] ?? 0) + value;
        totals[cb * clusters + ca] = (totals[cb * clusters + ca] ?? 0) + value;
      }
    }
    return totals;
  }

  private checkStart(clustering: Clustering): void {
    const matches =
      clustering.size === this.sizes.length &&
      this.members.every((list) => list.every((unit) => clustering.find(unit) === list[0]));
    if (!matches) {
      throw new Error(
        `Invalid clustering of ${clustering.size} units for Agglomeration.run: it differs from the clustering the Agglomeration was built from. Build an Agglomeration from this clustering.`,
      );
    }
  }
}

/** Returns the word bonus of two clusters: their cosine times both of their weights. */
function bonusOf(words: ClusterWords, weights: readonly number[], i: number, j: number): number {
  return pairPrior.similarBatches * words.cosine(i, j) * (weights[i] ?? 0) * (weights[j] ?? 0);
}

/** Agglomerates `clustering` once by `scores`; see Agglomeration. */
export function agglomerate(
  clustering: Clustering,
  scores: Float64Array,
  sizes: readonly number[],
  table: WordTable,
): void {
  new Agglomeration(clustering, sizes, table).run(clustering, scores);
}
