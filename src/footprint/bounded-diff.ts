import { diffArrays } from 'diff/lib/diff/array.js';

/** Changed flags of the lines handed to the Myers diff, one array per side, by sequence index. */
export interface SequenceChanges {
  old: Uint8Array;
  new: Uint8Array;
}

/** A half-open slice of both sequences: old lines [oldStart, oldEnd), new lines [newStart, newEnd). */
export interface SequenceRange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * Runs jsdiff's Myers diff on one slice of both sequences and flags the lines it removes and
 * adds. Returns the number of edits, or undefined when the diff needed more than
 * `maxEditLength` edits, in which case no flag is set.
 */
export function diffSequenceRange(
  oldIds: readonly number[],
  newIds: readonly number[],
  range: SequenceRange,
  maxEditLength: number,
  changes: SequenceChanges,
): number | undefined {
  const whole =
    range.oldStart === 0 &&
    range.newStart === 0 &&
    range.oldEnd === oldIds.length &&
    range.newEnd === newIds.length;
  const oldSlice = whole ? oldIds : oldIds.slice(range.oldStart, range.oldEnd);
  const newSlice = whole ? newIds : newIds.slice(range.newStart, range.newEnd);

  const result = diffArrays(oldSlice as number[], newSlice as number[], { maxEditLength });
  if (result === undefined) return undefined;

  let oldIndex = range.oldStart;
  let newIndex = range.newStart;
  let edits = 0;
  for (const change of result) {
    if (change.removed) {
      changes.old.fill(1, oldIndex, oldIndex + change.count);
      oldIndex += change.count;
      edits += change.count;
    } else if (change.added) {
      changes.new.fill(1, newIndex, newIndex + change.count);
      newIndex += change.count;
      edits += change.count;
    } else {
      oldIndex += change.count;
      newIndex += change.count;
    }
  }
  return edits;
}
