import {
  describeFileFolderMisorder,
  findFileFolderMisorders,
} from '../batches/file-folder-order.js';
import type { FileChange } from '../footprint/types.js';
import { quotePath } from '../output/quote-path.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/**
 * Checks the batches of a file and the staged files under the same path as a folder. HEAD has
 * one side and the index the other, and no tree contains both, so the batch that removes HEAD's
 * side has to come first, or one batch takes both.
 */
export function checkFileFolderBatches(
  strategy: StrategyShape,
  files: readonly FileChange[],
): StrategyProblem[] {
  return findFileFolderMisorders(files, strategy.batches).map((misorder) => ({
    code: 'file-folder',
    batch: misorder.first === 'file' ? misorder.underBatch : misorder.fileBatch,
    path: misorder.first === 'file' ? misorder.pair.under : misorder.pair.file,
    message: describeFileFolderMisorder(misorder, quotePath),
  }));
}
