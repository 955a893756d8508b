import type { FileChange, FileContent } from '../../footprint/types.js';
import type { Relation, RelationKind } from '../types.js';

/** Input of a relation finder: the changed files sorted by path, and their content. */
export interface RelationContext {
  files: readonly FileChange[];
  content: ReadonlyMap<string, FileContent>;
}

/** Finds one kind of relation between changed files. */
export type RelationFinder = (context: RelationContext) => Relation[];

export function relate(
  kind: RelationKind,
  from: string,
  to: string,
  weight: number,
  requires = false,
): Relation {
  return { kind, from: { path: from }, to: { path: to }, weight, requires };
}

/** Joins every path to the first one: the same groups as joining every pair, in linear size. */
export function relateToFirst(
  kind: RelationKind,
  paths: readonly string[],
  weight: number,
): Relation[] {
  const [first, ...rest] = paths;
  if (first === undefined) return [];
  return rest.map((path) => relate(kind, path, first, weight));
}

/** Returns true when a file's path exists only in the staged tree, so others may need it first. */
export function isNewPath(file: FileChange): boolean {
  return file.status === 'added' || file.status === 'renamed' || file.status === 'copied';
}

/** Groups items by a key, keeping the input order inside each group. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
