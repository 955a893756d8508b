import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAddedPrintableRuns, findAddedTextLines } from '../../src/footprint/opaque-lines.js';

describe('findAddedTextLines', () => {
  test('new file gives every line', () => {
    const lines = findAddedTextLines(null, Buffer.from('a\r\nb\nc\n'));

    assert.deepEqual(lines, [
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: 'c' },
    ]);
  });

  test('lines of HEAD are not added', () => {
    const lines = findAddedTextLines(Buffer.from('a\nb\n'), Buffer.from('a\nx\nb\ny'));

    assert.deepEqual(lines, [
      { line: 2, text: 'x' },
      { line: 4, text: 'y' },
    ]);
  });

  test('repeated lines count as a multiset', () => {
    const lines = findAddedTextLines(Buffer.from('same\n'), Buffer.from('same\nsame\nsame\n'));

    assert.deepEqual(lines, [
      { line: 2, text: 'same' },
      { line: 3, text: 'same' },
    ]);
  });
});

describe('findAddedPrintableRuns', () => {
  test('runs shorter than 8 are skipped', () => {
    const runs = findAddedPrintableRuns(null, Buffer.from('short\0a longer run\0'));

    assert.deepEqual(runs, [{ line: 1, text: 'a longer run' }]);
  });

  test('runs are numbered by newlines', () => {
    const runs = findAddedPrintableRuns(
      null,
      Buffer.from('\0first run\nsecond run\0\n\nthird run!'),
    );

    assert.deepEqual(runs, [
      { line: 1, text: '\0first run'.slice(1) },
      { line: 2, text: 'second run' },
      { line: 4, text: 'third run!' },
    ]);
  });

  test('runs in HEAD are not added', () => {
    const runs = findAddedPrintableRuns(
      Buffer.from('\0kept value\0'),
      Buffer.from('\0kept value\0new value here\0'),
    );

    assert.deepEqual(runs, [{ line: 1, text: 'new value here' }]);
  });

  test('UTF-16 text is read as lines', () => {
    const little = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('one\r\ntwo\n', 'utf16le'),
    ]);
    const big = Buffer.from(Buffer.from('one\ntwo\n', 'utf16le')).swap16();

    assert.deepEqual(findAddedPrintableRuns(null, little), [
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
    ]);
    assert.deepEqual(
      findAddedPrintableRuns(null, Buffer.concat([Buffer.from([0xfe, 0xff]), big])),
      [
        { line: 1, text: 'one' },
        { line: 2, text: 'two' },
      ],
    );
  });
});

describe('findAddedPrintableRuns without a byte order mark', () => {
  const text = '$Token = "value"\r\nWrite-Host "done"\r\n';

  test('UTF-16LE text is read as lines', () => {
    const runs = findAddedPrintableRuns(null, Buffer.from(text, 'utf16le'));

    assert.deepEqual(runs, [
      { line: 1, text: '$Token = "value"' },
      { line: 2, text: 'Write-Host "done"' },
    ]);
  });

  test('UTF-16BE text is read as lines', () => {
    const runs = findAddedPrintableRuns(null, Buffer.from(text, 'utf16le').swap16());

    assert.deepEqual(runs, [
      { line: 1, text: '$Token = "value"' },
      { line: 2, text: 'Write-Host "done"' },
    ]);
  });

  test('lines of HEAD are not added', () => {
    const old = Buffer.from('one\r\ntwo\r\n', 'utf16le');
    const runs = findAddedPrintableRuns(old, Buffer.from('one\r\nthree\r\ntwo\r\n', 'utf16le'));

    assert.deepEqual(runs, [{ line: 2, text: 'three' }]);
  });

  test('16-bit numbers stay binary', () => {
    const numbers = Buffer.alloc(512);
    for (let index = 0; index < 256; index++) numbers.writeUInt16LE((index % 8) + 1, index * 2);
    const bytes = Buffer.concat([numbers, Buffer.from('\0a readable run\0')]);

    assert.deepEqual(findAddedPrintableRuns(null, bytes), [{ line: 1, text: 'a readable run' }]);
  });
});
