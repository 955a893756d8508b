import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

test('commit on a detached HEAD matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.git(['checkout', '-q', '--detach']);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-m', 'feat: tax rate']);
    });

    assertPassed(results.hooked);
    assertSameCommit(twins);
    assert.equal(twins.hooked.gitResult(['symbolic-ref', '-q', 'HEAD']).status, 1);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'main']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});
