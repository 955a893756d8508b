import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LineIndex } from '../../src/batches/line-index.js';

describe('LineIndex', () => {
  const text = [
    'function a() {',
    '  return 1;',
    '\t\tb();',
    '',
    '   ',
    '  x\r',
    '    \r',
    'end',
  ].join('\n');
  const lines = new LineIndex(text);

  test('reads lines without their terminator', () => {
    assert.equal(lines.count, 8);
    assert.equal(lines.line(2), '  return 1;');
    assert.equal(lines.line(6), '  x');
    assert.equal(lines.line(8), 'end');
    assert.equal(lines.line(9), '');
  });

  test('indent width, tab as four', () => {
    assert.deepEqual(
      [1, 2, 3, 6, 8].map((line) => lines.indentWidth(line)),
      [0, 2, 8, 2, 0],
    );
  });

  test('blank and missing lines: no indent', () => {
    assert.equal(lines.indentWidth(4), Infinity);
    assert.equal(lines.indentWidth(5), Infinity);
    assert.equal(lines.indentWidth(7), Infinity, 'spaces before a carriage return');
    assert.equal(lines.indentWidth(0), Infinity);
    assert.equal(lines.indentWidth(9), Infinity);
  });

  test('maps offsets to lines', () => {
    assert.equal(lines.lineAt(0), 1);
    assert.equal(lines.lineAt(text.indexOf('return')), 2);
    assert.equal(lines.lineAt(text.length - 1), 8);
  });
});
