import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { selectInsightProvider } from '../../src/insights/select.js';
import { makeFootprint } from '../helpers/footprint-builder.js';

function configWith(change: (config: Config) => void): Config {
  const config = createDefaultConfig();
  change(config);
  return config;
}

async function fallbackReasonOf(config: Config, noLlm: boolean): Promise<string | undefined> {
  const provider = selectInsightProvider(config, {}, { noLlm });
  const input = makeFootprint([]);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  const risk = { score: 0, blocked: false, findings: [] };
  const insights = await provider.generate({
    input,
    analysis,
    risk,
    signal: new AbortController().signal,
  });
  return insights.fallbackReason;
}

describe('selectInsightProvider', () => {
  const anthropic = configWith((config) => {
    config.llm.provider = 'anthropic';
  });

  test('default config gives the heuristic', async () => {
    const config = createDefaultConfig();

    assert.equal(selectInsightProvider(config, {}, { noLlm: false }).name, 'heuristic');
    assert.equal(await fallbackReasonOf(config, false), undefined);
  });

  test('anthropic falls back with a reason', async () => {
    const reason = await fallbackReasonOf(anthropic, false);

    assert.equal(selectInsightProvider(anthropic, {}, { noLlm: false }).name, 'heuristic');
    assert.match(reason ?? '', /no Anthropic provider/);
  });

  test('--no-llm gives the heuristic without a reason', async () => {
    assert.equal(await fallbackReasonOf(anthropic, true), undefined);
  });

  test('disabled llm gives the heuristic without a reason', async () => {
    const disabled = configWith((config) => {
      config.llm.provider = 'anthropic';
      config.llm.enabled = false;
    });

    assert.equal(await fallbackReasonOf(disabled, false), undefined);
  });
});
