/**
 * Disjoint sets of the numbers `0..size-1` with path halving. The smaller index of two joined
 * roots stays the root, so a set's root is its smallest member and results never depend on
 * the order of the unions.
 */
export class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  /** Returns an independent copy of these sets. */
  copy(): UnionFind {
    const copy = new UnionFind(0);
    copy.parent.push(...this.parent);
    return copy;
  }

  find(item: number): number {
    let current = item;
    while (this.parent[current] !== current) {
      const grandparent = this.parent[this.parent[current] as number] as number;
      this.parent[current] = grandparent;
      current = grandparent;
    }
    return current;
  }

  /** Joins the sets of `a` and `b`; returns false when they were one set already. */
  union(a: number, b: number): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return false;
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
    return true;
  }

  /** Returns the members of each set, sets in order of their smallest member. */
  sets(): number[][] {
    const members = new Map<number, number[]>();
    for (let item = 0; item < this.parent.length; item += 1) {
      const root = this.find(item);
      const list = members.get(root);
      if (list) list.push(item);
      else members.set(root, [item]);
    }
    return [...members.values()];
  }
}
