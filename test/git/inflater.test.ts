import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { constants, deflateSync, inflateSync } from 'node:zlib';

import { Inflater } from '../../src/git/objects/inflater.js';

/** Text of `length` bytes that compresses, as source files do. */
function sampleText(length: number, seed: number): Buffer {
  const words = ['const', 'value', 'return', 'import', '{', '}', ';', '\n', 'footprint'];
  let text = '';
  for (let index = 0; text.length < length; index++) {
    text += `${words[(index * 7 + seed) % words.length]} `;
  }
  return Buffer.from(text.slice(0, length));
}

function errorMessageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('inflater', () => {
  test('inflates streams of the expected size', () => {
    const inflater = new Inflater();
    for (const [index, length] of [0, 1, 37, 4096, 70_000].entries()) {
      const text = sampleText(length, index);
      assert.deepEqual(inflater.inflate(deflateSync(text), length), text, `length ${length}`);
    }
  });

  test('ignores bytes after the end of the stream', () => {
    const text = sampleText(500, 1);
    const input = Buffer.concat([deflateSync(text), Buffer.from('next pack entry')]);
    assert.deepEqual(new Inflater().inflate(input, 500), text);
  });

  test('returns the real length when the size is wrong', () => {
    const inflater = new Inflater();
    const text = sampleText(300, 2);
    const input = deflateSync(text);

    assert.equal(inflater.inflate(input, 299).length, 300);
    assert.equal(inflater.inflate(input, 301).length, 300);
    assert.equal(inflater.inflate(input, 1e12).length, 300);
  });

  test('throws what inflateSync throws', () => {
    const inflater = new Inflater();
    const input = deflateSync(sampleText(2000, 3));
    const corrupt = Buffer.from(input);
    corrupt.fill(0xff, 10, 30);
    const truncated = input.subarray(0, input.length - 10);

    for (const [name, bad] of [
      ['corrupt', corrupt],
      ['truncated', truncated],
      ['not zlib', Buffer.from('plain text')],
    ] as const) {
      const expected = errorMessageOf(() => inflateSync(bad));
      assert.notEqual(expected, 'no error', name);
      assert.equal(
        errorMessageOf(() => inflater.inflate(bad, 2000)),
        expected,
        name,
      );
    }
  });

  test('keeps working after an error', () => {
    const inflater = new Inflater();
    assert.throws(() => inflater.inflate(Buffer.from('not zlib at all'), 10));

    const text = sampleText(1000, 4);
    assert.deepEqual(inflater.inflate(deflateSync(text), 1000), text);
  });

  test('reuses its stream for many objects', () => {
    const inflater = new Inflater();
    for (let index = 0; index < 300; index++) {
      const text = sampleText((index * 53) % 3000, index);
      assert.deepEqual(inflater.inflate(deflateSync(text), text.length), text, `object ${index}`);
    }
  });

  test('prefix of a whole stream', () => {
    const text = sampleText(5000, 5);
    const prefix = new Inflater().inflatePrefix(deflateSync(text), 20);
    assert.deepEqual(prefix, text.subarray(0, 20));
  });

  test('prefix of a cut stream', () => {
    const text = sampleText(5000, 6);
    const cut = deflateSync(text, { level: 0 }).subarray(0, 64);
    const expected = inflateSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, 20);
    assert.deepEqual(new Inflater().inflatePrefix(cut, 20), expected);
  });

  test('prefix of a stream shorter than asked', () => {
    const text = sampleText(12, 7);
    assert.deepEqual(new Inflater().inflatePrefix(deflateSync(text), 64), text);
  });

  test('prefix of corrupt data throws what inflateSync throws', () => {
    const bad = Buffer.from('not a zlib stream');
    const expected = errorMessageOf(() =>
      inflateSync(bad, { finishFlush: constants.Z_SYNC_FLUSH }),
    );
    assert.equal(
      errorMessageOf(() => new Inflater().inflatePrefix(bad, 20)),
      expected,
    );
  });
});
