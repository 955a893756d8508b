import type { CommitType } from './types.js';
import { comparePaths } from './paths.js';

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
  firstPath: string;
  requires: ReadonlySet<number>;
}

function compareNodes(a: OrderNode, b: OrderNode): number {
  return TYPE_RANK[a.type] - TYPE_RANK[b.type] || comparePaths(a.firstPath, b.firstPath);
}

/**
 * Returns the node indices in commit order: every node after the nodes it requires, and among
 * the nodes that are free to go next, the one with the lowest type rank, then first path.
 * The requires graph must have no cycles; a node left in one goes last instead of looping.
 */
export function orderNodes(nodes: readonly OrderNode[]): number[] {
  const placed = new Set<number>();
  const order: number[] = [];
  const isBefore = (index: number, best: number | null): boolean =>
    best === null || compareNodes(nodes[index] as OrderNode, nodes[best] as OrderNode) < 0;

  while (order.length < nodes.length) {
    let next: number | null = null;
    let fallback: number | null = null;
    for (const [index, node] of nodes.entries()) {
      if (placed.has(index)) continue;
      if (isBefore(index, fallback)) fallback = index;
      const ready = [...node.requires].every((required) => placed.has(required));
      if (ready && isBefore(index, next)) next = index;
    }

    const chosen = next ?? fallback ?? 0;
    placed.add(chosen);
    order.push(chosen);
  }
  return order;
}
