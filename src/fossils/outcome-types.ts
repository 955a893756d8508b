/** Result of comparing a commit with the suggested split (see schemas/fossil-outcome.schema.json). */
export type OutcomeResult = 'followed' | 'partial' | 'ignored';

/** The outcome fossil's payload: one commit compared with the batches of one analysis. */
export interface OutcomeFossilPayload {
  commit: string;
  /** First parent, or null for a first commit. */
  parent: string | null;
  /** Id of the analysis fossil the commit is compared with. */
  analysis: string;
  /** True when that analysis was made for exactly the committed tree. */
  exact: boolean;
  result: OutcomeResult;
  suggestedBatches: number;
  /** The batch the commit equals, or null. */
  matchedBatch: string | null;
  /** Batches with a path in the commit, in the analysis's order. */
  batchesTouched: string[];
  committedFiles: number;
  /** Committed paths the analysis did not see staged. */
  unsuggestedFiles: number;
}
