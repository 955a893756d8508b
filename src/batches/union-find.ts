/** Disjoint sets of strings with path halving and union by size. */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  constructor(items: Iterable<string>) {
    for (const item of items) {
      this.parent.set(item, item);
      this.size.set(item, 1);
    }
  }

  /** Returns the representative of the set holding `item`; an unknown item is its own set. */
  find(item: string): string {
    let current = item;
    let parent = this.parent.get(current) ?? current;
    while (parent !== current) {
      const grandparent = this.parent.get(parent) ?? parent;
      this.parent.set(current, grandparent);
      current = grandparent;
      parent = this.parent.get(current) ?? current;
    }
    return current;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;

    const sizeA = this.size.get(rootA) ?? 1;
    const sizeB = this.size.get(rootB) ?? 1;
    const [small, large] = sizeA < sizeB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(small, large);
    this.size.set(large, sizeA + sizeB);
  }
}
