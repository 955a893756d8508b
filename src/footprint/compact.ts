import { countUnchangedFrom, isChanged, sameLine, setChanged, type DiffSide } from './diff-side.js';
import { MAX_SLIDING, compareScores, scoreGroupPosition, type SplitScore } from './split-score.js';

// A group is a run of changed lines on one side, possibly empty, between two unchanged lines.
// Each side has one more group than it has unchanged lines, so the groups of the two sides pair
// up in order, and sliding a group on one side moves the paired group on the other side along.
// This is git's change compaction (xdl_change_compact in xdiffi.c), which makes ambiguous
// insertions and deletions land where git puts them.

interface Group {
  /** First changed line, or for an empty group the unchanged line it sits above. */
  start: number;
  /** First unchanged line after the group. */
  end: number;
}

/**
 * Slides each group of changed lines of `side` to where git puts it: next to a change on the
 * other side when it can reach one, else at the place the indent heuristic scores best.
 */
export function compactChanges(side: DiffSide, other: DiffSide): void {
  const group = firstGroup(side);
  const otherGroup = firstGroup(other);

  for (;;) {
    if (group.end !== group.start) placeGroup(side, group, other, otherGroup);
    skipEmptyGroups(side, group, other, otherGroup);
    if (!nextGroup(side, group)) break;
    if (!nextGroup(other, otherGroup)) throw new Error('Line diff groups out of step.');
  }
}

/**
 * Moves both groups over the empty groups that lie ahead of them on both sides, as many calls
 * of nextGroup would, but in one step: each empty group sits above one unchanged line.
 */
function skipEmptyGroups(side: DiffSide, group: Group, other: DiffSide, otherGroup: Group): void {
  if (group.end !== group.start || otherGroup.end !== otherGroup.start) return;

  const steps = Math.min(
    countUnchangedFrom(side, group.end),
    countUnchangedFrom(other, otherGroup.end),
  );
  // Stop one group short, so that the caller's nextGroup lands on the next group itself.
  if (steps <= 1) return;
  group.start = group.end = group.end + steps - 1;
  otherGroup.start = otherGroup.end = otherGroup.end + steps - 1;
}

function placeGroup(side: DiffSide, group: Group, other: DiffSide, otherGroup: Group): void {
  let groupSize: number;
  let earliestEnd: number;
  let endMatchingOther: number;

  // Sliding can merge the group with its neighbours, so repeat until its size stops changing.
  do {
    groupSize = group.end - group.start;
    endMatchingOther = -1;

    while (slideUp(side, group)) stepBack(other, otherGroup);
    earliestEnd = group.end;
    if (otherGroup.end > otherGroup.start) endMatchingOther = group.end;

    while (slideDown(side, group)) {
      stepForward(other, otherGroup);
      if (otherGroup.end > otherGroup.start) endMatchingOther = group.end;
    }
  } while (groupSize !== group.end - group.start);

  if (group.end === earliestEnd) return;

  if (endMatchingOther !== -1) {
    while (otherGroup.end === otherGroup.start) {
      slideUpOrThrow(side, group);
      stepBack(other, otherGroup);
    }
    return;
  }

  const bestEnd = findBestEnd(side, group, groupSize, earliestEnd);
  while (group.end > bestEnd) {
    slideUpOrThrow(side, group);
    stepBack(other, otherGroup);
  }
}

/** Returns the group end, from the lowest position upwards, that the indent heuristic prefers. */
function findBestEnd(side: DiffSide, group: Group, groupSize: number, earliestEnd: number): number {
  const firstEnd = Math.max(earliestEnd, group.end - groupSize - 1, group.end - MAX_SLIDING);
  let bestEnd = -1;
  let bestScore: SplitScore = { effectiveIndent: 0, penalty: 0 };

  for (let end = firstEnd; end <= group.end; end++) {
    const score = scoreGroupPosition(side, end, groupSize);
    // Ties go to the lower position.
    if (bestEnd === -1 || compareScores(score, bestScore) <= 0) {
      bestScore = score;
      bestEnd = end;
    }
  }
  return bestEnd;
}

function firstGroup(side: DiffSide): Group {
  const group = { start: 0, end: 0 };
  while (isChanged(side, group.end)) group.end++;
  return group;
}

function nextGroup(side: DiffSide, group: Group): boolean {
  if (group.end === side.table.count) return false;
  group.start = group.end + 1;
  group.end = group.start;
  while (isChanged(side, group.end)) group.end++;
  return true;
}

function previousGroup(side: DiffSide, group: Group): boolean {
  if (group.start === 0) return false;
  group.end = group.start - 1;
  group.start = group.end;
  while (isChanged(side, group.start - 1)) group.start--;
  return true;
}

/** Slides the group one line down when its first line equals the line after it. */
function slideDown(side: DiffSide, group: Group): boolean {
  if (group.end >= side.table.count || !sameLine(side, group.start, group.end)) return false;
  setChanged(side, group.start++, false);
  setChanged(side, group.end++, true);
  while (isChanged(side, group.end)) group.end++;
  return true;
}

/** Slides the group one line up when its last line equals the line before it. */
function slideUp(side: DiffSide, group: Group): boolean {
  if (group.start === 0 || !sameLine(side, group.start - 1, group.end - 1)) return false;
  setChanged(side, --group.start, true);
  setChanged(side, --group.end, false);
  while (isChanged(side, group.start - 1)) group.start--;
  return true;
}

function slideUpOrThrow(side: DiffSide, group: Group): void {
  if (!slideUp(side, group)) throw new Error('Line diff group cannot return to a known position.');
}

function stepBack(side: DiffSide, group: Group): void {
  if (!previousGroup(side, group)) throw new Error('Line diff groups out of step.');
}

function stepForward(side: DiffSide, group: Group): void {
  if (!nextGroup(side, group)) throw new Error('Line diff groups out of step.');
}
