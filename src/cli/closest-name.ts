/** Typing errors a suggestion forgives: letters added, left out, replaced or swapped. */
const MAX_EDITS = 2;

/** Returns the number of single-letter edits between two words (Damerau's adjacent swaps count one). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, () =>
    new Array<number>(columns).fill(0),
  );
  for (let row = 0; row < rows; row++) (distance[row] as number[])[0] = row;
  for (let column = 0; column < columns; column++) (distance[0] as number[])[column] = column;

  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      const current = distance[row] as number[];
      const previous = distance[row - 1] as number[];
      let best = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      const swapped =
        row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1];
      if (swapped)
        best = Math.min(best, ((distance[row - 2] as number[])[column - 2] as number) + 1);
      current[column] = best;
    }
  }
  return (distance[a.length] as number[])[b.length] as number;
}

/**
 * Returns the one name the user most likely meant by `typed`: the only name that starts with
 * it, else the only name closest to it within MAX_EDITS edits. Letter case is ignored, so
 * `JSON` finds `json`. Returns null when no name is close or two are equally close.
 */
export function closestName(typed: string, names: readonly string[]): string | null {
  const folded = typed.toLowerCase();
  const extended = names.filter((name) => name.toLowerCase().startsWith(folded));
  if (typed.length >= 2 && extended.length === 1) return extended[0] as string;

  let best: string | null = null;
  let bestDistance = MAX_EDITS + 1;
  let tied = false;
  for (const name of names) {
    const distance = editDistance(folded, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return tied || bestDistance >= typed.length ? null : best;
}
