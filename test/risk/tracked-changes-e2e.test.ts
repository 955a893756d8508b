import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken, pemBegin, pemEnd } from './secret-parts.js';

interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  fix: string;
}

interface JsonRisk {
  blocked: boolean;
  findings: JsonFinding[];
  skippedRules?: string[];
}

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** Makes a repository whose first commit contains `files`, committed without the hook. */
function createRepo(files: Record<string, string | Buffer>): TempRepo {
  const repo = createTempRepo();
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function stage(repo: TempRepo, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
}

function precommitRisk(repo: TempRepo, env: Record<string, string> = {}): JsonRisk {
  const result = repo.footprint(['precommit', '--json', '--no-llm'], { env });
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { risk: JsonRisk }).risk;
}

/** Returns base64 lines of a made-up key body, different for each seed. */
function keyBody(seed: number): string[] {
  const bytes = Buffer.alloc(480, 0);
  for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 31 + seed * 17) % 251;
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  );
}

describe('private key rotated in a tracked file', () => {
  test('new key body between unchanged headers blocks', () => {
    const pem = (seed: number): string => lines(pemBegin(), ...keyBody(seed), pemEnd());
    const repo = createRepo({ 'deploy/key.pem': pem(1) });
    try {
      stage(repo, { 'deploy/key.pem': pem(2) });
      const risk = precommitRisk(repo);

      const keys = risk.findings.filter((finding) => finding.rule === 'private-key');
      assert.deepEqual(
        keys.map((finding) => `${finding.path}:${finding.line ?? 0}`),
        ['deploy/key.pem:2'],
      );
      assert.equal(risk.blocked, true);
    } finally {
      repo.cleanup();
    }
  });
});

describe('large file already tracked', () => {
  const big = lines(...Array.from({ length: 100_000 }, (_, index) => String(index + 1)));

  test('edit of a tracked large file passes', () => {
    const repo = createRepo({ 'test/data/ids.csv': big });
    try {
      stage(repo, { 'test/data/ids.csv': `${big}100001\n` });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /large-file .*; it was .* before this change/);
    } finally {
      repo.cleanup();
    }
  });

  test('added large file still blocks', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'test/data/ids.csv': big });
      const risk = precommitRisk(repo);
      const [finding] = risk.findings.filter((found) => found.rule === 'large-file');

      assert.equal(finding?.severity, 'high');
      assert.equal(risk.blocked, true);
    } finally {
      repo.cleanup();
    }
  });
});

describe('UTF-16 text with a byte order mark', () => {
  test('is not a binary-file finding', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      const text = 'greeting = "hello"\r\nname = "wörld"\r\n\r\nshort\r\n';
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      stage(repo, { 'src/strings.py': utf16 });
      const risk = precommitRisk(repo, {});

      assert.deepEqual(
        risk.findings.filter((finding) => finding.rule === 'binary-file'),
        [],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('real binary is still a finding', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      const binary = Buffer.from([0xff, 0xfe, 0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]);
      stage(repo, { 'tools/helper.bin': binary });
      const risk = precommitRisk(repo);

      assert.deepEqual(
        risk.findings.filter((finding) => finding.rule === 'binary-file').map((f) => f.path),
        ['tools/helper.bin'],
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('FOOTPRINT_SKIP of a rule', () => {
  test('summary names the skipped rule', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'a.js': lines(`const t = '${fakeGithubToken()}';`) });
      const result = repo.footprint(['precommit', '--no-llm'], {
        env: { FOOTPRINT_SKIP: 'provider-token' },
      });

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /FOOTPRINT_SKIP skipped 1 rule for this run: provider-token\./);
      assert.match(result.stderr, /✔ Commit passed: no risk findings from the rules that ran\./);
    } finally {
      repo.cleanup();
    }
  });

  test('fossil records the skipped rule', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'a.js': lines(`const t = '${fakeGithubToken()}';`) });
      const risk = precommitRisk(repo, { FOOTPRINT_SKIP: 'provider-token,no-such-rule' });
      const store = path.join(repo.dir, 'fossils');
      const [name] = readdirSync(store).filter((file) => file.includes('-analysis-'));
      const fossil = JSON.parse(readFileSync(path.join(store, name ?? ''), 'utf8')) as {
        payload: { risk: JsonRisk };
      };

      assert.deepEqual(risk.skippedRules, ['provider-token']);
      assert.deepEqual(fossil.payload.risk.skippedRules, ['provider-token']);
    } finally {
      repo.cleanup();
    }
  });

  test('run without a skip records none', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'a.js': lines('export const a = 1;') });
      const risk = precommitRisk(repo);

      assert.equal(risk.skippedRules, undefined);
    } finally {
      repo.cleanup();
    }
  });
});

describe('ways out for a JSON file', () => {
  test('no footprint-allow comment is advised', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'fixture.json': lines(`{ "github_token": "${fakeGithubToken()}" }`) });
      const result = repo.footprint(['precommit', '--no-llm']);
      const risk = precommitRisk(repo);

      assert.equal(result.status, 1);
      assert.doesNotMatch(result.stderr, /Allow one line/);
      assert.match(
        result.stderr,
        /Allow a path: +add \{ "rule": "provider-token", "path": "\/fixture\.json" \}/,
      );
      assert.doesNotMatch(risk.findings[0]?.fix ?? '', /footprint-allow/);
    } finally {
      repo.cleanup();
    }
  });

  test('a JavaScript file keeps the comment advice', () => {
    const repo = createRepo({ 'README.md': '# demo\n' });
    try {
      stage(repo, { 'fixture.js': lines(`export const t = '${fakeGithubToken()}';`) });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.match(
        result.stderr,
        /Allow one line: +add the comment `footprint-allow: provider-token`/,
      );
    } finally {
      repo.cleanup();
    }
  });
});
