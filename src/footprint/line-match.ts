import { markChangesByAnchors } from './anchor-split.js';
import { diffSequenceRange, type SequenceChanges } from './bounded-diff.js';
import { setChanged, type DiffSide, type DiffSides } from './diff-side.js';

// The preparation below follows git's xdiff (xprepare.c, git 2.39), so that the Myers search
// (myers.ts) diffs the same reduced sequences as git's Myers implementation. Between the equal ends, lines with no
// equal on the other side are marked changed at once, and lines with very many equals are
// marked changed when they sit inside a run of such lines.

/** Upper bound of the "too many equals" limit (git's XDL_MAX_EQLIMIT). */
const MAX_EQUALS_LIMIT = 1024;
/** Lines scanned each way around a line with many equals (git's XDL_SIMSCAN_WINDOW). */
const SCAN_WINDOW = 100;
/** A line with many equals is dropped when under 1 in 4 lines of its run are such lines (XDL_KPDIS_RUN). */
const KEPT_RUN_RATIO = 4;

const enum Matchability {
  NoEqual = 0,
  SomeEquals = 1,
  ManyEquals = 2,
}

/** The lines of one side handed to the Myers diff, with their positions on that side. */
interface MatchableLines {
  ids: number[];
  positions: number[];
}

/**
 * Marks the changed lines of both sides. Returns false when the Myers diff needed more than
 * `maxEditLength` edits. The region between the equal ends is then diffed piece by piece
 * between lines that occur once on each side. That diff is valid but not minimal, so it can
 * count more lines than git's.
 */
export function markChangedLines(sides: DiffSides, maxEditLength: number): boolean {
  const { start, oldEnd, newEnd } = sides;
  const oldMatchable = selectMatchableLines(sides.old, sides.newCounts, start, oldEnd);
  const newMatchable = selectMatchableLines(sides.new, sides.oldCounts, start, newEnd);
  const changes: SequenceChanges = {
    old: new Uint8Array(oldMatchable.ids.length),
    new: new Uint8Array(newMatchable.ids.length),
  };
  const whole = {
    oldStart: 0,
    oldEnd: oldMatchable.ids.length,
    newStart: 0,
    newEnd: newMatchable.ids.length,
  };

  // NOTE: where several minimal alignments exist, the forward search (myers.ts keeps jsdiff's
  // choice) can pick another one than git's middle-snake search, and above about 256 edits git
  // stops looking for a minimal diff. Hunks then differ from git's, and in the second case the
  // line counts can too.
  const edits = diffSequenceRange(
    oldMatchable.ids,
    newMatchable.ids,
    whole,
    maxEditLength,
    changes,
  );
  const exact = edits !== undefined;
  if (!exact) markChangesByAnchors(oldMatchable.ids, newMatchable.ids, maxEditLength, changes);

  markFlagged(sides.old, oldMatchable.positions, changes.old);
  markFlagged(sides.new, newMatchable.positions, changes.new);
  return exact;
}

function selectMatchableLines(
  side: DiffSide,
  otherCounts: Int32Array,
  start: number,
  end: number,
): MatchableLines {
  const limit = Math.min(approximateSqrt(side.table.count), MAX_EQUALS_LIMIT);
  const matchability = new Uint8Array(side.table.count);
  for (let i = start; i < end; i++) {
    matchability[i] = rateMatchability(otherCounts[side.ids[i] as number] ?? 0, limit);
  }

  const matchable: MatchableLines = { ids: [], positions: [] };
  for (let i = start; i < end; i++) {
    const value = matchability[i];
    const keep =
      value === Matchability.SomeEquals ||
      (value === Matchability.ManyEquals && !isInDroppableRun(matchability, i, start, end - 1));
    if (keep) {
      matchable.ids.push(side.ids[i] as number);
      matchable.positions.push(i);
    } else {
      setChanged(side, i, true);
    }
  }
  return matchable;
}

function rateMatchability(equals: number, limit: number): Matchability {
  if (equals === 0) return Matchability.NoEqual;
  if (equals >= limit) return Matchability.ManyEquals;
  return Matchability.SomeEquals;
}

/**
 * Decides whether a line with many equals sits inside a run of lines without equals (git's
 * xdl_clean_mmatch). Such a line would mostly match something unrelated, so it is marked changed.
 */
function isInDroppableRun(
  matchability: Uint8Array,
  i: number,
  first: number,
  last: number,
): boolean {
  const low = Math.max(first, i - SCAN_WINDOW);
  const high = Math.min(last, i + SCAN_WINDOW);

  const before = scanRun(matchability, i, -1, low, high);
  if (before.noEqual === 0) return false;
  const after = scanRun(matchability, i, 1, low, high);
  if (after.noEqual === 0) return false;

  const manyEquals = before.manyEquals + after.manyEquals;
  const noEqual = before.noEqual + after.noEqual;
  return manyEquals * KEPT_RUN_RATIO < manyEquals + noEqual;
}

/** Counts the lines next to `i`, in one direction, until one with some equals. */
function scanRun(
  matchability: Uint8Array,
  i: number,
  step: 1 | -1,
  low: number,
  high: number,
): { noEqual: number; manyEquals: number } {
  // The line itself counts as one line with many equals, as in git.
  const run = { noEqual: 0, manyEquals: 1 };
  for (let j = i + step; j >= low && j <= high; j += step) {
    if (matchability[j] === Matchability.NoEqual) run.noEqual++;
    else if (matchability[j] === Matchability.ManyEquals) run.manyEquals++;
    else break;
  }
  return run;
}

/** Approximates a square root with a power of two, as git's xdl_bogosqrt does. */
function approximateSqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

function markFlagged(side: DiffSide, positions: number[], flags: Uint8Array): void {
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === 1) setChanged(side, positions[i] as number, true);
  }
}
