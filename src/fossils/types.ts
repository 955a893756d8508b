import type { Batch, Mode } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { ReaderChoice } from '../git/types.js';
import type { PipelineResult, StageName } from '../pipeline/types.js';
import type { Finding } from '../risk/types.js';
import type { Strategy, StrategyValidation } from '../strategy/types.js';

/** Version of the fossil format this footprint writes and reads up to. */
export const FOSSIL_SCHEMA_VERSION = 1;

/**
 * Kind of record in a fossil: `analysis` on every hook run, `strategy`, `commit-run`,
 * `outcome`, `model` and `insight-cache`.
 */
export type FossilKind =
  'analysis' | 'strategy' | 'commit-run' | 'outcome' | 'model' | 'insight-cache';

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

/**
 * Payload type per fossil kind that has a schema. A new kind adds its entry here and its
 * schema as `schemas/fossil-<kind>.schema.json`, registered in the fossil validators.
 */
export interface FossilPayloads {
  analysis: AnalysisFossilPayload;
  strategy: Strategy;
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
