import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createRepoNamed,
  createTwins,
  EDITOR_TAKING_THE_SUGGESTION,
  listFossils,
  messageOf,
} from './situation.js';

const REPOSITORY_NAME = "my shop's repo ünï";

test('repository path with spaces passes and matches git', () => {
  const twins = createTwins({ createRepo: () => createRepoNamed(REPOSITORY_NAME) });
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-m', 'feat: tax rate']);
    });

    assertPassed(results.hooked);
    assert.ok(twins.hooked.dir.endsWith(REPOSITORY_NAME));
    assertSameCommit(twins);
    assert.equal(listFossils(twins.hooked.dir).length, 1);
  } finally {
    twins.cleanup();
  }
});

test('repository path with spaces gets the suggested message', () => {
  const twins = createTwins({ createRepo: () => createRepoNamed(REPOSITORY_NAME) });
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, [], { GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION });
    });

    assertPassed(results.hooked);
    assert.match(messageOf(twins.hooked), /^feat\b/);
  } finally {
    twins.cleanup();
  }
});
