import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeHunks, replaceAllHunks } from '../../src/footprint/hunks.js';
import { gitDiffContents } from '../helpers/git-hunks.js';

interface Case {
  name: string;
  old: string | Buffer;
  new: string | Buffer;
}

/** Small cases whose hunks must equal git's exactly, ambiguous placements included. */
const CASES: Case[] = [
  { name: 'insert at start', old: 'a\nb\nc\n', new: 'x\na\nb\nc\n' },
  { name: 'insert in middle', old: 'a\nb\nc\n', new: 'a\nb\nx\nc\n' },
  { name: 'insert at end', old: 'a\nb\nc\n', new: 'a\nb\nc\nx\n' },
  { name: 'delete at start', old: 'a\nb\nc\n', new: 'b\nc\n' },
  { name: 'delete in middle', old: 'a\nb\nc\nd\n', new: 'a\nd\n' },
  { name: 'delete at end', old: 'a\nb\nc\n', new: 'a\nb\n' },
  { name: 'delete all', old: 'a\nb\nc\n', new: '' },
  { name: 'add to empty', old: '', new: 'a\nb\n' },
  { name: 'replace one line', old: 'a\nb\nc\n', new: 'a\nB\nc\n' },
  { name: 'replace every line', old: 'a\nb\n', new: 'c\nd\ne\n' },
  { name: 'two separate changes', old: 'a\nb\nc\nd\ne\nf\n', new: 'a\nB\nc\nd\nE\nf\n' },
  { name: 'line to crlf', old: 'a\nb\nc\n', new: 'a\nb\r\nc\n' },
  { name: 'whole file to crlf', old: 'a\nb\n', new: 'a\r\nb\r\n' },
  { name: 'crlf line edited', old: 'a\r\nb\r\nc\r\n', new: 'a\r\nB\r\nc\r\n' },
  { name: 'newline at eof added', old: 'a\nb', new: 'a\nb\n' },
  { name: 'newline at eof removed', old: 'a\nb\n', new: 'a\nb' },
  { name: 'append after no-eol line', old: 'a\nb', new: 'a\nb\nc' },
  { name: 'no-eol only line', old: 'a', new: 'b' },
  { name: 'repeated line added', old: 'a\na\na\n', new: 'a\na\na\na\n' },
  { name: 'repeated line removed', old: 'x\na\na\na\ny\n', new: 'x\na\na\ny\n' },
  {
    name: 'block after equal block',
    old: 'f() {\n}\n\ng() {\n}\n',
    new: 'f() {\n}\n\nh() {\n}\n\ng() {\n}\n',
  },
  {
    name: 'function inserted between',
    old: 'function a() {\n  return 1;\n}\n\nfunction c() {\n  return 3;\n}\n',
    new: 'function a() {\n  return 1;\n}\n\nfunction b() {\n  return 2;\n}\n\nfunction c() {\n  return 3;\n}\n',
  },
  {
    name: 'nested block added',
    old: 'if (a) {\n  x();\n}\n',
    new: 'if (a) {\n  if (b) {\n    y();\n  }\n  x();\n}\n',
  },
  {
    name: 'tab indented block inserted',
    old: 'func a() {\n\treturn 1\n}\n\nfunc c() {\n\treturn 3\n}\n',
    new: 'func a() {\n\treturn 1\n}\n\nfunc b() {\n\tif x {\n\t\treturn 2\n\t}\n}\n\nfunc c() {\n\treturn 3\n}\n',
  },
  {
    // Without git's indent heuristic the added line would be the second of the two equal lines.
    name: 'block opener duplicated',
    old: '/** Doc. */\nexport function step0() {\n  value += 0;\n  return value;\n}\n',
    new: '/** Doc. */\nexport function step0() {\nexport function step0() {\n  value += 0;\n  return value;\n}\n',
  },
  { name: 'blank lines moved', old: 'a\n\n\nb\n', new: 'a\n\nb\n\n' },
  { name: 'swap two lines', old: 'a\nb\nc\n', new: 'b\na\nc\n' },
  { name: 'unicode line inserted', old: 'é\nü\n', new: 'é\nñ\nü\n' },
  { name: 'emoji line changed', old: 'a 😀\nb\n', new: 'a 😃\nb\n' },
  {
    name: 'invalid utf-8 bytes',
    old: Buffer.from([0x61, 0x0a, 0xff, 0x0a]),
    new: Buffer.from([0x61, 0x0a, 0xfe, 0x0a]),
  },
  { name: 'lone carriage returns', old: 'a\rb\rc\n', new: 'a\rB\rc\n' },
  { name: 'identical', old: 'a\nb\n', new: 'a\nb\n' },
  { name: 'both empty', old: '', new: '' },
];

function toBuffer(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

describe('computeHunks against git', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const oldContent = toBuffer(testCase.old);
      const newContent = toBuffer(testCase.new);
      const ours = computeHunks(oldContent, newContent);
      const git = gitDiffContents(oldContent, newContent);

      assert.deepEqual(ours.hunks, git.hunks);
      assert.equal(ours.additions, git.additions);
      assert.equal(ours.deletions, git.deletions);
      assert.equal(ours.exact, true);
    });
  }
});

