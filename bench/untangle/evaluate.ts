import { analyzeBatches } from '../../src/batches/analyze.js';
import type { CoChangeModel } from '../../src/batches/co-change.js';
import type { Mode } from '../../src/batches/types.js';
import type { TreeRepository } from '../../src/footprint/from-trees.js';
import type { Footprint } from '../../src/footprint/types.js';
import { parseCommit } from '../../src/git/objects/tree.js';
import { MissingObjectError } from '../../src/git/objects/types.js';
import type { Composite } from './composites.js';
import { attributeChanges, type GroundTruth } from './ground-truth.js';
import { traceLineHistory } from './line-history.js';
import {
  BASELINE_NAMES,
  CEILING_NAMES,
  createBaseline,
  createCeiling,
  partitionerFromBatches,
  type BaselineName,
  type CeilingName,
} from './predictions.js';
import { scoreSplit, type SplitScores } from './scoring.js';

/** Reason a selected composite was not scored. */
export type SkipReason =
  | 'too-many-hunks'
  | 'no-changed-lines'
  | 'absorbed-commit'
  /** A blob is absent from the clone, as in a partial clone made with `--filter`. */
  | 'missing-object';

export interface EvaluationSettings {
  mode: Mode;
  maxHunks: number;
  maxDiffBytes: number;
  /** Returns the learned model the analysis gets for a composite's base; none without it. */
  modelAt?: (base: string) => Promise<CoChangeModel>;
}

/** The scores of one composite, for the analysis and for each baseline. */
export interface CompositeResult {
  size: number;
  /** Commit ids, oldest first. */
  commits: string[];
  base: string;
  files: number;
  hunks: number;
  lines: number;
  /** Changed lines of lockfiles and generated files, scored at the file level only. */
  machineWrittenLines: number;
  /** Lines several commits touched, or whose commit had to be inferred. */
  sharedLines: number;
  unresolvedLines: number;
  /** Files whose changed lines belong to more than one commit. */
  multiCommitFiles: number;
  batches: number;
  /** Milliseconds for the footprint from the two trees plus the batch analysis. */
  milliseconds: number;
  /**
   * CPU time (user plus system) of this process over the same steps, which a busy machine
   * inflates less than wall time. Object reads are synchronous, so little of it is waiting.
   */
  cpuMilliseconds: number;
  /** The part of `milliseconds` the batch analysis took. */
  analysisMilliseconds: number;
  analysis: SplitScores;
  baselines: Record<BaselineName, SplitScores>;
  /** The best whole-file and whole-hunk splits, computed from the true commits. */
  ceilings: Record<CeilingName, SplitScores>;
}

export type Evaluation = { result: CompositeResult } | { skipped: SkipReason };

/**
 * Runs the analysis on a composite's base and final trees, as a pre-commit hook would see the
 * change staged, then scores its batches against the commits. The analysis gets only the two
 * trees and the base commit's id, and with `settings.modelAt` a model learned from the base and
 * its ancestors: no commit message of the composite and nothing after the base.
 */
export async function evaluateComposite(
  repository: TreeRepository,
  composite: Composite,
  settings: EvaluationSettings,
): Promise<Evaluation> {
  try {
    return await evaluateReadable(repository, composite, settings);
  } catch (error) {
    if (isMissingObject(error)) return { skipped: 'missing-object' };
    throw error;
  }
}

/**
 * True for an object the clone lacks: the store's own error, or the error that names the path
 * for the user (src/git/missing-object.ts) with it as the cause.
 */
function isMissingObject(error: unknown): boolean {
  if (error instanceof MissingObjectError) return true;
  return error instanceof Error && error.cause instanceof MissingObjectError;
}

async function evaluateReadable(
  repository: TreeRepository,
  composite: Composite,
  settings: EvaluationSettings,
): Promise<Evaluation> {
  const trees = await readTrees(repository, composite);
  // The model is learned before the change is staged, so its time is not the analysis'.
  const model = settings.modelAt ? await settings.modelAt(composite.base) : undefined;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const input = await repository.buildFootprint({
    baseTree: trees[0] as string,
    targetTree: trees[trees.length - 1] as string,
    maxDiffBytes: settings.maxDiffBytes,
    head: { oid: composite.base, ref: null, detached: true },
  });
  const analysisStarted = performance.now();
  const analysis = analyzeBatches(
    input,
    model ? { mode: settings.mode, model } : { mode: settings.mode },
  );
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuStarted);

  const { footprint } = input;
  if (footprint.totals.hunks > settings.maxHunks) return { skipped: 'too-many-hunks' };

  const size = composite.commits.length;
  const history = await traceLineHistory({
    objects: repository.objects,
    renames: repository.renames,
    trees,
    maxDiffBytes: settings.maxDiffBytes,
  });
  const truth = attributeChanges(footprint, history, size);
  if (truth.lines.length === 0) return { skipped: 'no-changed-lines' };
  if (countRepresentedCommits(truth) < size) return { skipped: 'absorbed-commit' };

  const baselines = Object.fromEntries(
    BASELINE_NAMES.map((name) => [name, scoreSplit(truth, createBaseline(name, footprint))]),
  ) as Record<BaselineName, SplitScores>;
  const ceilings = Object.fromEntries(
    CEILING_NAMES.map((name) => [name, scoreSplit(truth, createCeiling(name, truth))]),
  ) as Record<CeilingName, SplitScores>;
  return {
    result: {
      size,
      commits: composite.commits.map((commit) => commit.oid),
      base: composite.base,
      ...describeChange(footprint, truth),
      batches: analysis.batches.length,
      milliseconds: finished - started,
      cpuMilliseconds: (cpu.user + cpu.system) / 1000,
      analysisMilliseconds: finished - analysisStarted,
      analysis: scoreSplit(truth, partitionerFromBatches(footprint, analysis)),
      baselines,
      ceilings,
    },
  };
}

/** Returns the tree of the base, then of each commit, oldest first. */
async function readTrees(repository: TreeRepository, composite: Composite): Promise<string[]> {
  const oids = [composite.base, ...composite.commits.map((commit) => commit.oid)];
  const trees: string[] = [];
  for (const oid of oids) {
    const object = await repository.objects.read(oid);
    if (object.type !== 'commit')
      throw new Error(`Object ${oid} is a ${object.type}, not a commit.`);
    trees.push(parseCommit(object.content).tree);
  }
  return trees;
}

/**
 * Counts the commits that still own a changed line, or a changed file without lines, in the
 * composite's change. A commit whose work a later one replaced or reverted owns none.
 */
function countRepresentedCommits(truth: GroundTruth): number {
  const commits = new Set(truth.linesByFile.flat().map((line) => line.commit));
  truth.files.forEach((file, index) => {
    if ((truth.linesByFile[index] ?? []).length === 0) commits.add(file.commit);
  });
  return commits.size;
}

function describeChange(
  footprint: Footprint,
  truth: GroundTruth,
): Pick<
  CompositeResult,
  | 'files'
  | 'hunks'
  | 'lines'
  | 'machineWrittenLines'
  | 'sharedLines'
  | 'unresolvedLines'
  | 'multiCommitFiles'
> {
  return {
    files: footprint.files.length,
    hunks: footprint.totals.hunks,
    lines: truth.lines.length,
    machineWrittenLines: truth.machineWrittenLines,
    sharedLines: truth.lines.filter((line) => line.shared).length,
    unresolvedLines: truth.lines.filter((line) => line.unresolved).length,
    multiCommitFiles: truth.files.filter((file) => file.multiCommit).length,
  };
}
