import { loadConfig } from '../config/load.js';
import { describeRepositoryState } from '../fossils/repository-state.js';
import { openFossilStore } from '../fossils/store.js';
import { discoverRepository } from '../git/discover.js';
import { readHead } from '../git/refs.js';
import type { RepositoryLayout } from '../git/types.js';
import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import { readMessageFacts } from './commit-message.js';
import {
  addKindTransitions,
  findOutsideParents,
  summarizeCommit,
  type CommitSummary,
} from './commit-series.js';
import { isAncestor, listCommits } from './list-commits.js';
import { packCounts, unpackCounts } from './counts-blob.js';
import { decodeCounts, encodeCounts } from './counts-document.js';
import { listTreePaths } from './list-tree-paths.js';
import { addCommit, createModelCounts, type ModelCounts } from './model-counts.js';
import { buildDigest } from './model-digest.js';
import type { ModelOptions, ModelPayload } from './model-payload.js';
import { isPartialClone } from './partial-clone.js';
import { readModelFossil, type ModelFossil } from './read-model-fossil.js';
import { readShallowCommits } from './shallow-commits.js';
import { walkCommits } from './walk-history.js';
import { noWorktreeError } from '../git/no-worktree.js';

const debug = createDebug('learn');

/** Commits a `learn` reads by default: enough for stable counts, few enough to stay fast. */
export const DEFAULT_MAX_COMMITS = 2000;

/**
 * Commits that change more files than this count for change and size, not for co-change.
 * Such commits (mass renames, formatting, vendored code) would tie every file to every other.
 */
export const CO_CHANGE_MAX_FILES = 50;

export interface LearnProgress {
  done: number;
  total: number;
}

export interface LearnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  maxCommits: number;
  /** ISO 8601 date; older commits are left out. */
  since: string | null;
  /** Learn from scratch even when the last model could be updated. */
  full: boolean;
  onProgress?: (progress: LearnProgress) => void;
  /** Clock for the fossil's name, set by tests. */
  now?: () => Date;
}

export type LearnResultKind = 'learned' | 'updated' | 'up-to-date' | 'no-commits';

export interface LearnResult {
  result: LearnResultKind;
  worktree: string;
  /** Absolute path of the model fossil written or current, or null. */
  fossil: string | null;
  head: string | null;
  commits: number;
  /** Commits this run read. */
  newCommits: number;
  pathsOnlyCommits: number;
  /** Commits this run left out because they are at a shallow clone's boundary. */
  shallowCommits: number;
  files: number;
  pairs: number;
  durationMs: number;
  /** One line per model fossil skipped because it could not be read. */
  warnings: string[];
}

type WalkPlan =
  | { kind: 'up-to-date'; model: ModelFossil; counts: ModelCounts }
  | { kind: 'learn' | 'update'; counts: ModelCounts; oids: string[] };

/**
 * Learns how the repository is committed (`footprint learn`) from the non-merge commits
 * reachable from HEAD, at most `maxCommits` of them, and writes the model fossil. When the
 * newest model was learned with the same options from an ancestor of HEAD, only the commits
 * after it are read and added to it, which gives the same model as learning all at once.
 */
