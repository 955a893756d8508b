import type { FileChange } from '../../footprint/types.js';
import type { CoChangeModel } from '../co-change.js';
import type { FileTexts } from '../file-texts.js';
import type { ModuleIndex } from '../module-index.js';
import type { RelationKind } from '../types.js';
import type { UnitFeatures } from '../unit-features.js';
import type { ChangeUnit } from '../units.js';

/** A weighted, undirected edge between two units, by their indices. */
export interface Link {
  kind: RelationKind;
  a: number;
  b: number;
  /** Strength of the tie in (0, 1]; 1 means the two units belong in one commit. */
  weight: number;
}

/** What relation finders read: the sorted files, their units, and facts about both. */
export interface AnalysisContext {
  files: readonly FileChange[];
  units: readonly ChangeUnit[];
  /** Features of each unit, by unit index. */
  features: readonly UnitFeatures[];
  /** Units of each path, in hunk order. */
  unitsOfPath: ReadonlyMap<string, readonly ChangeUnit[]>;
  /** Indices of the units whose changed lines have each identifier, in ascending order. */
  unitsByIdentifier: ReadonlyMap<string, readonly number[]>;
  texts: FileTexts;
  modules: ModuleIndex;
  model?: CoChangeModel;
}

/** Finds one kind of link between units. */
export type LinkFinder = (context: AnalysisContext) => Link[];

export function link(kind: RelationKind, a: number, b: number, weight: number): Link {
  return { kind, a, b, weight };
}

/** Returns the unit of a file that changes most lines (the first on a tie): its main edit. */
export function mainUnitOf(context: AnalysisContext, path: string): ChangeUnit | undefined {
  let main: ChangeUnit | undefined;
  for (const unit of context.unitsOfPath.get(path) ?? []) {
    const size = unit.added.length + unit.removed.length;
    if (!main || size > main.added.length + main.removed.length) main = unit;
  }
  return main;
}

/** Links the main units of two files, for relations known only between whole files. */
export function linkFiles(
  context: AnalysisContext,
  kind: RelationKind,
  from: string,
  to: string,
  weight: number,
): Link[] {
  const a = mainUnitOf(context, from);
  const b = mainUnitOf(context, to);
  return a && b && a !== b ? [link(kind, a.index, b.index, weight)] : [];
}

/** Links every path's main unit to the first path's: the same groups as every pair, in linear size. */
export function linkToFirst(
  context: AnalysisContext,
  kind: RelationKind,
  paths: readonly string[],
  weight: number,
): Link[] {
  const [first, ...rest] = paths;
  if (first === undefined) return [];
  return rest.flatMap((path) => linkFiles(context, kind, path, first, weight));
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

type LineSide = 'old' | 'new';

function overlaps(unit: ChangeUnit, side: LineSide, first: number, last: number): boolean {
  return unit.hunks.some((index) => {
    const hunk = unit.file.hunks[index];
    if (!hunk) return false;
    const [start, count] =
      side === 'new' ? [hunk.newStart, hunk.newLines] : [hunk.oldStart, hunk.oldLines];
    return count > 0 && start <= last && start + count - 1 >= first;
  });
}

/**
 * Returns the units of `path` that change lines `first` to `last` of one side: staged lines
 * they add, or HEAD lines they remove. A file's only unit changes all its lines when the file
 * is new on that side, or gone from it.
 */
export function unitsAtLines(
  context: AnalysisContext,
  path: string,
  side: LineSide,
  first: number,
  last: number,
): ChangeUnit[] {
  return (context.unitsOfPath.get(path) ?? []).filter((unit) => {
    const status = unit.file.status;
    if (side === 'new' && (status === 'added' || status === 'copied')) return true;
    if (side === 'old' && status === 'deleted') return true;
    return overlaps(unit, side, first, last);
  });
}
