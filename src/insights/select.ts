import type { Config } from '../config/types.js';
import { createHeuristicProvider } from './heuristic.js';
import type { InsightProvider } from './types.js';

const ANTHROPIC_UNAVAILABLE =
  'llm.provider is "anthropic", but this version of footprint has no Anthropic provider yet; ' +
  'used the offline heuristic. Set llm.provider to "heuristic" to silence this.';

/**
 * Chooses the insight provider for a run: the offline heuristic when `--no-llm` is given, when
 * `llm.enabled` is false or when `llm.provider` is `heuristic`. `env` is where a provider that
 * calls a service will read its API key.
 */
export function selectInsightProvider(
  config: Config,
  _env: NodeJS.ProcessEnv,
  options: { noLlm: boolean },
): InsightProvider {
  if (options.noLlm || !config.llm.enabled || config.llm.provider === 'heuristic') {
    return createHeuristicProvider();
  }

  // TODO: return the Anthropic provider here, with model, baseURL and the API key from env.
  // Until it exists, a configured `anthropic` falls back to the heuristic and explains why.
  return createHeuristicProvider({ fallbackReason: ANTHROPIC_UNAVAILABLE });
}
