import { vectorLength, type UnitWords } from './relations/text-similarity.js';

/** The summed word vectors of clusters, for the cosine of two clusters' words. */
export class ClusterWords {
  private readonly vectors: Array<Map<string, number>>;
  private readonly lengths: number[];

  /** `members` lists the units of each cluster. */
  constructor(words: UnitWords, members: ReadonlyArray<readonly number[]>) {
    this.distinctive = words.distinctive;
    this.vectors = members.map((units) => {
      const vector = new Map<string, number>();
      for (const unit of units) {
        for (const [word, weight] of words.vectors[unit] ?? []) {
          vector.set(word, (vector.get(word) ?? 0) + weight);
        }
      }
      return vector;
    });
    this.lengths = this.vectors.map(vectorLength);
  }

  private readonly distinctive: ReadonlySet<string>;

  /** Returns the cosine of two clusters' vectors over the words that may tie units. */
  cosine(i: number, j: number): number {
    const a = this.vectors[i];
    const b = this.vectors[j];
    if (!a || !b) return 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [word, weight] of small) {
      if (!this.distinctive.has(word)) continue;
      const other = large.get(word);
      if (other !== undefined) dot += weight * other;
    }
    const length = (this.lengths[i] ?? 0) * (this.lengths[j] ?? 0);
    return length === 0 ? 0 : dot / length;
  }

  /** Adds cluster `j`'s words to cluster `i`. */
  merge(i: number, j: number): void {
    const target = this.vectors[i];
    const source = this.vectors[j];
    if (!target || !source) return;
    for (const [word, weight] of source) target.set(word, (target.get(word) ?? 0) + weight);
    this.lengths[i] = vectorLength(target);
    source.clear();
  }
}
