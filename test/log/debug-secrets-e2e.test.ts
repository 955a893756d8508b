import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId, fakeGithubToken } from '../risk/secret-parts.js';

describe('debug output with tokens in names', () => {
  test('masks branch and argument tokens', () => {
    const token = fakeGithubToken();
    const keyId = fakeAwsAccessKeyId();
    const repo = createTempRepo({ initialBranch: `fix/${token}` });
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.write('README.md', '# demo\n\nMore.\n');
      repo.git(['add', '-A']);
      const plan = `plans/${keyId}.json`;
      const written = repo.footprint(['strategy', '--output', plan, '--no-llm']);
      assert.equal(written.status, 0, written.stderr);

      const args = ['commit', '--strategy', plan, '--yes', '--no-llm', '--debug'];
      const committed = repo.footprint(args);

      assert.equal(committed.status, 0, committed.stderr);
      assert.match(committed.stderr, /^footprint:cli /m);
      assert.equal(committed.stderr.includes(token), false, 'stderr holds the branch token');
      assert.equal(committed.stderr.includes(keyId), false, 'stderr holds the file name token');
      assert.match(committed.stderr, /footprint:git moved refs\/heads\/fix\/ghp_\*{8} /);
      assert.match(committed.stderr, /--strategy plans\/AKIA\*{8}\.json/);
    } finally {
      repo.cleanup();
    }
  });

  test('leaves lines without tokens alone', () => {
    const repo = createTempRepo();
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      const result = repo.footprint(['analyze', '--no-llm', '--debug']);

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /^footprint:cli footprint analyze --no-llm --debug \+\d+ms$/m);
    } finally {
      repo.cleanup();
    }
  });
});
