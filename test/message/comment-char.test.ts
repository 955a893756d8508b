import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseAutoCommentChar,
  cleanupStripsComments,
  findStatusCommentChar,
  resolveCommentChar,
} from '../../src/message/comment-char.js';

/** git 2.39's status block under core.commentChar=auto, for the character `char`. */
function statusBlock(char: string): string {
  return [
    '',
    `${char} Please enter the commit message for your changes. Lines starting`,
    `${char} with '${char}' will be ignored, and an empty message aborts the commit.`,
    char,
    `${char} On branch main`,
    '',
  ].join('\n');
}

test('comment character defaults to #', () => {
  assert.equal(resolveCommentChar(undefined, ''), '#');
  assert.equal(resolveCommentChar('', ''), '#');
});

test('comment character follows core.commentChar', () => {
  assert.equal(resolveCommentChar(';', '# heading\n'), ';');
});

test('auto comment character comes from git status lines', () => {
  const text = `# Heading from a template\n${statusBlock(';')}`;

  assert.equal(resolveCommentChar('auto', text), ';');
});

test('auto comment character without comments is #', () => {
  assert.equal(resolveCommentChar('auto', 'subject only\n'), '#');
});

test('auto without status skips template characters', () => {
  assert.equal(resolveCommentChar('auto', '# Title here\n\nWhy:\n'), ';');
  assert.equal(resolveCommentChar('auto', '; ticket: \n'), '#');
  assert.equal(resolveCommentChar('auto', '# a\n; b\n@ c\n'), '!');
});

test('auto without status ignores trailing template comments', () => {
  assert.equal(resolveCommentChar('auto', 'Why:\n\n# Title\n# Body\n'), ';');
  assert.equal(resolveCommentChar('auto', 'Why:\n\n# see #12\n'), ';');
});

test('status block before the scissors line', () => {
  const diff = 'diff --git a/x b/x\n@@ -1 +1,2 @@\n+new\n';
  const text = `; ticket\n${statusBlock('#')}# ------------------------ >8 ------------------------\n${diff}`;

  assert.equal(findStatusCommentChar(text), '#');
  assert.equal(resolveCommentChar('auto', text), '#');
});

test('status block of an empty message', () => {
  assert.equal(findStatusCommentChar(statusBlock('#')), '#');
  assert.equal(findStatusCommentChar(statusBlock(';')), null);
});

test('git chooses the auto character after CR', () => {
  assert.equal(chooseAutoCommentChar('a\r# b\n'), ';');
  assert.equal(chooseAutoCommentChar('a # b\n'), '#');
  assert.equal(chooseAutoCommentChar('#\n;\n@\n!\n$\n%\n^\n&\n|\n:\n'), null);
});

test('cleanup modes that strip comments', () => {
  assert.equal(cleanupStripsComments('default'), true);
  assert.equal(cleanupStripsComments('strip'), true);
  assert.equal(cleanupStripsComments('whitespace'), false);
  assert.equal(cleanupStripsComments('verbatim'), false);
  assert.equal(cleanupStripsComments('scissors'), false);
});
