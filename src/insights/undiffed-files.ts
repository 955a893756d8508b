import type { FileChange } from '../footprint/types.js';

/** Returns true for a file over maxDiffBytes, which has no hunks or line counts. */
export function isUndiffed(file: FileChange): boolean {
  return file.opaque === 'too-large';
}

/** Counts the files over maxDiffBytes. */
export function countUndiffed(files: readonly FileChange[]): number {
  return files.filter(isUndiffed).length;
}

/** Returns `not diffed because of its size`, or `their size` for more than one file. */
export function notDiffedPhrase(count: number): string {
  return `not diffed because of ${count === 1 ? 'its' : 'their'} size`;
}

/**
 * Describes the blob sizes of a file over maxDiffBytes: `3050 bytes`, or `2440 -> 2745 bytes`
 * when HEAD's blob and the staged blob differ in size.
 */
export function describeBlobSizes(file: FileChange): string {
  const { oldSize, size } = file;
  if (file.status === 'deleted' || oldSize === null || oldSize === size) return `${size} bytes`;
  return `${oldSize} -> ${size} bytes`;
}
