import { nowMs } from '../log/clock.js';
import type { InsightProvider, InsightRequest, Insights } from './types.js';
import { summarizeChange } from './summary.js';

export const HEURISTIC_PROVIDER = 'heuristic';

/**
 * Returns the offline insight provider: it summarizes the change from the analysis, keeps the
 * batch messages as they are and adds no risk notes. It reads nothing but the request and
 * returns the same insights for the same request, apart from `durationMs`.
 * `fallbackReason`, when given, is copied into every result, for a run that wanted another
 * provider.
 */
export function createHeuristicProvider(
  options: { fallbackReason?: string } = {},
): InsightProvider {
  return {
    name: HEURISTIC_PROVIDER,
    generate(request: InsightRequest): Promise<Insights> {
      const started = nowMs();
      const { input, analysis, risk } = request;
      const messages: Record<string, string> = {};
      for (const batch of analysis.batches) messages[batch.id] = batch.message;

      const insights: Insights = {
        provider: HEURISTIC_PROVIDER,
        model: null,
        durationMs: 0,
        cached: false,
        summary: summarizeChange(input.footprint, analysis, risk),
        messages,
        riskNotes: [],
      };
      if (options.fallbackReason !== undefined) insights.fallbackReason = options.fallbackReason;
      insights.durationMs = Math.round((nowMs() - started) * 1000) / 1000;
      return Promise.resolve(insights);
    },
  };
}
