import type { Config } from '../config/types.js';
import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import { InsightProviderError, requestToolInput } from './anthropic-client.js';
import { computeCacheKey, type InsightCache } from './cache.js';
import { buildChangeSummary, type ChangeSummary } from './change-summary.js';
import { PROMPT_VERSION } from './prompt.js';
import { readReply } from './read-reply.js';
import { redactSecrets } from './redact.js';
import { requestHost } from './request-host.js';
import { summarizeChange } from './summary.js';
import { validateToolReply, type ToolReply } from './tool-schema.js';
import type { InsightProvider, InsightRequest, Insights } from './types.js';

const debug = createDebug('insights');

export const ANTHROPIC_PROVIDER = 'anthropic';

/** Bytes per token in the estimate that `llm.maxRequestTokens` uses. */
const BYTES_PER_TOKEN = 4;

export interface AnthropicSettings {
  apiKey: string;
  /** Base URL of the API, or null for the SDK's default. */
  baseURL: string | null;
  config: Config;
  /** Store of replies between runs, or null for none. */
  cache: InsightCache | null;
}

/** Returns the byte budget of the change summary: the smaller of the byte and token limits. */
export function requestBudgetBytes(llm: Config['llm']): number {
  if (llm.maxRequestTokens === null) return llm.maxRequestBytes;
  return Math.min(llm.maxRequestBytes, llm.maxRequestTokens * BYTES_PER_TOKEN);
}

async function askModel(
  summary: ChangeSummary,
  settings: AnthropicSettings,
  signal: AbortSignal,
): Promise<ToolReply> {
  const { llm } = settings.config;
  const input = await requestToolInput({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    model: llm.model,
    text: summary.text,
    timeoutMs: llm.timeoutMs,
    signal,
  });

  const errors = validateToolReply(input);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    throw new InsightProviderError(`the reply does not match the tool schema: ${errors[0]}${more}`);
  }
  return input as ToolReply;
}

/** Redacts every text of a reply before it is stored, as the fossil store keeps no secret. */
function redactReply(reply: ToolReply): ToolReply {
  return JSON.parse(JSON.stringify(reply), (_key, value: unknown) =>
    typeof value === 'string' ? redactSecrets(value) : value,
  ) as ToolReply;
}

/** Returns the cache and the key of this request, or null when it cannot be cached. */
function cacheSlot(request: InsightRequest, summary: ChangeSummary, settings: AnthropicSettings) {
  const { footprint } = request.input;
  if (settings.cache === null || footprint.stagedTree === null) return null;
  const key = computeCacheKey({
    stagedTree: footprint.stagedTree,
    head: footprint.head.oid,
    provider: ANTHROPIC_PROVIDER,
    model: settings.config.llm.model,
    baseURL: settings.baseURL,
    promptVersion: PROMPT_VERSION,
    config: settings.config,
    requestText: summary.text,
  });
  return { cache: settings.cache, key };
}

function toInsights(
  reply: ToolReply,
  summary: ChangeSummary,
  request: InsightRequest,
  run: { model: string; cached: boolean; durationMs: number; host: string },
): Insights {
  const read = readReply(reply, summary.index);
  const messages: Record<string, string> = {};
  for (const batch of request.analysis.batches) messages[batch.id] = batch.message;
  const fallbackSummary = summarizeChange(request.input.footprint, request.analysis, request.risk);
  return {
    provider: ANTHROPIC_PROVIDER,
    model: run.model,
    durationMs: run.durationMs,
    cached: run.cached,
    summary: read.summary === '' ? fallbackSummary : read.summary,
    messages: { ...messages, ...read.messages },
    riskNotes: read.riskNotes,
    proposals: read.proposals,
    host: run.host,
  };
}

/**
 * Returns the provider that requests insights from Anthropic's Messages API. It sends the change
 * summary (redacted and within the configured budget), validates the forced tool call's
 * input against schemas/insights-tool.schema.json and caches valid replies, keyed by staged
 * tree, HEAD, model, prompt version, configuration and summary. It throws on any failure,
 * and runInsights then falls back to the heuristic.
 */
export function createAnthropicProvider(settings: AnthropicSettings): InsightProvider {
  return {
    name: ANTHROPIC_PROVIDER,
    async generate(request) {
      const started = nowMs();
      const { model } = settings.config.llm;
      const summary = buildChangeSummary(request, requestBudgetBytes(settings.config.llm));
      const bytes = Buffer.byteLength(summary.text);
      debug(`change summary: ${bytes} bytes, ${summary.omittedHunks} hunks left out for size`);

      const slot = cacheSlot(request, summary, settings);
      const cachedReply = slot === null ? null : await slot.cache.lookup(slot.key);
      const reply = cachedReply ?? (await askModel(summary, settings, request.signal));
      const durationMs = Math.round(nowMs() - started);
      if (slot !== null && cachedReply === null) {
        const entry = { key: slot.key, provider: ANTHROPIC_PROVIDER, model, durationMs };
        const stored = { ...entry, promptVersion: PROMPT_VERSION, reply: redactReply(reply) };
        await slot.cache.store(stored, request.input.footprint);
      }

      const cached = cachedReply !== null;
      const host = requestHost(settings.baseURL);
      return toInsights(reply, summary, request, { model, cached, durationMs, host });
    },
  };
}
