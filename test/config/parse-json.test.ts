import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJsonText } from '../../src/config/parse-json.js';

const cases: Array<{ name: string; text: string; line: number; column: number; reason: string }> = [
  {
    name: 'value missing',
    text: '{"mode": }',
    line: 1,
    column: 10,
    reason: "Unexpected token '}'",
  },
  {
    name: 'trailing comma',
    text: '{\n  "mode": "balanced",\n}',
    line: 3,
    column: 1,
    reason: 'Expected double-quoted property name',
  },
  {
    name: 'missing colon',
    text: '{\n  "mode" "balanced"\n}',
    line: 2,
    column: 10,
    reason: "Expected ':' after property name",
  },
  {
    name: 'cut-off text',
    text: '{\n  "mode": "balanced"',
    line: 2,
    column: 21,
    reason: "Expected ',' or '}' after property value",
  },
  {
    name: 'empty text',
    text: '',
    line: 1,
    column: 1,
    reason: 'Unexpected end of JSON input',
  },
  {
    name: 'bad token deep in a long text',
    text: `{\n${'  "key": "value",\n'.repeat(50)}  "last": tru\n}`,
    line: 52,
    column: 14,
    reason: "Unexpected token '\\n'",
  },
];

describe('parseJsonText', () => {
  for (const { name, text, line, column, reason } of cases) {
    test(name, () => {
      const result = parseJsonText(text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problem.line, line, 'line');
      assert.equal(result.problem.column, column, 'column');
      assert.equal(result.problem.reason, reason, 'reason');
    });
  }

  test('valid text', () => {
    assert.deepEqual(parseJsonText('{"mode": "balanced"}'), {
      ok: true,
      value: { mode: 'balanced' },
    });
  });

  test('byte order mark ignored', () => {
    assert.deepEqual(parseJsonText('\uFEFF[1]'), { ok: true, value: [1] });
  });

  for (const encoding of ['utf16le', 'utf-16be'] as const) {
    test(`${encoding} text named`, () => {
      const bytes =
        encoding === 'utf16le'
          ? Buffer.from('\uFEFF{"mode": "balanced"}\r\n', 'utf16le')
          : Buffer.from('\uFEFF{"mode": "balanced"}\r\n', 'utf16le').swap16();
      const result = parseJsonText(bytes.toString('utf8'));

      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problem.line, 1, 'line');
      assert.equal(result.problem.column, 1, 'column');
      assert.match(result.problem.reason, /UTF-16/);
      assert.match(result.problem.reason, /save the file as UTF-8/);
    });
  }
});
