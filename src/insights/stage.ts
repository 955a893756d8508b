import type { BatchAnalysis } from '../batches/types.js';
import type { Config } from '../config/types.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import type { FootprintWithContent } from '../footprint/types.js';
import type { RequestSecrets } from '../risk/request-secrets.js';
import type { RiskReport } from '../risk/types.js';
import { applyInsights, type AppliedInsights } from './apply.js';
import { openInsightCache } from './fossil-cache.js';
import { runInsights } from './run.js';
import { selectInsightProvider } from './select.js';

export interface InsightStageInput {
  worktree: string;
  config: Config;
  env: NodeJS.ProcessEnv;
  /** `--no-llm`. */
  noLlm: boolean;
  /** Stores new replies in the fossil store; false for a run that writes nothing. */
  storeReplies: boolean;
  input: FootprintWithContent;
  analysis: BatchAnalysis;
  risk: RiskReport;
  /** Returns what the request must not send, collected by the risk stage on first call. */
  requestSecrets: () => RequestSecrets;
  /** The repository's message cleanup settings, for the checks of proposed batches. */
  cleanup: MessageCleanup;
}

/**
 * Runs the insights stage: chooses the provider, runs it within `llm.timeoutMs` (falling back
 * to the heuristic on any failure) and applies what it returned. Replies are cached in the
 * worktree's fossil store. The batches and findings it returns replace the offline ones, and
 * `blocked` stays what the rules decided.
 */
export async function runInsightStage(stage: InsightStageInput): Promise<AppliedInsights> {
  const { config, input, analysis, risk, requestSecrets } = stage;
  const stored = openInsightCache(stage.worktree, config);
  const cache = stage.storeReplies ? stored : { lookup: stored.lookup, store: async () => {} };
  const provider = selectInsightProvider(config, stage.env, { noLlm: stage.noLlm, cache });
  const request = { input, analysis, risk, requestSecrets };
  const insights = await runInsights(provider, request, config.llm.timeoutMs);

  const blockOn = config.blockOn[config.mode];
  return applyInsights({
    footprint: input.footprint,
    content: input.content,
    analysis,
    risk,
    insights,
    blockOn,
    cleanup: stage.cleanup,
  });
}
