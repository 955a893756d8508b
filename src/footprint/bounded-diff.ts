import { findMyersEdits, type SequenceRange } from './myers.js';

export type { SequenceRange } from './myers.js';

/** Changed flags of the lines handed to the Myers diff, one array per side, by sequence index. */
export interface SequenceChanges {
  old: Uint8Array;
  new: Uint8Array;
}

/**
 * Runs the Myers diff on one slice of both sequences and flags the lines it removes and adds,
 * choosing the same alignment as jsdiff 8.0.1's `diffArrays`. Returns the number of edits, or
 * undefined when the diff needed more than `maxEditLength` edits, in which case no flag is set.
 */
export function diffSequenceRange(
  oldIds: readonly number[],
  newIds: readonly number[],
  range: SequenceRange,
  maxEditLength: number,
  changes: SequenceChanges,
): number | undefined {
  const script = findMyersEdits(oldIds, newIds, range, maxEditLength);
  if (script === undefined) return undefined;

  for (const position of script.removed) changes.old[position] = 1;
  for (const position of script.added) changes.new[position] = 1;
  return script.removed.length + script.added.length;
}
