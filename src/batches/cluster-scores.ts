/**
 * Sums of pair scores between clusters, plus a bonus for clusters whose words are alike, with
 * each row's best partner kept up to date.
 *
 * Invariant: `bestOf[x]` is a partner with the highest value in row `x`. When several share
 * that value, which of them it is depends on the order of the merges, and the merges keep the
 * choice that refreshing every row after each merge would have made.
 */
export class ClusterScores {
  /** Sums of the units' pair scores, row-major and symmetric. */
  private readonly totals: Float64Array;
  /** `totals` plus the word bonus of each pair: what the agglomeration compares. */
  private readonly values: Float64Array;
  /** Clusters not yet folded into another, ascending, in the first `activeCount` places. */
  private readonly active: Int32Array;
  private activeCount: number;
  private readonly bestOf: Int32Array;

  /** Takes ownership of `totals`; `bonus` is read once. Both are count-by-count. */
  constructor(
    readonly count: number,
    totals: Float64Array,
    bonus: Float64Array,
  ) {
    this.totals = totals;
    this.values = new Float64Array(count * count);
    for (let index = 0; index < count * count; index += 1) {
      this.values[index] = (totals[index] ?? 0) + (bonus[index] ?? 0);
    }
    this.active = Int32Array.from({ length: count }, (_, index) => index);
    this.activeCount = count;
    this.bestOf = new Int32Array(count).fill(-1);
    for (let i = 0; i < count; i += 1) this.refresh(i);
  }

  /** Recomputes the partner of cluster `i` with the highest value, the first on a tie. */
  private refresh(i: number): void {
    const row = i * this.count;
    let best = -1;
    let bestValue = 0;
    for (let k = 0; k < this.activeCount; k += 1) {
      const j = this.active[k] as number;
      if (j === i) continue;
      const value = this.values[row + j] as number;
      if (best === -1 || value > bestValue) {
        best = j;
        bestValue = value;
      }
    }
    this.bestOf[i] = best;
  }

  /** Returns the pair with the highest positive value, the first pair on a tie, or null. */
  bestPair(): [number, number] | null {
    let pair: [number, number] | null = null;
    let best = 0;
    for (let k = 0; k < this.activeCount; k += 1) {
      const i = this.active[k] as number;
      const j = this.bestOf[i] as number;
      if (j === -1) continue;
      const value = this.values[i * this.count + j] as number;
      if (value > best) {
        best = value;
        pair = i < j ? [i, j] : [j, i];
      }
    }
    return pair;
  }

  /**
   * Folds cluster `j` into cluster `i`, with `bonusOf(x)` the new bonus of `i` and `x`, then
   * updates the best partner of every row.
   */
  merge(i: number, j: number, bonusOf: (x: number) => number): void {
    this.deactivate(j);
    const { count, totals, values } = this;
    for (let k = 0; k < this.activeCount; k += 1) {
      const x = this.active[k] as number;
      if (x === i) continue;

      const before = values[x * count + i] as number;
      const total = (totals[i * count + x] ?? 0) + (totals[j * count + x] ?? 0);
      totals[i * count + x] = total;
      totals[x * count + i] = total;
      const value = total + bonusOf(x);
      values[i * count + x] = value;
      values[x * count + i] = value;
      this.updateBest(x, i, j, before);
    }
    this.refresh(i);
  }

  /**
   * Updates the best partner of row `x` after `j` was folded into `i`, where `before` is the
   * row's old value for `i`. Only column `i` of the row changed and column `j` left it. When
   * the new value of `i` beats the old best value, `i` is the row's only maximum. Otherwise
   * the old best stays, unless it was `i` or `j`: only then is the row scanned again.
   */
  private updateBest(x: number, i: number, j: number, before: number): void {
    const row = x * this.count;
    const best = this.bestOf[x] as number;
    const value = this.values[row + i] as number;
    if (best === i) {
      if (!(value > before)) this.refresh(x);
    } else if (best === j) {
      if (value > (this.values[row + j] as number)) this.bestOf[x] = i;
      else this.refresh(x);
    } else if (value > (this.values[row + best] as number)) {
      this.bestOf[x] = i;
    }
  }

  private deactivate(cluster: number): void {
    let k = 0;
    while (k < this.activeCount && this.active[k] !== cluster) k += 1;
    if (k === this.activeCount) return;
    this.active.copyWithin(k, k + 1, this.activeCount);
    this.activeCount -= 1;
  }
}
