import { diffSequenceRange, type SequenceChanges, type SequenceRange } from './bounded-diff.js';

// When the Myers diff of a whole region runs out of its edit budget, the region is cut at
// anchors: lines that occur exactly once on each side of it. Of those, only the longest run in
// the same order on both sides is used, as in patience diff. Each piece between
// two anchors gets its own bounded Myers diff while the shared work allows it. A piece whose
// diff runs out too is cut again at the lines unique within that piece. Only a piece with no
// anchors left, or one at the maximum depth, is replaced whole.

/** Times a piece may be cut again at its own anchors, which bounds the passes over the lines. */
const MAX_SPLIT_DEPTH = 8;

/**
 * Work the piece diffs may spend together, in multiples of a full-budget diff. A Myers diff
 * that needs D edits explores about D squared paths, so the piece diffs cost about twice the
 * diff that ran out before the fallback. That is an estimate, because following runs of equal
 * lines adds work in proportion to the length of each piece.
 */
const WORK_BUDGET_FACTOR = 2;

/** The sequences, their flags, the work left, and per-class scratch arrays reset after each use. */
interface SplitState {
  oldIds: readonly number[];
  newIds: readonly number[];
  changes: SequenceChanges;
  maxEditLength: number;
  /** Squared edits the piece diffs may still explore. */
  workLeft: number;
  oldCounts: Int32Array;
  newCounts: Int32Array;
  /** Position on the new side of the last line seen of each class. */
  newPositions: Int32Array;
}

/**
 * Flags the changed lines of two id sequences whose Myers diff needed more than
 * `maxEditLength` edits. Ids must be non-negative integers. Unflagged lines pair up one to
 * one in order, so the flags always describe a valid diff, though often not a minimal one.
 */
export function markChangesByAnchors(
  oldIds: readonly number[],
  newIds: readonly number[],
  maxEditLength: number,
  changes: SequenceChanges,
): void {
  let classCount = 0;
  for (const id of oldIds) classCount = Math.max(classCount, id + 1);
  for (const id of newIds) classCount = Math.max(classCount, id + 1);

  const state: SplitState = {
    oldIds,
    newIds,
    changes,
    maxEditLength,
    workLeft: WORK_BUDGET_FACTOR * maxEditLength * maxEditLength,
    oldCounts: new Int32Array(classCount),
    newCounts: new Int32Array(classCount),
    newPositions: new Int32Array(classCount),
  };
  const whole = { oldStart: 0, oldEnd: oldIds.length, newStart: 0, newEnd: newIds.length };

  // The caller's diff of the whole range has already run out, so it is cut straight away.
  splitAtAnchors(state, whole, 0);
}

/** Diffs one piece within the work left, else cuts it at its anchors or replaces it whole. */
function diffPiece(state: SplitState, range: SequenceRange, depth: number): void {
  trimEqualEnds(state, range);
  const oldSize = range.oldEnd - range.oldStart;
  const newSize = range.newEnd - range.newStart;
  if (oldSize === 0 || newSize === 0) {
    markPiece(state, range);
    return;
  }

  // A budget of oldSize + newSize edits cannot run out, so a small piece gets its full diff
  // unless the shared work is nearly spent.
  const budget = Math.min(
    state.maxEditLength,
    oldSize + newSize,
    Math.floor(Math.sqrt(state.workLeft)),
  );
  const edits = diffSequenceRange(state.oldIds, state.newIds, range, budget, state.changes);
  state.workLeft = Math.max(0, state.workLeft - (edits ?? budget) ** 2);
  if (edits !== undefined) return;

  splitAtAnchors(state, range, depth);
}

function splitAtAnchors(state: SplitState, range: SequenceRange, depth: number): void {
  const anchors = depth < MAX_SPLIT_DEPTH ? findAnchors(state, range) : [];
  if (anchors.length === 0) {
    markPiece(state, range);
    return;
  }

  // Anchors come as old and new positions in turn, increasing on both sides.
  let oldStart = range.oldStart;
  let newStart = range.newStart;
  for (let k = 0; k < anchors.length; k += 2) {
    const oldAnchor = anchors[k] as number;
    const newAnchor = anchors[k + 1] as number;
    diffPiece(state, { oldStart, oldEnd: oldAnchor, newStart, newEnd: newAnchor }, depth + 1);
    oldStart = oldAnchor + 1;
    newStart = newAnchor + 1;
  }
  diffPiece(state, { oldStart, oldEnd: range.oldEnd, newStart, newEnd: range.newEnd }, depth + 1);
}

/**
 * Returns the lines that occur once on each side of the range and keep their order on both
 * sides, as a flat list of old and new positions in turn. Among crossing pairs, the longest
 * run increasing on both sides is kept.
 */
function findAnchors(state: SplitState, range: SequenceRange): number[] {
  const { oldIds, newIds, oldCounts, newCounts, newPositions } = state;
  for (let i = range.oldStart; i < range.oldEnd; i++) {
    const id = oldIds[i] as number;
    oldCounts[id] = (oldCounts[id] as number) + 1;
  }
  for (let j = range.newStart; j < range.newEnd; j++) {
    const id = newIds[j] as number;
    newCounts[id] = (newCounts[id] as number) + 1;
    newPositions[id] = j;
  }

  const oldCandidates: number[] = [];
  const newCandidates: number[] = [];
  for (let i = range.oldStart; i < range.oldEnd; i++) {
    const id = oldIds[i] as number;
    if (oldCounts[id] === 1 && newCounts[id] === 1) {
      oldCandidates.push(i);
      newCandidates.push(newPositions[id] as number);
    }
  }

  for (let i = range.oldStart; i < range.oldEnd; i++) oldCounts[oldIds[i] as number] = 0;
  for (let j = range.newStart; j < range.newEnd; j++) newCounts[newIds[j] as number] = 0;

  const ordered = findLongestIncreasingRun(newCandidates);
  const anchors: number[] = [];
  for (const k of ordered) anchors.push(oldCandidates[k] as number, newCandidates[k] as number);
  return anchors;
}

/**
 * Returns the indices of a longest strictly increasing subsequence of `values`, in order,
 * by patience sorting in O(n log n).
 */
export function findLongestIncreasingRun(values: readonly number[]): number[] {
  // tails[l] is the index of the smallest value that ends an increasing run of length l + 1.
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);

  for (let k = 0; k < values.length; k++) {
    const value = values[k] as number;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[k] = tails[low - 1] as number;
    tails[low] = k;
  }

  const run: number[] = new Array<number>(tails.length);
  let k = tails.length === 0 ? -1 : (tails[tails.length - 1] as number);
  for (let l = tails.length - 1; l >= 0; l--) {
    run[l] = k;
    k = previous[k] as number;
  }
  return run;
}

/** Moves the range's bounds past the lines that are equal at its start and at its end. */
function trimEqualEnds(state: SplitState, range: SequenceRange): void {
  const { oldIds, newIds } = state;
  while (
    range.oldStart < range.oldEnd &&
    range.newStart < range.newEnd &&
    oldIds[range.oldStart] === newIds[range.newStart]
  ) {
    range.oldStart++;
    range.newStart++;
  }
  while (
    range.oldStart < range.oldEnd &&
    range.newStart < range.newEnd &&
    oldIds[range.oldEnd - 1] === newIds[range.newEnd - 1]
  ) {
    range.oldEnd--;
    range.newEnd--;
  }
}

function markPiece(state: SplitState, range: SequenceRange): void {
  state.changes.old.fill(1, range.oldStart, range.oldEnd);
  state.changes.new.fill(1, range.newStart, range.newEnd);
}
