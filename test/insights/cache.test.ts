import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { computeCacheKey, type CacheKeyParts } from '../../src/insights/cache.js';
import { openInsightCache } from '../../src/insights/fossil-cache.js';
import type { ToolReply } from '../../src/insights/tool-schema.js';
import { makeFootprint } from '../helpers/footprint-builder.js';
import { anthropicConfig } from './insight-request.js';

function keyParts(change: (parts: CacheKeyParts) => void = () => {}): CacheKeyParts {
  const parts: CacheKeyParts = {
    stagedTree: '2'.repeat(40),
    head: '1'.repeat(40),
    provider: 'anthropic',
    model: 'claude-haiku-5-5',
    baseURL: null,
    promptVersion: 1,
    config: anthropicConfig(),
    requestText: 'Staged change: 1 file.',
  };
  change(parts);
  return parts;
}

const reply: ToolReply = {
  summary: 'Adds a.',
  messages: [{ batch: 'b1', message: 'feat: add a' }],
};

async function withStore(run: (worktree: string) => Promise<void>): Promise<void> {
  const worktree = await mkdtemp(path.join(tmpdir(), 'footprint-cache-'));
  try {
    await run(worktree);
  } finally {
    await rm(worktree, { recursive: true, force: true });
  }
}

describe('computeCacheKey', () => {
  const base = computeCacheKey(keyParts());

  test('is a SHA-256 in hex and stable', () => {
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(computeCacheKey(keyParts()), base);
  });

  const changes: Array<[string, (parts: CacheKeyParts) => void]> = [
    ['staged tree', (parts) => (parts.stagedTree = '4'.repeat(40))],
    ['HEAD', (parts) => (parts.head = null)],
    ['model', (parts) => (parts.model = 'claude-sonnet-5-5')],
    ['base URL', (parts) => (parts.baseURL = 'http://127.0.0.1:9')],
    ['prompt version', (parts) => (parts.promptVersion = 2)],
    ['mode', (parts) => (parts.config.mode = 'aggressive')],
    ['request budget', (parts) => (parts.config.llm.maxRequestBytes = 2048)],
    ['request text', (parts) => (parts.requestText += ' More.')],
  ];
  for (const [name, change] of changes) {
    test(`changes with the ${name}`, () => {
      assert.notEqual(computeCacheKey(keyParts(change)), base);
    });
  }

  test('ignores the time budget', () => {
    const parts = keyParts((value) => (value.config.llm.timeoutMs = 100));

    assert.equal(computeCacheKey(parts), base);
  });
});

describe('fossil insight cache', () => {
  test('stored reply is found by its key', async () => {
    await withStore(async (worktree) => {
      const cache = openInsightCache(worktree, anthropicConfig());
      const { footprint } = makeFootprint([]);
      const entry = {
        key: 'a'.repeat(64),
        provider: 'anthropic',
        model: 'claude-haiku-5-5',
        promptVersion: 1,
        durationMs: 812,
        reply,
      };
      await cache.store(entry, footprint);

      assert.deepEqual(await cache.lookup('a'.repeat(64)), reply);
      assert.equal(await cache.lookup('b'.repeat(64)), null);
      const names = readdirSync(path.join(worktree, 'fossils'));
      assert.equal(
        names.filter((name) => /-insight-cache-[0-9a-f]{8}\.json$/.test(name)).length,
        1,
      );
    });
  });

  test('fossil that fails its schema is skipped', async () => {
    await withStore(async (worktree) => {
      const cache = openInsightCache(worktree, anthropicConfig());
      const { footprint } = makeFootprint([]);
      const key = 'c'.repeat(64);
      await cache.store(
        { key, provider: 'anthropic', model: 'm', promptVersion: 1, durationMs: 1, reply },
        footprint,
      );
      const dir = path.join(worktree, 'fossils');
      const name = readdirSync(dir).find((entry) => entry.includes('insight-cache'));
      assert.ok(name);
      const fossil = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
        payload: { reply: { messages: unknown } };
      };
      fossil.payload.reply.messages = 'lower everything';
      writeFileSync(path.join(dir, name), JSON.stringify(fossil));

      assert.equal(await cache.lookup(key), null);
    });
  });

  test('unwritable store is ignored', async () => {
    await withStore(async (worktree) => {
      writeFileSync(path.join(worktree, 'fossils'), 'a file where the folder should be');
      const cache = openInsightCache(worktree, anthropicConfig());
      const { footprint } = makeFootprint([]);
      const entry = {
        key: 'd'.repeat(64),
        provider: 'a',
        model: 'm',
        promptVersion: 1,
        durationMs: 1,
        reply,
      };

      await cache.store(entry, footprint);
      assert.equal(await cache.lookup('d'.repeat(64)), null);
    });
  });
});
