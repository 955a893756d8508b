import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TempRepo } from '../helpers/repo.js';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { hermeticEnv, runFootprint } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

const REPLY = { toolInput: { summary: 'Fine.', messages: [] } };

/** Creates a repository whose committed configuration sets `llm`, with a change staged. */
function createRepo(llm: Record<string, unknown>): TempRepo {
  const repo = createTrackedRepo();
  repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic', ...llm } }));
  repo.write('a.txt', 'a\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  repo.write('a.txt', 'a\nchange\n');
  repo.git(['add', 'a.txt']);
  return repo;
}

function hostOf(server: FakeMessagesApi): string {
  return server.baseURL.replace('http://', '');
}

function insightLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.includes('LLM insights'));
}

describe('llm.baseURL from the repository', () => {
  test('repository address gets no key', async () => {
    const server = await serve([REPLY]);
    const repo = createRepo({ baseURL: `${server.baseURL}/collect` });
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'sk-ant-user-key' });

    const result = await runFootprint(repo.dir, ['precommit'], env);
    const lines = insightLines(result.stderr);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 0);
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', /^⚠ LLM insights: llm\.baseURL in the repository's config/);
    assert.ok(lines[0]?.includes(`names ${hostOf(server)},`), lines[0]);
    assert.ok(lines[0]?.includes(`set ANTHROPIC_BASE_URL=${server.baseURL}.`), lines[0]);
  });

  test('same origin as the variable applies', async () => {
    const server = await serve([REPLY]);
    const repo = createRepo({ baseURL: `${server.baseURL}/collect` });
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    const result = await runFootprint(repo.dir, ['precommit'], env);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.url, '/collect/v1/messages');
  });

  test('other origin yields to the variable', async () => {
    const server = await serve([REPLY]);
    const elsewhere = await serve([REPLY]);
    const repo = createRepo({ baseURL: elsewhere.baseURL });
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    const result = await runFootprint(repo.dir, ['precommit'], env);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(elsewhere.requests.length, 0);
  });
});

describe('summary names the request host', () => {
  test('sent request names its host', async () => {
    const server = await serve([REPLY]);
    const repo = createRepo({});
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    const result = await runFootprint(repo.dir, ['precommit'], env);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(insightLines(result.stderr), [
      `ℹ LLM insights: sent the redacted change to ${hostOf(server)} (claude-haiku-5-5).`,
    ]);
  });

  test('cached reply names its host', async () => {
    const server = await serve([REPLY]);
    const repo = createRepo({});
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    await runFootprint(repo.dir, ['precommit'], env);
    const result = await runFootprint(repo.dir, ['precommit'], env);

    assert.equal(server.requests.length, 1);
    assert.deepEqual(insightLines(result.stderr), [
      `ℹ LLM insights: reused the reply that ${hostOf(server)} gave for this staged change ` +
        '(claude-haiku-5-5).',
    ]);
  });

  test('failed request names its host', async () => {
    const server = await serve([{ status: 500 }, { status: 500 }]);
    const repo = createRepo({});
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    const result = await runFootprint(repo.dir, ['precommit'], env);
    const lines = insightLines(result.stderr);

    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', /^⚠ LLM insights: anthropic failed \(.*HTTP 500/);
    assert.ok(lines[0]?.endsWith(`The request was for ${hostOf(server)}.`), lines[0]);
  });

  test('strategy names the host too', async () => {
    const server = await serve([REPLY]);
    const repo = createRepo({});
    const env = hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });

    const result = await runFootprint(repo.dir, ['strategy'], env);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(insightLines(result.stderr), [
      `ℹ LLM insights: sent the redacted change to ${hostOf(server)} (claude-haiku-5-5).`,
    ]);
  });
});
