import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeSplit } from '../../src/risk/rules/unrelated-batches.js';

describe('unrelated batches message', () => {
  test('every batch stands alone', () => {
    assert.equal(
      describeSplit(4, 4),
      'The change splits into 4 batches, none of which needs another',
    );
  });

  test('some batches need others', () => {
    assert.equal(describeSplit(5, 3), 'The change splits into 5 batches, 3 of which need no other');
  });

  test('one batch stands alone', () => {
    assert.equal(
      describeSplit(4, 1),
      'The change splits into 4 batches, 1 of which needs no other',
    );
  });
});
