import type { FileChange } from '../footprint/types.js';
import type { BatchChange } from './types.js';

/**
 * Returns true when a batch names a file by its hunks even when it takes all of them: a
 * modified text file with hunks, so a person editing the strategy can move one to another
 * batch. Additions, deletions, renames, copies, type changes, mode-only changes, symlinks and
 * binary or undiffed files are named by path alone, because the analysis never splits them.
 */
export function listsHunks(file: FileChange): boolean {
  if (file.status !== 'modified' || file.hunks.length === 0) return false;
  return !file.binary && file.opaque === undefined && !file.symlink;
}

/** Writes the entry of a batch that takes a whole file: its hunks listed when listsHunks. */
export function wholeFileChange(file: FileChange): BatchChange {
  if (!listsHunks(file)) return { path: file.path };
  return { path: file.path, hunks: file.hunks.map((hunk) => ({ ...hunk })) };
}
