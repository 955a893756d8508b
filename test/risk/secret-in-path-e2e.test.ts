import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from './secret-parts.js';

interface AnalyzeDocument {
  risk: { blocked: boolean; findings: Array<{ rule: string; severity: string; path: string }> };
  batches: Array<{ message: string }>;
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
      // NOTE: the batch listing still names the staged path as it is; only that line has it.
      const withToken = result.stderr.split('\n').filter((line) => line.includes(token));
      assert.deepEqual(
        withToken.map((line) => line.trim()),
        [`keys/${token}.txt`],
      );
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
      assert.equal(JSON.stringify(document.risk).includes(token), false);
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
