import { findCycles } from '../batches/cycles.js';
import { placeGroups, type InnerEdge } from './place-groups.js';

/** Changes to one strongly connected set of batches that together break all of its cycles. */
export interface CycleBreak {
  /** Groups of batches whose proven needs alone form a cycle, each to merge into one batch. */
  merges: number[][];
  /** Dependencies `[batch, on]` whose dependsOn entries to remove, by `batch` and then by `on`. */
  removals: Array<[number, number]>;
  /** The batches in an order that every kept dependency satisfies, each merge group together. */
  order: number[];
}

/** Returns the dependencies between the batches of `set`, by their indexes in it. */
function listInnerEdges(
  set: readonly number[],
  targets: ReadonlyArray<readonly number[]>,
  isNeeded: (batch: number, on: number) => boolean,
): InnerEdge[] {
  const indexes = new Map(set.map((node, index) => [node, index]));
  const edges: InnerEdge[] = [];
  set.forEach((node, from) => {
    for (const target of targets[node] ?? []) {
      const to = indexes.get(target);
      if (to !== undefined && to !== from) edges.push({ from, to, needed: isNeeded(node, target) });
    }
  });
  return edges;
}

/**
 * Returns, for each index of the set, the lowest index of the cycle that needed dependencies
 * alone form with it, or the index itself when it is in none. That lowest index names the group.
 */
function groupNeedCycles(count: number, edges: readonly InnerEdge[]): number[] {
  const needTargets: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) if (edge.needed) needTargets[edge.from]?.push(edge.to);

  const group = Array.from({ length: count }, (_, index) => index);
  for (const cycle of findCycles(count, needTargets)) {
    const lowest = cycle.reduce((low, index) => Math.min(low, index));
    for (const index of cycle) group[index] = lowest;
  }
  return group;
}

/** Returns the batch numbers of each group with more than one member, by their lowest. */
function listMerges(set: readonly number[], group: readonly number[]): number[][] {
  const members = new Map<number, number[]>();
  group.forEach((key, index) => {
    const list = members.get(key) ?? [];
    list.push(set[index] as number);
    members.set(key, list);
  });
  return [...members.values()].filter((list) => list.length > 1);
}

/**
 * Plans how to break every cycle of `set`, a strongly connected set of batch numbers in
 * ascending order, whose dependencies are `targets`. Batches whose needed dependencies alone
 * form a cycle must merge. Between the rest, a greedy pass (see placeGroups) picks the
 * dependsOn entries to remove: few of them, but not always the fewest.
 */
export function planCycleBreak(
  set: readonly number[],
  targets: ReadonlyArray<readonly number[]>,
  isNeeded: (batch: number, on: number) => boolean,
): CycleBreak {
  const edges = listInnerEdges(set, targets, isNeeded);
  const group = groupNeedCycles(set.length, edges);
  const { order, removals } = placeGroups(group, edges);

  return {
    merges: listMerges(set, group),
    removals: removals
      .sort((a, b) => a.from - b.from || a.to - b.to)
      .map((edge) => [set[edge.from] as number, set[edge.to] as number]),
    order: order.map((index) => set[index] as number),
  };
}
