import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  messageOf,
} from './situation.js';

test('amend without a new message keeps it and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('docs/usage.md', '# Usage\n');
      repo.git(['add', 'docs/usage.md']);
      return commit(repo, ['--amend']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 1 file,/);
    assertSameCommit(twins);
    assert.equal(messageOf(twins.hooked), 'chore: start');
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});

test('amend with -m matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      return commit(repo, ['--amend', '-m', 'chore: begin the shop']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /nothing staged/);
    assertSameCommit(twins);
    assert.equal(messageOf(twins.hooked), 'chore: begin the shop');
  } finally {
    twins.cleanup();
  }
});
