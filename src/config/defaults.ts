import type { Config } from './types.js';

/**
 * Returns footprint's default configuration, a fresh copy each call so callers may change it.
 * The descriptions in `schemas/config.schema.json` repeat these values, so change both together.
 */
export function createDefaultConfig(): Config {
  return {
    mode: 'balanced',
    fossilDir: 'fossils',
    maxDiffBytes: 1024 * 1024,
    blockOn: {
      conservative: ['medium', 'high', 'critical'],
      balanced: ['high', 'critical'],
      aggressive: ['critical'],
    },
    failClosed: false,
    llm: {
      enabled: true,
      provider: 'heuristic',
      // The newest Haiku model that @anthropic-ai/sdk 1.17.0 lists in its `Model` type.
      model: 'claude-haiku-5-5',
      baseURL: null,
      timeoutMs: 8000,
      maxRequestBytes: 64 * 1024,
      maxRequestTokens: null,
    },
    risk: {
      disable: [],
      allow: [],
      // pre-commit-hooks' check-added-large-files rejects more than 500 KB (of 1024 bytes) by default.
      maxFileBytes: 500 * 1024,
      rules: {},
      custom: [],
    },
    fossils: {
      keep: 200,
      maxAgeDays: 30,
    },
  };
}
