import assert from 'node:assert/strict';
import { test } from 'node:test';

import { closestName } from '../../src/cli/closest-name.js';

const OPTIONS = ['mode', 'json', 'no-llm', 'cwd', 'color', 'strategy', 'since', 'until'];

test('closestName table of typing errors', () => {
  const cases: Array<[string, string | null]> = [
    ['mod', 'mode'],
    ['stra', 'strategy'],
    ['jsno', 'json'],
    ['coolr', 'color'],
    ['no-lm', 'no-llm'],
    ['untl', 'until'],
    ['s', null],
    ['x', null],
    ['frobnicate', null],
    ['sin', 'since'],
    ['JSON', 'json'],
    ['Stra', 'strategy'],
    ['MODE', 'mode'],
  ];
  for (const [typed, expected] of cases) {
    assert.equal(closestName(typed, OPTIONS), expected, typed);
  }
});

test('closestName gives no name on a tie', () => {
  assert.equal(closestName('cat', ['bat', 'hat']), null);
  assert.equal(closestName('ba', ['bat', 'bar']), null);
});
