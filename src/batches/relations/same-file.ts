import type { ChangeUnit } from '../units.js';
import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/** Unchanged lines between two hunks below which they are one edit that git split. */
const ADJACENT_GAP = 3;

function gapBetween(first: ChangeUnit, second: ChangeUnit): number {
  const a = first.file.hunks[first.hunks[0] ?? 0];
  const b = second.file.hunks[second.hunks[0] ?? 0];
  if (!a || !b) return Infinity;
  // In HEAD's numbering a hunk that only adds lines sits after line `oldStart`.
  const aEnd = a.oldLines > 0 ? a.oldStart + a.oldLines - 1 : a.oldStart;
  const bStart = b.oldLines > 0 ? b.oldStart : b.oldStart + 1;
  return bStart - aEnd - 1;
}

/**
 * Links the hunks of one file that few unchanged lines part or that edit the same definition.
 * Other hunks of one file are tied by the prior of pair scores (see pairPrior.sameFile).
 */
export function findSameFileLinks(context: AnalysisContext): Link[] {
  const links: Link[] = [];
  for (const units of context.unitsOfPath.values()) {
    const firstOfDefinition = new Map<string, number>();
    units.forEach((unit, position) => {
      const previous = units[position - 1];
      if (previous && gapBetween(previous, unit) <= ADJACENT_GAP) {
        links.push(link('same-file', unit.index, previous.index, weights.adjacentHunks));
      }

      const enclosing = context.features[unit.index]?.enclosing;
      if (enclosing === null || enclosing === undefined) return;
      const first = firstOfDefinition.get(enclosing);
      if (first === undefined) firstOfDefinition.set(enclosing, unit.index);
      else links.push(link('same-definition', unit.index, first, weights.sameDefinition));
    });
  }
  return links;
}
