import { categorize } from '../../src/footprint/category.js';
import { createRandom } from '../hook/random.js';
import type { HistoryCommit } from './history.js';

/** Consecutive commits of one author that the benchmark tangles into one change. */
export interface Composite {
  /** Oldest first; each commit's only parent is the one before it. */
  commits: HistoryCommit[];
  /** The first commit's parent: the state the composite change starts from. */
  base: string;
}

/** Maximum time between the earliest and latest author dates of a composite. */
export const MAX_SPAN_SECONDS = 14 * 24 * 60 * 60;

/** Authors that are automation, whose commits are not a developer's work. */
const BOT_AUTHOR = /\[bot\]|dependabot|renovate|github-actions/i;

export function isBotAuthor(commit: HistoryCommit): boolean {
  return BOT_AUTHOR.test(commit.authorName) || BOT_AUTHOR.test(commit.authorEmail);
}

/** Returns true when every path the commit changed is a lockfile. */
export function isLockfileOnly(commit: HistoryCommit): boolean {
  return commit.paths.length > 0 && commit.paths.every((path) => categorize(path) === 'lockfile');
}

/**
 * Returns true when a commit may be part of a composite: one parent (no merge, no root
 * commit), a human author, and a change to at least one path besides lockfiles.
 */
export function isEligibleCommit(commit: HistoryCommit): boolean {
  return (
    commit.parents.length === 1 &&
    commit.paths.length > 0 &&
    !isBotAuthor(commit) &&
    !isLockfileOnly(commit)
  );
}

/**
 * Lists every run of `size` consecutive eligible commits in a first-parent history (oldest
 * first) by one author (same e-mail address, case ignored) whose author dates lie within
 * MAX_SPAN_SECONDS of each other.
 */
export function findComposites(history: readonly HistoryCommit[], size: number): Composite[] {
  const composites: Composite[] = [];
  for (let start = 0; start + size <= history.length; start++) {
    const commits = history.slice(start, start + size);
    if (isComposite(commits)) {
      composites.push({ commits, base: (commits[0] as HistoryCommit).parents[0] as string });
    }
  }
  return composites;
}

function isComposite(commits: readonly HistoryCommit[]): boolean {
  if (!commits.every(isEligibleCommit)) return false;

  const author = (commits[0] as HistoryCommit).authorEmail.toLowerCase();
  if (!commits.every((commit) => commit.authorEmail.toLowerCase() === author)) return false;
  // The first-parent list is linear only when each commit's parent is the one before it.
  for (let i = 1; i < commits.length; i++) {
    if ((commits[i] as HistoryCommit).parents[0] !== (commits[i - 1] as HistoryCommit).oid) {
      return false;
    }
  }

  const times = commits.map((commit) => commit.authorTime);
  return Math.max(...times) - Math.min(...times) <= MAX_SPAN_SECONDS;
}

/** Returns the composites in an order drawn from `seed`; the same input and seed give the same order. */
export function shuffleComposites(composites: readonly Composite[], seed: number): Composite[] {
  const random = createRandom(seed);
  const shuffled = [...composites];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as Composite, shuffled[i] as Composite];
  }
  return shuffled;
}

/** Returns true when a composite shares a commit with one already taken. */
export function overlapsTaken(composite: Composite, taken: ReadonlySet<string>): boolean {
  return composite.commits.some((commit) => taken.has(commit.oid));
}
