import { findFileFolderPairs } from '../batches/file-folder.js';
import type { FileChange } from '../footprint/types.js';
import { quotePath } from '../output/quote-path.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/**
 * Checks that a file and the staged files under the same path as a folder are in one batch.
 * HEAD has one side and the index the other, because one tree cannot contain both. A commit
 * that takes one side would take the other too, and the other's batch would commit nothing.
 */
export function checkFileFolderBatches(
  strategy: StrategyShape,
  files: readonly FileChange[],
): StrategyProblem[] {
  const batchOf = new Map<string, string>();
  for (const batch of strategy.batches) {
    for (const change of batch.changes) {
      if (!batchOf.has(change.path)) batchOf.set(change.path, batch.id);
    }
  }

  const problems: StrategyProblem[] = [];
  for (const pair of findFileFolderPairs(files)) {
    const fileBatch = batchOf.get(pair.file);
    const underBatch = batchOf.get(pair.under);
    if (fileBatch === undefined || underBatch === undefined || fileBatch === underBatch) continue;

    const file = quotePath(pair.file);
    const under = quotePath(pair.under);
    const folder = quotePath(pair.folder);
    const message =
      `Batch ${fileBatch} takes ${file} and batch ${underBatch} takes ${under}, but ${folder} is a ` +
      `file on one side of the change and a folder on the other, and no commit can hold both. ` +
      `Move ${file} and ${under} into one batch.`;
    problems.push({ code: 'file-folder', batch: underBatch, path: pair.under, message });
  }
  return problems;
}
