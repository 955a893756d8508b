import { RankHeap } from '../batches/rank-heap.js';

/** A dependency of batch `from` on batch `to`, both indexes in one set of batches. */
export interface InnerEdge {
  from: number;
  to: number;
  /** True when the staged change proves the dependency, so removing dependsOn cannot drop it. */
  needed: boolean;
}

/** An order of the groups, and the dependencies it breaks. */
export interface Placement {
  /** Indexes of the set, group after group, each group's members in ascending order. */
  order: number[];
  /** Dependencies on a group that comes later in `order`, none of them needed. */
  removals: InnerEdge[];
}

/** Counts and queues of one run of placeGroups, by group key. */
class GroupPlacer {
  readonly order: number[] = [];
  readonly removals: InnerEdge[] = [];
  private readonly members: number[][];
  private readonly outgoing: InnerEdge[][];
  private readonly incoming: InnerEdge[][];
  /** Dependencies of each group on groups not placed yet. */
  private readonly waiting: number[];
  /** Those of `waiting` that are needed. */
  private readonly waitingNeeds: number[];
  /** Dependencies on each group from groups not placed yet. */
  private readonly awaited: number[];
  private readonly placed: boolean[];
  /** Groups whose dependencies are all placed, by key. */
  private readonly free = new RankHeap();
  /** Groups whose needed dependencies are all placed, by balanceRank, with stale entries. */
  private readonly needsFree = new RankHeap();
  private readonly maxBalance: number;

  constructor(
    private readonly group: readonly number[],
    edges: readonly InnerEdge[],
  ) {
    const count = group.length;
    this.members = Array.from({ length: count }, () => []);
    group.forEach((key, index) => this.members[key]?.push(index));
    this.outgoing = Array.from({ length: count }, () => []);
    this.incoming = Array.from({ length: count }, () => []);
    this.waiting = new Array<number>(count).fill(0);
    this.waitingNeeds = new Array<number>(count).fill(0);
    this.awaited = new Array<number>(count).fill(0);
    this.placed = new Array<boolean>(count).fill(false);
    this.maxBalance = edges.length;
    for (const edge of edges) this.addEdge(edge);
  }

  /** Returns the keys of the groups, each the lowest index among its members. */
  keys(): number[] {
    return this.group.filter((key, index) => key === index);
  }

  /** Queues a group that has nothing or only dependsOn entries left to wait for. */
  enqueue(key: number): void {
    if (this.waiting[key] === 0) this.free.push(key);
    if (this.waitingNeeds[key] === 0) this.needsFree.push(this.balanceRank(key));
  }

  /**
   * Returns the next group to place, the lowest free one first. When none is free, it is the
   * first by balanceRank of those whose needed dependencies are placed, and its dependencies on
   * groups not placed yet become removals.
   */
  next(): number {
    for (let key = this.free.pop(); key !== undefined; key = this.free.pop()) {
      if (!this.placed[key]) return key;
    }
    const count = this.group.length;
    for (let rank = this.needsFree.pop(); rank !== undefined; rank = this.needsFree.pop()) {
      const key = rank % count;
      if (this.placed[key] || rank !== this.balanceRank(key)) continue;

      for (const edge of this.outgoing[key] ?? []) {
        if (!this.placed[this.group[edge.to] as number]) this.removals.push(edge);
      }
      return key;
    }
    throw new Error('Needed dependencies between groups form a cycle, so none can be placed.');
  }

  /** Places a group after those placed before, and queues the groups that this frees. */
  place(key: number): void {
    this.placed[key] = true;
    for (const member of this.members[key] ?? []) this.order.push(member);
    for (const edge of this.incoming[key] ?? []) {
      const from = this.group[edge.from] as number;
      if (this.placed[from]) continue;
      this.waiting[from] = (this.waiting[from] as number) - 1;
      if (edge.needed) this.waitingNeeds[from] = (this.waitingNeeds[from] as number) - 1;
      this.enqueue(from);
    }
    for (const edge of this.outgoing[key] ?? []) {
      const to = this.group[edge.to] as number;
      if (this.placed[to]) continue;
      this.awaited[to] = (this.awaited[to] as number) - 1;
      this.enqueue(to);
    }
  }

  private addEdge(edge: InnerEdge): void {
    const from = this.group[edge.from] as number;
    const to = this.group[edge.to] as number;
    if (from === to) return;
    this.waiting[from] = (this.waiting[from] as number) + 1;
    if (edge.needed) this.waitingNeeds[from] = (this.waitingNeeds[from] as number) + 1;
    this.awaited[to] = (this.awaited[to] as number) + 1;
    this.outgoing[from]?.push(edge);
    this.incoming[to]?.push(edge);
  }

  /**
   * Returns a rank that puts first the group with the highest balance (dependencies on it from
   * groups not placed, less its own on them), then the lowest key.
   */
  private balanceRank(key: number): number {
    const balance = (this.awaited[key] as number) - (this.waiting[key] as number);
    return (this.maxBalance - balance) * this.group.length + key;
  }
}

/**
 * Orders the groups of a set, `group` giving each index's group key, so that every needed
 * dependency is satisfied and few dependsOn entries break. A group waits until all it depends
 * on is placed, unless every group left waits (see GroupPlacer.next). Such a group always
 * exists while needed dependencies between groups form no cycle, and else this throws.
 */
export function placeGroups(group: readonly number[], edges: readonly InnerEdge[]): Placement {
  const placer = new GroupPlacer(group, edges);
  const keys = placer.keys();
  for (const key of keys) placer.enqueue(key);
  for (let left = keys.length; left > 0; left -= 1) placer.place(placer.next());
  return { order: placer.order, removals: placer.removals };
}
