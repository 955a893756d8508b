import type { FileCategory } from '../footprint/types.js';
import type { ChangeStatus } from '../git/types.js';
import type { BatchPart } from './batch-parts.js';
import { isCodeCategory } from './categories.js';
import { pathWords } from './words.js';

/** A changed file as codeFeatures reads it, in a batch or in a learned commit. */
export interface FeatureFile {
  path: string;
  category: FileCategory;
  /** True when the change adds the file. */
  added: boolean;
  additions: number;
  deletions: number;
}

/** Statuses of a file that the history, read without rename detection, shows as added. */
const ADDED_STATUSES: ReadonlySet<ChangeStatus> = new Set(['added', 'copied', 'renamed']);

/** The prefix of the features that name a word of a code path. */
export const WORD_PREFIX = 'word:';

/** Upper bounds of the buckets of changed code lines: up to 2, 10, 40, 150, and more. */
const LINE_BOUNDS = [2, 10, 40, 150];
/** Upper bounds of the buckets of the added share of changed code lines, below 1. */
const ADDED_SHARE_BOUNDS = [0.2, 0.5, 0.8];
/** Upper bounds of the buckets of changed code files: 1, 2, up to 5, and more. */
const FILE_BOUNDS = [1, 2, 5];

function bucketOf(value: number, bounds: readonly number[]): number {
  const index = bounds.findIndex((bound) => value <= bound);
  return index === -1 ? bounds.length : index;
}

/** Returns the bucket of the share of added lines: one of ADDED_SHARE_BOUNDS, `all` or `none`. */
function addedShareOf(additions: number, deletions: number): string {
  if (deletions === 0) return 'all';
  if (additions === 0) return 'none';
  return String(bucketOf(additions / (additions + deletions), ADDED_SHARE_BOUNDS));
}

/**
 * Returns the features of a change that contains code, which a learned model counts by commit
 * type: the words of the code's paths (`word:parser`), buckets of its changed lines, of the
 * share of them that are added and of its files, and whether it adds code, changes or adds
 * tests, and changes docs. Returns an empty list for a change without code.
 */
export function codeFeatures(files: readonly FeatureFile[]): string[] {
  const code = files.filter((file) => isCodeCategory(file.category));
  if (code.length === 0) return [];

  const additions = code.reduce((sum, file) => sum + file.additions, 0);
  const deletions = code.reduce((sum, file) => sum + file.deletions, 0);
  const tests = files.filter((file) => file.category === 'test');
  const flag = (name: string, value: boolean) => `${name}:${value ? 'yes' : 'no'}`;
  const words = new Set(code.flatMap((file) => pathWords(file.path)));
  return [
    `lines:${bucketOf(additions + deletions, LINE_BOUNDS)}`,
    `added:${addedShareOf(additions, deletions)}`,
    `files:${bucketOf(code.length, FILE_BOUNDS)}`,
    flag(
      'new-code',
      code.some((file) => file.added),
    ),
    flag('tests', tests.length > 0),
    flag(
      'new-tests',
      tests.some((file) => file.added),
    ),
    flag(
      'docs',
      files.some((file) => file.category === 'docs'),
    ),
    ...[...words].sort().map((word) => `${WORD_PREFIX}${word}`),
  ];
}

/** Counts the lines a part adds and deletes: its file's, or those of the hunks it takes. */
function countLines(part: BatchPart): { additions: number; deletions: number } {
  if (part.whole) return { additions: part.file.additions, deletions: part.file.deletions };
  const counts = { additions: 0, deletions: 0 };
  for (const index of part.hunks) {
    counts.additions += part.file.hunks[index]?.newLines ?? 0;
    counts.deletions += part.file.hunks[index]?.oldLines ?? 0;
  }
  return counts;
}

/**
 * Returns the features of a batch as codeFeatures reads them. A renamed file counts as added,
 * as a history read without rename detection has it.
 */
export function batchFeatures(parts: readonly BatchPart[]): string[] {
  return codeFeatures(
    parts.map((part) => ({
      path: part.file.path,
      category: part.file.category,
      added: ADDED_STATUSES.has(part.file.status),
      ...countLines(part),
    })),
  );
}
