import { isFossilOfKind, type StoredFossil } from './types.js';

/** One row of `footprint fossils list`: what a reader scans for, whatever the kind. */
export interface FossilSummary {
  id: string;
  type: string;
  createdAt: string;
  /** Absolute path of the fossil file. */
  file: string;
  /**
   * End of the recorded run (`passed`, `blocked`, `followed`, `committed`, `undone`, ...), or
   * null for kinds that record no run.
   */
  outcome: string | null;
  /** Risk score of an analysis, or null. */
  risk: number | null;
  /** Batches suggested or committed, or null. */
  batches: number | null;
}

/**
 * Summarizes a fossil by its kind; kinds this version has no schema for get the envelope only.
 * A commit run whose id is in `undoneRuns` (runs an undo fossil names) is `undone`.
 */
export function summarizeFossil(
  stored: StoredFossil,
  undoneRuns: ReadonlySet<string> = new Set(),
): FossilSummary {
  const { fossil } = stored;
  const summary: FossilSummary = {
    id: stored.id,
    type: fossil.kind,
    createdAt: fossil.createdAt,
    file: stored.file,
    outcome: null,
    risk: null,
    batches: null,
  };

  if (isFossilOfKind(fossil, 'analysis')) {
    summary.outcome = fossil.payload.outcome;
    summary.risk = fossil.payload.risk.score;
    summary.batches = fossil.payload.batches.length;
  } else if (isFossilOfKind(fossil, 'strategy')) {
    summary.batches = fossil.payload.batches.length;
  } else if (isFossilOfKind(fossil, 'outcome')) {
    summary.outcome = fossil.payload.result;
    summary.batches = fossil.payload.suggestedBatches;
  } else if (isFossilOfKind(fossil, 'commit-run')) {
    summary.outcome = undoneRuns.has(stored.id) ? 'undone' : 'committed';
    summary.batches = fossil.payload.commits.length;
  }
  return summary;
}
