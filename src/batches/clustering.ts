import type { RelationKind } from './types.js';
import { UnionFind } from './union-find.js';

/** Why two sets of units were joined: the kind and weight of the tie. */
export interface Join {
  kind: RelationKind;
  weight: number;
}

/**
 * Units grouped into clusters, with the joins that made each cluster. A clustering made
 * `within` another rejects every join of two units that the other keeps apart, so each of its
 * clusters lies inside one of the other's.
 */
export class Clustering {
  private sets: UnionFind;
  private readonly joins = new Map<number, Join[]>();

  constructor(
    readonly size: number,
    readonly within: Clustering | null = null,
  ) {
    this.sets = new UnionFind(size);
  }

  /** Returns an independent copy of this clustering, its joins included. */
  copy(): Clustering {
    const copy = new Clustering(this.size, this.within);
    copy.sets = this.sets.copy();
    this.joins.forEach((list, root) => copy.joins.set(root, [...list]));
    return copy;
  }

  find(unit: number): number {
    return this.sets.find(unit);
  }

  /**
   * Joins the clusters of two units for `join`. Returns false when they were one already, or
   * when the clustering this one lies within keeps them apart.
   */
  join(a: number, b: number, join: Join): boolean {
    if (this.within && this.within.find(a) !== this.within.find(b)) return false;
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (!this.sets.union(rootA, rootB)) return false;

    const root = this.find(rootA);
    const merged = [...(this.joins.get(rootA) ?? []), ...(this.joins.get(rootB) ?? []), join];
    this.joins.delete(rootA);
    this.joins.delete(rootB);
    this.joins.set(root, merged);
    return true;
  }

  /** Returns the clusters as sorted unit lists, in order of their first unit. */
  clusters(): number[][] {
    return this.sets.sets();
  }

  /** Returns the joins that made the cluster of `unit`. */
  joinsOf(unit: number): readonly Join[] {
    return this.joins.get(this.find(unit)) ?? [];
  }
}
