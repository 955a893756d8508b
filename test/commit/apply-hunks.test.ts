import assert from 'node:assert/strict';
import { test } from 'node:test';

import { applyHunks, HunkMismatchError } from '../../src/commit/apply-hunks.js';
import { gitDiffContents } from '../helpers/git-hunks.js';

const text = (value: string): Buffer => Buffer.from(value, 'utf8');

/** Applies the hunks of git's own diff that `pick` selects, by index. */
function applyPicked(oldText: string, newText: string, pick: number[]): string {
  const oldContent = text(oldText);
  const newContent = text(newText);
  const { hunks } = gitDiffContents(oldContent, newContent);
  const selected = hunks.filter((_hunk, index) => pick.includes(index));
  return applyHunks(oldContent, newContent, selected).toString('utf8');
}

test('apply every hunk rebuilds the new content', () => {
  const cases: Array<[string, string]> = [
    ['a\nb\nc\n', 'A\nb\nC\n'],
    ['a\nb', 'a\nb\n'],
    ['a\r\nb\r\n', 'a\nb\r\n'],
    ['', 'new\nfile\n'],
    ['gone\n', ''],
    ['a\nb\nc\nd\n', 'x\na\nc\nd\ny\n'],
  ];
  for (const [oldText, newText] of cases) {
    const { hunks } = gitDiffContents(text(oldText), text(newText));
    const rebuilt = applyHunks(text(oldText), text(newText), hunks);
    assert.equal(rebuilt.toString('utf8'), newText, JSON.stringify([oldText, newText]));
  }
});

test('apply no hunk keeps the old content', () => {
  assert.equal(applyPicked('a\nb\n', 'A\nB\n', []), 'a\nb\n');
});

test('apply first of two hunks', () => {
  const oldText = 'one\ntwo\nthree\nfour\nfive\n';
  const newText = 'ONE\ntwo\nthree\nfour\nFIVE\n';
  assert.equal(applyPicked(oldText, newText, [0]), 'ONE\ntwo\nthree\nfour\nfive\n');
  assert.equal(applyPicked(oldText, newText, [1]), 'one\ntwo\nthree\nfour\nFIVE\n');
});

test('apply insertion and deletion hunks apart', () => {
  const oldText = 'keep\ndrop\nkeep2\n';
  const newText = 'added\nkeep\nkeep2\n';
  // Hunk 0 inserts before line 1 (oldLines 0); hunk 1 deletes line 2 (newLines 0).
  assert.equal(applyPicked(oldText, newText, [0]), 'added\nkeep\ndrop\nkeep2\n');
  assert.equal(applyPicked(oldText, newText, [1]), 'keep\nkeep2\n');
});

test('apply keeps CRLF lines byte for byte', () => {
  const oldText = 'a\r\nb\r\nc\r\nd\r\ne\r\n';
  const newText = 'A\r\nb\r\nc\r\nd\r\nE\r\n';
  assert.equal(applyPicked(oldText, newText, [1]), 'a\r\nb\r\nc\r\nd\r\nE\r\n');
});

test('apply keeps a missing final newline', () => {
  const oldText = 'a\nb\nc\nd\nlast';
  const newText = 'A\nb\nc\nd\nlast changed';
  assert.equal(applyPicked(oldText, newText, [0]), 'A\nb\nc\nd\nlast');
  assert.equal(applyPicked(oldText, newText, [1]), 'a\nb\nc\nd\nlast changed');
});

test('apply adds a final newline only with its hunk', () => {
  const oldText = 'first\nx\ny\nz\nend';
  const newText = 'FIRST\nx\ny\nz\nend\n';
  assert.equal(applyPicked(oldText, newText, [0]), 'FIRST\nx\ny\nz\nend');
  assert.equal(applyPicked(oldText, newText, [1]), 'first\nx\ny\nz\nend\n');
});

test('apply rejects a hunk past the end', () => {
  const hunk = { oldStart: 5, oldLines: 1, newStart: 5, newLines: 1 };
  assert.throws(() => applyHunks(text('a\n'), text('b\n'), [hunk]), HunkMismatchError);
});

test('apply rejects overlapping hunks', () => {
  const hunks = [
    { oldStart: 1, oldLines: 2, newStart: 1, newLines: 2 },
    { oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 },
  ];
  assert.throws(() => applyHunks(text('a\nb\n'), text('c\nd\n'), hunks), HunkMismatchError);
});
