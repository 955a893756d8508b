import assert from 'node:assert/strict';
import { test } from 'node:test';

import { findUncommittableReason } from '../../src/commit/preconditions.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

test('unmerged token path is masked', () => {
  const token = fakeGithubToken();

  const reason = findUncommittableReason({
    operation: null,
    unmerged: [`keys/${token}.txt`, 'src/a.ts'],
    stagedTree: null,
    entries: [],
  });

  assert.equal(reason?.includes(token), false, reason ?? '');
  assert.match(reason ?? '', /2 paths have unmerged entries \(keys\/ghp_\*+\.txt, src\/a\.ts\)/);
});
