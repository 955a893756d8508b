/**
 * Untangling benchmark. It builds composite changes from runs of consecutive commits by one
 * author in a repository's first-parent history. It runs footprint's batch analysis on each
 * composite's base and final trees and scores the batches against the true commits, next to
 * four baselines.
 *
 *   node --import tsx bench/untangle/run.ts --repo /tmp/vite --sizes 2,3,5 --count 30 [--json]
 */
import { TreeRepository } from '../../src/footprint/from-trees.js';
import { findComposites, overlapsTaken, shuffleComposites, type Composite } from './composites.js';
import {
  evaluateComposite,
  type CompositeResult,
  type EvaluationSettings,
  type SkipReason,
} from './evaluate.js';
import { readFirstParentHistory, type HistoryCommit } from './history.js';
import { LearnedModels } from './learned-model.js';
import { currentLoad, describeContext, formatContext } from './machine.js';
import { parseOptions, USAGE, type UntangleOptions } from './options.js';
import { formatGroup } from './report.js';
import { ANALYSIS_METHOD, summarizeGroup, type GroupSummary } from './summary.js';

interface SizeRun {
  size: number;
  /** Composites of this size in the history, before any was skipped. */
  available: number;
  results: CompositeResult[];
  skipped: Partial<Record<SkipReason, number>>;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: UntangleOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    progress(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const context = describeContext(options.repo, options.ref);
  const history = readFirstParentHistory(options.repo, options.ref);
  progress(`${history.length} first-parent commits in ${options.repo}`);
  const repository = await TreeRepository.open({ cwd: options.repo, env: cleanEnv() });
  const models = options.learn ? await LearnedModels.open(options.repo, cleanEnv()) : null;
  const runs: SizeRun[] = [];
  try {
    for (const size of options.sizes) {
      runs.push(await runSize(repository, history, size, options, models));
    }
  } finally {
    repository.close();
  }

  const groups = runs.map((run) =>
    summarizeGroup(`size ${run.size} (of ${run.available} in history)`, run.results, run.skipped),
  );
  const all = runs.flatMap((run) => run.results);
  groups.push(summarizeGroup('all sizes', all, mergeSkipped(runs)));

  const loadAtEnd = currentLoad();
  if (options.json) {
    const document = {
      command: commandLine(argv),
      context: { ...context, loadAverageAtEnd: loadAtEnd },
      options,
      groups,
      composites: all,
    };
    console.log(JSON.stringify(document, null, 2));
  } else {
    const tables = groups.map(formatGroup).join('\n\n');
    console.log(`${commandLine(argv)}\n${formatContext(context, loadAtEnd)}\n\n${tables}`);
  }
  return 0;
}

/** Scores up to `options.count` composites of one size that share no commit. */
async function runSize(
  repository: TreeRepository,
  history: readonly HistoryCommit[],
  size: number,
  options: UntangleOptions,
  models: LearnedModels | null,
): Promise<SizeRun> {
  const candidates = shuffleComposites(findComposites(history, size), options.seed * 1000 + size);
  const run: SizeRun = { size, available: candidates.length, results: [], skipped: {} };
  const settings: EvaluationSettings = {
    mode: options.mode,
    maxHunks: options.maxHunks,
    maxDiffBytes: options.maxDiffBytes,
  };
  if (models) settings.modelAt = (base) => models.modelAt(base);
  const taken = new Set<string>();

  // One untimed run first, so that the times do not include opening packs and compiling code.
  if (candidates[0]) await evaluateComposite(repository, candidates[0], settings);

  for (const composite of candidates) {
    if (run.results.length >= options.count) break;
    if (overlapsTaken(composite, taken)) continue;

    const evaluation = isSurelyTooLarge(composite, options.maxHunks)
      ? ({ skipped: 'too-many-hunks' } as const)
      : await evaluateComposite(repository, composite, settings);
    if ('skipped' in evaluation) {
      run.skipped[evaluation.skipped] = (run.skipped[evaluation.skipped] ?? 0) + 1;
      continue;
    }

    for (const commit of composite.commits) taken.add(commit.oid);
    run.results.push(evaluation.result);
    if (options.details) progress(describeResult(evaluation.result));
  }
  progress(`size ${size}: scored ${run.results.length} of ${candidates.length} composites`);
  return run;
}

/**
 * Returns true when the commits changed more paths than the hunk limit. Each changed text file
 * has at least one hunk, so such a composite almost always exceeds the limit, and skipping it
 * unread saves building a footprint of hundreds of files.
 */
function isSurelyTooLarge(composite: Composite, maxHunks: number): boolean {
  const paths = new Set(composite.commits.flatMap((commit) => commit.paths));
  return paths.size > maxHunks;
}

function describeResult(result: CompositeResult): string {
  const range = `${result.base.slice(0, 8)}..${result.commits.at(-1)?.slice(0, 8)}`;
  const lines = result.analysis.lines;
  const perFile = result.baselines['per file'].lines;
  return [
    `size ${result.size} ${range}`,
    `files ${result.files} hunks ${result.hunks} lines ${result.lines}`,
    `shared ${((result.sharedLines / result.lines) * 100).toFixed(0)}%`,
    `batches ${result.batches}`,
    `${ANALYSIS_METHOD} acc ${lines.matchedAccuracy.toFixed(2)} ARI ${lines.adjustedRand.toFixed(2)}`,
    `per file acc ${perFile.matchedAccuracy.toFixed(2)}`,
    `${result.milliseconds.toFixed(1)} ms`,
  ].join('  ');
}

function mergeSkipped(runs: readonly SizeRun[]): GroupSummary['skipped'] {
  const merged: GroupSummary['skipped'] = {};
  for (const run of runs) {
    for (const [reason, count] of Object.entries(run.skipped) as [SkipReason, number][]) {
      merged[reason] = (merged[reason] ?? 0) + count;
    }
  }
  return merged;
}

/** Returns the environment without user-wide git configuration, so every machine reads the same settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(GIT_|FOOTPRINT)/.test(key)) env[key] = value;
  }
  return env;
}

function commandLine(argv: readonly string[]): string {
  return ['node --import tsx bench/untangle/run.ts', ...argv].join(' ');
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
