import { loadConfig } from '../config/load.js';
import { discoverRepository } from '../git/discover.js';
import { splitNulFields } from '../git/readers/raw-diff.js';
import { readHead } from '../git/refs.js';
import { runGit } from '../git/run-git.js';
import { readInProgressOperation } from '../git/state.js';
import type { RepositoryLayout } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { compareCommit, recordedPath, type CommittedPath } from './compare-commit.js';
import type { OutcomeFossilPayload, OutcomeResult } from './outcome-types.js';
import { describeRepositoryState } from './repository-state.js';
import { openFossilStore, type FossilStore } from './store.js';
import { isFossilOfKind, type AnalysisFossilPayload, type StoredFossil } from './types.js';
import { operationPhrase } from '../git/operation-phrase.js';

const debug = createDebug('fossils');

/** Newest analysis fossils searched for the one a commit followed; older ones are stale. */
const ANALYSES_SEARCHED = 50;
const ZERO_OID = /^0+$/;

export interface RecordOutcomeOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface RecordOutcomeResult {
  /** Absolute path of the outcome fossil, or null when none was written. */
  fossil: string | null;
  result: OutcomeResult | null;
  /** Reason no fossil was written, for debug output. */
  reason: string;
}

interface CommitFacts {
  oid: string;
  tree: string;
  parents: string[];
}

/**
 * Compares the commit HEAD points at with the split an analysis suggested for it, and writes
 * an outcome fossil (the post-commit hook runs this). The analysis is the newest one made on
 * the same parent commit whose staged paths include the commit's, preferring one that
 * suggested a split. Merges, commits made during a rebase, cherry-pick or revert, and empty
 * commits get no fossil. Nor do commits without such an analysis (`--no-verify`, FOOTPRINT=0,
 * `--amend`) or whose analysis suggested no batch.
 */
export async function recordOutcome(options: RecordOutcomeOptions): Promise<RecordOutcomeResult> {
  if (options.env['FOOTPRINT'] === '0') return skip('FOOTPRINT=0 skips footprint');
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const worktree = layout.worktree;
  if (worktree === null) return skip('a bare repository has no fossil store');
  const operation = await readInProgressOperation(layout);
  if (operation !== null && operation !== 'bisect')
    return skip(`${operationPhrase(operation)} is in progress`);

  const head = await readHead(layout);
  if (head.oid === null) return skip('HEAD has no commit');
  const commit = await readCommit(layout, head.oid);
  if (commit.parents.length > 1) return skip('HEAD is a merge commit');

  // Quiet about ignored configuration files: the pre-commit hook of this commit named them.
  const config = await loadConfig(worktree, { env: options.env, warnIgnored: false });
  const store = openFossilStore(worktree, config.config, options.now ? { now: options.now } : {});
  const committed = await readCommittedPaths(layout, commit.oid);
  if (committed.length === 0) return skip('the commit changes no path');
  const parent = commit.parents[0] ?? null;
  const reference = await findReference(store, parent, committed);
  if (reference === null) return skip(`no analysis was made on ${parent ?? 'an unborn branch'}`);
  if (reference.payload.batches.length === 0)
    return skip(`analysis ${reference.id} suggested no batch`);

  const payload = describeOutcome(commit, committed, reference);
  const repository = describeRepositoryState(head, commit.tree);
  const file = await store.write('outcome', { repository, payload });
  return { fossil: file, result: payload.result, reason: 'written' };
}

function skip(reason: string): RecordOutcomeResult {
  debug(`no outcome fossil: ${reason}`);
  return { fossil: null, result: null, reason };
}

function describeOutcome(
  commit: CommitFacts,
  committed: readonly CommittedPath[],
  reference: Reference,
): OutcomeFossilPayload {
  const comparison = compareCommit(committed, reference.payload);
  return {
    commit: commit.oid,
    parent: commit.parents[0] ?? null,
    analysis: reference.id,
    exact: reference.stagedTree === commit.tree,
    result: comparison.result,
    suggestedBatches: reference.payload.batches.length,
    matchedBatch: comparison.matchedBatch,
    batchesTouched: comparison.batchesTouched,
    committedFiles: comparison.committedFiles,
    unsuggestedFiles: comparison.unsuggestedFiles,
  };
}

/** The analysis an outcome compares with. */
interface Reference {
  id: string;
  payload: AnalysisFossilPayload;
  stagedTree: string | null;
}

