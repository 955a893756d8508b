import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TempRepo } from '../helpers/repo.js';
import {
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  fakePrivateKey,
  listFossils,
} from './situation.js';

function stageKey(repo: TempRepo): void {
  commitBase(repo);
  repo.write('deploy/key.pem', fakePrivateKey());
  repo.git(['add', 'deploy/key.pem']);
}

test('FOOTPRINT_SKIP skips the named rule and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageKey(repo);
      return commit(repo, ['-m', 'chore: add key'], {
        FOOTPRINT_SKIP: 'conflict-markers,private-key',
      });
    });

    assert.equal(results.hooked.status, 0, results.hooked.stderr);
    assert.match(results.hooked.stderr, /✔ Commit passed: no risk findings/);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('FOOTPRINT_SKIP with another rule still blocks', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageKey(repo);
      return commit(repo, ['-m', 'chore: add key'], { FOOTPRINT_SKIP: 'conflict-markers' });
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.match(results.hooked.stderr, /✖ Commit blocked by 1 finding \(private-key\)/);
  } finally {
    twins.cleanup();
  }
});

test('FOOTPRINT=0 skips every footprint hook and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageKey(repo);
      return commit(repo, [], { FOOTPRINT: '0', GIT_EDITOR: 'cat' });
    });

    assert.equal(results.hooked.status, 1, 'the empty message aborts, as without footprint');
    assert.equal(results.hooked.stderr, results.plain.stderr);
    assert.doesNotMatch(results.hooked.stdout, /footprint:/);
    assert.equal(listFossils(twins.hooked.dir).length, 0);

    const withMessage = twins.both((repo) =>
      commit(repo, ['-m', 'chore: add key'], { FOOTPRINT: '0' }),
    );
    assert.equal(withMessage.hooked.status, 0, withMessage.hooked.stderr);
    assert.equal(withMessage.hooked.stderr, '');
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});
