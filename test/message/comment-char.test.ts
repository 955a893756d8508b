import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupStripsComments, resolveCommentChar } from '../../src/message/comment-char.js';

test('comment character defaults to #', () => {
  assert.equal(resolveCommentChar(undefined, ''), '#');
  assert.equal(resolveCommentChar('', ''), '#');
});

test('comment character follows core.commentChar', () => {
  assert.equal(resolveCommentChar(';', '# heading\n'), ';');
});

test('auto comment character comes from git status lines', () => {
  const text =
    '# Heading from a template\n\n; Please enter the commit message.\n;\n; On branch main\n';

  assert.equal(resolveCommentChar('auto', text), ';');
});

test('auto comment character without comments is #', () => {
  assert.equal(resolveCommentChar('auto', 'subject only\n'), '#');
});

test('cleanup modes that strip comments', () => {
  assert.equal(cleanupStripsComments('default'), true);
  assert.equal(cleanupStripsComments('strip'), true);
  assert.equal(cleanupStripsComments('whitespace'), false);
  assert.equal(cleanupStripsComments('verbatim'), false);
  assert.equal(cleanupStripsComments('scissors'), false);
});
