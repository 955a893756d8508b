import type { CompositeResult, SkipReason } from './evaluate.js';
import type { PartitionScore } from './metrics.js';
import { BASELINE_NAMES, CEILING_NAMES } from './predictions.js';
import type { SplitScores } from './scoring.js';

/** Averages of one method's scores at one level (lines, exclusive lines or files). */
export interface LevelSummary {
  /** Composites scored at this level. */
  composites: number;
  medianAccuracy: number;
  meanAccuracy: number;
  meanAdjustedRand: number;
  /** Share of composites split exactly as their commits were. */
  exactRate: number;
  /** Mean |predicted batches - true commits|. */
  meanCountError: number;
}

export interface MethodSummary {
  method: string;
  lines: LevelSummary;
  exclusiveLines: LevelSummary;
  files: LevelSummary;
}

/** The summary of one group of composites (one size, or all of them). */
export interface GroupSummary {
  label: string;
  composites: number;
  skipped: Partial<Record<SkipReason, number>>;
  meanHunks: number;
  /** Shares of all changed lines: shared (several commits) and unresolved (inferred). */
  sharedLineShare: number;
  unresolvedLineShare: number;
  /** Changed lines of lockfiles and generated files, left out of the line-level metrics. */
  machineWrittenLines: number;
  /** Share of changed files whose lines belong to several commits. */
  multiCommitFileShare: number;
  milliseconds: { mean: number; p95: number; max: number };
  /** CPU time per composite of the same steps. */
  cpuMilliseconds: { mean: number; p95: number };
  /** Milliseconds of the batch analysis alone, without building the footprint. */
  analysisMilliseconds: { mean: number; p95: number };
  /** The analysis first, then each baseline, then the ceilings that read the true commits. */
  methods: MethodSummary[];
}

/** Label of the analysis under test in summaries and tables. */
export const ANALYSIS_METHOD = 'footprint';

export function summarizeGroup(
  label: string,
  results: readonly CompositeResult[],
  skipped: Partial<Record<SkipReason, number>>,
): GroupSummary {
  const totalLines = sum(results.map((result) => result.lines));
  const totalFiles = sum(results.map((result) => result.files));
  const times = results.map((result) => result.milliseconds);
  const analysisTimes = results.map((result) => result.analysisMilliseconds);
  const cpuTimes = results.map((result) => result.cpuMilliseconds);
  const methods = [
    summarizeMethod(
      ANALYSIS_METHOD,
      results.map((result) => result.analysis),
    ),
    ...BASELINE_NAMES.map((name) =>
      summarizeMethod(
        name,
        results.map((result) => result.baselines[name]),
      ),
    ),
    ...CEILING_NAMES.map((name) =>
      summarizeMethod(
        `(${name})`,
        results.map((result) => result.ceilings[name]),
      ),
    ),
  ];
  return {
    label,
    composites: results.length,
    skipped,
    meanHunks: mean(results.map((result) => result.hunks)),
    sharedLineShare: share(sum(results.map((result) => result.sharedLines)), totalLines),
    unresolvedLineShare: share(sum(results.map((result) => result.unresolvedLines)), totalLines),
    machineWrittenLines: sum(results.map((result) => result.machineWrittenLines)),
    multiCommitFileShare: share(sum(results.map((result) => result.multiCommitFiles)), totalFiles),
    milliseconds: { mean: mean(times), p95: percentile(times, 0.95), max: Math.max(0, ...times) },
    cpuMilliseconds: {
      mean: mean(cpuTimes),
      p95: percentile(cpuTimes, 0.95),
    },
    analysisMilliseconds: {
      mean: mean(analysisTimes),
      p95: percentile(analysisTimes, 0.95),
    },
    methods,
  };
}

function summarizeMethod(method: string, scores: readonly SplitScores[]): MethodSummary {
  return {
    method,
    lines: summarizeLevel(scores.map((score) => score.lines)),
    exclusiveLines: summarizeLevel(
      scores.map((score) => score.exclusiveLines).filter((score) => score !== null),
    ),
    files: summarizeLevel(scores.map((score) => score.files)),
  };
}

export function summarizeLevel(scores: readonly PartitionScore[]): LevelSummary {
  const accuracies = scores.map((score) => score.matchedAccuracy);
  return {
    composites: scores.length,
    medianAccuracy: median(accuracies),
    meanAccuracy: mean(accuracies),
    meanAdjustedRand: mean(scores.map((score) => score.adjustedRand)),
    exactRate: mean(scores.map((score) => (score.exact ? 1 : 0))),
    meanCountError: mean(scores.map((score) => score.clusterCountError)),
  };
}

/** Returns the median; the mean of the middle two for an even count, NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Returns the arithmetic mean, NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return sum(values) / values.length;
}

/** Returns the nearest-rank percentile (`fraction` in (0, 1]), NaN for no values. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function share(part: number, total: number): number {
  return total === 0 ? 0 : part / total;
}
