import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  fakePrivateKey,
} from './situation.js';

test('commit -a checks the temporary index and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('README.md', '# Shop\n\nA cart library with totals.\n');
      repo.write('src/cart.js', 'export function total(items) {\n  return items.length + 0;\n}\n');
      repo.write('untracked.txt', 'not part of commit -a\n');
      return commit(repo, ['-a', '-m', 'docs: mention totals']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 2 files/);
    assert.doesNotMatch(results.hooked.stderr, /untracked\.txt/);
    assertSameCommit(twins);
    assert.equal(
      twins.hooked.git(['status', '--porcelain', '--', 'untracked.txt']),
      '?? untracked.txt\n',
    );
  } finally {
    twins.cleanup();
  }
});

test('commit -a blocks a key only the working tree has', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('README.md', `# Shop\n${fakePrivateKey()}`);
      return commit(repo, ['-a', '-m', 'docs: edit readme']);
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.match(results.hooked.stderr, /README\.md:3 {2}private-key/);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
    assert.equal(twins.hooked.git(['diff', '--cached', '--name-only']), '');
  } finally {
    twins.cleanup();
  }
});
