import type { WordTable } from './relations/text-similarity.js';

/**
 * The cosine of two clusters' summed word vectors, kept up to date as clusters merge. Dot
 * products add up when clusters merge, so each merge costs one pass over the clusters and one
 * over the words of the cluster folded in.
 */
export class ClusterWords {
  /**
   * `owned[i]` is false while `vectors[i]` is shared with the ClusterWords this one was copied
   * from; merge copies a shared vector before it changes it.
   */
  private readonly owned: boolean[];

  private constructor(
    private readonly vectors: Array<Map<string, number>>,
    private readonly squares: number[],
    private readonly dots: Float64Array,
    private readonly count: number,
    shared: boolean,
  ) {
    this.owned = new Array<boolean>(vectors.length).fill(!shared);
  }

  /** Sums the word vectors of each cluster's units; `members` lists the units of each cluster. */
  static ofClusters(table: WordTable, members: ReadonlyArray<readonly number[]>): ClusterWords {
    const count = members.length;
    const vectors = members.map((units) => {
      const vector = new Map<string, number>();
      for (const unit of units) {
        for (const [word, weight] of table.vectors[unit] ?? []) {
          vector.set(word, (vector.get(word) ?? 0) + weight);
        }
      }
      return vector;
    });

    const units = table.lengths.length;
    const clusterOf = new Int32Array(units);
    members.forEach((list, cluster) => list.forEach((unit) => (clusterOf[unit] = cluster)));
    const dots = new Float64Array(count * count);
    for (let a = 0; a < units; a += 1) {
      for (let b = a + 1; b < units; b += 1) {
        const dot = table.dots[a * units + b] ?? 0;
        const [i, j] = [clusterOf[a] ?? 0, clusterOf[b] ?? 0];
        if (dot === 0 || i === j) continue;
        dots[i * count + j] = (dots[i * count + j] ?? 0) + dot;
        dots[j * count + i] = (dots[j * count + i] ?? 0) + dot;
      }
    }
    return new ClusterWords(vectors, vectors.map(sumOfSquares), dots, count, false);
  }

  /**
   * Returns an independent copy, which later merges of either leave unchanged. It shares the
   * word vectors until it merges them, so a copy costs one pass over the dot products.
   */
  copy(): ClusterWords {
    this.owned.fill(false);
    const vectors = [...this.vectors];
    return new ClusterWords(vectors, [...this.squares], this.dots.slice(), this.count, true);
  }

  /** Returns the cosine of two clusters' vectors over the words that may tie units. */
  cosine(i: number, j: number): number {
    const length = Math.sqrt((this.squares[i] ?? 0) * (this.squares[j] ?? 0));
    return length === 0 ? 0 : (this.dots[i * this.count + j] ?? 0) / length;
  }

  /** Adds cluster `j`'s words to cluster `i`. */
  merge(i: number, j: number): void {
    const source = this.vectors[j];
    const target = this.ownVector(i);
    if (!target || !source) return;

    // forEach, unlike for-of, makes no entry array per word: a hook run merges thousands.
    let shared = 0;
    source.forEach((weight, word) => {
      const before = target.get(word) ?? 0;
      shared += before * weight;
      target.set(word, before + weight);
    });
    this.squares[i] = (this.squares[i] ?? 0) + (this.squares[j] ?? 0) + 2 * shared;
    this.vectors[j] = new Map();
    this.owned[j] = true;

    for (let x = 0; x < this.count; x += 1) {
      const value = (this.dots[i * this.count + x] ?? 0) + (this.dots[j * this.count + x] ?? 0);
      this.dots[i * this.count + x] = value;
      this.dots[x * this.count + i] = value;
    }
  }

  /** Returns the vector of cluster `i`, copied first when it is shared. */
  private ownVector(i: number): Map<string, number> | undefined {
    const vector = this.vectors[i];
    if (!vector || this.owned[i]) return vector;

    const copy = new Map(vector);
    this.vectors[i] = copy;
    this.owned[i] = true;
    return copy;
  }
}

function sumOfSquares(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}
