import type { Batch, Mode } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { ReaderChoice } from '../git/types.js';
import type { InsightCachePayload } from '../insights/cache.js';
import type { PipelineResult, StageName } from '../pipeline/types.js';
import type { Finding } from '../risk/types.js';
import type { Strategy, StrategyValidation } from '../strategy/types.js';
import type { ModelPayload } from '../learn/model-payload.js';
import type { OutcomeFossilPayload } from './outcome-types.js';

/** Version of the fossil format this footprint writes and reads up to. */
export const FOSSIL_SCHEMA_VERSION = 1;

/**
 * Kind of record in a fossil: `analysis` on every hook run, `strategy`, `commit-run`, `undo`,
 * `outcome`, `model` and `insight-cache`.
 */
export type FossilKind =
  'analysis' | 'strategy' | 'commit-run' | 'undo' | 'outcome' | 'model' | 'insight-cache';

/** The program that wrote a fossil. */
export interface FossilTool {
  name: string;
  version: string;
}

/** The repository state a fossil was written for. */
export interface FossilRepository {
  head: string | null;
  /** Short branch name such as `main`, or null when HEAD is detached. */
  branch: string | null;
  stagedTree: string | null;
}

/** The envelope every fossil shares, around a kind's payload. */
export interface Fossil<K extends string = string, P = Record<string, unknown>> {
  schemaVersion: typeof FOSSIL_SCHEMA_VERSION;
  kind: K;
  /** The file name without `.json`. */
  id: string;
  /** When the fossil was written, in ISO 8601 UTC. */
  createdAt: string;
  tool: FossilTool;
  repository: FossilRepository;
  payload: P;
}

/** End of a hook run: the commit passed, was blocked, or footprint failed. */
export type AnalysisOutcome = 'passed' | 'blocked' | 'error';

/** Metadata of the insight provider that ran. The insights' text stays out of fossils. */
export interface InsightsMetadata {
  provider: string;
  model: string | null;
  durationMs: number;
  cached: boolean;
  fallbackReason?: string;
}

/** The record of one pipeline run, without file content or secret values. */
export interface AnalysisFossilPayload {
  command: PipelineResult['command'];
  outcome: AnalysisOutcome;
  mode: Mode;
  reader: ReaderChoice;
  /** Name of the configuration file read at the worktree root, or null for defaults. */
  configFile: string | null;
  footprint: Footprint;
  splitSuggested: boolean;
  batches: Batch[];
  /** Findings carry masked values only. */
  risk: { score: number; blocked: boolean; findings: Finding[] };
  insights: InsightsMetadata;
  validation: StrategyValidation;
  timings: Partial<Record<StageName, number>>;
}

/** The record of one `footprint commit` run that moved a ref, for `footprint undo`. */
export interface CommitRunFossilPayload {
  /** The ref that moved: a branch such as `refs/heads/main`, or `HEAD` when detached. */
  ref: string;
  /** The ref's value before the run, or null when the branch was unborn. */
  startHead: string | null;
  /** The ref's value after the run: the last commit. */
  finalHead: string;
  /** The staged tree, which the last commit's tree equals. */
  stagedTree: string;
  strategy: {
    source: 'planned' | 'file';
    /** Absolute path of the strategy file, or null when planned. */
    file: string | null;
    createdAt: string;
    mode: Mode;
  };
  /** The commits made, oldest first; messages as stored, after the commit-msg hook. */
  commits: Array<{ oid: string; tree: string; batch: string; message: string }>;
  /** Signature format of the commits, or null when unsigned. */
  signing: 'openpgp' | 'x509' | 'ssh' | null;
  /** Whether the commit-msg hook ran, was skipped by --no-verify, or does not exist. */
  commitMsgHook: 'ran' | 'skipped' | 'absent';
}

/** The record of one `footprint undo`: the commit run it undid and how the ref moved back. */
export interface UndoFossilPayload {
  /** Id of the commit-run fossil that was undone. */
  run: string;
  /** The ref moved back, as the commit-run fossil records it. */
  ref: string;
  /** The run's last commit, where the ref was. */
  from: string;
  /** The ref's new value: the run's start, or null when the branch is unborn again. */
  to: string | null;
  /** Commits of the run that are no longer on the ref. */
  commits: number;
}

/**
 * Payload type per fossil kind that has a schema. A new kind adds its entry here and its
 * schema as `schemas/fossil-<kind>.schema.json`, registered in the fossil validators.
 */
export interface FossilPayloads {
  analysis: AnalysisFossilPayload;
  strategy: Strategy;
  'commit-run': CommitRunFossilPayload;
  undo: UndoFossilPayload;
  model: ModelPayload;
  outcome: OutcomeFossilPayload;
  'insight-cache': InsightCachePayload;
}

export type WritableFossilKind = keyof FossilPayloads & FossilKind;

/** Fossil content from a writer. The store adds the rest of the envelope. */
export interface FossilDraft<K extends WritableFossilKind> {
  repository: FossilRepository;
  payload: FossilPayloads[K];
}

/** A fossil read back from the store. */
export interface StoredFossil {
  id: string;
  /** Absolute path of the fossil file. */
  file: string;
  fossil: Fossil;
}

/** Returns true when `fossil` is of `kind`, narrowing its payload type. */
export function isFossilOfKind<K extends WritableFossilKind>(
  fossil: Fossil,
  kind: K,
): fossil is Fossil & Fossil<K, FossilPayloads[K]> {
  return fossil.kind === kind;
}
