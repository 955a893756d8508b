import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { TempRepo } from '../helpers/repo.js';
import type { FakeMessagesApi, RecordedRequest } from './fake-messages-api.js';
import { hermeticEnv, runFootprint, type RunResult } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

// Values are joined from parts so that this file contains no string a scanner would flag.
const CREDS = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const API_ACCESS = ['p42O0AC3', 'oaP9w87k'].join('');
const DB_PASSWORD = ['TcXmk7xZ', 'LY7!nCvM87'].join('');

/** Ordinary code staged beside each secret, which the request must still show. */
const GREETING = ['def greet(name):', '    return f"Hello, {name}"', ''];

/** Creates a repository with a first commit whose config turns on the Anthropic provider. */
function createRepo(risk: Record<string, unknown> = {}): TempRepo {
  const repo = createTrackedRepo();
  const config = { llm: { provider: 'anthropic' }, risk };
  repo.write('footprint.config.json', JSON.stringify(config));
  repo.write('README.md', '# Shop\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function precommit(
  repo: TempRepo,
  server: FakeMessagesApi,
  extra: Record<string, string> = {},
): Promise<RunResult> {
  const env = { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL, ...extra };
  return runFootprint(repo.dir, ['precommit'], hermeticEnv(env));
}

/** Returns the text of the request's user message, which contains the change summary. */
function summaryText(request: RecordedRequest | undefined): string {
  const messages = request?.body['messages'] as Array<{ content: unknown }> | undefined;
  const content = messages?.[0]?.content;
  assert.equal(typeof content, 'string', 'the request has no user message text');
  return content as string;
}

/** Returns every run of eight characters of `secret` that `text` contains. */
function leakedPieces(text: string, secret: string): string[] {
  const leaked: string[] = [];
  for (let start = 0; start + 8 <= secret.length; start++) {
    const piece = secret.slice(start, start + 8);
    if (text.includes(piece)) leaked.push(piece);
  }
  return leaked;
}

/** Returns the text of every fossil the repository's store holds. */
function readFossils(repo: TempRepo): string {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

/** Returns the rules of the findings in the newest analysis fossil. */
function fossilFindingRules(repo: TempRepo): string[] {
  const dir = path.join(repo.dir, 'fossils');
  const name = readdirSync(dir)
    .filter((file) => file.includes('-analysis-') && file.endsWith('.json'))
    .sort()
    .at(-1);
  assert.ok(name, 'no analysis fossil');
  const fossil = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
    payload: { risk: { findings: Array<{ rule: string }> } };
  };
  return fossil.payload.risk.findings.map((finding) => finding.rule);
}

/** Asserts that neither the request body nor a fossil contains any piece of `secrets`. */
function assertKeptLocal(body: string, repo: TempRepo, secrets: readonly string[]): void {
  const fossils = readFossils(repo);
  for (const secret of secrets) {
    assert.deepEqual(leakedPieces(body, secret), [], 'part of a secret was sent');
    assert.deepEqual(leakedPieces(fossils, secret), [], 'part of a secret is in a fossil');
  }
}

const SETTINGS = ['import os', '', `creds = "${CREDS}"`, `api_access = "${API_ACCESS}"`, ''];
const ALLOW_COMMENT = '  # footprint-allow: generic-secret';

/** The ways a user keeps a secret finding from blocking, each set up in a fresh repository. */
const KEPT_SECRET_CASES: Array<{
  name: string;
  risk?: Record<string, unknown>;
  env?: Record<string, string>;
  settings: string[];
}> = [
  {
    name: 'skipped secret stays withheld',
    env: { FOOTPRINT_SKIP: 'generic-secret' },
    settings: SETTINGS,
  },
  {
    name: 'allowed secret stays withheld',
    risk: { allow: [{ rule: 'generic-secret', path: 'settings.py' }] },
    settings: SETTINGS,
  },
  {
    name: 'disabled rule still withholds',
    risk: { disable: ['generic-secret'] },
    settings: SETTINGS,
  },
  {
    name: 'inline-allowed secret stays withheld',
    settings: SETTINGS.map((line) => (line.includes(' = "') ? `${line}${ALLOW_COMMENT}` : line)),
  },
];

describe('secrets kept out of the request', () => {
  for (const { name, risk, env, settings } of KEPT_SECRET_CASES) {
    test(name, async () => {
      const server = await serve([{ toolInput: { summary: 'Adds settings.', messages: [] } }]);
      const repo = createRepo(risk);
      repo.write('settings.py', settings.join('\n'));
      repo.write('src/greet.py', GREETING.join('\n'));
      repo.git(['add', '-A']);

      const result = await precommit(repo, server, env);
      const text = summaryText(server.requests[0]);

      assert.equal(result.status, 0, result.stderr);
      assert.equal(server.requests.length, 1);
      assert.match(text, /settings\.py .*\(lines withheld: secret finding\)/);
      assert.match(text, /Risk findings: none\./);
      assert.deepEqual(fossilFindingRules(repo), []);
      assert.match(text, /\+def greet\(name\):/);
      assert.match(text, /\+ {4}return f"Hello, \{name\}"/);
      assertKeptLocal(server.requests[0]?.rawBody ?? '', repo, [CREDS, API_ACCESS]);
    });
  }

  for (const skip of ['', 'generic-secret']) {
    test(`reported value redacted elsewhere${skip === '' ? '' : ', skipped'}`, async () => {
      const server = await serve([{ toolInput: { summary: 'Adds a check.', messages: [] } }]);
      const repo = createRepo();
      repo.write('settings.py', `DB_PASSWORD = "${DB_PASSWORD}"\n`);
      repo.write(
        'check_db.py',
        `import psycopg2\n\nconn2 = psycopg2.connect("db.acme.io", "app", "${DB_PASSWORD}")\n`,
      );
      repo.git(['add', '-A']);

      const result = await precommit(repo, server, skip === '' ? {} : { FOOTPRINT_SKIP: skip });
      const text = summaryText(server.requests[0]);

      assert.equal(result.status, skip === '' ? 1 : 0, result.stderr);
      assert.equal(server.requests.length, 1);
      assert.match(text, /settings\.py .*\(lines withheld: secret finding\)/);
      assert.match(text, /\+import psycopg2/);
      assert.ok(
        text.includes('+conn2 = psycopg2.connect("db.acme.io", "app", "[REDACTED]")'),
        text,
      );
      assertKeptLocal(server.requests[0]?.rawBody ?? '', repo, [DB_PASSWORD]);
    });
  }

  test('removed secret stays local', async () => {
    const server = await serve([{ toolInput: { summary: 'Moves a secret.', messages: [] } }]);
    const repo = createRepo();
    const config = ['<?php', "define('DB_HOST', 'db.acme.io');", "define('DB_USER', 'app');"];
    repo.write('config.php', [...config, `define('DB_ACCESS', '${API_ACCESS}');`, ''].join('\n'));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'add config'], { env: { FOOTPRINT: '0' } });
    repo.write('config.php', [...config, ''].join('\n'));
    repo.write(
      'db.php',
      ['<?php', `$pdo = new PDO('mysql:host=db.acme.io', 'app', '${API_ACCESS}');`, ''].join('\n'),
    );
    repo.git(['add', '-A']);

    const result = await precommit(repo, server);
    const text = summaryText(server.requests[0]);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.match(text, /config\.php .*\(lines withheld: secret finding\)/);
    assert.match(text, /Risk findings: none\./);
    assert.deepEqual(fossilFindingRules(repo), []);
    assert.ok(
      text.includes("+$pdo = new PDO('mysql:host=db.acme.io', 'app', '[REDACTED]');"),
      text,
    );
    assertKeptLocal(server.requests[0]?.rawBody ?? '', repo, [API_ACCESS]);
  });
});
