import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  editDistance,
  findTokenSwap,
  isCommentOnly,
  isSpellingFix,
  isWhitespaceOnly,
} from '../../src/batches/edit-shape.js';

describe('findTokenSwap', () => {
  test('renamed identifier', () => {
    const swap = findTokenSwap(['const sum = add(a, b);'], ['const total = add(a, b);']);

    assert.deepEqual(swap, { removed: ['total'], added: ['sum'] });
  });

  test('added line is no swap', () => {
    assert.equal(findTokenSwap(['a();', 'b();'], ['a();']), null);
  });

  test('rewrite is no swap', () => {
    const swap = findTokenSwap(
      ['return alpha(beta, gamma, delta);'],
      ['return one(two, three, four);'],
    );

    assert.equal(swap, null);
  });
});

describe('isWhitespaceOnly', () => {
  test('indentation change', () => {
    assert.equal(isWhitespaceOnly(['    run();'], ['  run();']), true);
  });

  test('changed token', () => {
    assert.equal(isWhitespaceOnly(['run(1);'], ['run(2);']), false);
  });
});

describe('isCommentOnly', () => {
  test('comments in several languages', () => {
    assert.equal(isCommentOnly(['// one', '# two', ' * three', '']), true);
  });

  test('C directive is code', () => {
    assert.equal(isCommentOnly(['#include <stdio.h>']), false);
  });

  test('blank lines only', () => {
    assert.equal(isCommentOnly(['', '  ']), false);
  });
});

describe('isSpellingFix', () => {
  test('one misspelled word', () => {
    assert.equal(
      isSpellingFix(findTokenSwap(['Reads the recieved data.'], ['Reads the received data.'])),
      true,
    );
  });

  test('different word', () => {
    assert.equal(
      isSpellingFix(findTokenSwap(['Reads the old data.'], ['Reads the staged data.'])),
      false,
    );
  });
});

describe('editDistance', () => {
  test('within the maximum', () => {
    assert.equal(editDistance('recieve', 'receive', 2), 2);
  });

  test('past the maximum', () => {
    assert.equal(editDistance('parse', 'format', 2), Infinity);
  });
});
