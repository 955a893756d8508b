import type { Config } from '../config/types.js';
import type { AnthropicSettings } from './anthropic.js';
import type { InsightCache } from './cache.js';
import { createHeuristicProvider } from './heuristic.js';
import { readLlmSwitch } from './llm-variable.js';
import { redactSecrets } from './redact.js';
import type { InsightProvider } from './types.js';

const MISSING_API_KEY =
  'llm.provider is "anthropic", but ANTHROPIC_API_KEY is not set; used the offline heuristic. ' +
  'Set the key, or set llm.provider to "heuristic" to silence this.';

/** Characters of an invalid base URL that a message shows. */
const MAX_SHOWN_URL = 80;

export interface SelectOptions {
  /** `--no-llm`: no provider that calls a service. */
  noLlm: boolean;
  /** Store of the replies of a provider that calls a service, or null for none. */
  cache?: InsightCache | null;
}

/** Returns a variable's value, or null when it is unset or blank. */
function readVariable(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

/**
 * Returns the Anthropic provider, whose modules load on its first request, so that a run with
 * the heuristic never loads them.
 */
function loadAnthropicProvider(settings: AnthropicSettings): InsightProvider {
  return {
    name: 'anthropic',
    async generate(request) {
      const { createAnthropicProvider } = await import('./anthropic.js');
      return createAnthropicProvider(settings).generate(request);
    },
  };
}

/**
 * Chooses the insight provider for a run: the offline heuristic when `--no-llm` is given, when
 * FOOTPRINT_LLM is 0, false, no or off, when `llm.enabled` is false or when `llm.provider` is
 * `heuristic`. Any other FOOTPRINT_LLM value but 1, true, yes, on or blank gives the heuristic
 * with a reason, also with `--no-llm`, so every run that prints insights names a mistyped switch.
 * For `anthropic` it reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL from `env`; the variable
 * wins over `llm.baseURL`, because it is the more local setting. Without a key it returns the
 * heuristic with a reason, and nothing is sent.
 */
export function selectInsightProvider(
  config: Config,
  env: NodeJS.ProcessEnv,
  options: SelectOptions,
): InsightProvider {
  const llmSwitch = readLlmSwitch(env);
  if (llmSwitch.reason !== null)
    return createHeuristicProvider({ fallbackReason: llmSwitch.reason });
  if (
    options.noLlm ||
    llmSwitch.off ||
    !config.llm.enabled ||
    config.llm.provider === 'heuristic'
  ) {
    return createHeuristicProvider();
  }

  const apiKey = readVariable(env, 'ANTHROPIC_API_KEY');
  if (apiKey === null) return createHeuristicProvider({ fallbackReason: MISSING_API_KEY });

  const variable = readVariable(env, 'ANTHROPIC_BASE_URL');
  const baseURL = variable ?? config.llm.baseURL;
  const source = variable === null ? 'llm.baseURL' : 'ANTHROPIC_BASE_URL';
  if (baseURL !== null && !isHttpUrl(baseURL)) {
    return createHeuristicProvider({ fallbackReason: invalidBaseUrlReason(source, baseURL) });
  }
  if (baseURL !== null && hasCredentials(baseURL)) {
    return createHeuristicProvider({ fallbackReason: credentialsInBaseUrlReason(source, baseURL) });
  }
  if (baseURL !== null && hasQueryOrFragment(baseURL)) {
    return createHeuristicProvider({ fallbackReason: queryInBaseUrlReason(source, baseURL) });
  }
  return loadAnthropicProvider({ apiKey, baseURL, config, cache: options.cache ?? null });
}

/** Returns true for an absolute http:// or https:// URL with a host, as the SDK needs. */
function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** Returns true when a URL carries a user name or password (`http://user:password@host`). */
function hasCredentials(value: string): boolean {
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}

/**
 * Returns true when a URL has a query or a fragment. The SDK appends `/v1/messages` to the
 * whole text, so the path would land inside the query, and a token in a query is logged.
 */
function hasQueryOrFragment(value: string): boolean {
  const url = new URL(value);
  return url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#');
}

/**
 * Says that a base URL has a query or fragment, which the request path would land in. The
 * reason shows the URL up to them, since a query often carries a token.
 */
function queryInBaseUrlReason(source: string, value: string): string {
  const beforeQuery = value.split(/[?#]/, 1)[0] ?? '';
  return (
    `${source} is ${showBaseUrl(beforeQuery)} with a query or fragment, after which the ` +
    'request path /v1/messages would not reach the API; used the offline heuristic. Remove ' +
    'the part from ? or # on, and put the API key in ANTHROPIC_API_KEY.'
  );
}

/** Shows a base URL in a reason: redacted and shortened, as the reason is printed and stored. */
function showBaseUrl(value: string): string {
  const redacted = redactSecrets(value);
  const truncated =
    redacted.length > MAX_SHOWN_URL ? `${redacted.slice(0, MAX_SHOWN_URL - 3)}...` : redacted;
  return JSON.stringify(truncated);
}

/**
 * Says that a base URL carries credentials, which fetch rejects before it connects, and how to
 * fix it. The API key goes in a header, never in the URL.
 */
function credentialsInBaseUrlReason(source: string, value: string): string {
  return (
    `${source} is ${showBaseUrl(value)}, a URL with a user name or password, which fetch ` +
    `rejects; used the offline heuristic. Remove them from the URL and put the API key in ` +
    'ANTHROPIC_API_KEY.'
  );
}

/**
 * Says which base URL is invalid and how to fix it. The value is redacted and shortened,
 * because the reason is printed and stored in the analysis fossil.
 */
function invalidBaseUrlReason(source: string, value: string): string {
  const fix =
    source === 'ANTHROPIC_BASE_URL'
      ? "Set ANTHROPIC_BASE_URL to the API's base URL, such as https://api.anthropic.com, or unset it."
      : "Set llm.baseURL to the API's base URL, such as https://api.anthropic.com, or to null.";
  return `${source} is ${showBaseUrl(value)}, which is not an http:// or https:// URL; used the offline heuristic. ${fix}`;
}
