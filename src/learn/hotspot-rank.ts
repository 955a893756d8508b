/** A fix weighs as much as this many ordinary changes. */
const FIX_WEIGHT = 4;
/** Lines deleted by fixes add at most this much weight, one per this many lines. */
const FIX_LINES_CAP = 200;
const FIX_LINES_PER_POINT = 100;

/**
 * Weighs a file as a hotspot: each fix counts as FIX_WEIGHT ordinary changes, and the lines
 * fixes deleted add up to 2 points. Measured in ordinary changes.
 */
export function hotspotWeight(changes: number, fixes: number, fixLines: number): number {
  const ordinary = Math.max(0, changes - fixes);
  return ordinary + FIX_WEIGHT * fixes + Math.min(fixLines, FIX_LINES_CAP) / FIX_LINES_PER_POINT;
}

/**
 * Returns a function that ranks a weight among `weights`: the share of them at or below it,
 * in (0, 1], so the heaviest file scores 1. Sorting happens once.
 */
export function createRanker(weights: readonly number[]): (weight: number) => number {
  const sorted = [...weights].sort((a, b) => a - b);
  return (weight) => {
    if (sorted.length === 0) return 0;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) <= weight) low = middle + 1;
      else high = middle;
    }
    return Math.round((low / sorted.length) * 1000) / 1000;
  };
}
