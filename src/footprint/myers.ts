/** A half-open slice of both sequences: old lines [oldStart, oldEnd), new lines [newStart, newEnd). */
export interface SequenceRange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Positions of the removed old lines and of the added new lines, both in increasing order. */
export interface EditScript {
  removed: Int32Array;
  added: Int32Array;
}

/** Value of a diagonal that no kept path reaches. Paths never have a negative old position. */
const NO_PATH = -1;
/** Trace entry of the empty path at the start, which has no edit. */
const START = -1;
/** Trace entries reserved at first. The trace doubles when it fills up. */
const INITIAL_TRACE_SIZE = 256;

/**
 * The edit steps of every path the search keeps, two integers per step: the step it extends
 * and its edit, an old position (removed) or the bitwise NOT of a new position (added).
 * Positions are relative to the range.
 */
class StepTrace {
  parents = new Int32Array(INITIAL_TRACE_SIZE);
  edits = new Int32Array(INITIAL_TRACE_SIZE);
  size = 0;

  /** Appends a step and returns its index. */
  append(parent: number, edit: number): number {
    if (this.size === this.parents.length) this.grow();
    this.parents[this.size] = parent;
    this.edits[this.size] = edit;
    return this.size++;
  }

  private grow(): void {
    const parents = new Int32Array(this.parents.length * 2);
    const edits = new Int32Array(this.edits.length * 2);
    parents.set(this.parents);
    edits.set(this.edits);
    this.parents = parents;
    this.edits = edits;
  }
}

/**
 * State of one search. A path on diagonal k has consumed x old lines and x - k new lines, and
 * `reach[k + offset]` stores its x, or NO_PATH.
 */
interface Search {
  oldIds: readonly number[];
  newIds: readonly number[];
  oldStart: number;
  newStart: number;
  oldLength: number;
  newLength: number;
  offset: number;
  reach: Int32Array;
  /** Trace entry of the last step of the path stored in `reach`, per diagonal. */
  lastStep: Int32Array;
  /** Lowest and highest diagonals still explored, outside every round's diagonals at first. */
  lowest: number;
  highest: number;
  trace: StepTrace;
}

/**
 * Finds the edit script that jsdiff 8.0.1's `diffArrays(old, new, { maxEditLength })` finds
 * between the two slices of `range`, with the same choice among alignments of equal cost.
 * Ids are compared with `===`, and the script's positions index `oldIds` and `newIds`.
 * Returns undefined when the search ran `maxEditLength` rounds (one per edit) without reaching
 * the end of both slices. Costs O((N + M) * D) time and O(N + M + D * D) memory for slices of
 * N and M lines that need D edits.
 */
export function findMyersEdits(
  oldIds: readonly number[],
  newIds: readonly number[],
  range: SequenceRange,
  maxEditLength: number,
): EditScript | undefined {
  const search = createSearch(oldIds, newIds, range);

  // The empty path first follows the equal lines at the start of both slices.
  const startX = followEqualLines(search, 0, 0);
  if (startX >= search.oldLength && startX >= search.newLength) return collectEdits(search, START);
  search.reach[search.offset] = startX;

  const rounds = Math.min(search.oldLength + search.newLength, maxEditLength);
  for (let edits = 1; edits <= rounds; edits++) {
    const last = extendPaths(search, edits);
    if (last !== START) return collectEdits(search, last);
  }
  return undefined;
}

function createSearch(
  oldIds: readonly number[],
  newIds: readonly number[],
  range: SequenceRange,
): Search {
  const oldLength = range.oldEnd - range.oldStart;
  const newLength = range.newEnd - range.newStart;

  // Paths lie on diagonals -newLength to oldLength, and each round reads one diagonal more
  // on both sides.
  const diagonals = oldLength + newLength + 3;
  const reach = new Int32Array(diagonals).fill(NO_PATH);
  return {
    oldIds,
    newIds,
    oldStart: range.oldStart,
    newStart: range.newStart,
    oldLength,
    newLength,
    offset: newLength + 1,
    reach,
    lastStep: new Int32Array(diagonals).fill(START),
    lowest: -(oldLength + newLength) - 1,
    highest: oldLength + newLength + 1,
    trace: new StepTrace(),
  };
}

