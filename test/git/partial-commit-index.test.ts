import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCommitStagingIndex, isPartialCommitIndex } from '../../src/git/partial-commit-index.js';
import type { RepositoryLayout } from '../../src/git/types.js';

function layoutWithIndex(indexFile: string): RepositoryLayout {
  return { indexFile } as RepositoryLayout;
}

test('temporary index of path commit', () => {
  assert.equal(isPartialCommitIndex(layoutWithIndex('/r/.git/next-index-20391.lock')), true);
});

test('index lock of commit -a', () => {
  assert.equal(isPartialCommitIndex(layoutWithIndex('/r/.git/index.lock')), false);
});

test('ordinary index file', () => {
  assert.equal(isPartialCommitIndex(layoutWithIndex('.git/index')), false);
});

test('commit -a stages into index.lock', () => {
  assert.equal(isCommitStagingIndex(layoutWithIndex('/r/.git/index.lock')), true);
});

test('plain commit reads the index', () => {
  assert.equal(isCommitStagingIndex(layoutWithIndex('.git/index')), false);
});
