import type { CommitType } from './types.js';
import { comparePaths } from './paths.js';
import { RankHeap } from './rank-heap.js';

/**
 * Rank of each commit type in the batch order when no dependency decides: build files and
 * dependencies first, then setup, changes to existing code, new features, tests, and docs last.
 */
const TYPE_RANK: Record<CommitType, number> = {
  build: 0,
  ci: 1,
  chore: 1,
  refactor: 2,
  fix: 2,
  perf: 2,
  style: 2,
  feat: 3,
  test: 4,
  docs: 5,
};

/** A group to order: its type, its first path, and the indices of the groups it requires. */
export interface OrderNode {
  type: CommitType;
  /** True for a release, which goes after every other batch that does not require it. */
  last?: boolean;
  firstPath: string;
  requires: ReadonlySet<number>;
}

function compareNodes(a: OrderNode, b: OrderNode): number {
  const last = Number(a.last === true) - Number(b.last === true);
  return last || TYPE_RANK[a.type] - TYPE_RANK[b.type] || comparePaths(a.firstPath, b.firstPath);
}

/**
 * Returns the node indices in commit order: every node after the nodes it requires, and among
 * the nodes that are free to go next, the one with the lowest type rank, then first path.
 * Nodes that wait for each other in a cycle go when no other node is free, the lowest-ranked
 * first, instead of looping.
 */
export function orderNodes(nodes: readonly OrderNode[]): number[] {
  // Ranks follow compareNodes, then the node index, so equal nodes keep their input order.
  const byRank = nodes
    .map((_, index) => index)
    .sort((a, b) => compareNodes(nodes[a] as OrderNode, nodes[b] as OrderNode) || a - b);
  const rank = new Array<number>(nodes.length);
  byRank.forEach((index, position) => (rank[index] = position));

  const dependents = nodes.map((): number[] => []);
  const pending = nodes.map((node) => node.requires.size);
  nodes.forEach((node, index) => {
    for (const required of node.requires) dependents[required]?.push(index);
  });

  const ready = new RankHeap();
  nodes.forEach((_, index) => {
    if (pending[index] === 0) ready.push(rank[index] as number);
  });

  const placed = new Array<boolean>(nodes.length).fill(false);
  const order: number[] = [];
  let fallback = 0;
  while (order.length < nodes.length) {
    let chosen = ready.pop();
    if (chosen === undefined) {
      // Every node left waits for another: a cycle. The lowest-ranked one goes next.
      while (placed[byRank[fallback] as number]) fallback += 1;
      chosen = fallback;
    }
    const index = byRank[chosen] as number;
    if (placed[index]) continue;

    placed[index] = true;
    order.push(index);
    for (const dependent of dependents[index] ?? []) {
      pending[dependent] = (pending[dependent] as number) - 1;
      if (pending[dependent] === 0 && !placed[dependent]) ready.push(rank[dependent] as number);
    }
  }
  return order;
}
