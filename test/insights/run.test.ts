import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createHeuristicProvider } from '../../src/insights/heuristic.js';
import { runInsights, type InsightRunRequest } from '../../src/insights/run.js';
import type { InsightProvider, InsightRequest, Insights } from '../../src/insights/types.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

// Stops a hang if runInsights waits for a provider that never settles.
const HANG_TIMEOUT_MS = 120_000;

function runRequest(): InsightRunRequest {
  const input = makeFootprint([{ path: 'src/a.ts', new: lines('x') }]);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  const risk = { score: 0, blocked: false, findings: [] };
  return { input, analysis, risk, requestSecrets: () => ({ paths: new Set(), values: new Set() }) };
}

const remoteInsights: Insights = {
  provider: 'remote',
  model: 'm1',
  durationMs: 5,
  cached: false,
  summary: 'remote summary',
  messages: { b1: 'feat: add a' },
  riskNotes: [],
};

/** Creates a provider that records the signal it receives and runs `behaviour`. */
function fakeProvider(behaviour: (request: InsightRequest) => Promise<unknown>) {
  const seen: { signal?: AbortSignal } = {};
  const provider: InsightProvider = {
    name: 'remote',
    generate: (request) => {
      seen.signal = request.signal;
      return behaviour(request) as Promise<Insights>;
    },
  };
  return { provider, seen };
}

/** Resolves when the signal aborts, as a well-behaved network client does. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

describe('runInsights', () => {
  test('returns the provider result in time', async () => {
    const { provider } = fakeProvider(() => Promise.resolve(remoteInsights));
    const insights = await runInsights(provider, runRequest(), 1000);

    assert.deepEqual(insights, remoteInsights);
  });

  test('timeout aborts the signal and falls back', async () => {
    const { provider, seen } = fakeProvider((request) => untilAborted(request.signal));
    const insights = await runInsights(provider, runRequest(), 20);

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'remote timed out after 20 ms; used the offline heuristic',
    );
    assert.equal(seen.signal?.aborted, true);
  });

  test('provider that ignores the signal', { timeout: HANG_TIMEOUT_MS }, async () => {
    const { provider, seen } = fakeProvider(() => new Promise(() => {}));
    const insights = await runInsights(provider, runRequest(), 30);

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'remote timed out after 30 ms; used the offline heuristic',
    );
    assert.equal(seen.signal?.aborted, true);
  });

  test('error falls back with its first line', async () => {
    const { provider } = fakeProvider(() => Promise.reject(new Error('connection refused\nstack')));
    const insights = await runInsights(provider, runRequest(), 1000);

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'remote failed (connection refused); used the offline heuristic',
    );
    assert.equal(insights.messages['b1'], 'feat: add a');
  });

  test('synchronous throw falls back', async () => {
    const provider: InsightProvider = {
      name: 'remote',
      generate: () => {
        throw new Error('bad key');
      },
    };
    const insights = await runInsights(provider, runRequest(), 1000);

    assert.match(insights.fallbackReason ?? '', /remote failed \(bad key\)/);
  });

  test('result of the wrong shape falls back', async () => {
    const { provider } = fakeProvider(() => Promise.resolve({ summary: 3 }));
    const insights = await runInsights(provider, runRequest(), 1000);

    assert.match(insights.fallbackReason ?? '', /wrong shape/);
  });

  test('outer signal reaches the provider', async () => {
    const outer = new AbortController();
    const { provider, seen } = fakeProvider((request) => untilAborted(request.signal));
    const pending = runInsights(provider, { ...runRequest(), signal: outer.signal }, 5000);
    outer.abort(new Error('interrupted'));
    const insights = await pending;

    assert.equal(seen.signal?.aborted, true);
    assert.match(insights.fallbackReason ?? '', /remote failed \(interrupted\)/);
  });

  test('heuristic error is thrown', async () => {
    const provider: InsightProvider = {
      name: 'heuristic',
      generate: () => Promise.reject(new Error('bug')),
    };

    await assert.rejects(runInsights(provider, runRequest(), 1000), /bug/);
  });

  test('heuristic provider runs in time', async () => {
    const insights = await runInsights(createHeuristicProvider(), runRequest(), 1000);

    assert.equal(insights.provider, 'heuristic');
    assert.equal(insights.fallbackReason, undefined);
  });
});
