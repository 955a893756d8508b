import type { Clustering } from './clustering.js';
import { folderOf } from './paths.js';
import type { Link } from './relations/context.js';
import type { UnitFeatures } from './unit-features.js';
import { unitSize, type ChangeUnit, type Concern } from './units.js';

interface ClusterInfo {
  root: number;
  members: ChangeUnit[];
  concerns: Set<Concern>;
  leftover: boolean;
}

/** Returns true for a unit of text hunks in a file that existed before. */
function isSmallEdit(unit: ChangeUnit): boolean {
  return unit.file.status === 'modified' && unit.hunks.length > 0 && unit.file.opaque === undefined;
}

function describeClusters(
  clustering: Clustering,
  units: readonly ChangeUnit[],
  features: readonly UnitFeatures[],
  maxLeftoverLines: number,
): ClusterInfo[] {
  return clustering.clusters().map((indices) => {
    const members = indices.map((index) => units[index] as ChangeUnit);
    const lines = members.reduce((sum, unit) => sum + unitSize(unit), 0);
    const trivial = members.every((unit) => features[unit.index]?.trivial === true);
    return {
      root: clustering.find(indices[0] as number),
      members,
      concerns: new Set(members.map((unit) => unit.concern)),
      leftover: trivial || (lines <= maxLeftoverLines && members.every(isSmallEdit)),
    };
  });
}

/** The strongest link of each unit to each other unit, kept for some units only. */
type Neighbours = Map<number, Map<number, number>>;

/** Collects the strongest link between each of `units` and each unit it is linked to. */
function collectNeighbours(links: readonly Link[], units: ReadonlySet<number>): Neighbours {
  const neighbours: Neighbours = new Map();
  const add = (unit: number, other: number, weight: number) => {
    if (!units.has(unit)) return;
    const map = neighbours.get(unit) ?? new Map<number, number>();
    map.set(other, Math.max(map.get(other) ?? 0, weight));
    neighbours.set(unit, map);
  };
  for (const found of links) {
    add(found.a, found.b, found.weight);
    add(found.b, found.a, found.weight);
  }
  return neighbours;
}

/** Sums the weights of all links, however weak, between a leftover and a cluster. */
function linkWeight(
  neighbours: Neighbours,
  clustering: Clustering,
  leftover: ClusterInfo,
  root: number,
) {
  let sum = 0;
  for (const unit of leftover.members) {
    for (const [other, weight] of neighbours.get(unit.index) ?? []) {
      if (clustering.find(other) === root) sum += weight;
    }
  }
  return sum;
}

/** Counts the leading folders two paths share; a shared file counts one more. */
function closeness(a: string, b: string): number {
  if (a === b) return Infinity;
  const folderA = folderOf(a).split('/');
  const folderB = folderOf(b).split('/');
  let shared = 0;
  while (shared < folderA.length && folderA[shared] === folderB[shared]) shared += 1;
  return shared;
}

/** Returns the cluster a leftover joins: the most linked, else the closest by path. */
function chooseTarget(
  neighbours: Neighbours,
  clustering: Clustering,
  leftover: ClusterInfo,
  candidates: readonly ClusterInfo[],
): ClusterInfo | null {
  let best: { score: number; near: number; target: ClusterInfo } | null = null;
  const path = leftover.members[0]?.path ?? '';
  for (const target of candidates) {
    const score = linkWeight(neighbours, clustering, leftover, target.root);
    const near = Math.max(...target.members.map((unit) => closeness(path, unit.path)));
    if (!best || score > best.score || (score === best.score && near > best.near)) {
      best = { score, near, target };
    }
  }
  return best?.target ?? null;
}

/**
 * Joins each small leftover (white space, a spelling fix, a tiny hunk) to the batch it is
 * most linked to, or else the closest by path, among batches with a change of the same
 * concern: a docs typo never joins a feature. Leftovers with no such batch join each other
 * by concern, so three stray spelling fixes in docs make one batch. Returns the units that
 * joined a batch of other edits.
 */
export function joinLeftovers(
  clustering: Clustering,
  links: readonly Link[],
  units: readonly ChangeUnit[],
  features: readonly UnitFeatures[],
  maxLeftoverLines: number,
): Set<number> {
  const clusters = describeClusters(clustering, units, features, maxLeftoverLines);
  const leftoverUnits = clusters.flatMap((cluster) =>
    cluster.leftover ? cluster.members.map((unit) => unit.index) : [],
  );
  const joined = new Set<number>();
  if (leftoverUnits.length === 0) return joined;
  const neighbours = collectNeighbours(links, new Set(leftoverUnits));
  const settled = clusters.filter((cluster) => !cluster.leftover);
  const stray = new Map<Concern, number>();

  for (const leftover of clusters.filter((cluster) => cluster.leftover)) {
    const concern = leftover.members[0]?.concern ?? 'code';
    const candidates = settled.filter((cluster) => cluster.concerns.has(concern));
    const target = chooseTarget(neighbours, clustering, leftover, candidates);
    if (target) {
      clustering.join(leftover.root, target.root, { kind: 'leftover', weight: 0 });
      for (const unit of leftover.members) joined.add(unit.index);
      continue;
    }
    const first = stray.get(concern);
    if (first === undefined) stray.set(concern, leftover.root);
    else clustering.join(leftover.root, first, { kind: 'leftover', weight: 0 });
  }
  return joined;
}
