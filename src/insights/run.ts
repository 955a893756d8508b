import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import { createHeuristicProvider, HEURISTIC_PROVIDER } from './heuristic.js';
import type { InsightProvider, InsightRequest, Insights } from './types.js';

const debug = createDebug('insights');

/** Maximum length of the error text in a fallback reason, which is one line for the user. */
const MAX_REASON_LENGTH = 200;

/** An insight request before runInsights adds the signal that enforces its time budget. */
export type InsightRunRequest = Omit<InsightRequest, 'signal'> & { signal?: AbortSignal };

class InsightTimeoutError extends Error {
  override readonly name = 'InsightTimeoutError';
}

function describeFailure(provider: InsightProvider, error: unknown, timeoutMs: number): string {
  if (error instanceof InsightTimeoutError) {
    return `${provider.name} timed out after ${timeoutMs} ms; used the offline heuristic`;
  }
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '').slice(0, MAX_REASON_LENGTH);
  return `${provider.name} failed (${line}); used the offline heuristic`;
}

/** Returns true when a provider's result has the fields the pipeline reads, of the right types. */
function isInsights(value: unknown): value is Insights {
  if (typeof value !== 'object' || value === null) return false;
  const insights = value as Partial<Insights>;
  return (
    typeof insights.provider === 'string' &&
    typeof insights.summary === 'string' &&
    typeof insights.messages === 'object' &&
    insights.messages !== null &&
    Array.isArray(insights.riskNotes)
  );
}

async function generateWithin(
  provider: InsightProvider,
  request: InsightRunRequest,
  timeoutMs: number,
): Promise<Insights> {
  const controller = new AbortController();
  const signal = request.signal
    ? AbortSignal.any([request.signal, controller.signal])
    : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new InsightTimeoutError(`timed out after ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });

  try {
    const result = await Promise.race([provider.generate({ ...request, signal }), timeout]);
    if (!isInsights(result)) throw new Error('returned insights of the wrong shape');
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs an insight provider within `timeoutMs`, aborting its signal when the time is up. On a
 * timeout, an error or a result of the wrong shape it returns the heuristic's insights with a
 * `fallbackReason`, so a slow, failing or wrong provider never holds up or blocks a commit.
 * An error of the heuristic provider itself is a bug and is thrown.
 */
export async function runInsights(
  provider: InsightProvider,
  request: InsightRunRequest,
  timeoutMs: number,
): Promise<Insights> {
  const started = nowMs();
  try {
    return await generateWithin(provider, request, timeoutMs);
  } catch (error) {
    if (provider.name === HEURISTIC_PROVIDER) throw error;

    const fallbackReason = describeFailure(provider, error, timeoutMs);
    debug(fallbackReason);
    const heuristic = createHeuristicProvider({ fallbackReason });
    const insights = await heuristic.generate({ ...request, signal: new AbortController().signal });
    const durationMs = Math.round(nowMs() - started);
    return provider.host === undefined
      ? { ...insights, durationMs }
      : { ...insights, durationMs, host: provider.host };
  }
}
