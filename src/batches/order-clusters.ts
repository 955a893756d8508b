import type { Batch, CommitType } from './types.js';
import { orderNodes } from './order.js';
import { comparePaths } from './paths.js';
import { isNewPath } from './relations/context.js';
import type { Requirement } from './requirements.js';
import type { ChangeUnit } from './units.js';

type DraftBatch = Omit<Batch, 'id' | 'dependsOn'>;

/** A drafted batch in commit order, with the positions of the batches it needs. */
export interface OrderedBatch {
  draft: DraftBatch;
  dependsOn: number[];
}

/** Returns true when `target` can be reached from `start` along `edges`. */
function reaches(
  edges: ReadonlyArray<ReadonlySet<number>>,
  start: number,
  target: number,
): boolean {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (node === target) return true;
    for (const next of edges[node] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/**
 * Returns, per cluster, the clusters it requires. Certain requirements always count (their
 * cycles were joined before); a guessed one counts unless it would close a cycle.
 */
function requiredClusters(
  clusterOf: ReadonlyMap<number, number>,
  count: number,
  requirements: readonly Requirement[],
): Array<Set<number>> {
  const edges = Array.from({ length: count }, () => new Set<number>());
  const sorted = [...requirements].sort((a, b) => Number(b.certain) - Number(a.certain));
  for (const requirement of sorted) {
    const from = clusterOf.get(requirement.from);
    const to = clusterOf.get(requirement.to);
    if (from === undefined || to === undefined || from === to) continue;
    if (!requirement.certain && reaches(edges, to, from)) continue;
    edges[from]?.add(to);
  }
  return edges;
}

/** Returns, per cluster, the new files of other clusters it imports, sorted. */
function newFilesUsed(
  clusterOf: ReadonlyMap<number, number>,
  clusters: ReadonlyArray<readonly ChangeUnit[]>,
  requirements: readonly Requirement[],
): string[][] {
  const units = new Map(clusters.flat().map((unit) => [unit.index, unit]));
  const used = clusters.map(() => new Set<string>());
  for (const requirement of requirements) {
    const target = units.get(requirement.to);
    if (!requirement.certain || requirement.removes || !target || !isNewPath(target.file)) continue;
    const from = clusterOf.get(requirement.from);
    if (from !== undefined && from !== clusterOf.get(requirement.to)) used[from]?.add(target.path);
  }
  return used.map((paths) => [...paths].sort(comparePaths));
}

/**
 * Drafts a batch for each cluster and orders them: every batch after the batches it
 * requires, then by kind (build and dependencies, setup, core changes, features, tests, docs,
 * and releases last), then by first path. `kindOf` gives the type that places a batch.
 */
export function orderClusters(
  clusters: ReadonlyArray<readonly ChangeUnit[]>,
  requirements: readonly Requirement[],
  draft: (
    cluster: readonly ChangeUnit[],
    usesNew: string[],
    needsOthers: boolean,
    neededByOthers: boolean,
  ) => DraftBatch,
  isRelease: (draft: DraftBatch) => boolean = () => false,
  kindOf: (draft: DraftBatch) => CommitType = (drafted) => drafted.type,
): OrderedBatch[] {
  const clusterOf = new Map<number, number>();
  clusters.forEach((cluster, index) => cluster.forEach((unit) => clusterOf.set(unit.index, index)));

  const required = requiredClusters(clusterOf, clusters.length, requirements);
  const usesNew = newFilesUsed(clusterOf, clusters, requirements);
  const needed = new Set(required.flatMap((targets) => [...targets]));
  const drafts = clusters.map((cluster, index) =>
    draft(cluster, usesNew[index] ?? [], (required[index]?.size ?? 0) > 0, needed.has(index)),
  );

  const order = orderNodes(
    drafts.map((entry, index) => ({
      type: kindOf(entry),
      last: isRelease(entry),
      firstPath: clusters[index]?.[0]?.path ?? '',
      requires: required[index] ?? new Set<number>(),
    })),
  );
  const position = new Map(order.map((cluster, at) => [cluster, at]));
  return order.map((cluster) => ({
    draft: drafts[cluster] as DraftBatch,
    dependsOn: [...(required[cluster] ?? [])]
      .map((other) => position.get(other) ?? 0)
      .sort((a, b) => a - b),
  }));
}
