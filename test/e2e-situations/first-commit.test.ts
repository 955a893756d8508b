import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  createTwins,
  EDITOR_TAKING_THE_SUGGESTION,
  listFossils,
} from './situation.js';

test('first commit passes and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.write('src/index.js', 'export const answer = 42;\n');
      repo.write('README.md', '# Answer\n');
      repo.git(['add', '-A']);
      return commit(repo, ['-m', 'feat: first']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 3 files/);
    assert.equal(results.plain.status, 0, results.plain.stderr);
    assertSameCommit(twins);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
    assert.equal(listFossils(twins.hooked.dir).length, 1);
  } finally {
    twins.cleanup();
  }
});

test('first commit without a message gets the suggestion', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.write('src/index.js', 'export const answer = 42;\n');
      repo.git(['add', 'src/index.js']);
      return commit(repo, [], { GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION });
    });

    assertPassed(results.hooked);
    assert.equal(results.plain.status, 1, 'git aborts a commit with an empty message');
    assert.match(twins.hooked.git(['log', '-1', '--format=%s']), /^feat\b.*\n$/);
    assert.equal(twins.hooked.git(['ls-tree', '-r', '--name-only', 'HEAD']), 'src/index.js\n');
  } finally {
    twins.cleanup();
  }
});
