import path from 'node:path';
import type { BatchAnalysis } from '../batches/types.js';
import { CONFIG_FILE_NAME } from '../config/load.js';
import type { FileChange, Footprint } from '../footprint/types.js';

/**
 * Files that SARIF results about the whole change are shown on. SARIF 2.1.0 allows a result
 * without a location, but GitHub code scanning rejects the whole upload when one result names
 * no file, so each such result is placed on a file the change concerns, at line 1.
 */
export interface ChangeLocations {
  /** Worktree-relative path that a result about the whole change is shown on. */
  path: string;
  /** The first shown file of each batch, in batch order, for `unrelated-batches`. */
  batches: BatchLocation[];
}

/** A batch's first file, as a related location of a result about the batch split. */
export interface BatchLocation {
  /** The batch's id, such as `b1`. */
  id: string;
  /** The batch's commit message, with any flagged token masked. */
  message: string;
  path: string;
}

/** The facts findChangeLocations chooses from. */
export interface ChangeLocationSources {
  footprint: Footprint;
  analysis: BatchAnalysis;
  /** Absolute path of the root configuration file, which sits in the worktree root, or null. */
  configFile: string | null;
  /** Masks the tokens of paths that a secret-in-path finding flagged, leaving other text as is. */
  mask: (text: string) => string;
}

/**
 * Chooses where results about the whole change are shown. The first staged file that the
 * commit keeps comes first, then the root configuration file, then a deleted file. A path with
 * a flagged token is never chosen, because the log must not contain the token.
 */
export function findChangeLocations(sources: ChangeLocationSources): ChangeLocations {
  const { footprint, mask } = sources;
  const hasNoToken = (file: FileChange): boolean => mask(file.path) === file.path;
  const keptFile = footprint.files.find((file) => hasNoToken(file) && file.status !== 'deleted');
  const deletedFile = footprint.files.find(hasNoToken);
  const configName = sources.configFile === null ? null : path.basename(sources.configFile);
  // NOTE: with no staged file and no configuration, the named file may not exist. No rule
  // reports on the whole change then, because each needs staged files or a configured option.
  const chosen = keptFile?.path ?? configName ?? deletedFile?.path ?? CONFIG_FILE_NAME;

  return { path: chosen, batches: listBatchLocations(sources) };
}

/** Returns the first staged path of each batch that may be shown, skipping batches with none. */
function listBatchLocations(sources: ChangeLocationSources): BatchLocation[] {
  const { mask } = sources;
  const locations: BatchLocation[] = [];
  for (const batch of sources.analysis.batches) {
    const change = batch.changes.find((candidate) => mask(candidate.path) === candidate.path);
    if (change === undefined) continue;
    locations.push({ id: batch.id, message: mask(batch.message), path: change.path });
  }
  return locations;
}