describe('computeHunks numbering', () => {
  it('insertion after line 5', () => {
    const { hunks } = computeHunks(
      Buffer.from('1\n2\n3\n4\n5\n6\n'),
      Buffer.from('1\n2\n3\n4\n5\nx\n6\n'),
    );
    assert.deepEqual(hunks, [{ oldStart: 5, oldLines: 0, newStart: 6, newLines: 1 }]);
  });

  it('insertion at file start', () => {
    const { hunks } = computeHunks(Buffer.from('1\n2\n'), Buffer.from('x\n1\n2\n'));
    assert.deepEqual(hunks, [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 }]);
  });

  it('deletion of line 3', () => {
    const { hunks } = computeHunks(Buffer.from('1\n2\n3\n4\n'), Buffer.from('1\n2\n4\n'));
    assert.deepEqual(hunks, [{ oldStart: 3, oldLines: 1, newStart: 2, newLines: 0 }]);
  });
});

describe('computeHunks common tail', () => {
  // git -U0 drops equal 1 KiB blocks at the end before diffing. Here the cut falls right after
  // the duplicated line, so git -U0 adds the second copy while git -U3 adds the first.
  const head = 'import x;\n\nexport function step0() {\n';
  const lines = Array.from({ length: 100 }, (_, i) => `  value += ${i};\n`).join('');
  const body = `${lines.slice(0, 990)}${'x'.repeat(19)}\n`;
  const oldContent = Buffer.from(head + body);
  const newContent = Buffer.from(`${head}export function step0() {\n${body}`);

  it('duplicate placed as git -U0 places it', () => {
    assert.equal(body.length, 1010);
    assert.deepEqual(computeHunks(oldContent, newContent).hunks, [
      { oldStart: 3, oldLines: 0, newStart: 4, newLines: 1 },
    ]);
    assert.deepEqual(
      computeHunks(oldContent, newContent).hunks,
      gitDiffContents(oldContent, newContent).hunks,
    );
  });
});

describe('computeHunks texts', () => {
  it('removed and added lines per hunk', () => {
    const diff = computeHunks(Buffer.from('a\nb\nc\nd\n'), Buffer.from('a\nB\nc\nd\ne\n'));
    assert.deepEqual(diff.texts, [
      { removed: ['b'], added: ['B'] },
      { removed: [], added: ['e'] },
    ]);
  });

  it('terminators stripped, carriage return of crlf too', () => {
    const diff = computeHunks(Buffer.from('a\r\nb\r\n'), Buffer.from('a\r\nc\r\n'));
    assert.deepEqual(diff.texts, [{ removed: ['b'], added: ['c'] }]);
  });

  it('utf-8 decoded', () => {
    const diff = computeHunks(Buffer.from('é\n'), Buffer.from('日本語 😀\n'));
    assert.deepEqual(diff.texts, [{ removed: ['é'], added: ['日本語 😀'] }]);
  });

  it('line without newline at eof', () => {
    const diff = computeHunks(Buffer.from('a\nb'), Buffer.from('a\nb\n'));
    assert.deepEqual(diff.texts, [{ removed: ['b'], added: ['b'] }]);
  });
});

describe('computeHunks edit budget', () => {
  const oldText = Array.from({ length: 40 }, (_, i) => `${i % 4}\n`).join('');
  const newText = Array.from({ length: 40 }, (_, i) => `${(i * 7) % 4}\n`).join('');

  it('falls back to one hunk over the changed region', () => {
    const diff = computeHunks(
      Buffer.from(`head\n${oldText}tail\n`),
      Buffer.from(`head\n${newText}tail\n`),
      {
        maxEditLength: 2,
      },
    );
    // `head` and the first number line are equal on both sides, and the last lines differ.
    assert.equal(diff.exact, false);
    assert.deepEqual(diff.hunks, [{ oldStart: 3, oldLines: 39, newStart: 3, newLines: 39 }]);
    assert.equal(diff.texts.length, 1);
    assert.equal(diff.deletions, 39);
  });

  it('exact within a large enough budget', () => {
    const diff = computeHunks(Buffer.from(oldText), Buffer.from(newText));
    const git = gitDiffContents(Buffer.from(oldText), Buffer.from(newText));
    assert.equal(diff.exact, true);
    assert.equal(diff.additions, git.additions);
    assert.equal(diff.deletions, git.deletions);
  });
});

describe('replaceAllHunks', () => {
  it('one hunk over both sides', () => {
    const diff = replaceAllHunks(Buffer.from('a\nb\nc\n'), Buffer.from('target'));
    assert.deepEqual(diff.hunks, [{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 1 }]);
    assert.equal(diff.deletions, 3);
    assert.equal(diff.additions, 1);
  });

  it('empty old side', () => {
    const diff = replaceAllHunks(Buffer.alloc(0), Buffer.from('a\n'));
    assert.deepEqual(diff.hunks, [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 }]);
  });

  it('equal sides still replaced', () => {
    const diff = replaceAllHunks(Buffer.from('same\n'), Buffer.from('same\n'));
    assert.deepEqual(diff.hunks, [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }]);
  });
});
