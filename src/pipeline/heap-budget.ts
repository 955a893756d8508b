import { getHeapStatistics } from 'node:v8';

import { UserError } from '../errors.js';

/**
 * Heap a staged file needs at the peak of a run, an estimate. A change of 100,000 one-line
 * files kept about 2 KB a file live after a full collection (node 20, `node --trace-gc`,
 * bench/extreme's files case), and the rest is room for the garbage between collections.
 * NOTE: it counts files only, so a few files of many thousands of hunks each can still fail.
 */
export const HEAP_BYTES_PER_FILE = 8 * 1024;

/** Returns the maximum number of staged files a run analyzes under this process's heap limit. */
export function maxStagedFiles(heapLimitBytes = getHeapStatistics().heap_size_limit): number {
  return Math.floor(heapLimitBytes / HEAP_BYTES_PER_FILE);
}

/**
 * Returns the error for a change of `count` staged files, or null when the heap can hold it.
 * The error lets `precommit` exit by `failClosed`, as git can still commit the change. Its
 * advice reruns `git commit` for `precommit` and the footprint command `command` otherwise.
 */
export function checkStagedFileCount(
  count: number,
  command: string,
  heapLimitBytes = getHeapStatistics().heap_size_limit,
): UserError | null {
  const limit = maxStagedFiles(heapLimitBytes);
  if (count <= limit) return null;

  const heapMiB = Math.round(heapLimitBytes / 1024 / 1024);
  const rerun = command === 'precommit' ? 'git commit' : `footprint ${command}`;
  const needMiB = Math.ceil((count * HEAP_BYTES_PER_FILE) / 1024 / 1024 / 1024) * 1024;
  return new UserError(
    `The change has ${count.toLocaleString('en-US')} staged files, more than the ` +
      `${limit.toLocaleString('en-US')} that footprint estimates node's heap limit of ` +
      `${heapMiB} MB can hold, so ` +
      `footprint did not check it. Unstage files added by mistake, such as a node_modules ` +
      `folder, or raise the limit: NODE_OPTIONS=--max-old-space-size=${needMiB} ${rerun} ...`,
    { exitsByFailClosed: true },
  );
}
