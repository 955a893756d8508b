import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/cli/args.js';

test('prepare-commit-msg takes git hook arguments', () => {
  const line = parseCommandLine(['prepare-commit-msg', '.git/COMMIT_EDITMSG', '', '']);

  assert.equal(line.command, 'prepare-commit-msg');
  assert.deepEqual(line.operands, ['.git/COMMIT_EDITMSG', '', '']);
});

test('prepare-commit-msg needs the message file', () => {
  assert.throws(() => parseCommandLine(['prepare-commit-msg']), /needs the commit message file/);
});

test('prepare-commit-msg rejects a fourth argument', () => {
  assert.throws(
    () => parseCommandLine(['prepare-commit-msg', 'FILE', 'commit', 'HEAD', 'extra']),
    /Unexpected argument 'extra'/,
  );
});

test('other commands take no arguments', () => {
  assert.throws(() => parseCommandLine(['precommit', 'extra']), /Unexpected argument 'extra'/);
  assert.deepEqual(parseCommandLine(['precommit']).operands, []);
});

test('init takes --uninstall', () => {
  assert.equal(parseCommandLine(['init', '--uninstall']).uninstall, true);
  assert.equal(parseCommandLine(['init']).uninstall, false);
  assert.throws(() => parseCommandLine(['precommit', '--uninstall']), /--uninstall/);
});
