import type { RelationKind } from './types.js';
import { UnionFind } from './union-find.js';

/** Why two sets of units were joined: the kind and weight of the tie. */
export interface Join {
  kind: RelationKind;
  weight: number;
}

/** Units grouped into clusters, with the joins that made each cluster. */
export class Clustering {
  private readonly sets: UnionFind;
  private readonly joins = new Map<number, Join[]>();

  constructor(readonly size: number) {
    this.sets = new UnionFind(size);
  }

  find(unit: number): number {
    return this.sets.find(unit);
  }

  /** Joins the clusters of two units for `join`; returns false when they were one already. */
  join(a: number, b: number, join: Join): boolean {
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