export async function learnHistory(options: LearnOptions): Promise<LearnResult> {
  const startedAt = nowMs();
  const { layout, worktree } = await findWorktree(options);
  const config = await loadConfig(worktree, { env: options.env });
  const store = openFossilStore(worktree, config.config, options.now ? { now: options.now } : {});
  const head = await readHead(layout);
  if (head.oid === null) return emptyResult(worktree, startedAt);

  const modelOptions: ModelOptions = {
    maxCommits: options.maxCommits,
    since: options.since,
    coChangeMaxFiles: CO_CHANGE_MAX_FILES,
  };
  const previous = options.full ? { model: null, warnings: [] } : await readModelFossil(store);
  const planned = await planWalk(layout, head.oid, modelOptions, previous.model);
  const report = { worktree, head: head.oid, warnings: previous.warnings, startedAt };
  if (planned.kind === 'up-to-date')
    return describeResult('up-to-date', planned.model.file, planned, { ...report, shallow: 0 });

  const { plan, shallow } = await skipShallowCommits(layout, planned);
  // No commit is in range (`--since`, a shallow clone's boundary). An empty model would replace
  // the one the analysis uses, so nothing is written.
  if (plan.oids.length === 0)
    return describeResult('no-commits', previous.model?.file ?? null, plan, {
      ...report,
      shallow,
    });
  await learnCommits(layout, plan.oids, plan.counts, modelOptions, options.onProgress);
  const payload = await buildPayload(layout, head.oid, plan.counts, modelOptions);
  const file = await store.write('model', {
    repository: describeRepositoryState(head, null),
    payload,
  });
  debug(`${plan.kind}: ${plan.oids.length} commits read, model of ${payload.commits} commits`);
  const kind = plan.kind === 'update' ? 'updated' : 'learned';
  return describeResult(kind, file, plan, { ...report, shallow });
}

/**
 * Leaves out the commits at a shallow clone's boundary. Their parents are missing, so their
 * diffs would count every file of their tree as added, which would skew sizes and co-change.
 */
async function skipShallowCommits(
  layout: RepositoryLayout,
  plan: Extract<WalkPlan, { oids: string[] }>,
): Promise<{ plan: Extract<WalkPlan, { oids: string[] }>; shallow: number }> {
  const boundary = await readShallowCommits(layout);
  if (boundary.size === 0) return { plan, shallow: 0 };

  const oids = plan.oids.filter((oid) => !boundary.has(oid));
  const shallow = plan.oids.length - oids.length;
  if (shallow > 0) debug(`left out ${shallow} commits at the shallow clone's boundary`);
  return { plan: { ...plan, oids }, shallow };
}

async function findWorktree(
  options: LearnOptions,
): Promise<{ layout: RepositoryLayout; worktree: string }> {
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  if (layout.worktree === null) {
    throw noWorktreeError(layout.gitDir, 'learn', 'has no fossil store');
  }
  return { layout, worktree: layout.worktree };
}

/** Chooses between updating the last model and learning from scratch. */
async function planWalk(
  layout: RepositoryLayout,
  head: string,
  options: ModelOptions,
  previous: ModelFossil | null,
): Promise<WalkPlan> {
  const base = previous === null ? null : readBase(previous, options);
  if (previous !== null && base !== null) {
    const last = previous.payload.head;
    if (last === head) return { kind: 'up-to-date', model: previous, counts: base };
    if (await isAncestor(layout, last, head)) {
      const range = { head, exclude: last, maxCount: options.maxCommits + 1, since: options.since };
      const oids = await listCommits(layout, range);
      // The counts cannot drop their oldest commits, so a model that would pass `maxCommits`
      // is learned again from the newest `maxCommits` commits, as one full run would do.
      if (base.commits + oids.length <= options.maxCommits) {
        return { kind: 'update', counts: base, oids };
      }
    }
    debug(`model ${previous.id} cannot be updated to ${head}; learning from scratch`);
  }
  const range = { head, exclude: null, maxCount: options.maxCommits, since: options.since };
  return { kind: 'learn', counts: createModelCounts(), oids: await listCommits(layout, range) };
}

/** Returns the counts of a model learned with the same options, or null to start over. */
function readBase(previous: ModelFossil, options: ModelOptions): ModelCounts | null {
  if (!sameOptions(previous.payload.options, options)) return null;
  try {
    const document = unpackCounts(previous.payload.counts);
    // Adding new commits to such counts would leave the older commits' types out for good.
    if (document.messages.kindTypes === undefined) {
      debug(`model ${previous.id} keeps no types by kind of files, learning from scratch`);
      return null;
    }
    if (document.messages.codeTypes === undefined) {
      debug(`model ${previous.id} keeps no types of code commits, learning from scratch`);
      return null;
    }
    return decodeCounts(document);
  } catch (error) {
    debug(`model ${previous.id} has unreadable counts, learning from scratch: ${String(error)}`);
    return null;
  }
}

