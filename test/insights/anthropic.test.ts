import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createAnthropicProvider, type AnthropicSettings } from '../../src/insights/anthropic.js';
import type { InsightCache, InsightCachePayload } from '../../src/insights/cache.js';
import { runInsights } from '../../src/insights/run.js';
import type { ToolReply } from '../../src/insights/tool-schema.js';
import type { InsightRequest } from '../../src/insights/types.js';
import { lines, type FileSpec } from '../helpers/footprint-builder.js';
import {
  closedPortURL,
  startFakeMessagesApi,
  type FakeMessagesApi,
  type ScriptedReply,
} from './fake-messages-api.js';
import { anthropicConfig, buildInsightRequest, fakeKeyFile } from './insight-request.js';

const change: FileSpec[] = [
  { path: 'src/parser/tokenizer.ts', new: lines('export const a = 1;') },
  { path: 'README.md', old: lines('a'), new: lines('b') },
];

const goodReply: ToolReply = {
  summary: 'Adds a tokenizer and edits the README.',
  messages: [{ batch: 'b1', message: 'feat(parser): add a tokenizer for templates' }],
};

/** Values planted in staged files; none may reach the server. */
const planted = {
  apiKey: 'sk-ant-api03-PLANTEDabcdefghijklmnopqrstuvwxyz0123456789',
  password: 'Planted-Pa55word!', // footprint-allow: generic-secret (a fake, planted on purpose)
  urlPassword: 'PlantedUrlPass42', // footprint-allow: generic-secret
  entropy: 'Zx8Qp3Lm9Vt2Rk7Wn4Hs6Jd1Fg5Bc0Ay',
  pemMaterial: 'MIIBOgIBAAJBAKPLANTEDPEM',
  envValue: 'planted-env-value-in-dotenv',
  keyMaterial: 'b3BlbnNzaC1rZXktdjEPLANTEDKEYMATERIAL', // footprint-allow: generic-secret
  lockfile: 'PLANTED-LOCKFILE-CONTENT',
  pathToken: 'ghp_PLANTED0123456789abcdefghijklmnopqrstu',
};

const pemLabel = ['RSA', 'PRIVATE', 'KEY'].join(' ');

/** Lines of a source file that carry the first five planted values. */
const plantedLines = {
  apiKey: `export const apiKey = "${planted.apiKey}";`,
  password: `export const db = { user: 'app', password: '${planted.password}' };`,
  url: `export const url = 'https://admin:${planted.urlPassword}@db.example.com/app';`,
  entropy: `export const sessionSeed = '${planted.entropy}';`,
  pem: `const pem = "-----BEGIN ${pemLabel}-----\\n${planted.pemMaterial}\\n-----END ${pemLabel}-----";`,
};

