import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/** Trimmed lines shorter than this (`}`, `return;`) occur everywhere and prove no move. */
const MIN_LINE_LENGTH = 12;

/** Units past which one line is too common to tie them: a license header, a shared import. */
const MAX_HOLDERS = 4;

/** Lines of one side of a unit, trimmed, that are long enough to recognize when moved. */
function movableLines(lines: readonly string[]): Set<string> {
  const kept = new Set<string>();
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length >= MIN_LINE_LENGTH) kept.add(trimmed);
  }
  return kept;
}

/**
 * Links a unit that removes lines to another unit that adds the same lines: code moved from
 * one place to another, as when a function is extracted into a new module. The weight grows
 * with the share of the smaller side that moved.
 */
export function findMovedLineLinks(context: AnalysisContext): Link[] {
  const adders = new Map<string, number[]>();
  const added = context.units.map((unit) => movableLines(unit.added));
  added.forEach((lines, unit) => {
    for (const line of lines) adders.set(line, [...(adders.get(line) ?? []), unit]);
  });

  const shared = new Map<number, number>();
  const count = context.units.length;
  const removedSizes = context.units.map((unit) => {
    const lines = movableLines(unit.removed);
    for (const line of lines) {
      const holders = adders.get(line) ?? [];
      if (holders.length > MAX_HOLDERS) continue;
      for (const other of holders) {
        if (other === unit.index) continue;
        const key = unit.index * count + other;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
    return lines.size;
  });

  const links: Link[] = [];
  for (const [key, moved] of shared) {
    const from = Math.floor(key / count);
    const to = key % count;
    const smaller = Math.min(removedSizes[from] ?? 1, added[to]?.size ?? 1);
    const share = moved / Math.max(smaller, 1);
    if (moved >= 2 || share >= 0.5) {
      links.push(link('moved-lines', from, to, weights.movedLines * Math.min(1, share)));
    }
  }
  return links;
}
