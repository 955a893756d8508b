import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

test('commit with core.hooksPath runs the hooks there and matches git', () => {
  const twins = createTwins({
    beforeInit: (repo) => repo.git(['config', 'core.hooksPath', '.githooks']),
  });
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-m', 'feat: tax rate']);
    });

    assertPassed(results.hooked);
    assert.ok(existsSync(path.join(twins.hooked.dir, '.githooks', 'pre-commit')));
    assert.ok(existsSync(path.join(twins.hooked.dir, '.githooks', 'prepare-commit-msg')));
    assert.equal(existsSync(path.join(twins.hooked.dir, '.git', 'hooks', 'pre-commit')), false);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});
