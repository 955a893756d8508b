import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJson5Subset } from '../../src/batches/update-bots/json5-subset.js';
import { MAX_NESTING_DEPTH } from '../../src/batches/update-bots/records.js';
import { lines } from './staged-analysis.js';

describe('parseJson5Subset', () => {
  test('reads plain JSON', () => {
    const value = parseJson5Subset('{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true}}');

    assert.deepEqual(value, { a: [1, 2.5, -300], b: { c: null, d: true } });
  });

  test('skips line and block comments', () => {
    const text = lines('// settings', '{', '  /* the type */ "a": "x", // trailing', '}');

    assert.deepEqual(parseJson5Subset(text), { a: 'x' });
  });

  test('drops trailing commas', () => {
    const text = lines('{', '  "a": [1, 2,],', '  "b": {"c": 3, /* end */ },', '}');

    assert.deepEqual(parseJson5Subset(text), { a: [1, 2], b: { c: 3 } });
  });

  test('reads unquoted keys', () => {
    assert.deepEqual(parseJson5Subset('{ semanticCommitType: "fix", $x_1: 2 }'), {
      semanticCommitType: 'fix',
      $x_1: 2,
    });
  });

  test('reads single quoted strings', () => {
    const value = parseJson5Subset(`{ 'a': 'it\\'s "quoted"', b: '//not a comment' }`);

    assert.deepEqual(value, { a: `it's "quoted"`, b: '//not a comment' });
  });

  test('keeps comment marks in strings', () => {
    assert.deepEqual(parseJson5Subset('{"a": "/* x */", "b": "a,]"}'), { a: '/* x */', b: 'a,]' });
  });

  test('reads hexadecimal and signed numbers', () => {
    assert.deepEqual(parseJson5Subset('[0x1F, +4, .5]'), [31, 4, 0.5]);
  });

  test('ignores a byte order mark', () => {
    assert.deepEqual(parseJson5Subset('\uFEFF{"a": 1}'), { a: 1 });
  });

  test('reads nesting up to the limit', () => {
    const depth = MAX_NESTING_DEPTH;
    let value = parseJson5Subset(`${'{a:'.repeat(depth - 1)}[1]${'}'.repeat(depth - 1)}`);
    let levels = 1;
    for (; !Array.isArray(value); levels += 1) value = (value as { a: unknown }).a;

    assert.equal(levels, depth);
    assert.deepEqual(value, [1]);
  });

  test('rejects deep nesting', () => {
    const text = `${'['.repeat(50000)}${']'.repeat(50000)}`;
    const message = `Nesting deeper than ${MAX_NESTING_DEPTH} at position ${MAX_NESTING_DEPTH}`;

    assert.throws(() => parseJson5Subset(text), new SyntaxError(message));
  });

  const invalid: Array<{ name: string; text: string }> = [
    { name: 'cut-off object', text: '{ "a": ' },
    { name: 'unclosed comment', text: '{ /* x' },
    { name: 'unclosed string', text: "{ a: 'x }" },
    { name: 'bare word value', text: '{ a: fix }' },
    { name: 'two commas', text: '[1,,2]' },
  ];

  for (const { name, text } of invalid) {
    test(`rejects ${name}`, () => {
      assert.throws(() => parseJson5Subset(text), SyntaxError);
    });
  }
});
