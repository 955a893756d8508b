import {
  listPatchEquivalents,
  readCommitGraph,
  readSubjects,
  type GraphCommit,
} from '../git/commit-graph.js';
import { GitCommandError } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';
import type { CommitRunFossilPayload } from '../fossils/types.js';
import { createDebug } from '../log/debug.js';
import { escapeControlCharacters } from '../output/quote-path.js';
import { shellQuote } from '../output/shell-quote.js';

const debug = createDebug('commit');

/** Commits named one by one in the advice. Any more are only counted. */
const LISTED_COMMITS = 5;
/** Characters of a commit id shown next to its subject, as `git log --oneline` shows. */
const SHORT_OID = 12;

/** The commits on the ref since the run's start, sorted by how they relate to the run. */
interface RunHistory {
  /** Commits the ref reaches and the run's start does not, parents first. */
  graph: GraphCommit[];
  /** The run's own commits still there. */
  own: Set<string>;
  /** Commits that make the same change as one of the run's, as a rebase leaves them. */
  rewritten: Set<string>;
  /** The run's commits, their rewrites, and every commit made on top of one of them. */
  ours: Set<string>;
}

/**
 * Returns the advice for a ref that moved since the run: how to drop the run's commits by
 * hand while keeping their changes staged, as undo would. `git reset --soft START` drops every
 * commit since the run's start. After `git pull --rebase` or a merge, those include commits
 * that are neither the run's nor made on top of it. The advice then names them, and gives a
 * reset to the commit below the run's first one only when that reset keeps them all.
 */
export async function describeManualReset(
  layout: RepositoryLayout,
  head: string | null,
  run: CommitRunFossilPayload,
): Promise<string> {
  const plain = describePlainReset(head, run);
  if (head === null) return plain;

  let history: RunHistory;
  try {
    history = await readRunHistory(layout, head, run);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    debug(`history since the run not read: ${error.message}`);
    return plain;
  }

  if (history.ours.size === 0) {
    return (
      `None of the run's commits, nor a rewrite of one, is on ${run.ref} any more, so there is ` +
      'nothing of the run to undo.'
    );
  }
  const foreign = history.graph.filter((commit) => !history.ours.has(commit.oid));
  if (foreign.length === 0) return plain;

  const single = foreign.length === 1;
  const intro =
    `The history of ${escapeControlCharacters(run.ref)} since the run's start also contains ` +
    `${countCommits(foreign.length)} that ` +
    `${single ? 'is' : 'are'} neither the run's nor made on top of it, as \`git pull --rebase\` ` +
    `or a merge brings in: ${await describeCommits(layout, foreign)}.`;
  const base = findKeepingBase(history);
  if (base !== null) {
    return (
      `${intro} To drop only ${describeOurs(history)} and keep ${single ? 'that commit' : 'those'}, ` +
      `with the dropped commits' changes staged, run \`git reset --soft ${base}\`, the commit ` +
      "below the run's first one."
    );
  }
  return (
    `${intro} \`${resetCommand(head, run)}\` would drop ${single ? 'that commit' : 'those'} too ` +
    `and stage ${single ? 'its' : 'their'} changes as if they were yours, so footprint suggests ` +
    "no command: remove the run's commits by hand if you still want them gone."
  );
}

/**
 * Returns the command that moves the ref back to the run's start by hand, which drops the
 * run's commits and every later one and keeps all their changes staged, as undo would.
 */
function describePlainReset(head: string | null, run: CommitRunFossilPayload): string {
  const drop = "To drop the run's commits and every later one anyway, keeping their changes staged";
  if (run.startHead !== null) {
    return `${drop}, run \`git reset --soft ${run.startHead}\`, the commit the run started from.`;
  }
  return (
    `The run started on an unborn branch. ${drop}, run \`${resetCommand(head, run)}\`, ` +
    'which makes the branch unborn again.'
  );
}

