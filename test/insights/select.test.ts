import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { runInsights } from '../../src/insights/run.js';
import { selectInsightProvider } from '../../src/insights/select.js';
import { lines } from '../helpers/footprint-builder.js';
import { closedPortURL, startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';
import { anthropicConfig, buildInsightRequest } from './insight-request.js';

function configWith(change: (config: Config) => void): Config {
  const config = createDefaultConfig();
  change(config);
  return config;
}

async function fallbackReasonOf(config: Config, env: NodeJS.ProcessEnv, noLlm: boolean) {
  const provider = selectInsightProvider(config, env, { noLlm });
  const request = await buildInsightRequest([{ path: 'src/a.ts', new: lines('x') }]);
  const insights = await runInsights(provider, request, 5000);
  return insights.fallbackReason;
}

const servers: FakeMessagesApi[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function serve(): Promise<FakeMessagesApi> {
  const server = await startFakeMessagesApi([{ toolInput: { summary: 'ok', messages: [] } }]);
  servers.push(server);
  return server;
}

describe('selectInsightProvider', () => {
  const anthropic = anthropicConfig();
  const withKey = { ANTHROPIC_API_KEY: 'test-key' };

  test('default config gives the heuristic', async () => {
    const config = createDefaultConfig();

    assert.equal(selectInsightProvider(config, withKey, { noLlm: false }).name, 'heuristic');
    assert.equal(await fallbackReasonOf(config, withKey, false), undefined);
  });

  test('anthropic with a key gives the anthropic provider', () => {
    assert.equal(selectInsightProvider(anthropic, withKey, { noLlm: false }).name, 'anthropic');
  });

  test('anthropic without a key falls back with a reason', async () => {
    const reason = await fallbackReasonOf(anthropic, { ANTHROPIC_API_KEY: ' ' }, false);

    assert.equal(selectInsightProvider(anthropic, {}, { noLlm: false }).name, 'heuristic');
    assert.match(reason ?? '', /ANTHROPIC_API_KEY is not set; used the offline heuristic/);
  });

  test('--no-llm gives the heuristic without a reason', async () => {
    assert.equal(await fallbackReasonOf(anthropic, withKey, true), undefined);
  });

  test('disabled llm gives the heuristic without a reason', async () => {
    const disabled = configWith((config) => {
      config.llm.provider = 'anthropic';
      config.llm.enabled = false;
    });

    assert.equal(await fallbackReasonOf(disabled, withKey, false), undefined);
  });

  test('ANTHROPIC_BASE_URL wins over llm.baseURL', async () => {
    const server = await serve();
    const config = anthropicConfig((value) => (value.llm.baseURL = 'http://127.0.0.1:9'));
    const env = { ...withKey, ANTHROPIC_BASE_URL: server.baseURL };

    assert.equal(await fallbackReasonOf(config, env, false), undefined);
    assert.equal(server.requests.length, 1);
  });

  test('llm.baseURL alone sends nothing', async () => {
    const server = await serve();
    const config = anthropicConfig((value) => (value.llm.baseURL = `${server.baseURL}/collect`));
    const reason = await fallbackReasonOf(config, withKey, false);
    const host = server.baseURL.replace('http://', '');

    assert.equal(server.requests.length, 0);
    assert.equal(
      reason,
      `llm.baseURL in the repository's configuration names ${host}, but only ` +
        'ANTHROPIC_BASE_URL in your environment chooses where ANTHROPIC_API_KEY is sent; sent ' +
        `nothing and used the offline heuristic. To send to that host, set ` +
        `ANTHROPIC_BASE_URL=${server.baseURL}.`,
    );
  });

  test('loopback llm.baseURL also sends nothing', async () => {
    const server = await serve();
    const url = server.baseURL.replace('127.0.0.1', 'localhost');
    const config = anthropicConfig((value) => (value.llm.baseURL = url));

    assert.match((await fallbackReasonOf(config, withKey, false)) ?? '', /names localhost:\d+/);
    assert.equal(server.requests.length, 0);
  });

  test('llm.baseURL on the variable origin applies', async () => {
    const server = await serve();
    const config = anthropicConfig((value) => (value.llm.baseURL = `${server.baseURL}/collect`));
    const env = { ...withKey, ANTHROPIC_BASE_URL: `${server.baseURL}/` };
    await fallbackReasonOf(config, env, false);

    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.url, '/collect/v1/messages');
  });

  test('llm.baseURL on another port is ignored', async () => {
    const server = await serve();
    const other = await closedPortURL();
    const config = anthropicConfig((value) => (value.llm.baseURL = `${other}/collect`));
    const env = { ...withKey, ANTHROPIC_BASE_URL: server.baseURL };

    assert.equal(await fallbackReasonOf(config, env, false), undefined);
    assert.equal(server.requests[0]?.url, '/v1/messages');
  });

  test('unreachable base URL falls back', async () => {
    const url = await closedPortURL();
    const config = anthropicConfig((value) => (value.llm.baseURL = url));
    const env = { ...withKey, ANTHROPIC_BASE_URL: url };

    assert.match((await fallbackReasonOf(config, env, false)) ?? '', /could not connect/);
  });

  test('provider names the default host', () => {
    assert.equal(
      selectInsightProvider(anthropic, withKey, { noLlm: false }).host,
      'api.anthropic.com',
    );
  });

  for (const value of ['not-a-url', 'ftp://api.example.com', 'http://', 'api.anthropic.com']) {
    test(`invalid ANTHROPIC_BASE_URL ${value} falls back naming it`, async () => {
      const server = await serve();
      const config = anthropicConfig((settings) => (settings.llm.baseURL = server.baseURL));
      const env = { ...withKey, ANTHROPIC_BASE_URL: value };
      const reason = await fallbackReasonOf(config, env, false);

      assert.equal(
        reason,
        `ANTHROPIC_BASE_URL is ${JSON.stringify(value)}, which is not an http:// or https:// URL; ` +
          "used the offline heuristic. Set ANTHROPIC_BASE_URL to the API's base URL, such as " +
          'https://api.anthropic.com, or unset it.',
      );
      assert.equal(server.requests.length, 0);
    });
  }

  test('invalid llm.baseURL falls back naming the key', async () => {
    const config = anthropicConfig((value) => (value.llm.baseURL = 'https://exa mple.com'));
    const reason = await fallbackReasonOf(config, withKey, false);

    assert.match(reason ?? '', /^llm\.baseURL is "https:\/\/exa mple\.com", which is not an http/);
    assert.match(reason ?? '', /Set llm\.baseURL to the API's base URL/);
  });

  test('base URL with credentials falls back naming it', async () => {
    const server = await serve();
    const url = server.baseURL.replace('http://', `http://deploy:${'hunter2'}pw@`);
    const env = { ...withKey, ANTHROPIC_BASE_URL: url };
    const reason = await fallbackReasonOf(anthropic, env, false);
    const shown = server.baseURL.replace('http://', 'http://[REDACTED]@');

    assert.equal(
      reason,
      `ANTHROPIC_BASE_URL is "${shown}", a URL with a user name or password, which fetch ` +
        'rejects; used the offline heuristic. Remove them from the URL and put the API key in ' +
        'ANTHROPIC_API_KEY.',
    );
    assert.equal(server.requests.length, 0);
  });

  test('llm.baseURL with credentials names the key', async () => {
    const config = anthropicConfig((value) => (value.llm.baseURL = 'https://u:p@api.example.com'));
    const reason = await fallbackReasonOf(config, withKey, false);

    assert.match(reason ?? '', /^llm\.baseURL is "https:\/\/\[REDACTED\]@api\.example\.com"/);
    assert.match(reason ?? '', /a URL with a user name or password/);
  });

  test('invalid base URL is redacted in the reason', async () => {
    const token = ['ghp', '_', 'PLANTED0123456789abcdefghijklmnopqrstu'].join('');
    const env = { ...withKey, ANTHROPIC_BASE_URL: `not a url ${token}` };
    const reason = await fallbackReasonOf(anthropic, env, false);

    assert.ok(!(reason ?? '').includes(token), reason);
    assert.match(reason ?? '', /\[REDACTED\]/);
  });
});

describe('FOOTPRINT_LLM', () => {
  const anthropic = anthropicConfig();
  const withKey = { ANTHROPIC_API_KEY: 'test-key' };

  for (const value of ['0', 'false', 'no', 'off', 'NO', ' Off ', 'FALSE']) {
    test(`${JSON.stringify(value)} gives the heuristic`, async () => {
      const env = { ...withKey, FOOTPRINT_LLM: value };

      assert.equal(selectInsightProvider(anthropic, env, { noLlm: false }).name, 'heuristic');
      assert.equal(await fallbackReasonOf(anthropic, env, false), undefined);
    });
  }

  for (const value of ['1', 'true', 'yes', 'on', 'ON', '', '  ']) {
    test(`${JSON.stringify(value)} keeps the configured provider`, () => {
      const env = { ...withKey, FOOTPRINT_LLM: value };

      assert.equal(selectInsightProvider(anthropic, env, { noLlm: false }).name, 'anthropic');
    });
  }

  test('unknown value falls back naming it', async () => {
    const env = { ...withKey, FOOTPRINT_LLM: 'disable' };

    assert.equal(selectInsightProvider(anthropic, env, { noLlm: false }).name, 'heuristic');
    assert.equal(
      await fallbackReasonOf(anthropic, env, false),
      'FOOTPRINT_LLM is "disable", which is not an accepted value; used the offline heuristic. ' +
        'Set it to 0, false, no or off to use the heuristic, or to 1, true, yes or on (or unset ' +
        'it) to follow llm.enabled.',
    );
  });

  test('unknown value is named with --no-llm too', async () => {
    const reason = await fallbackReasonOf(anthropic, { FOOTPRINT_LLM: 'nope' }, true);

    assert.match(reason ?? '', /^FOOTPRINT_LLM is "nope"/);
  });

  test('unknown value is redacted and shortened', async () => {
    const token = ['ghp', '_', 'PLANTED0123456789abcdefghijklmnopqrstu'].join('');
    const reason = (await fallbackReasonOf(anthropic, { FOOTPRINT_LLM: token }, false)) ?? '';

    assert.equal(reason.includes(token), false, reason);
    assert.match(reason, /^FOOTPRINT_LLM is "\[REDACTED\]", which/);
  });
});
