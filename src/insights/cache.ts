import { createHash } from 'node:crypto';
import type { Config } from '../config/types.js';
import type { Footprint } from '../footprint/types.js';
import type { ToolReply } from './tool-schema.js';

/** One cached reply, as the insight-cache fossil stores it. */
export interface InsightCachePayload {
  /** SHA-256 in hex of everything the reply depends on; see computeCacheKey. */
  key: string;
  provider: string;
  model: string;
  promptVersion: number;
  /** Milliseconds the request took when the reply was made. */
  durationMs: number;
  reply: ToolReply;
}

/** Store of replies between runs. Both calls catch and log their own failures. */
export interface InsightCache {
  /** Returns the reply stored under `key`, or null. */
  lookup(key: string): Promise<ToolReply | null>;
  store(entry: InsightCachePayload, footprint: Footprint): Promise<void>;
}

/** Inputs of a reply. A change in any of them gives another key, so nothing stale is reused. */
export interface CacheKeyParts {
  stagedTree: string;
  head: string | null;
  provider: string;
  model: string;
  baseURL: string | null;
  promptVersion: number;
  config: Config;
  /** The change summary sent, which also covers rule changes and `FOOTPRINT_SKIP`. */
  requestText: string;
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Serializes JSON with object keys sorted, so equal values always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    const members = entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Computes the cache key of a request: SHA-256 over the staged tree, HEAD, provider, model,
 * base URL, prompt version, configuration and the request text. The time budget is left out,
 * because it does not change the reply.
 */
export function computeCacheKey(parts: CacheKeyParts): string {
  const llm: Partial<Config['llm']> = { ...parts.config.llm };
  delete llm.timeoutMs;
  const config = { ...parts.config, llm };
  const requestDigest = createHash('sha256').update(parts.requestText).digest('hex');
  const keyed = { ...parts, config, requestText: requestDigest };
  return createHash('sha256').update(canonicalJson(keyed)).digest('hex');
}
