import { classifyCommitKind } from './commit-kind.js';
import { readMessageFacts, type MessageFacts } from './commit-message.js';
import type { LoggedCommit } from './log-parser.js';
import { increment, pairKey, type ModelCounts } from './model-counts.js';

/** A commit follows its parent in one series when one author made both within this time. */
export const SERIES_GAP_SECONDS = 8 * 60 * 60;

/** Facts of one commit that a series step needs. The author email stays in memory only. */
export interface CommitSummary {
  firstParent: string | null;
  merge: boolean;
  kind: string;
  authorEmail: string;
  committedAt: number;
}

export function summarizeCommit(
  commit: LoggedCommit,
  facts: MessageFacts = readMessageFacts(commit.message),
): CommitSummary {
  const paths = commit.files.map((file) => file.path);
  return {
    firstParent: commit.parents[0] ?? null,
    merge: commit.parents.length > 1,
    kind: classifyCommitKind(facts, paths),
    authorEmail: commit.authorEmail,
    committedAt: commit.committedAt,
  };
}

/** Returns the first parents of `learned` commits that are not among them, to be read too. */
export function findOutsideParents(learned: ReadonlyMap<string, CommitSummary>): string[] {
  const outside = new Set<string>();
  for (const summary of learned.values()) {
    const parent = summary.firstParent;
    if (parent !== null && !learned.has(parent)) outside.add(parent);
  }
  return [...outside];
}

/**
 * Counts, for each learned commit, the step from its first parent's kind to its own when both
 * belong to one series. Each step belongs to the later commit, so learning commits in two runs
 * counts the same steps as learning them in one, as long as `parents` contains every first parent.
 */
export function addKindTransitions(
  counts: ModelCounts,
  learned: ReadonlyMap<string, CommitSummary>,
  parents: ReadonlyMap<string, CommitSummary>,
): void {
  for (const commit of learned.values()) {
    if (commit.firstParent === null) continue;
    const parent = learned.get(commit.firstParent) ?? parents.get(commit.firstParent);
    if (parent === undefined || parent.merge) continue;
    if (parent.authorEmail !== commit.authorEmail) continue;
    if (Math.abs(commit.committedAt - parent.committedAt) > SERIES_GAP_SECONDS) continue;
    increment(counts.kindTransitions, pairKey(parent.kind, commit.kind));
  }
}
