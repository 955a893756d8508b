import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  countEqualLeadingLines,
  countEqualTrailingLines,
  measureCommonTail,
} from '../../src/footprint/common-ends.js';
import { indexLines, lineText } from '../../src/footprint/line-table.js';

function table(text: string): ReturnType<typeof indexLines> {
  return indexLines(Buffer.from(text));
}

describe('indexLines', () => {
  const cases: Array<[text: string, lines: string[]]> = [
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['\n\n', ['', '']],
    ['a\rb\n', ['a\rb']],
  ];
  for (const [text, lines] of cases) {
    it(JSON.stringify(text), () => {
      const indexed = table(text);
      assert.equal(indexed.count, lines.length);
      assert.deepEqual(
        Array.from({ length: indexed.count }, (_, line) => lineText(indexed, line)),
        lines,
      );
    });
  }
});

describe('countEqualLeadingLines', () => {
  const cases: Array<[oldText: string, newText: string, expected: number]> = [
    ['a\nb\n', 'a\nb\n', 2],
    ['a\nb', 'a\nb', 2],
    ['a\nb', 'a\nb\n', 1],
    ['a\nb\n', 'a\nb', 1],
    ['a\nb', 'a\nbc', 1],
    ['a\nbc\n', 'a\nb', 1],
    ['a\nb\n', 'a\nb\nc\n', 2],
    ['x\n', 'y\n', 0],
    ['', 'a\n', 0],
    ['', '', 0],
  ];
  for (const [oldText, newText, expected] of cases) {
    it(`${JSON.stringify(oldText)} and ${JSON.stringify(newText)}`, () => {
      assert.equal(countEqualLeadingLines(table(oldText), table(newText)), expected);
    });
  }
});

describe('countEqualTrailingLines', () => {
  const cases: Array<[oldText: string, newText: string, leading: number, expected: number]> = [
    ['x\nab\n', 'y\nab\n', 0, 1],
    ['x\nab\n', 'y\nzab\n', 0, 0],
    ['x\nb', 'y\nb', 0, 1],
    ['x\nb', 'y\nb\n', 0, 0],
    ['ab\n', 'zab\n', 0, 0],
    ['a\n', 'x\na\n', 0, 1],
    ['a\na\n', 'a\na\na\n', 2, 0],
    ['a\nb\nc\n', 'a\nX\nb\nc\n', 1, 2],
  ];
  for (const [oldText, newText, leading, expected] of cases) {
    it(`${JSON.stringify(oldText)} and ${JSON.stringify(newText)}`, () => {
      assert.equal(countEqualTrailingLines(table(oldText), table(newText), leading), expected);
    });
  }
});

describe('equal lines around one change in a long file', () => {
  // 3,000 lines of 7 to 10 bytes span several 4 KiB scan blocks, so the changed line falls at
  // many offsets within a block, at its edges too.
  const lines = Array.from({ length: 3000 }, (_, index) => `line ${index}`);
  const oldTable = table(`${lines.join('\n')}\n`);
  for (const changed of [0, 1, 409, 455, 456, 457, 900, 1499, 2047, 2998, 2999]) {
    it(`line ${changed} changed`, () => {
      const edited = lines.map((line, index) => (index === changed ? `${line}!` : line));
      const newTable = table(`${edited.join('\n')}\n`);
      const leading = countEqualLeadingLines(oldTable, newTable);

      assert.equal(leading, changed);
      assert.equal(
        countEqualTrailingLines(oldTable, newTable, leading),
        lines.length - changed - 1,
      );
    });
  }
});

describe('measureCommonTail', () => {
  const tail = 'z'.repeat(2000);

  it('short contents keep everything', () => {
    assert.equal(measureCommonTail(Buffer.from('a\nb\n'), Buffer.from('a\nc\n')), 0);
  });

  it('whole blocks minus the partial first line', () => {
    // The last 1024 bytes are equal. The dropped block starts inside the long line, so git
    // keeps the rest of that line and drops only what follows its newline.
    const oldContent = Buffer.from(`old\n${tail}\nend\n`);
    const newContent = Buffer.from(`new\n${tail}\nend\n`);
    assert.equal(measureCommonTail(oldContent, newContent), 4);
  });

  it('no newline in the dropped blocks', () => {
    assert.equal(measureCommonTail(Buffer.from(`a${tail}`), Buffer.from(`b${tail}`)), 0);
  });

  it('two whole blocks', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}\n`).join('');
    const dropped = measureCommonTail(Buffer.from(`old\n${lines}`), Buffer.from(`new\n${lines}`));
    assert.ok(dropped > 1024);
    assert.ok(dropped <= 2048);
    assert.equal(Buffer.from(lines).subarray(-dropped - 1)[0], 0x0a);
  });
});
