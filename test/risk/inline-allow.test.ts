import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readInlineAllows } from '../../src/risk/inline-allow.js';

describe('readInlineAllows', () => {
  const cases: Array<{ name: string; text: string; rules: string[] }> = [
    { name: 'line comment', text: 'x = 1 // footprint-allow: private-key', rules: ['private-key'] },
    { name: 'hash comment', text: 'x = 1  # footprint-allow:private-key', rules: ['private-key'] },
    { name: 'list', text: '<!-- footprint-allow: a, b ,c -->', rules: ['a', 'b', 'c'] },
    { name: 'words after the list', text: '// footprint-allow: a because fixture', rules: ['a'] },
    { name: 'no marker', text: '// allow: a', rules: [] },
    { name: 'marker without rule', text: '// footprint-allow:', rules: [] },
  ];

  for (const { name, text, rules } of cases) {
    test(name, () => {
      assert.deepEqual(readInlineAllows(text), rules);
    });
  }
});
