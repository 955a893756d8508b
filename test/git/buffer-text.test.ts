import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  copyBytes,
  hexText,
  indexOfByte,
  latin1Text,
  utf8Text,
} from '../../src/git/buffer-text.js';

const BYTES = Buffer.concat([
  Buffer.from('caf\u00e9/\u6587\u4ef6', 'utf8'),
  Buffer.from([0x00, 0x7f, 0x80, 0xff, 0xc3]),
]);

describe('buffer text', () => {
  test('decodes ranges as toString does', () => {
    for (const [start, end] of [
      [0, BYTES.length],
      [0, 4],
      [3, 5],
      [5, 11],
      [BYTES.length - 4, BYTES.length],
      [7, 7],
    ] as const) {
      assert.equal(hexText(BYTES, start, end), BYTES.toString('hex', start, end));
      assert.equal(latin1Text(BYTES, start, end), BYTES.toString('latin1', start, end));
      assert.equal(utf8Text(BYTES, start, end), BYTES.toString('utf8', start, end));
    }
    assert.equal(utf8Text(BYTES, 0, 5), 'caf\u00e9');
    assert.equal(hexText(BYTES, BYTES.length - 5, BYTES.length), '007f80ffc3');
  });

  test('clamps a range outside the buffer instead of throwing', () => {
    assert.equal(hexText(BYTES, 12, BYTES.length + 10), BYTES.toString('hex', 12));
    assert.equal(latin1Text(BYTES, -3, 2), 'ca');
    assert.equal(utf8Text(BYTES, 6, 2), '');
  });

  test('copies a range and counts its bytes', () => {
    const target = Buffer.alloc(8, 0x2e);

    assert.equal(copyBytes(BYTES, 0, 3, target, 2), 3);
    assert.equal(target.toString('latin1'), '..caf...');
  });

  test('copies from a pooled buffer', () => {
    const whole = Buffer.from('0123456789abcdef', 'latin1');
    const part = whole.subarray(10, 14);
    const target = Buffer.alloc(4, 0x2e);

    assert.equal(copyBytes(part, 1, 3, target, 1), 2);
    assert.equal(target.toString('latin1'), '.bc.');
  });

  test('clamps a range past the end', () => {
    const whole = Buffer.from('0123456789abcdef', 'latin1');
    const part = whole.subarray(10, 14);
    const target = Buffer.alloc(6, 0x2e);

    assert.equal(copyBytes(part, 2, 6, target, 0), 2);
    assert.equal(target.toString('latin1'), 'cd....');
  });

  test('finds a byte from an offset', () => {
    assert.equal(indexOfByte(BYTES, 0x2f, 0), 5);
    assert.equal(indexOfByte(BYTES, 0x2f, 6), -1);
    assert.equal(indexOfByte(BYTES, 0xc3, 0), 3);
    assert.equal(indexOfByte(BYTES, 0xc3, 4), BYTES.length - 1);
  });
});
