import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

test('usage errors mask provider tokens', () => {
  const token = fakeGithubToken();
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: token }));
    repo.write('README.md', '# demo\n');
    repo.git(['add', '-A']);

    const result = repo.footprint(['analyze', '--no-llm']);

    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr.includes(token), false, result.stderr);
    assert.match(result.stderr, /"mode" is "ghp_\*{8}"; expected one of/);
  } finally {
    repo.cleanup();
  }
});
