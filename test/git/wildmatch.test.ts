import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requiredLiteral, wildmatch } from '../../src/git/wildmatch.js';

/** [pattern, text, pathname matching, expected]; cases from git's glob semantics. */
const CASES: [string, string, boolean, boolean][] = [
  ['*.txt', 'notes.txt', true, true],
  ['*.txt', 'dir/notes.txt', true, false],
  ['*.txt', 'dir/notes.txt', false, true],
  ['**/notes.txt', 'notes.txt', true, true],
  ['**/notes.txt', 'a/b/notes.txt', true, true],
  ['a/**/b', 'a/b', true, true],
  ['a/**/b', 'a/x/y/b', true, true],
  ['a/**', 'a/x/y', true, true],
  ['a/**', 'b/x', true, false],
  ['a**b', 'a/b', true, false],
  ['a?c', 'abc', true, true],
  ['a?c', 'a/c', true, false],
  ['[a-c]x', 'bx', true, true],
  ['[!a-c]x', 'dx', true, true],
  ['[!a-c]x', 'bx', true, false],
  ['[!a]x', '/x', true, false],
  ['[[:digit:]]*', '7up', true, true],
  ['\\*literal', '*literal', true, true],
  ['\\*literal', 'xliteral', true, false],
  ['dot.txt', 'dotXtxt', true, false],
  ['[unclosed', '[unclosed', true, true],
  ['/home/me/work/**', '/home/me/work/repo/.git', true, true],
];

test('wildmatch cases', () => {
  for (const [pattern, text, pathname, expected] of CASES) {
    assert.equal(wildmatch(pattern, text, { pathname }), expected, `${pattern} ~ ${text}`);
  }
});

test('wildmatch case folding', () => {
  assert.equal(wildmatch('/Work/**', '/work/repo', { pathname: true, caseFold: true }), true);
  assert.equal(wildmatch('/Work/**', '/work/repo', { pathname: true }), false);
});

/** [pattern, pathname matching, longest literal every match contains]. */
const LITERALS: [string, boolean, string][] = [
  ['*.txt', true, '.txt'],
  ['**/gen7/**/*.{js,ts}', true, '.{js,ts}'],
  ['src/**/gen7/x', true, 'gen7/x'],
  ['src/**/gen7/x', false, '/gen7/x'],
  ['a/**/b', true, 'a/'],
  ['a?c', true, 'a'],
  ['x[ab].c', true, '.c'],
  ['[]x]abc', true, 'abc'],
  ['[unclosed', true, '[unclosed'],
  ['\\*lit', true, '*lit'],
  ['trail\\', true, 'trail\\'],
  ['*', true, ''],
  ['[[:digit:]]', true, ''],
];

test('required literal of patterns', () => {
  for (const [pattern, pathname, expected] of LITERALS) {
    assert.equal(requiredLiteral(pattern, { pathname }), expected, pattern);
  }
});
