import type { Config } from '../config/types.js';
import { createDebug } from '../log/debug.js';
import type { AnthropicSettings } from './anthropic.js';
import type { InsightCache } from './cache.js';
import { createHeuristicProvider } from './heuristic.js';
import { readLlmSwitch } from './llm-variable.js';
import { redactSecrets } from './redact.js';
import { requestHost } from './request-host.js';
import type { InsightProvider } from './types.js';

const debug = createDebug('insights');

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
    host: requestHost(settings.baseURL),
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
 * For `anthropic` it reads ANTHROPIC_API_KEY from `env` and the address from chooseBaseUrl.
 * Without a key or a trusted address it returns the heuristic with a reason, and nothing is sent.
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

  const choice = chooseBaseUrl(readVariable(env, 'ANTHROPIC_BASE_URL'), config.llm.baseURL);
  if ('reason' in choice) return createHeuristicProvider({ fallbackReason: choice.reason });
  const { baseURL } = choice;
  return loadAnthropicProvider({ apiKey, baseURL, config, cache: options.cache ?? null });
}

/**
 * Chooses the API address from ANTHROPIC_BASE_URL (`variable`) and `llm.baseURL`
 * (`configured`), or returns why nothing may be sent. The configuration is a file of the
 * repository, which anyone who can commit to it can change, so it must not choose where the
 * user's API key goes. It applies only on the origin that the variable names, as a path under
 * a gateway, and without the variable it sends nothing. Loopback hosts are no exception: on a
 * shared machine another user may listen there. null is the SDK's default address.
 */
export function chooseBaseUrl(
  variable: string | null,
  configured: string | null,
): { baseURL: string | null } | { reason: string } {
  if (variable === null) {
    if (configured === null) return { baseURL: null };
    const invalid = checkBaseUrl('llm.baseURL', configured);
    return { reason: invalid ?? untrustedBaseUrlReason(configured) };
  }

  const invalid = checkBaseUrl('ANTHROPIC_BASE_URL', variable);
  if (invalid !== null) return { reason: invalid };
  if (configured === null) return { baseURL: variable };
  const sameOrigin =
    checkBaseUrl('llm.baseURL', configured) === null &&
    new URL(variable).origin === new URL(configured).origin;
  if (sameOrigin) return { baseURL: configured };
  debug('llm.baseURL is invalid or on another origin than ANTHROPIC_BASE_URL; using the variable');
  return { baseURL: variable };
}

/** Returns why a base URL cannot be used, or null when it can. */
function checkBaseUrl(source: string, value: string): string | null {
  if (!isHttpUrl(value)) return invalidBaseUrlReason(source, value);
  if (hasCredentials(value)) return credentialsInBaseUrlReason(source, value);
  if (hasQueryOrFragment(value)) return queryInBaseUrlReason(source, value);
  return null;
}

/**
 * Says that `llm.baseURL` was not used, naming its host, and how the user allows it. The
 * values are redacted, because the reason is printed and stored in the analysis fossil.
 */
function untrustedBaseUrlReason(configured: string): string {
  const url = new URL(configured);
  return (
    `llm.baseURL in the repository's configuration names ${redactSecrets(url.host)}, but only ` +
    'ANTHROPIC_BASE_URL in your environment chooses where ANTHROPIC_API_KEY is sent; sent ' +
    'nothing and used the offline heuristic. To send to that host, set ' +
    `ANTHROPIC_BASE_URL=${redactSecrets(url.origin)}.`
  );
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
