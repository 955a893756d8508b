import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findAddedLineText,
  findAddedLinesWith,
  findLineNumber,
  readAddedLines,
  readAddedText,
  readStagedLines,
} from '../../src/risk/added-lines.js';
import type { FileChange, FileContent } from '../../src/footprint/types.js';
import { makeFootprint } from '../helpers/footprint-builder.js';

function readFile(oldText: string, newText: string): { file: FileChange; content: FileContent } {
  const input = makeFootprint([{ path: 'src/a.js', old: oldText, new: newText }]);
  const file = input.footprint.files[0];
  const content = input.content.get('src/a.js');
  assert.ok(file !== undefined);
  assert.ok(content !== undefined);
  return { file, content };
}

describe('readAddedText', () => {
  test('hunks join with their staged line numbers', () => {
    const { file, content } = readFile('a\nb\nc\nd\n', 'a\nB1\nB2\nc\nd\nE\n');
    const added = readAddedText(file, content);

    assert.equal(added.text, 'B1\nB2\nE');
    assert.deepEqual([...added.lineNumbers], [2, 3, 6]);
    assert.deepEqual([...added.starts], [0, 3, 6]);
    assert.equal(findLineNumber(added, added.text.indexOf('E')), 6);
  });

  test('stray carriage returns are removed with offsets kept', () => {
    const { file, content } = readFile('a\r\n', 'a\r\nxy\r\nz\r\n');
    const added = readAddedText(file, content);

    assert.equal(added.text, 'xy\nz');
    assert.deepEqual([...added.starts], [0, 3]);
    assert.deepEqual(readAddedLines(file, content), [
      { line: 2, text: 'xy' },
      { line: 3, text: 'z' },
    ]);
  });

  test('opaque lines come first', () => {
    const { file, content } = readFile('a\n', 'a\nb\n');
    const withOpaque: FileContent = { ...content, opaqueLines: [{ line: 9, text: 'secret\r' }] };
    const added = readAddedText(file, withOpaque);

    assert.equal(added.text, 'secret\nb');
    assert.deepEqual([...added.lineNumbers], [9, 2]);
  });

  test('hunk texts win when the staged text disagrees', () => {
    const { file, content } = readFile('a\n', 'a\nb\n');
    const added = readAddedText(file, { ...content, newText: 'a\nc\n' });

    assert.equal(added.text, 'b');
    assert.deepEqual([...added.lineNumbers], [2]);
  });

  test('last line without a newline is read whole', () => {
    const { file, content } = readFile('a\n', 'a\nb\nlast');

    assert.deepEqual(readAddedLines(file, content), [
      { line: 2, text: 'b' },
      { line: 3, text: 'last' },
    ]);
  });

  test('line lookup by staged line number', () => {
    const { file, content } = readFile('a\nb\nc\nd\n', 'a\nB1\nB2\nc\nd\nE\n');
    const added = readAddedText(file, content);

    assert.equal(findAddedLineText(added, 2), 'B1');
    assert.equal(findAddedLineText(added, 3), 'B2');
    assert.equal(findAddedLineText(added, 6), 'E');
    assert.equal(findAddedLineText(added, 4), undefined);
    assert.equal(findAddedLineText(added, 7), undefined);
  });

  test('keyword search returns each line once', () => {
    const { file, content } = readFile('', 'token token\nnone\n  token\n');

    assert.deepEqual(findAddedLinesWith(file, content, 'token'), [
      { line: 1, text: 'token token' },
      { line: 3, text: '  token' },
    ]);
  });
});

describe('byte order mark', () => {
  const MARK = '\uFEFF';

  test('new file loses the mark on line 1', () => {
    const { file, content } = readFile('', `${MARK}debugger;\nx\n`);
    const added = readAddedText(file, content);

    assert.equal(added.text, 'debugger;\nx');
    assert.deepEqual([...added.lineNumbers], [1, 2]);
    assert.deepEqual([...added.starts], [0, 10]);
  });

  test('CRLF file loses the mark on line 1', () => {
    const { file, content } = readFile('', `${MARK}a\r\nb\r\n`);

    assert.deepEqual(readAddedLines(file, content), [
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  test('hunk texts lose the mark on line 1', () => {
    const { file, content } = readFile('', `${MARK}a\nb\n`);
    const added = readAddedText(file, { ...content, newText: null });

    assert.equal(added.text, 'a\nb');
    assert.deepEqual([...added.lineNumbers], [1, 2]);
  });

  test('opaque line 1 loses the mark', () => {
    const { file, content } = readFile('a\n', 'a\nb\n');
    const withOpaque: FileContent = { ...content, opaqueLines: [{ line: 1, text: `${MARK}k` }] };

    assert.equal(readAddedText(file, withOpaque).text, 'k\nb');
  });

  test('mark on a later line stays', () => {
    const { file, content } = readFile('a\n', `a\n${MARK}b\n`);

    assert.deepEqual(readAddedLines(file, content), [{ line: 2, text: `${MARK}b` }]);
  });

  test('unchanged first line keeps later numbers', () => {
    const { file, content } = readFile(`${MARK}a\nb\n`, `${MARK}a\nb\nc\n`);

    assert.deepEqual(readAddedLines(file, content), [{ line: 3, text: 'c' }]);
  });

  test('staged lines lose the mark on line 1', () => {
    const { content } = readFile('', `${MARK}a\nb\n`);

    assert.deepEqual(readStagedLines(content), ['a', 'b', '']);
  });
});
