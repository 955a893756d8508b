import type { Batch, BatchAnalysis } from '../batches/types.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import type { FileContent, Footprint } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import type { RiskReport, Severity } from '../risk/types.js';
import { applyProposals } from './apply-proposals.js';
import { parseConventionalHeader } from './conventional-header.js';
import { raiseSeverities } from './raise-severity.js';
import type { Insights } from './types.js';

const debug = createDebug('insights');

export interface ApplyInsightsInput {
  footprint: Footprint;
  /** The footprint's staged and HEAD texts, for the import-order checks of a proposal. */
  content: ReadonlyMap<string, FileContent>;
  analysis: BatchAnalysis;
  risk: RiskReport;
  insights: Insights;
  /** Severities that block in the run's mode; a critical finding always blocks. */
  blockOn: readonly Severity[];
  /** The repository's message cleanup settings, for the checks of proposed batches. */
  cleanup: MessageCleanup;
}

export interface AppliedInsights {
  analysis: BatchAnalysis;
  risk: RiskReport;
  /** The insights without `proposals`, with `messages` keyed by the final batch ids. */
  insights: Insights;
}

/** Replaces a batch's message, type and scope with a valid header from the provider. */
function withMessage(batch: Batch, message: string | undefined): Batch {
  if (message === undefined || message === batch.message) return batch;
  const header = parseConventionalHeader(message);
  if (header === null) return batch;
  return { ...batch, message, type: header.type, scope: header.scope };
}

/**
 * Applies a provider's insights to the offline results. Its messages replace the batches'
 * messages. Its merges and splits apply when the strategy they give passes validation, and
 * never while a merge, rebase, cherry-pick or revert is in progress. Its risk notes can only
 * raise a finding's severity, and never far enough to block (see raiseSeverities), so the
 * rules alone decide whether the commit is blocked.
 */
export function applyInsights(input: ApplyInsightsInput): AppliedInsights {
  const { footprint, analysis, insights } = input;
  const { proposals = [], ...rest } = insights;

  let batches = analysis.batches.map((batch) => withMessage(batch, insights.messages[batch.id]));
  if (analysis.splitSuggested && proposals.length > 0) {
    const context = {
      footprint,
      content: input.content,
      analysis,
      risk: input.risk,
      provider: insights.provider,
      cleanup: input.cleanup,
    };
    const reshaped = applyProposals(batches, proposals, context);
    debug(`applied ${reshaped.applied} of ${proposals.length} batch proposals`);
    batches = reshaped.batches;
  }

  const raised = raiseSeverities(input.risk, insights.riskNotes, input.blockOn, insights.provider);
  const messages: Record<string, string> = {};
  for (const batch of batches) messages[batch.id] = batch.message;
  return {
    analysis: { ...analysis, batches },
    risk: raised.risk,
    insights: { ...rest, messages, riskNotes: raised.notes },
  };
}