/**
 * Returns the command that moves the ref to the run's start. An unborn start has no commit to
 * reset to, so the branch is deleted, with its value checked, which makes it unborn again and
 * leaves the index as it is.
 */
function resetCommand(head: string | null, run: CommitRunFossilPayload): string {
  if (run.startHead !== null) return `git reset --soft ${run.startHead}`;
  return `git update-ref -d ${shellQuote(run.ref)} ${head ?? ''}`.trimEnd();
}

async function readRunHistory(
  layout: RepositoryLayout,
  head: string,
  run: CommitRunFossilPayload,
): Promise<RunHistory> {
  const graph = await readCommitGraph(layout, head, run.startHead);
  const runOids = new Set(run.commits.map((commit) => commit.oid));
  const own = new Set(graph.filter((commit) => runOids.has(commit.oid)).map(({ oid }) => oid));
  const rewritten = await readRewrites(layout, run.finalHead, head);

  const ours = new Set<string>();
  for (const commit of graph) {
    const anchor = own.has(commit.oid) || rewritten.has(commit.oid);
    if (anchor || commit.parents.some((parent) => ours.has(parent))) ours.add(commit.oid);
  }
  return { graph, own, rewritten, ours };
}

/** Reads the rewrites of the run's commits, or none when `git gc` removed the run's commits. */
async function readRewrites(
  layout: RepositoryLayout,
  finalHead: string,
  head: string,
): Promise<Set<string>> {
  try {
    return await listPatchEquivalents(layout, finalHead, head);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    return new Set();
  }
}

/**
 * Returns the first parent of the oldest of our commits when resetting to it drops only our
 * commits, so every other commit since the run's start stays on the ref. Returns null when no
 * such commit exists, as after a merge, or when that parent is the run's start.
 */
function findKeepingBase(history: RunHistory): string | null {
  const oldest = history.graph.find((commit) => history.ours.has(commit.oid));
  const base = oldest?.parents[0];
  if (base === undefined) return null;

  const byOid = new Map(history.graph.map((commit) => [commit.oid, commit]));
  if (!byOid.has(base)) return null;
  const baseAncestors = new Set<string>();
  const pending = [base];
  while (pending.length > 0) {
    const oid = pending.pop() as string;
    if (baseAncestors.has(oid)) continue;
    baseAncestors.add(oid);
    pending.push(...(byOid.get(oid)?.parents.filter((parent) => byOid.has(parent)) ?? []));
  }
  const dropped = history.graph.filter((commit) => !baseAncestors.has(commit.oid));
  return dropped.every((commit) => history.ours.has(commit.oid)) ? base : null;
}

/** Names our commits by kind: the run's own, their rewrites, and those made on top of them. */
function describeOurs(history: RunHistory): string {
  const later = history.ours.size - history.own.size - history.rewritten.size;
  const parts: string[] = [];
  if (history.own.size > 0) parts.push(`the run's ${countCommits(history.own.size)}`);
  if (history.rewritten.size > 0) {
    parts.push(`the ${countCommits(history.rewritten.size)} rewritten from the run`);
  }
  if (later > 0) parts.push(`the ${countCommits(later)} made on top of them`);
  return parts.length < 2
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Lists commits as `git log --oneline` does, newest first, up to LISTED_COMMITS of them. */
async function describeCommits(layout: RepositoryLayout, commits: GraphCommit[]): Promise<string> {
  const newest = commits.map(({ oid }) => oid).reverse();
  const listed = newest.slice(0, LISTED_COMMITS);
  const subjects = await readSubjects(layout, listed);
  const lines = listed.map(
    (oid) => `${oid.slice(0, SHORT_OID)} ${escapeControlCharacters(subjects.get(oid) ?? '')}`,
  );
  const rest = newest.length - listed.length;
  if (rest > 0) lines.push(`and ${rest} more`);
  return lines.join(', ');
}

function countCommits(count: number): string {
  return count === 1 ? '1 commit' : `${count} commits`;
}
