import { countEqualLeadingLines, countEqualTrailingLines } from './common-ends.js';
import { lineKey, lineLength, linesEqual, type LineTable } from './line-table.js';

/** One side of a line diff: its lines and which of them changed. */
export interface DiffSide {
  table: LineTable;
  /**
   * Equality class of each line between the equal ends, equal across both sides; -1 for the
   * lines of the equal ends, which are compared by their bytes when needed.
   */
  ids: Int32Array;
  /** Changed flags with a zero sentinel at each end: `changed[i + 1]` is line i. */
  changed: Uint8Array;
}

/** Both sides of a line diff, the region between their equal ends, and class counts. */
export interface DiffSides {
  old: DiffSide;
  new: DiffSide;
  /** First line after the equal leading lines, on both sides. */
  start: number;
  /** End of the region between the equal ends on the old side, and on the new side. */
  oldEnd: number;
  newEnd: number;
  /** Occurrences of each class among all old lines, the equal ends included. */
  oldCounts: Int32Array;
  /** Occurrences of each class among all new lines, the equal ends included. */
  newCounts: Int32Array;
}

/**
 * Prepares both sides of a diff. Only lines between the equal leading and trailing lines get
 * a class, so an edit in a large file costs little more than the edited region. The equal
 * ends still add to the class counts, because git counts every line to decide what to match.
 */
export function createDiffSides(oldTable: LineTable, newTable: LineTable): DiffSides {
  const start = countEqualLeadingLines(oldTable, newTable);
  const trailing = countEqualTrailingLines(oldTable, newTable, start);
  const oldEnd = oldTable.count - trailing;
  const newEnd = newTable.count - trailing;

  const classes = new Map<string, number>();
  const oldIds = classifyRange(oldTable, start, oldEnd, classes);
  const newIds = classifyRange(newTable, start, newEnd, classes);
  const oldCounts = new Int32Array(classes.size);
  const newCounts = new Int32Array(classes.size);
  countRange(oldIds, start, oldEnd, oldCounts);
  countRange(newIds, start, newEnd, newCounts);
  countEqualEnds(oldTable, [0, start, oldEnd, oldTable.count], classes, oldCounts, newCounts);

  return {
    old: { table: oldTable, ids: oldIds, changed: new Uint8Array(oldTable.count + 2) },
    new: { table: newTable, ids: newIds, changed: new Uint8Array(newTable.count + 2) },
    start,
    oldEnd,
    newEnd,
    oldCounts,
    newCounts,
  };
}

/** Returns whether line `index` of `side` is marked changed; false outside the lines. */
export function isChanged(side: DiffSide, index: number): boolean {
  return side.changed[index + 1] === 1;
}

export function setChanged(side: DiffSide, index: number, value: boolean): void {
  side.changed[index + 1] = value ? 1 : 0;
}

/** Returns how many unchanged lines run from `line` to the next changed line or the end. */
export function countUnchangedFrom(side: DiffSide, line: number): number {
  // changed[line + 1] is line `line`, so an index found by indexOf is one past its line.
  const next = side.changed.indexOf(1, line + 1);
  return (next === -1 ? side.table.count : next - 1) - line;
}

/** Returns true when two lines of one side are equal. */
export function sameLine(side: DiffSide, a: number, b: number): boolean {
  const idA = side.ids[a] as number;
  const idB = side.ids[b] as number;
  if (idA >= 0 && idB >= 0) return idA === idB;
  return linesEqual(side.table, a, side.table, b);
}

function classifyRange(
  table: LineTable,
  start: number,
  end: number,
  classes: Map<string, number>,
): Int32Array {
  const ids = new Int32Array(table.count).fill(-1);
  for (let line = start; line < end; line++) {
    const key = lineKey(table, line);
    let id = classes.get(key);
    if (id === undefined) {
      id = classes.size;
      classes.set(key, id);
    }
    ids[line] = id;
  }
  return ids;
}

function countRange(ids: Int32Array, start: number, end: number, counts: Int32Array): void {
  for (let line = start; line < end; line++) {
    const id = ids[line] as number;
    counts[id] = (counts[id] ?? 0) + 1;
  }
}

/**
 * Adds the equal leading and trailing lines to the class counts of both sides, since each of
 * them is on both sides. Only lines as long as some classified line can be in a class, so
 * most lines are skipped without building a string.
 */
function countEqualEnds(
  table: LineTable,
  [leadingStart, leadingEnd, trailingStart, trailingEnd]: [number, number, number, number],
  classes: Map<string, number>,
  oldCounts: Int32Array,
  newCounts: Int32Array,
): void {
  if (classes.size === 0) return;
  const lengths = new Set<number>();
  for (const key of classes.keys()) lengths.add(key.length);

  const countLine = (line: number): void => {
    if (!lengths.has(lineLength(table, line))) return;
    const id = classes.get(lineKey(table, line));
    if (id === undefined) return;
    oldCounts[id] = (oldCounts[id] ?? 0) + 1;
    newCounts[id] = (newCounts[id] ?? 0) + 1;
  };
  for (let line = leadingStart; line < leadingEnd; line++) countLine(line);
  for (let line = trailingStart; line < trailingEnd; line++) countLine(line);
}
