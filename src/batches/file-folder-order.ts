import { findFileFolderPairs, type FileFolderPair } from './file-folder.js';

/** A staged file as the order check reads it. */
interface StagedFile {
  path: string;
  oldPath?: string | undefined;
  status: string;
}

/** Batches in commit order, each with the paths it takes. */
type OrderedBatches = ReadonlyArray<{ id: string; changes: ReadonlyArray<{ path: string }> }>;

/**
 * A file/folder pair split over two batches in an order no sequence of trees can follow: the
 * batch that adds one side comes before the batch that removes the other, which HEAD has.
 */
export interface FileFolderMisorder {
  pair: FileFolderPair;
  /** The batch that takes `pair.file`. */
  fileBatch: string;
  /** The batch that takes `pair.under`. */
  underBatch: string;
  /** The side HEAD has at `pair.folder`, whose batch has to come first. */
  first: 'file' | 'under';
}

/**
 * Finds the file/folder pairs whose batches come in the wrong order. A file that becomes a
 * folder can leave in one commit and the files under the folder arrive in a later one. A folder
 * can empty before the file takes its place. No tree contains both sides at once.
 * Only the first batch that names a path counts, as when the commits are built.
 */
export function findFileFolderMisorders(
  files: readonly StagedFile[],
  batches: OrderedBatches,
): FileFolderMisorder[] {
  const position = new Map<string, { id: string; index: number }>();
  batches.forEach((batch, index) => {
    for (const change of batch.changes) {
      if (!position.has(change.path)) position.set(change.path, { id: batch.id, index });
    }
  });
  const byPath = new Map(files.map((file) => [file.path, file]));

  const misorders: FileFolderMisorder[] = [];
  for (const pair of findFileFolderPairs(files)) {
    const fileAt = position.get(pair.file);
    const underAt = position.get(pair.under);
    if (fileAt === undefined || underAt === undefined || fileAt.id === underAt.id) continue;

    const first = fileInIndex(byPath.get(pair.file), pair.folder) ? 'under' : 'file';
    const inOrder = first === 'file' ? fileAt.index < underAt.index : underAt.index < fileAt.index;
    if (!inOrder) misorders.push({ pair, fileBatch: fileAt.id, underBatch: underAt.id, first });
  }
  return misorders;
}

/**
 * Returns true when the index has a file at `folder`, so HEAD has the folder: the staged file
 * is there and is not a deletion. Otherwise the file leaves `folder` (a deletion or a rename
 * away), so HEAD has the file.
 */
function fileInIndex(file: StagedFile | undefined, folder: string): boolean {
  return file !== undefined && file.path === folder && file.status !== 'deleted';
}

/**
 * Describes a misordered pair and its two ways out: reorder the batches, or take both paths in
 * one batch. `quote` formats a path for the message.
 */
export function describeFileFolderMisorder(
  misorder: FileFolderMisorder,
  quote: (path: string) => string = (path) => path,
): string {
  const { pair, fileBatch, underBatch, first } = misorder;
  const file = quote(pair.file);
  const under = quote(pair.under);
  const folder = quote(pair.folder);
  if (first === 'file') {
    return (
      `Batch ${underBatch} takes ${under} before batch ${fileBatch} takes ${file}, but ${folder} ` +
      `is a file until batch ${fileBatch} removes it, and no tree can hold both. Move batch ` +
      `${fileBatch} before batch ${underBatch}, or move ${file} and ${under} into one batch.`
    );
  }
  return (
    `Batch ${fileBatch} takes ${file} before batch ${underBatch} takes ${under}, but ${folder} ` +
    `is a folder until batch ${underBatch} empties it, and no tree can hold both. ` +
    `Move batch ${underBatch} before batch ${fileBatch}, or move ${file} and ${under} into one ` +
    'batch.'
  );
}
