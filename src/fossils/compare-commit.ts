import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { AnalysisFossilPayload } from './types.js';
import type { OutcomeResult } from './outcome-types.js';

/** Change a commit made to one path: to the staged blob (`whole`) or to another one (`part`). */
export type PathState = 'whole' | 'part';

/** A path the commit changed, with its blob after the commit (null when deleted). */
export interface CommittedPath {
  path: string;
  oid: string | null;
}

export interface CommitComparison {
  result: OutcomeResult;
  matchedBatch: string | null;
  batchesTouched: string[];
  committedFiles: number;
  unsuggestedFiles: number;
}

interface SuggestedBatch {
  id: string;
  /** Paths of the batch: each change's path, and the source path of a rename. */
  paths: Set<string>;
}

/**
 * Compares the paths a commit changed with the batches an analysis suggested. A path counts
 * as `whole` when the commit gave it the blob the analysis saw staged. A batch that takes some
 * hunks of a path shared with other batches matches a commit that changed that path to any
 * other blob. NOTE: that check cannot tell which hunks were committed; it goes away when the
 * analysis fossil records each batch's blob of a shared path.
 */
export function compareCommit(
  committed: readonly CommittedPath[],
  analysis: AnalysisFossilPayload,
): CommitComparison {
  const staged = stagedBlobs(analysis);
  const batches = analysis.batches.map(batchPaths(analysis));
  const shared = sharedPaths(batches);
  const recorded = committed.map((entry) => ({ ...entry, path: recordedPath(entry.path, staged) }));
  const states = new Map(recorded.map((entry) => [entry.path, stateOf(entry, staged)]));

  const touched = batches.filter((batch) => [...batch.paths].some((path) => states.has(path)));
  const matched = batches.find((batch) => matches(batch, states, shared)) ?? null;
  const whole = (batch: SuggestedBatch) =>
    [...batch.paths].every(
      (path) => states.get(path) === 'whole' || (shared.has(path) && states.has(path)),
    );

  return {
    result: classify(batches, touched, matched, whole),
    matchedBatch: matched?.id ?? null,
    batchesTouched: touched.map((batch) => batch.id),
    committedFiles: committed.length,
    unsuggestedFiles: recorded.filter((entry) => !staged.has(entry.path)).length,
  };
}

/**
 * Returns a committed path as the analysis fossil records it: as committed, or with its
 * tokens masked when the fossil masked a path that a secret-in-path finding flagged.
 */
export function recordedPath(path: string, recorded: { has(path: string): boolean }): string {
  if (recorded.has(path)) return path;
  const masked = maskNameSecrets(path);
  return recorded.has(masked) ? masked : path;
}

function classify(
  batches: readonly SuggestedBatch[],
  touched: readonly SuggestedBatch[],
  matched: SuggestedBatch | null,
  whole: (batch: SuggestedBatch) => boolean,
): OutcomeResult {
  if (matched !== null) return 'followed';
  if (touched.length === 0) return 'ignored';
  if (batches.length > 1 && batches.every(whole)) return 'ignored';
  if (touched.length > 1 && !touched.every(whole)) return 'ignored';
  return 'partial';
}

/** Returns true when the commit changed exactly the batch's paths, each as far as the batch takes it. */
function matches(
  batch: SuggestedBatch,
  states: ReadonlyMap<string, PathState>,
  shared: ReadonlySet<string>,
): boolean {
  if (batch.paths.size !== states.size) return false;
  for (const path of batch.paths) {
    const state = states.get(path);
    if (state === undefined) return false;
    if (state !== (shared.has(path) ? 'part' : 'whole')) return false;
  }
  return true;
}

/** Returns the blob each staged path had when the analysis ran, null for a deletion. */
function stagedBlobs(analysis: AnalysisFossilPayload): Map<string, string | null> {
  const blobs = new Map<string, string | null>();
  for (const file of analysis.footprint.files) {
    blobs.set(file.path, file.newOid);
    if (file.status === 'renamed' && file.oldPath !== undefined) blobs.set(file.oldPath, null);
  }
  return blobs;
}

function batchPaths(
  analysis: AnalysisFossilPayload,
): (batch: AnalysisFossilPayload['batches'][number]) => SuggestedBatch {
  const renamedFrom = new Map<string, string>();
  for (const file of analysis.footprint.files) {
    if (file.status === 'renamed' && file.oldPath !== undefined)
      renamedFrom.set(file.path, file.oldPath);
  }
  return (batch) => {
    const paths = new Set<string>();
    for (const change of batch.changes) {
      paths.add(change.path);
      const source = renamedFrom.get(change.path);
      if (source !== undefined) paths.add(source);
    }
    return { id: batch.id, paths };
  };
}

function sharedPaths(batches: readonly SuggestedBatch[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const batch of batches) {
    for (const path of batch.paths) {
      if (seen.has(path)) shared.add(path);
      seen.add(path);
    }
  }
  return shared;
}

function stateOf(entry: CommittedPath, staged: ReadonlyMap<string, string | null>): PathState {
  return staged.has(entry.path) && staged.get(entry.path) === entry.oid ? 'whole' : 'part';
}
