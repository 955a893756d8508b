import type { Relation } from './types.js';
import { findCycles } from './cycles.js';
import { UnionFind } from './union-find.js';

/** Changed files that belong in one commit. */
export interface FileGroup {
  /** Sorted paths. */
  paths: string[];
  /** The relations that joined the group's files. */
  relations: Relation[];
}

/** Returns the current sets as lists of indices into `paths`, in order of their first path. */
function partition(sets: UnionFind, paths: readonly string[]): Map<string, number[]> {
  const members = new Map<string, number[]>();
  paths.forEach((path, index) => {
    const root = sets.find(path);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  });
  return members;
}

/**
 * Joins the sets of files that require each other in a cycle (two new files importing each
 * other, possibly through others), because no order of separate commits satisfies a cycle.
 * Returns the requiring relations that closed a cycle.
 */
function joinRequireCycles(
  sets: UnionFind,
  paths: readonly string[],
  relations: Relation[],
): Relation[] {
  const roots = [...partition(sets, paths).keys()];
  const rootIndex = new Map(roots.map((root, index) => [root, index]));
  const edges: number[][] = roots.map(() => []);
  const requiring = relations.filter((relation) => relation.requires);

  for (const relation of requiring) {
    const from = rootIndex.get(sets.find(relation.from.path));
    const to = rootIndex.get(sets.find(relation.to.path));
    if (from !== undefined && to !== undefined && from !== to) edges[from]?.push(to);
  }

  const rootBefore = new Map(paths.map((path) => [path, sets.find(path)]));
  for (const cycle of findCycles(roots.length, edges)) {
    const [first, ...rest] = cycle.map((index) => roots[index] as string);
    for (const root of rest) sets.union(first as string, root);
  }

  return requiring.filter((relation) => {
    const from = relation.from.path;
    const to = relation.to.path;
    return rootBefore.get(from) !== rootBefore.get(to) && sets.find(from) === sets.find(to);
  });
}

/**
 * Groups `paths` (sorted) by joining every pair whose relation weighs at least `threshold`,
 * then joining groups that require each other in a cycle.
 */
export function groupFiles(
  paths: readonly string[],
  relations: Relation[],
  threshold: number,
): FileGroup[] {
  const sets = new UnionFind(paths);
  const strong = relations.filter((relation) => relation.weight >= threshold);
  for (const relation of strong) sets.union(relation.from.path, relation.to.path);

  const requiring = joinRequireCycles(sets, paths, relations);
  const joining = new Set([...strong, ...requiring]);

  const relationsByRoot = new Map<string, Relation[]>();
  for (const relation of joining) {
    const root = sets.find(relation.from.path);
    if (root !== sets.find(relation.to.path)) continue;
    const list = relationsByRoot.get(root);
    if (list) list.push(relation);
    else relationsByRoot.set(root, [relation]);
  }

  return [...partition(sets, paths)].map(([root, indices]) => ({
    paths: indices.map((index) => paths[index] as string),
    relations: relationsByRoot.get(root) ?? [],
  }));
}