/**
 * Picks the analysis to compare with among the newest ones made on `parent`: the newest that
 * saw every committed path staged and suggested a split, else the newest that saw every
 * committed path, else the newest. An analysis made during a merge, rebase, cherry-pick,
 * revert or `git am` was for that operation's commit, such as a merge that was aborted, so it
 * is never picked. Only analyses made on `parent` are read in full, one at a time, so the
 * time and memory follow those analyses and not the whole store.
 * NOTE: when none of them suggested a split, each of them is read, up to ANALYSES_SEARCHED.
 */
async function findReference(
  store: FossilStore,
  parent: string | null,
  committed: readonly CommittedPath[],
): Promise<Reference | null> {
  const listing = await store.listEnvelopes({ kind: 'analysis', limit: ANALYSES_SEARCHED });
  for (const warning of listing.warnings) debug(warning);

  let newest: Reference | null = null;
  let newestCovering: Reference | null = null;
  for (const envelope of listing.envelopes) {
    if (envelope.repository.head !== parent) continue;
    const candidate = await readCandidate(store, envelope.id, parent);
    if (candidate === null) continue;

    newest ??= referenceTo(candidate);
    if (!coversAll(candidate, committed)) continue;
    const payload = analysisPayload(candidate);
    if (payload.splitSuggested && payload.batches.length > 1) return referenceTo(candidate);
    newestCovering ??= referenceTo(candidate);
  }
  return newestCovering ?? newest;
}

/** Reads an analysis in full. Returns null unless it is one made on `parent` outside an operation. */
async function readCandidate(
  store: FossilStore,
  id: string,
  parent: string | null,
): Promise<StoredFossil | null> {
  const lookup = await store.read(id);
  for (const warning of lookup.warnings) debug(warning);
  const stored = lookup.fossil;
  if (stored === null || stored.fossil.repository.head !== parent) return null;
  if (!isFossilOfKind(stored.fossil, 'analysis') || analyzedDuringOperation(stored)) return null;
  return stored;
}

function referenceTo(stored: StoredFossil): Reference {
  return {
    id: stored.id,
    payload: analysisPayload(stored),
    stagedTree: stored.fossil.repository.stagedTree,
  };
}

function analyzedDuringOperation(stored: StoredFossil): boolean {
  const operation = analysisPayload(stored).footprint.operation;
  return operation !== null && operation !== 'bisect';
}

function analysisPayload(stored: StoredFossil): AnalysisFossilPayload {
  return stored.fossil.payload as unknown as AnalysisFossilPayload;
}

function coversAll(stored: StoredFossil, committed: readonly CommittedPath[]): boolean {
  const staged = new Set<string>();
  for (const file of analysisPayload(stored).footprint.files) {
    staged.add(file.path);
    if (file.oldPath !== undefined) staged.add(file.oldPath);
  }
  return committed.every((entry) => staged.has(recordedPath(entry.path, staged)));
}

/** Reads a commit's tree and parents from its object. */
async function readCommit(layout: RepositoryLayout, oid: string): Promise<CommitFacts> {
  const text = (await runGit(layout, ['cat-file', 'commit', oid])).toString('utf8');
  const headers = text.slice(0, text.indexOf('\n\n'));
  const tree = /^tree ([0-9a-f]+)$/m.exec(headers)?.[1] ?? '';
  const parents = [...headers.matchAll(/^parent ([0-9a-f]+)$/gm)].map(
    (match) => match[1] as string,
  );
  return { oid, tree, parents };
}

/**
 * Lists the paths HEAD's commit changed against its parent (every path of a first commit),
 * with their blobs after it. Renames show as a deletion and an addition, so both paths appear.
 * Paths are decoded as the analysis decodes them, so a byte that is not valid UTF-8 stays an
 * escaped byte and the path equals the one in the analysis fossil.
 */
async function readCommittedPaths(layout: RepositoryLayout, oid: string): Promise<CommittedPath[]> {
  const args = ['diff-tree', '-r', '--root', '--no-renames', '--no-commit-id', '--raw', '-z', oid];
  const fields = splitNulFields(await runGit(layout, args));
  const committed: CommittedPath[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const meta = (fields[index] ?? '').split(' ');
    const newOid = meta[3] ?? '';
    committed.push({ path: fields[index + 1] ?? '', oid: ZERO_OID.test(newOid) ? null : newOid });
  }
  return committed.filter((entry) => entry.path !== '');
}
