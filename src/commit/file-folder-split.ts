import { findFileFolderPairs } from '../batches/file-folder.js';
import type { BatchChange } from '../batches/types.js';
import type { FileChange } from '../footprint/types.js';
import { CommitRefusedError } from './refusal.js';

/**
 * Refuses batches that put a file and a staged file under the same path as a folder in
 * different commits. HEAD has one side and the index the other, so the tree of the first of
 * those commits would take the other batch's change as well, and that batch would commit
 * nothing of its own.
 */
export function refuseFileFolderSplit(
  files: readonly FileChange[],
  batches: ReadonlyArray<{ id: string; changes: readonly BatchChange[] }>,
): void {
  const batchOf = new Map<string, string>();
  for (const batch of batches) {
    for (const change of batch.changes) {
      if (!batchOf.has(change.path)) batchOf.set(change.path, batch.id);
    }
  }

  for (const pair of findFileFolderPairs(files)) {
    const fileBatch = batchOf.get(pair.file);
    const underBatch = batchOf.get(pair.under);
    if (fileBatch === undefined || underBatch === undefined || fileBatch === underBatch) continue;
    throw new CommitRefusedError(
      `Batch ${fileBatch} takes ${pair.file} and batch ${underBatch} takes ${pair.under}, but ` +
        `${pair.folder} is a file on one side of the change and a folder on the other, so no ` +
        `commit can hold one without the other. Move ${pair.file} and ${pair.under} into one ` +
        'batch, then validate the strategy with `footprint validate --strategy FILE`.',
    );
  }
}
