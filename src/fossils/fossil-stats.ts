import type { Config } from '../config/types.js';
import type { RepositoryLayout } from '../git/types.js';
import { SEVERITIES, type Severity } from '../risk/types.js';
import { matchesFilter, readFossilNames, type FossilFilter, type FossilStore } from './store.js';
import type { OutcomeFossilPayload } from './outcome-types.js';
import { isFossilOfKind, type AnalysisFossilPayload } from './types.js';
import { readUndoneRunIds } from './undo-records.js';
import { readReplacedOutcomeIds } from './replaced-outcomes.js';
import { readUnlandedRunIds } from './unlanded-runs.js';

/** Summary of the fossil record that `footprint fossils stats` prints (schemas/fossils-stats.schema.json). */
export interface FossilStats {
  /** Times of the oldest and newest fossil counted, or null with none. */
  from: string | null;
  to: string | null;
  types: Array<{ type: string; count: number }>;
  hook: {
    runs: number;
    blocked: number;
    blockedShare: number | null;
    /** Median of each run's stage times added up, in milliseconds. */
    medianMs: number | null;
    blockingRules: Array<{ rule: string; runs: number }>;
  };
  suggestions: {
    outcomes: number;
    followed: number;
    partial: number;
    ignored: number;
    followedShare: number | null;
    commitRuns: number;
  };
  warnings: string[];
}

/**
 * Sums up the fossil record within `filter`'s times: fossils per type (by file name), hook
 * runs and blocks from analysis fossils, and what commits did with the suggestions from outcome
 * and commit-run fossils. A commit run that `footprint undo` undid, or that stopped before its
 * ref moved, does not count. Nor does the outcome of a commit that a standing run replaced
 * (see readReplacedOutcomeIds), or an outcome without a suggested batch. Unreadable fossils are
 * skipped with one warning each.
 */
export async function computeFossilStats(
  store: FossilStore,
  filter: FossilFilter,
  config: Config,
  layout: RepositoryLayout,
): Promise<FossilStats> {
  const listed = (await readFossilNames(store.dir)).filter((name) => matchesFilter(name, filter));
  const readKinds = ['analysis', 'outcome', 'commit-run'];
  const [analyses, outcomes, commitRuns] = await Promise.all(
    readKinds.map((kind) => store.list({ ...filter, kind })),
  );
  const warnings = [analyses, outcomes, commitRuns].flatMap((listing) => listing?.warnings ?? []);

  // Fossils of the kinds read above count only when they could be read, as `fossils list`
  // shows them; other kinds count by their file names.
  const readIds = new Set(
    [analyses, outcomes, commitRuns].flatMap((listing) => listing?.fossils ?? []).map((f) => f.id),
  );
  const names = listed.filter((name) => !readKinds.includes(name.kind) || readIds.has(name.id));

  const runs = (analyses?.fossils ?? [])
    .map((stored) => stored.fossil)
    .filter((fossil) => isFossilOfKind(fossil, 'analysis'))
    .map((fossil) => fossil.payload as unknown as AnalysisFossilPayload)
    .filter((payload) => payload.command === 'precommit');
  const undone = await readUndoneRunIds(store);
  const unlanded = await readUnlandedRunIds(layout, commitRuns?.fossils ?? []);
  const keptRuns = (commitRuns?.fossils ?? []).filter(
    (stored) => !undone.has(stored.id) && !unlanded.has(stored.id),
  );
  const replaced = await readReplacedOutcomeIds(layout, outcomes?.fossils ?? [], keptRuns);
  const results = (outcomes?.fossils ?? []).flatMap((stored) =>
    isFossilOfKind(stored.fossil, 'outcome') &&
    !replaced.has(stored.id) &&
    hasSuggestedBatch(stored.fossil.payload)
      ? [stored.fossil.payload.result]
      : [],
  );

  return {
    from: names.length === 0 ? null : (names[names.length - 1]?.createdAt.toISOString() ?? null),
    to: names[0]?.createdAt.toISOString() ?? null,
    types: countTypes(names.map((name) => name.kind)),
    hook: summarizeHookRuns(runs, config),
    suggestions: summarizeOutcomes(results, keptRuns.length),
    warnings,
  };
}

/**
 * Returns true when the outcome compares a commit that changed paths with suggested batches.
 * Earlier builds also recorded empty commits and analyses without batches, as ignored.
 */
function hasSuggestedBatch(payload: OutcomeFossilPayload): boolean {
  return payload.suggestedBatches > 0 && payload.committedFiles > 0;
}

function countTypes(kinds: readonly string[]): FossilStats['types'] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
}

function summarizeHookRuns(
  runs: readonly AnalysisFossilPayload[],
  config: Config,
): FossilStats['hook'] {
  const blocked = runs.filter((run) => run.outcome === 'blocked');
  const ruleRuns = new Map<string, number>();
  for (const run of blocked) {
    for (const rule of blockingRules(run, config))
      ruleRuns.set(rule, (ruleRuns.get(rule) ?? 0) + 1);
  }
  const stageTotals = runs.map((run) =>
    Object.values(run.timings).reduce((sum: number, milliseconds) => sum + (milliseconds ?? 0), 0),
  );

  return {
    runs: runs.length,
    blocked: blocked.length,
    blockedShare: share(blocked.length, runs.length),
    medianMs: median(stageTotals),
    blockingRules: [...ruleRuns]
      .map(([rule, count]) => ({ rule, runs: count }))
      .sort((a, b) => b.runs - a.runs || (a.rule < b.rule ? -1 : 1)),
  };
}

/**
 * Returns the rules whose findings blocked a run: those at a severity the configuration's
 * `blockOn` lists for the run's mode, or critical. When no finding matches, the rules at the
 * run's highest severity are counted instead. NOTE: the fossil does not record the
 * configuration of its run, so a `blockOn` changed since then is read as it is now.
 */
function blockingRules(run: AnalysisFossilPayload, config: Config): Set<string> {
  const blocking = new Set<Severity>([...config.blockOn[run.mode], 'critical']);
  const findings = run.risk.findings;
  let matched = findings.filter((finding) => blocking.has(finding.severity));
  if (matched.length === 0) {
    const highest = Math.max(...findings.map((finding) => SEVERITIES.indexOf(finding.severity)));
    matched = findings.filter((finding) => SEVERITIES.indexOf(finding.severity) === highest);
  }
  return new Set(matched.map((finding) => finding.rule));
}

function summarizeOutcomes(
  results: readonly string[],
  commitRuns: number,
): FossilStats['suggestions'] {
  const count = (result: string) => results.filter((value) => value === result).length;
  const followed = count('followed');
  return {
    outcomes: results.length,
    followed,
    partial: count('partial'),
    ignored: count('ignored'),
    followedShare: share(followed, results.length),
    commitRuns,
  };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}
