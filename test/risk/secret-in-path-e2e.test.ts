import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from './secret-parts.js';

interface AnalyzeDocument {
  footprint: { files: Array<{ path: string }> };
  risk: { blocked: boolean; findings: Array<{ rule: string; severity: string; path: string }> };
  batches: Array<{ message: string; changes: Array<{ path: string }> }>;
}

/** Returns the text of every fossil in the repository's store. */
function readFossilTexts(repo: TempRepo): string[] {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/** Makes a repository with one commit and a staged file whose name is a GitHub token. */
function createRepoWithTokenPath(): { repo: TempRepo; token: string } {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });

  const token = fakeGithubToken();
  repo.write(`keys/${token}.txt`, 'hello\n');
  repo.git(['add', '-A']);
  return { repo, token };
}

describe('secret-in-path rule', () => {
  test('a token in a staged file name blocks precommit, with the path masked', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /keys\/ghp_\*{8}\.txt {2}secret-in-path {2}GitHub token/);
      assert.match(result.stderr, /^ {6}keys\/ghp_\*{8}\.txt$/m);
      assert.equal(result.stderr.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('analysis fossil holds the path masked', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      repo.footprint(['precommit', '--no-llm']);
      const fossils = readFossilTexts(repo);
      const payload = (JSON.parse(fossils[0] ?? '{}') as { payload: AnalyzeDocument }).payload;

      assert.equal(fossils.length, 1);
      assert.equal(fossils[0]?.includes(token), false);
      assert.deepEqual(
        payload.footprint.files.map((file) => file.path),
        ['keys/ghp_********.txt'],
      );
      assert.deepEqual(
        payload.batches.flatMap((batch) => batch.changes.map((change) => change.path)),
        ['keys/ghp_********.txt'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('strategy keeps the staged path for footprint commit', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['strategy', '--no-llm']);
      const strategy = JSON.parse(result.stdout) as AnalyzeDocument;

      assert.deepEqual(
        strategy.batches.flatMap((batch) => batch.changes.map((change) => change.path)),
        [`keys/${token}.txt`],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('an allowed token path prints as staged', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const allow = { risk: { allow: [{ rule: 'secret-in-path', path: 'keys/**' }] } };
      repo.write('footprint.config.json', JSON.stringify(allow));
      repo.git(['add', 'footprint.config.json']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`keys/${token}\\.txt`));
    } finally {
      repo.cleanup();
    }
  });

  test('analyze --json reports a critical finding and a message without the token', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['analyze', '--json', '--no-llm']);
      const document = JSON.parse(result.stdout) as AnalyzeDocument;

      const finding = document.risk.findings.find((each) => each.rule === 'secret-in-path');
      assert.deepEqual(
        { severity: finding?.severity, path: finding?.path },
        { severity: 'critical', path: 'keys/ghp_********.txt' },
      );
      assert.equal(document.risk.blocked, true);
      assert.deepEqual(
        document.batches.map((batch) => batch.message),
        ['docs(keys): add file'],
      );
      assert.equal(result.stdout.includes(token), false);
      assert.deepEqual(
        document.footprint.files.map((file) => file.path),
        ['keys/ghp_********.txt'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('footprint commit refuses and leaves HEAD where it was', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const head = repo.git(['rev-parse', 'HEAD']);
      const result = repo.footprint(['commit', '--yes', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /secret-in-path in keys\/ghp_\*{8}\.txt/);
      assert.equal(repo.git(['rev-parse', 'HEAD']), head);
      assert.equal(repo.git(['log', '--format=%s']).includes(token), false);
    } finally {
      repo.cleanup();
    }
  });
});