/**
 * Extends the kept paths by one edit each, on the diagonals from the lowest one explored, or
 * -edits, upward in steps of two. Returns the trace entry of the path that reached the end of
 * both slices, or START when none did.
 */
function extendPaths(search: Search, edits: number): number {
  const { reach, lastStep, offset, oldLength, newLength, trace } = search;

  // No path lies outside diagonals -newLength to oldLength, and no step leads there, so the
  // round skips them. The first diagonal moves in steps of two to keep its parity.
  let highest = Math.min(search.highest, edits, oldLength);
  let first = Math.max(search.lowest, -edits);
  if (first < -newLength) first += (-newLength - first + 1) & ~1;

  for (let k = first; k <= highest; k += 2) {
    const removeX = reach[k - 1 + offset] as number;
    const addX = reach[k + 1 + offset] as number;
    const addY = addX - k - 1;

    // jsdiff drops the path below once it is read, and the path of a diagonal that neither
    // neighbour can step into. The search does the same, so its rounds read jsdiff's paths.
    if (removeX !== NO_PATH) reach[k - 1 + offset] = NO_PATH;
    const canAdd = addX !== NO_PATH && addY >= 0 && addY < newLength;
    const canRemove = removeX !== NO_PATH && removeX < oldLength;
    if (!canAdd && !canRemove) {
      reach[k + offset] = NO_PATH;
      continue;
    }

    // jsdiff takes the addition unless the removal's path has consumed at least as many old
    // lines. This rule decides between alignments of equal cost.
    let x: number;
    let step: number;
    if (!canRemove || (canAdd && removeX < addX)) {
      x = addX;
      step = trace.append(lastStep[k + 1 + offset] as number, ~addY);
    } else {
      x = removeX + 1;
      step = trace.append(lastStep[k - 1 + offset] as number, removeX);
    }

    x = followEqualLines(search, x, k);
    const y = x - k;
    if (x >= oldLength && y >= newLength) return step;
    reach[k + offset] = x;
    lastStep[k + offset] = step;

    // A path at the end of one slice rules out the diagonals beyond it for good, so the rest
    // of this round and later rounds skip them.
    if (x >= oldLength) highest = search.highest = Math.min(search.highest, k - 1);
    if (y >= newLength) search.lowest = Math.max(search.lowest, k + 1);
  }
  return START;
}

/** Follows equal lines from old position x on diagonal k and returns the old position reached. */
function followEqualLines(search: Search, x: number, k: number): number {
  const { oldIds, newIds, oldStart, newStart, oldLength, newLength } = search;
  let oldPosition = x;
  let newPosition = x - k;
  while (
    oldPosition < oldLength &&
    newPosition < newLength &&
    oldIds[oldStart + oldPosition] === newIds[newStart + newPosition]
  ) {
    oldPosition++;
    newPosition++;
  }
  return oldPosition;
}

/** Reads the path ending at trace entry `last` back to the start, as positions in the arrays. */
function collectEdits(search: Search, last: number): EditScript {
  const { parents, edits } = search.trace;
  let removedCount = 0;
  let addedCount = 0;
  for (let step = last; step !== START; step = parents[step] as number) {
    if ((edits[step] as number) >= 0) removedCount++;
    else addedCount++;
  }

  // The path is read from its end, so both lists are filled from their ends.
  const script: EditScript = {
    removed: new Int32Array(removedCount),
    added: new Int32Array(addedCount),
  };
  for (let step = last; step !== START; step = parents[step] as number) {
    const edit = edits[step] as number;
    if (edit >= 0) script.removed[--removedCount] = search.oldStart + edit;
    else script.added[--addedCount] = search.newStart + ~edit;
  }
  return script;
}
