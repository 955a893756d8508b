import type { FileChange, FileContent } from '../footprint/types.js';
import type { BatchChange } from './types.js';
import type { ChangeUnit } from './units.js';
import { wholeFileChange } from './whole-file-change.js';

/** The part of one changed file a batch takes: some of its hunks, or all of them. */
export interface BatchPart {
  file: FileChange;
  /** Indices into `file.hunks`, ascending. */
  hunks: number[];
  /** True when the batch takes the whole file. */
  whole: boolean;
}

type ContentMap = ReadonlyMap<string, FileContent>;

/** Groups a batch's units into one part per path, in the order of the units. */
export function partsOf(units: readonly ChangeUnit[]): BatchPart[] {
  const byPath = new Map<string, BatchPart>();
  for (const unit of units) {
    const part = byPath.get(unit.path);
    if (part) part.hunks.push(...unit.hunks);
    else byPath.set(unit.path, { file: unit.file, hunks: [...unit.hunks], whole: false });
  }
  for (const part of byPath.values()) {
    part.hunks.sort((a, b) => a - b);
    part.whole = part.hunks.length === part.file.hunks.length;
  }
  return [...byPath.values()];
}

/** Returns the added or removed lines of the hunks a part takes. */
export function partLines(part: BatchPart, content: ContentMap, side: 'added' | 'removed') {
  const texts = content.get(part.file.path)?.hunks ?? [];
  return part.hunks.flatMap((hunk) => texts[hunk]?.[side] ?? []);
}

/** Returns the added or removed lines of several parts. */
export function linesOfParts(
  parts: readonly BatchPart[],
  content: ContentMap,
  side: 'added' | 'removed',
): string[] {
  return parts.flatMap((part) => partLines(part, content, side));
}

/** Writes a part as the JSON contract has it: see wholeFileChange for a part that is whole. */
export function toBatchChange(part: BatchPart): BatchChange {
  if (part.whole) return wholeFileChange(part.file);
  const hunks = part.hunks.map((hunk) => ({
    ...(part.file.hunks[hunk] as FileChange['hunks'][0]),
  }));
  return { path: part.file.path, hunks };
}