function sameOptions(a: ModelOptions, b: ModelOptions): boolean {
  return (
    a.maxCommits === b.maxCommits &&
    a.since === b.since &&
    a.coChangeMaxFiles === b.coChangeMaxFiles
  );
}

/** Reads the commits with one `git log` and adds them, and their series steps, to `counts`. */
async function learnCommits(
  layout: RepositoryLayout,
  oids: readonly string[],
  counts: ModelCounts,
  options: ModelOptions,
  onProgress: LearnOptions['onProgress'],
): Promise<void> {
  const withLines = !(await isPartialClone(layout));
  if (!withLines) debug('partial clone: reading paths only, so no blob is fetched');

  const learned = new Map<string, CommitSummary>();
  await walkCommits(layout, {
    oids,
    withLines,
    onCommit(commit) {
      const facts = readMessageFacts(commit.message);
      addCommit(counts, commit, facts, options.coChangeMaxFiles);
      learned.set(commit.oid, summarizeCommit(commit, facts));
      onProgress?.({ done: learned.size, total: oids.length });
    },
  });
  const parents = await readParents(layout, findOutsideParents(learned));
  addKindTransitions(counts, learned, parents);
}

/** Reads, with paths only, the first parents the walk left out, for the first step of each series. */
async function readParents(
  layout: RepositoryLayout,
  oids: string[],
): Promise<Map<string, CommitSummary>> {
  const parents = new Map<string, CommitSummary>();
  if (oids.length === 0) return parents;
  try {
    await walkCommits(layout, {
      oids,
      withLines: false,
      onCommit: (commit) => parents.set(commit.oid, summarizeCommit(commit)),
    });
  } catch (error) {
    // A parent beyond a shallow clone's boundary is missing, so its series step is not counted.
    debug(`cannot read ${oids.length} parents: ${String(error)}`);
  }
  return parents;
}

/** Assembles the fossil's payload: the digest for analysis and the packed exact counts. */
async function buildPayload(
  layout: RepositoryLayout,
  head: string,
  counts: ModelCounts,
  options: ModelOptions,
): Promise<ModelPayload> {
  const document = encodeCounts(counts);
  const existing = await listTreePaths(layout, head);
  return {
    head,
    options: { ...options },
    commits: document.commits,
    coChangeCommits: document.coChangeCommits,
    fixCommits: document.fixCommits,
    pathsOnlyCommits: document.pathsOnlyCommits,
    span: document.span,
    digest: buildDigest(counts, existing),
    counts: packCounts(document),
  };
}

function describeResult(
  result: LearnResultKind,
  file: string | null,
  plan: WalkPlan,
  report: {
    worktree: string;
    head: string;
    warnings: string[];
    startedAt: number;
    shallow: number;
  },
): LearnResult {
  const { counts } = plan;
  return {
    result,
    worktree: report.worktree,
    fossil: file,
    head: report.head,
    commits: counts.commits,
    newCommits: plan.kind === 'up-to-date' ? 0 : plan.oids.length,
    pathsOnlyCommits: counts.pathsOnlyCommits,
    shallowCommits: report.shallow,
    files: counts.files.size,
    pairs: counts.pairs.size,
    durationMs: nowMs() - report.startedAt,
    warnings: report.warnings,
  };
}

function emptyResult(worktree: string, startedAt: number): LearnResult {
  return {
    result: 'no-commits',
    worktree,
    fossil: null,
    head: null,
    commits: 0,
    newCommits: 0,
    pathsOnlyCommits: 0,
    shallowCommits: 0,
    files: 0,
    pairs: 0,
    durationMs: nowMs() - startedAt,
    warnings: [],
  };
}
