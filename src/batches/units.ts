import type { FileCategory, FileChange, FileContent, HunkText } from '../footprint/types.js';

/**
 * The kind of work a change is, from its file's category. A small leftover joins a batch only
 * when the batch already contains a change of the same concern, so a docs typo never rides
 * along with a feature.
 */
export type Concern = 'code' | 'test' | 'docs' | 'dependencies' | 'setup' | 'ci';

const CONCERN_OF_CATEGORY: Record<FileCategory, Concern> = {
  source: 'code',
  migration: 'code',
  generated: 'code',
  asset: 'code',
  other: 'code',
  test: 'test',
  docs: 'docs',
  'dependency-manifest': 'dependencies',
  lockfile: 'dependencies',
  config: 'setup',
  build: 'setup',
  ci: 'ci',
};

/**
 * The smallest part of the staged change that a batch takes: one hunk of a modified file, or a
 * whole file when its change cannot be split. Additions, deletions, renames, copies, type and
 * mode changes, binary and opaque files, lockfiles, generated files and one-hunk files are
 * whole.
 */
export interface ChangeUnit {
  /** Position in the sorted list of units, which every other structure indexes by. */
  index: number;
  path: string;
  file: FileChange;
  /** Indices into `file.hunks` the unit takes: all of them for a whole file. */
  hunks: number[];
  whole: boolean;
  added: readonly string[];
  removed: readonly string[];
  /** First and last staged line the unit touches (for a deletion, the line before it). */
  newStart: number;
  newEnd: number;
  concern: Concern;
}

const EMPTY_HUNK: HunkText = { added: [], removed: [] };

/** Categories whose hunks never go to different commits: a partial lockfile locks nothing. */
const WHOLE_FILE_CATEGORIES: ReadonlySet<FileCategory> = new Set(['lockfile', 'generated']);

/** Returns true when a file's hunks must stay in one batch. */
function isWholeFileChange(file: FileChange, content: FileContent | undefined): boolean {
  if (file.status !== 'modified' || file.hunks.length <= 1) return true;
  if (file.binary || file.opaque !== undefined || file.symlink) return true;
  if (file.oldMode !== file.newMode) return true;
  if (WHOLE_FILE_CATEGORIES.has(file.category)) return true;
  return content === undefined || content.hunks.length !== file.hunks.length;
}

export function concernOf(file: FileChange): Concern {
  return CONCERN_OF_CATEGORY[file.category];
}

function makeUnit(
  index: number,
  file: FileChange,
  content: FileContent | undefined,
  hunks: number[],
  whole: boolean,
): ChangeUnit {
  const texts = hunks.map((hunk) => content?.hunks[hunk] ?? EMPTY_HUNK);
  const first = file.hunks[hunks[0] ?? 0];
  const last = file.hunks[hunks[hunks.length - 1] ?? 0];
  return {
    index,
    path: file.path,
    file,
    hunks,
    whole,
    added: texts.length === 1 ? (texts[0] as HunkText).added : texts.flatMap((text) => text.added),
    removed:
      texts.length === 1 ? (texts[0] as HunkText).removed : texts.flatMap((text) => text.removed),
    newStart: first?.newStart ?? 0,
    newEnd: last ? last.newStart + Math.max(last.newLines - 1, 0) : 0,
    concern: concernOf(file),
  };
}

/**
 * Units above which the batch analysis stops relating units pair by pair. Its pair scores,
 * word products and cluster sums are count-by-count tables of 8-byte numbers, seven of them
 * (about 56 MB at this limit), so 25,000 hunks needed more than 20 GB.
 */
export const MAX_PAIRED_UNITS = 1000;

/**
 * Splits sorted files into units: one per hunk where a file may be split, else one per file.
 * When the hunks would make more than MAX_PAIRED_UNITS units, every file is one unit, so the
 * batches keep each file whole.
 */
export function buildUnits(
  files: readonly FileChange[],
  content: ReadonlyMap<string, FileContent>,
): ChangeUnit[] {
  const wholeFiles = countHunkUnits(files, content) > MAX_PAIRED_UNITS;
  const units: ChangeUnit[] = [];
  for (const file of files) {
    const text = content.get(file.path);
    if (wholeFiles || isWholeFileChange(file, text)) {
      const all = file.hunks.map((_, hunk) => hunk);
      units.push(makeUnit(units.length, file, text, all, true));
      continue;
    }
    for (let hunk = 0; hunk < file.hunks.length; hunk += 1) {
      units.push(makeUnit(units.length, file, text, [hunk], false));
    }
  }
  return units;
}

/** Counts the units that splitting every splittable file into its hunks would make. */
function countHunkUnits(
  files: readonly FileChange[],
  content: ReadonlyMap<string, FileContent>,
): number {
  let count = 0;
  for (const file of files) {
    count += isWholeFileChange(file, content.get(file.path)) ? 1 : file.hunks.length;
  }
  return count;
}

/** Returns the number of lines a unit adds and removes, at least 1 for a file without hunks. */
export function unitSize(unit: ChangeUnit): number {
  return Math.max(unit.added.length + unit.removed.length, 1);
}
