import type { BatchAnalysis } from '../batches/types.js';
import type { RiskScope } from '../config/nearest.js';
import type { ConfigSource } from '../config/types.js';
import type { Footprint } from '../footprint/types.js';
import type { ReaderChoice } from '../git/types.js';
import type { Insights } from '../insights/types.js';
import type { RiskReport } from '../risk/types.js';
import type { StrategyValidation } from '../strategy/types.js';

export type StageName = 'footprint' | 'batches' | 'risk' | 'insights' | 'validation' | 'fossil';

/** Everything one pipeline run produced; `analyze --json` and the analysis fossil are built from it. */
export interface PipelineResult {
  command: 'precommit' | 'analyze' | 'strategy';
  reader: ReaderChoice;
  config: ConfigSource;
  footprint: Footprint;
  analysis: BatchAnalysis;
  risk: RiskReport;
  /** The configuration that governs each staged path's risk rules; absent paths follow `config`. */
  riskScopes?: ReadonlyMap<string, RiskScope>;
  insights: Insights;
  validation: StrategyValidation;
  /** Milliseconds per stage. */
  timings: Partial<Record<StageName, number>>;
  /** Path of the fossil written, or null when none was written. */
  fossilPath: string | null;
  /**
   * True when the hook checks git's temporary index of a commit of only some paths (`git commit
   * -- PATH` or `--only`), which the index file `next-index-*.lock` shows.
   */
  partialCommit?: boolean;
  /**
   * True when the hook checks the index that `git commit -a` or `--include` staged into
   * (`index.lock`), which git drops again when the commit fails.
   */
  stagedByCommit?: boolean;
  /**
   * True when `footprint commit` cannot write to this repository (SHA-256 object ids or a
   * reftable), so the summary gives no advice that leads to it.
   */
  commitUnsupported?: boolean;
  /** Reason the fossil could not be written, with the path and the fix. The risk decision stands. */
  fossilWarning?: string;
  /**
   * One line per newer model fossil skipped because it is corrupt or from a newer footprint,
   * naming the file. The run used the model before it, or none.
   */
  modelWarnings?: string[];
}
