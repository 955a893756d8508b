import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseGitVersion } from '../../src/git/git-version.js';
import { sshSignArguments } from '../../src/git/signing.js';

const KEY = '/tmp/key.pub';
const FILE = '/tmp/commit';

test('literal key without -U before git 2.40', () => {
  const args = sshSignArguments({ keyFile: KEY, literal: true, gitVersion: [2, 39, 5] });

  assert.deepEqual(args, ['-Y', 'sign', '-n', 'git', '-f', KEY]);
  assert.equal([...args, FILE].includes('-U'), false);
});

test('literal key with -U from git 2.40', () => {
  const args = sshSignArguments({ keyFile: KEY, literal: true, gitVersion: [2, 40, 0] });

  assert.deepEqual(args, ['-Y', 'sign', '-n', 'git', '-f', KEY, '-U']);
});

test('key file never gets -U', () => {
  const args = sshSignArguments({ keyFile: KEY, literal: false, gitVersion: [2, 45, 1] });

  assert.deepEqual(args, ['-Y', 'sign', '-n', 'git', '-f', KEY]);
});

test('git version parsed from output', () => {
  assert.deepEqual(parseGitVersion('git version 2.39.5\n'), [2, 39, 5]);
  assert.deepEqual(parseGitVersion('git version 2.40.0.windows.1\n'), [2, 40, 0]);
  assert.deepEqual(parseGitVersion('git version 2.41.0-rc2\n'), [2, 41, 0]);
  assert.equal(parseGitVersion('not git'), null);
});
