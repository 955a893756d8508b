import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutText, packItems, renderLine, wrapWords } from '../../src/output/fit.js';

test('cutText keeps text that fits', () => {
  assert.equal(cutText('abc', 3, '…'), 'abc');
});

test('cutText ends cut text with the ellipsis', () => {
  assert.equal(cutText('abcdef', 4, '…'), 'abc…');
  assert.equal(cutText('abcdef', 4, '...'), 'a...');
});

test('renderLine cuts the overflowing segment', () => {
  const line = renderLine(
    [{ text: 'ab' }, { text: 'cdef', paint: (text) => `[${text}]` }, { text: 'gh' }],
    5,
    '…',
  );

  assert.equal(line, 'ab[cd…]');
});

test('renderLine paints every segment that fits', () => {
  const line = renderLine([{ text: 'ab', paint: (text) => `<${text}>` }, { text: 'c' }], 10, '…');

  assert.equal(line, '<ab>c');
});

test('packItems wraps at the width', () => {
  const lines = packItems(['aaaa', 'bbbb', 'cccc'], 10, 5, '…');

  assert.deepEqual(lines, ['aaaa, bbbb,', 'cccc']);
});

test('packItems counts what does not fit', () => {
  const lines = packItems(['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'], 12, 1, '…');

  assert.deepEqual(lines, ['and 5 more']);
});

test('packItems keeps items beside the count when they fit', () => {
  const lines = packItems(['a', 'b', 'c', 'd', 'e'], 14, 1, '…');

  assert.deepEqual(lines, ['a, b, c, d, e']);
  assert.deepEqual(packItems(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 16, 1, '…'), [
    'a, b, and 5 more',
  ]);
});

test('packItems cuts a single long item', () => {
  const lines = packItems(['a-very-long-path/that/does/not/fit.ts'], 12, 2, '…');

  assert.deepEqual(lines, ['a-very-long…']);
});

test('wrapWords wraps at spaces', () => {
  assert.deepEqual(wrapWords('one two three four', 9, 3, '…'), ['one two', 'three', 'four']);
});

test('wrapWords marks text left out', () => {
  assert.deepEqual(wrapWords('one two three four', 9, 2, '…'), ['one two', 'three…']);
  assert.deepEqual(wrapWords('aaaa bbbbbbbb cccc', 8, 2, '…'), ['aaaa', 'bbbbbbb…']);
});
