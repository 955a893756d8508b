import {
  describeFileFolderMisorder,
  findFileFolderMisorders,
} from '../batches/file-folder-order.js';
import type { BatchChange } from '../batches/types.js';
import type { FileChange } from '../footprint/types.js';
import { CommitRefusedError } from './refusal.js';

/**
 * Rejects batches that take a file and a staged file under the same path as a folder in an
 * order no trees can follow. HEAD has one side and the index the other, so a commit that adds
 * one side before the other side leaves would have to contain both.
 */
export function refuseFileFolderSplit(
  files: readonly FileChange[],
  batches: ReadonlyArray<{ id: string; changes: readonly BatchChange[] }>,
): void {
  const [misorder] = findFileFolderMisorders(files, batches);
  if (misorder === undefined) return;
  throw new CommitRefusedError(
    `${describeFileFolderMisorder(misorder)} Then validate the strategy with ` +
      '`footprint validate --strategy FILE`.',
  );
}
