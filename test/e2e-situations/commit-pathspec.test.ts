import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

test('commit -- path checks only the path and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/cart.js', 'export function total(items) {\n  return items.length + 0;\n}\n');
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.write('README.md', '# Shop\n\nA cart library with tax.\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-m', 'feat: tax', '--', 'src/']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 2 files,/);
    assert.doesNotMatch(results.hooked.stderr, /README\.md/);
    assertSameCommit(twins);
    assert.equal(
      twins.hooked.git(['status', '--porcelain', '--untracked-files=no']),
      ' M README.md\n',
    );
  } finally {
    twins.cleanup();
  }
});
