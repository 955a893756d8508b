import { describeUnreadableObject } from '../git/unreadable-object.js';
import type { GitReader, StagedChange } from '../git/types.js';
import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import { BlobSource } from './blob-source.js';
import { buildFileChange, type FileChangeOptions, type ScanBudget } from './file-change.js';
import { MAX_SCAN_BYTES } from './opaque-lines.js';
import { mapWithLimit } from './map-limit.js';
import type { FileChange, FileContent, Footprint, FootprintWithContent } from './types.js';

const debug = createDebug('footprint');

/** Staged entries read at once: enough to overlap object reads without a burst of them. */
const READ_CONCURRENCY = 8;

export interface BuildFootprintOptions extends FileChangeOptions {
  /**
   * Bytes of blobs over maxDiffBytes that the change scans without a diff, in entry order.
   * The default is MAX_SCAN_BYTES, the limit for one blob.
   */
  scanBudgetBytes?: number;
}

/**
 * Builds the footprint of a staged change: one entry per staged path with its sizes, kind,
 * category, language, line counts and zero-context hunks, plus the texts that later stages
 * read. Reads only the blobs of staged paths, so the cost follows the staged change.
 */
export async function buildFootprint(
  reader: GitReader,
  change: StagedChange,
  options: BuildFootprintOptions,
): Promise<FootprintWithContent> {
  const started = nowMs();
  const source = new BlobSource(reader);

  const built = await mapWithLimit(change.entries, READ_CONCURRENCY, (entry) =>
    buildFileChange(entry, source, options).catch((error: unknown) => {
      throw describeUnreadableObject(error, [entry]) ?? error;
    }),
  );
  // In entry order, one at a time, so the same blobs get the budget on every run.
  const budget: ScanBudget = { bytesLeft: options.scanBudgetBytes ?? MAX_SCAN_BYTES };
  for (const item of built) await item.scanLater?.(budget);

  const files = built.map((item) => item.file);
  const content = new Map<string, FileContent>(built.map((item) => [item.file.path, item.content]));

  const footprint: Footprint = {
    head: change.head,
    headTree: change.headTree,
    stagedTree: change.stagedTree,
    operation: change.operation,
    files,
    unmerged: change.unmerged,
    intentToAdd: change.intentToAdd,
    totals: sumTotals(files),
  };

  const elapsed = Math.round(nowMs() - started);
  debug(`${files.length} files, ${source.blobReads} blobs read in ${elapsed} ms`);
  return { footprint, content };
}

function sumTotals(files: FileChange[]): Footprint['totals'] {
  const totals = { files: files.length, additions: 0, deletions: 0, hunks: 0 };
  for (const file of files) {
    totals.additions += file.additions;
    totals.deletions += file.deletions;
    totals.hunks += file.hunks.length;
  }
  return totals;
}
