import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  fakeAwsAccessKeyId,
  fakeGithubToken,
  fakeJwt,
  fakeLongPassword,
  fakeStripeLiveKey,
} from './secret-parts.js';

interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  masked?: string;
}

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

function createRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function readFossils(repo: TempRepo): string {
  const files = repo.git(['ls-files', '--others', '--', 'fossils']).trim().split('\n');
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => readFileSync(path.join(repo.dir, file), 'utf8'))
    .join('\n');
}

function precommitFindings(repo: TempRepo): JsonFinding[] {
  const result = repo.footprint(['precommit', '--json', '--no-llm']);
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } }).risk.findings;
}

/** Returns every run of four or more characters of `secret` that `text` contains. */
function leakedParts(text: string, secret: string): string[] {
  const leaked: string[] = [];
  for (let start = 0; start + 4 <= secret.length; start++) {
    const part = secret.slice(start, start + 4);
    if (text.includes(part)) leaked.push(part);
  }
  return leaked;
}

describe('masked secrets through footprint precommit', () => {
  test('URL passwords leave no character in fossils or SARIF', () => {
    const repo = createRepo();
    try {
      const password = fakeLongPassword();
      const mongoPassword = ['Mx', 'Lp7Vw3Qz'].join('');
      const redisPassword = ['Rd', '9Kq2Lp7Vw3'].join('');
      repo.write(
        '.env.production.local.txt',
        lines(
          `DB=postgres://admin:${password}@db.internal.corp:5432/app`,
          `MONGO=mongodb://app:${mongoPassword}@mongo.internal.corp/app`,
          `CACHE=redis://:${redisPassword}@cache.corp:6379`,
        ),
      );
      repo.git(['add', '-A']);
      const findings = precommitFindings(repo);
      const sarif = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']).stdout;
      const written = `${readFossils(repo)}\n${sarif}`;
      const masks = findings
        .filter((finding) => finding.rule === 'url-credentials')
        .map((finding) => finding.masked);

      assert.deepEqual(masks, [
        'postgres://admin:********@db.internal.corp',
        'mongodb://app:********@mongo.internal.corp',
        'redis://:********@cache.corp',
      ]);
      assert.match(sarif, /postgres:\/\/admin:\*{8}@db\.internal\.corp/);
      assert.deepEqual(leakedParts(written, password), []);
      assert.deepEqual(leakedParts(written, mongoPassword), []);
      assert.deepEqual(leakedParts(written, redisPassword), []);
    } finally {
      repo.cleanup();
    }
  });

  test('token as URL user name is masked', () => {
    const repo = createRepo();
    try {
      const token = fakeGithubToken();
      const randomUser = ['q7Zr', 'X2mK', '9vLp', 'W4tB'].join('');
      repo.write(
        'scripts/clone.sh',
        lines(
          `git clone https://${token}:x-oauth-basic@github.com/acme/app.git`,
          `psql postgres://${randomUser}:${fakeLongPassword()}@db.internal.corp/app`,
        ),
      );
      repo.git(['add', '-A']);
      const findings = precommitFindings(repo);
      const sarif = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']).stdout;
      const written = `${readFossils(repo)}\n${sarif}\n${JSON.stringify(findings)}`;

      assert.ok(findings.length > 0);
      assert.deepEqual(leakedParts(written, token.slice(4)), []);
      assert.deepEqual(leakedParts(written, randomUser), []);
    } finally {
      repo.cleanup();
    }
  });

  test('tokens keep only their provider prefix', () => {
    const repo = createRepo();
    try {
      const tokens = [fakeGithubToken(), fakeAwsAccessKeyId(), fakeStripeLiveKey(), fakeJwt()];
      repo.write(
        'src/keys.js',
        lines(
          `export const github = '${tokens[0]}';`,
          `export const awsId = '${tokens[1]}';`,
          `export const stripe = '${tokens[2]}';`,
          `export const session = '${tokens[3]}';`,
        ),
      );
      repo.git(['add', '-A']);
      const findings = precommitFindings(repo);
      const sarif = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']).stdout;
      const written = `${readFossils(repo)}\n${sarif}`;

      assert.deepEqual(
        findings.map((finding) => [finding.rule, finding.line, finding.masked]),
        [
          ['provider-token', 1, 'ghp_********'],
          ['provider-token', 2, 'AKIA********'],
          ['provider-token', 3, 'sk_live_********'],
          ['jwt', 4, 'eyJ********'],
        ],
      );
      for (const token of tokens) {
        const secretPart = token.slice(token.length - 12);
        assert.equal(written.includes(secretPart), false, `${secretPart} was written`);
      }
    } finally {
      repo.cleanup();
    }
  });

  test('JWT in a test fixture is medium and passes', () => {
    const repo = createRepo();
    try {
      repo.write('test/fixtures/session.json', lines(`{ "token": "${fakeJwt()}" }`));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--json', '--no-llm']);
      const findings = (JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } }).risk
        .findings;

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(
        findings.map((finding) => [finding.rule, finding.severity]),
        [['jwt', 'medium']],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('JWT in source blocks in balanced mode', () => {
    const repo = createRepo();
    try {
      repo.write('src/client.js', lines(`const session = "${fakeJwt()}";`));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /src\/client\.js:1 +jwt/);
    } finally {
      repo.cleanup();
    }
  });
});
