import { isFossilOfKind, type StoredFossil } from './types.js';

/** One row of `footprint fossils list`: what a reader scans for, whatever the kind. */
export interface FossilSummary {
  id: string;
  type: string;
  createdAt: string;
  /** Absolute path of the fossil file. */
  file: string;
  /**
   * End of the recorded run (`passed`, `blocked`, `followed`, `committed`, `undone`,
   * `interrupted`, ...), or null for kinds that record no run.
   */
  outcome: string | null;
  /** Risk score of an analysis, or null. */
  risk: number | null;
  /** Batches suggested or committed, or null. */
  batches: number | null;
}

/** Ids of commit runs that did not end on their ref as recorded. */
export interface CommitRunMarks {
  /** Runs an undo fossil names. */
  undone: ReadonlySet<string>;
  /** Runs stopped before their ref moved, so their commits never landed. */
  unlanded: ReadonlySet<string>;
}

const NO_MARKS: CommitRunMarks = { undone: new Set(), unlanded: new Set() };

/**
 * Summarizes a fossil by its kind; kinds this version has no schema for get the envelope only.
 * A commit run in `marks.unlanded` is `interrupted`, one in `marks.undone` is `undone`, and
 * any other is `committed`.
 */
export function summarizeFossil(
  stored: StoredFossil,
  marks: CommitRunMarks = NO_MARKS,
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
    summary.outcome = describeRunOutcome(stored.id, marks);
    summary.batches = fossil.payload.commits.length;
  }
  return summary;
}

function describeRunOutcome(id: string, marks: CommitRunMarks): string {
  if (marks.unlanded.has(id)) return 'interrupted';
  return marks.undone.has(id) ? 'undone' : 'committed';
}
