import type { WordTable } from './relations/text-similarity.js';

/**
 * The cosine of two clusters' summed word vectors, kept up to date as clusters merge. Dot
 * products add up when clusters merge, so each merge costs one pass over the clusters and one
 * over the smaller cluster's words.
 */
export class ClusterWords {
  private readonly vectors: Array<Map<string, number>>;
  private readonly squares: number[];
  private readonly dots: Float64Array;
  private readonly count: number;

  /** `members` lists the units of each cluster. */
  constructor(table: WordTable, members: ReadonlyArray<readonly number[]>) {
    this.count = members.length;
    this.vectors = members.map((units) => {
      const vector = new Map<string, number>();
      for (const unit of units) {
        for (const [word, weight] of table.vectors[unit] ?? []) {
          vector.set(word, (vector.get(word) ?? 0) + weight);
        }
      }
      return vector;
    });
    this.squares = this.vectors.map(sumOfSquares);

    const units = table.lengths.length;
    const clusterOf = new Int32Array(units);
    members.forEach((list, cluster) => list.forEach((unit) => (clusterOf[unit] = cluster)));
    this.dots = new Float64Array(this.count * this.count);
    for (let a = 0; a < units; a += 1) {
      for (let b = a + 1; b < units; b += 1) {
        const dot = table.dots[a * units + b] ?? 0;
        const [i, j] = [clusterOf[a] ?? 0, clusterOf[b] ?? 0];
        if (dot === 0 || i === j) continue;
        this.dots[i * this.count + j] = (this.dots[i * this.count + j] ?? 0) + dot;
        this.dots[j * this.count + i] = (this.dots[j * this.count + i] ?? 0) + dot;
      }
    }
  }

  /** Returns the cosine of two clusters' vectors over the words that may tie units. */
  cosine(i: number, j: number): number {
    const length = Math.sqrt((this.squares[i] ?? 0) * (this.squares[j] ?? 0));
    return length === 0 ? 0 : (this.dots[i * this.count + j] ?? 0) / length;
  }

  /** Adds cluster `j`'s words to cluster `i`. */
  merge(i: number, j: number): void {
    const target = this.vectors[i];
    const source = this.vectors[j];
    if (!target || !source) return;

    let shared = 0;
    for (const [word, weight] of source) {
      const before = target.get(word) ?? 0;
      shared += before * weight;
      target.set(word, before + weight);
    }
    this.squares[i] = (this.squares[i] ?? 0) + (this.squares[j] ?? 0) + 2 * shared;
    source.clear();

    for (let x = 0; x < this.count; x += 1) {
      const value = (this.dots[i * this.count + x] ?? 0) + (this.dots[j * this.count + x] ?? 0);
      this.dots[i * this.count + x] = value;
      this.dots[x * this.count + i] = value;
    }
  }
}

function sumOfSquares(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}
