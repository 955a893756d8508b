import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';
import { fakeAnthropicKey } from '../risk/secret-parts.js';

/** Loads `footprint.config.json` with `text` from a fresh folder, with `env`. */
async function loadWith(text: string, env: NodeJS.ProcessEnv = {}) {
  const worktree = await mkdtemp(path.join(tmpdir(), 'footprint-llm-config-'));
  try {
    await writeFile(path.join(worktree, 'footprint.config.json'), text);
    return await loadConfig(worktree, { env });
  } finally {
    await rm(worktree, { recursive: true, force: true });
  }
}

describe('llm configuration', () => {
  test('defaults', () => {
    const { llm } = createDefaultConfig();

    assert.equal(llm.enabled, true);
    assert.equal(llm.provider, 'heuristic');
    assert.equal(llm.model, 'claude-haiku-5-5');
    assert.equal(llm.baseURL, null);
    assert.equal(llm.timeoutMs, 8000);
    assert.equal(llm.maxRequestBytes, 65536);
    assert.equal(llm.maxRequestTokens, null);
  });

  test('file sets every key', async () => {
    const llm = {
      provider: 'anthropic',
      model: 'claude-sonnet-5-5',
      baseURL: 'http://127.0.0.1:8080',
      timeoutMs: 2000,
      maxRequestBytes: 8192,
      maxRequestTokens: 1024,
    };
    const { config } = await loadWith(JSON.stringify({ llm }));

    assert.deepEqual(config.llm, { enabled: true, ...llm });
  });

  test('API key as model rejected', async () => {
    const key = fakeAnthropicKey();
    const rejection = await loadWith(JSON.stringify({ llm: { model: key } })).then(
      () => null,
      (error: unknown) => error as Error,
    );

    assert.ok(rejection !== null, 'the configuration loaded');
    assert.equal(rejection.message.includes(key), false, rejection.message);
    assert.match(
      rejection.message,
      /"llm\.model" is "sk-ant-api03-\*{8}" \(Anthropic API key\), not a model name/,
    );
    assert.match(rejection.message, /ANTHROPIC_API_KEY/);
  });

  test('token budget below its minimum', async () => {
    await assert.rejects(
      loadWith(JSON.stringify({ llm: { maxRequestTokens: 10 } })),
      /"llm\.maxRequestTokens" is 10; expected an integer from 256 to 2621440/,
    );
  });

  test('unknown FOOTPRINT_LLM turns it off', async () => {
    const text = JSON.stringify({ llm: { enabled: true } });

    assert.equal((await loadWith(text, { FOOTPRINT_LLM: 'disable' })).config.llm.enabled, false);
  });

  test('FOOTPRINT_LLM=0 turns it off', async () => {
    const text = JSON.stringify({ llm: { provider: 'anthropic' } });

    assert.equal((await loadWith(text, { FOOTPRINT_LLM: '0' })).config.llm.enabled, false);
    assert.equal((await loadWith(text, { FOOTPRINT_LLM: 'false' })).config.llm.enabled, false);
    assert.equal((await loadWith(text, {})).config.llm.enabled, true);
  });
});