const servers: FakeMessagesApi[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function serve(replies: ScriptedReply[]): Promise<FakeMessagesApi> {
  const server = await startFakeMessagesApi(replies);
  servers.push(server);
  return server;
}

function settings(baseURL: string, cache: InsightCache | null = null): AnthropicSettings {
  return { apiKey: 'test-key', baseURL, config: anthropicConfig(), cache };
}

/** Runs the provider as the pipeline does: within a budget, falling back on any failure. */
async function run(baseURL: string, request: InsightRequest, timeoutMs = 5000) {
  const provider = createAnthropicProvider(settings(baseURL));
  return runInsights(provider, request, timeoutMs);
}

/** Creates a cache in memory that counts its calls. */
function memoryCache() {
  const entries = new Map<string, InsightCachePayload>();
  const calls = { lookups: 0, stores: 0 };
  const cache: InsightCache = {
    lookup: (key) => {
      calls.lookups += 1;
      return Promise.resolve(entries.get(key)?.reply ?? null);
    },
    store: (entry) => {
      calls.stores += 1;
      entries.set(entry.key, entry);
      return Promise.resolve();
    },
  };
  return { cache, calls, entries };
}

describe('anthropic provider', () => {
  test('good reply gives its messages', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.provider, 'anthropic');
    assert.equal(insights.model, 'claude-haiku-5-5');
    assert.equal(insights.cached, false);
    assert.equal(insights.fallbackReason, undefined);
    assert.equal(insights.summary, 'Adds a tokenizer and edits the README.');
    assert.equal(insights.messages['b1'], 'feat(parser): add a tokenizer for templates');
    assert.equal(insights.messages['b2'], 'docs: update README');
    assert.equal(server.requests.length, 1);
  });

  test('request forces the tool and sends no sampling parameters', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    await run(server.baseURL, await buildInsightRequest(change));
    const [request] = server.requests;
    assert.ok(request);
    const tools = request.body['tools'] as Array<Record<string, unknown>>;
    const schema = tools[0]?.['input_schema'] as Record<string, unknown>;

    assert.equal(request.url, '/v1/messages');
    assert.equal(request.body['model'], 'claude-haiku-5-5');
    assert.equal(typeof request.body['max_tokens'], 'number');
    assert.deepEqual(request.body['tool_choice'], {
      type: 'tool',
      name: 'record_insights',
      disable_parallel_tool_use: true,
    });
    assert.equal(tools.length, 1);
    assert.equal(tools[0]?.['name'], 'record_insights');
    assert.equal(schema['type'], 'object');
    assert.equal(schema['$schema'], undefined);
    assert.equal(schema['$id'], undefined);
    for (const key of ['temperature', 'top_p', 'top_k']) {
      assert.equal(key in request.body, false, key);
    }
    assert.equal(request.headers['authorization'], 'Bearer test-key');
    assert.equal(typeof request.headers['anthropic-version'], 'string');
  });

  test('429 then success retries once', async () => {
    const rateLimited = { status: 429, headers: { 'retry-after': '1', 'retry-after-ms': '20' } };
    const server = await serve([rateLimited, { toolInput: goodReply }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 2);
    assert.equal(insights.provider, 'anthropic');
    assert.equal(insights.messages['b1'], 'feat(parser): add a tokenizer for templates');
  });

  test('500 falls back after one retry', async () => {
    const server = await serve([{ status: 500, headers: { 'retry-after-ms': '20' } }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 2);
    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (the API returned HTTP 500, request req_test_2); used the offline heuristic',
    );
    assert.equal(insights.messages['b1'], 'feat(parser): add tokenizer');
  });

  test('redirect is not followed', async () => {
    const elsewhere = await serve([{ toolInput: goodReply }]);
    const moved = { status: 307, headers: { location: `${elsewhere.baseURL}/v1/messages` } };
    const server = await serve([moved]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 1);
    assert.equal(elsewhere.requests.length, 0);
    assert.equal(insights.provider, 'heuristic');
    assert.match(insights.fallbackReason ?? '', /HTTP 307/);
  });

  test('429 with a long retry delay falls back', async () => {
    const rateLimited = { status: 429, headers: { 'retry-after': '30' } };
    const server = await serve([rateLimited, { toolInput: goodReply }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 1);
    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (the API returned HTTP 429, request req_test_1); used the offline heuristic',
    );
  });

  test('non-message reply falls back', async () => {
    const page = { body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } };
    const server = await serve([page]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (the reply is not a Messages API response); used the offline heuristic',
    );
  });

  test('401 falls back without a retry', async () => {
    const server = await serve([{ status: 401 }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 1);
    assert.match(insights.fallbackReason ?? '', /the API returned HTTP 401/);
  });

  test('null reply is not a response', async () => {
    const server = await serve([{ body: null }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(server.requests.length, 1);
    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (the reply is not a Messages API response); used the offline heuristic',
    );
  });

  for (const status of [401, 403]) {
    test(`HTTP ${status} names the API key`, async () => {
      const server = await serve([{ status }]);
      const insights = await run(server.baseURL, await buildInsightRequest(change));

      assert.equal(server.requests.length, 1);
      assert.equal(
        insights.fallbackReason,
        `anthropic failed (the API returned HTTP ${status}, request req_test_1, so check that ` +
          'ANTHROPIC_API_KEY holds a valid key with access to the model); used the offline heuristic',
      );
    });
  }

  test('reply slower than the budget falls back', async () => {
    const server = await serve([{ toolInput: goodReply, delayMs: 60_000 }]);
    // A budget the request meets even on a loaded machine, and the delayed reply misses.
    const insights = await run(server.baseURL, await buildInsightRequest(change), 2000);

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic timed out after 2000 ms; used the offline heuristic',
    );
    assert.equal(server.requests.length, 1);
    // The fallback came before the delayed reply, so the run did not wait for it.
    assert.equal(server.requests[0]?.replied, false);
  });

  test('malformed tool input is dropped', async () => {
    const server = await serve([{ toolInput: { summary: 3, messages: 'b1' } }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.provider, 'heuristic');
    assert.match(
      insights.fallbackReason ?? '',
      /^anthropic failed \(the reply does not match the tool schema: \/summary: must be string and 1 more\); used the offline heuristic$/,
    );
  });

  test('reply without the tool call is dropped', async () => {
    const body = {
      id: 'msg_text',
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-5-5',
      content: [{ type: 'text', text: 'Looks good to me.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
    };
    const server = await serve([{ body }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.match(insights.fallbackReason ?? '', /the reply has no record_insights tool call/);
  });

  test('refused connection falls back naming the cause', async () => {
    const url = await closedPortURL();
    const insights = await run(url, await buildInsightRequest(change));
    const address = url.replace('http://', '');

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      `anthropic failed (could not connect to the API (connect ECONNREFUSED ${address})); ` +
        'used the offline heuristic',
    );
  });

  test('reply over the size limit stops reading', async () => {
    const paddingBytes = 256 * 1024 * 1024;
    const server = await serve([{ paddingBytes }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change), 20_000);
    const sentBytes = server.requests[0]?.sentBytes ?? 0;

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (the reply was larger than 4.0 MB); used the offline heuristic',
    );
    assert.equal(server.requests.length, 1);
    assert.ok(sentBytes < paddingBytes / 4, `${sentBytes} bytes sent`);
  });

  test('cut-off reply names the cause', async () => {
    const server = await serve([{ cutBody: true }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.provider, 'heuristic');
    assert.equal(
      insights.fallbackReason,
      'anthropic failed (reading the reply failed (other side closed)); used the offline heuristic',
    );
  });

  test('invalid messages are dropped, valid ones kept', async () => {
    const reply: ToolReply = {
      summary: '',
      messages: [
        { batch: 'b1', message: 'feat(parser): ' + 'x'.repeat(80) },
        { batch: 'b2', message: 'docs: explain the tokenizer in the README' },
        { batch: 'b9', message: 'fix: something else' },
      ],
    };
    const server = await serve([{ toolInput: reply }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.messages['b1'], 'feat(parser): add tokenizer');
    assert.equal(insights.messages['b2'], 'docs: explain the tokenizer in the README');
    assert.equal(insights.messages['b9'], undefined);
    assert.match(insights.summary, /^The staged change touches 2 files/);
  });

  test('planted secrets never arrive', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    const request = await buildInsightRequest([
      { path: 'src/settings.ts', new: lines(...Object.values(plantedLines)) },
      { path: '.env', new: lines(`FEATURE_FLAG=${planted.envValue}`) },
      { path: 'deploy/id_deploy', new: fakeKeyFile(planted.keyMaterial) },
      { path: 'package-lock.json', new: lines(`{ "note": "${planted.lockfile}" }`) },
      { path: `keys/${planted.pathToken}.txt`, new: lines('see the vault') },
    ]);
    await run(server.baseURL, request);
    const [sent] = server.requests;
    assert.ok(sent);

    for (const [name, secret] of Object.entries(planted)) {
      assert.equal(sent.rawBody.includes(secret), false, `${name} arrived`);
    }
    assert.match(sent.rawBody, /src\/settings\.ts/);
    assert.match(sent.rawBody, /keys\/\[REDACTED\]\.txt/);
    assert.match(sent.rawBody, /package-lock\.json \+1 -0, 1 hunk \(lines withheld: lockfile\)/);
    assert.match(sent.rawBody, /\.env \+1 -0, 1 hunk \(lines withheld: [a-z ]+\)/);
  });

  test('redaction covers lines without a finding', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    const request = await buildInsightRequest([
      {
        path: 'src/settings.ts',
        new: lines('export const region = "eu";', ...Object.values(plantedLines)),
      },
    ]);
    // No finding and no secret known to the request, so the file's lines are sent and
    // redaction alone must catch every value.
    request.risk = { score: 0, blocked: false, findings: [] };
    request.requestSecrets = () => ({ paths: new Set(), values: new Set() });
    await run(server.baseURL, request);
    const [sent] = server.requests;
    assert.ok(sent);
    const text = (sent.body['messages'] as Array<{ content: string }>)[0]?.content ?? '';

    for (const [name, secret] of Object.entries(planted)) {
      assert.equal(sent.rawBody.includes(secret), false, `${name} arrived`);
    }
    assert.match(text, /\+export const region = "eu";/);
    assert.match(text, /\+export const apiKey = "\[REDACTED\]";/);
    assert.match(text, /password: '\[REDACTED\]'/);
    assert.match(text, /https:\/\/\[REDACTED\]@db\.example\.com/);
  });

  test('cache hit does not reach the server', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    const { cache, calls } = memoryCache();
    const provider = createAnthropicProvider(settings(server.baseURL, cache));

    const first = await runInsights(provider, await buildInsightRequest(change), 5000);
    const second = await runInsights(provider, await buildInsightRequest(change), 5000);

    assert.equal(server.requests.length, 1);
    assert.equal(calls.stores, 1);
    assert.equal(first.cached, false);
    assert.equal(second.cached, true);
    assert.equal(second.provider, 'anthropic');
    assert.equal(second.messages['b1'], 'feat(parser): add a tokenizer for templates');
  });

  test('changed staged tree misses the cache', async () => {
    const server = await serve([{ toolInput: goodReply }]);
    const { cache } = memoryCache();
    const provider = createAnthropicProvider(settings(server.baseURL, cache));

    await runInsights(provider, await buildInsightRequest(change), 5000);
    const other = await buildInsightRequest(change, { stagedTree: '4'.repeat(40) });
    const second = await runInsights(provider, other, 5000);

    assert.equal(server.requests.length, 2);
    assert.equal(second.cached, false);
  });

  test('cached reply is stored redacted', async () => {
    const leaky: ToolReply = {
      summary: 'The password is password=hunter2hunter2 for now.',
      messages: [],
    };
    const server = await serve([{ toolInput: leaky }]);
    const { cache, entries } = memoryCache();
    const provider = createAnthropicProvider(settings(server.baseURL, cache));
    const insights = await runInsights(provider, await buildInsightRequest(change), 5000);
    const [entry] = [...entries.values()];

    assert.equal(entry?.reply.summary, 'The password is password=[REDACTED] for now.');
    assert.equal(insights.summary, 'The password is password=[REDACTED] for now.');
    assert.equal(entry?.model, 'claude-haiku-5-5');
    assert.equal(entry?.promptVersion, 2);
  });
  test('message with a redaction mark keeps the heuristic message', async () => {
    const reply: ToolReply = {
      summary: '',
      messages: [
        { batch: 'b1', message: 'feat(parser): add [REDACTED]' },
        { batch: 'b2', message: 'docs: explain the tokenizer in the README' },
      ],
    };
    const server = await serve([{ toolInput: reply }]);
    const insights = await run(server.baseURL, await buildInsightRequest(change));

    assert.equal(insights.messages['b1'], 'feat(parser): add tokenizer');
    assert.equal(insights.messages['b2'], 'docs: explain the tokenizer in the README');
  });

  test('message redacted in the cache keeps the heuristic message', async () => {
    const token = ['ghp', '_', 'PLANTED0123456789abcdefghijklmnopqrstu'].join('');
    const leaky: ToolReply = {
      summary: '',
      messages: [{ batch: 'b1', message: `feat(parser): add ${token}` }],
    };
    const server = await serve([{ toolInput: leaky }]);
    const { cache, entries } = memoryCache();
    const provider = createAnthropicProvider(settings(server.baseURL, cache));
    const request = await buildInsightRequest(change);
    const first = await runInsights(provider, request, 5000);
    const second = await runInsights(provider, request, 5000);

    assert.equal(
      [...entries.values()][0]?.reply.messages[0]?.message,
      'feat(parser): add [REDACTED]',
    );
    assert.equal(second.cached, true);
    assert.equal(first.messages['b1'], 'feat(parser): add tokenizer');
    assert.equal(second.messages['b1'], 'feat(parser): add tokenizer');
    assert.equal(server.requests.length, 1);
  });
});
