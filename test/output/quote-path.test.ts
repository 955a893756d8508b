import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteJsonString, quotePath } from '../../src/output/quote-path.js';

const cases: Array<[string, string, string]> = [
  ['plain path', 'src/app.ts', 'src/app.ts'],
  ['spaces and apostrophe', "docs/it's a file.md", "docs/it's a file.md"],
  ['non-ASCII letters', 'docs/naïve café 日本語.md', 'docs/naïve café 日本語.md'],
  ['escape sequence', 'x\u001b[31mRED\u001b[0m.txt', '"x\\033[31mRED\\033[0m.txt"'],
  ['newline', 'new\nline.txt', '"new\\nline.txt"'],
  ['tab and carriage return', 'a\tb\rc', '"a\\tb\\rc"'],
  ['bell, backspace, vertical tab, form feed', 'a\u0007\b\v\f', '"a\\a\\b\\v\\f"'],
  ['double quote', 'say "hi".txt', '"say \\"hi\\".txt"'],
  ['backslash', 'dir\\file', '"dir\\\\file"'],
  ['delete character', 'a\u007f', '"a\\177"'],
  ['C1 control as UTF-8 octal', 'a\u009bb', '"a\\302\\233b"'],
  ['right-to-left override', 'evil\u202egnp.js', '"evil\\342\\200\\256gnp.js"'],
  [
    'zero-width space and line separator',
    'zw\u200bsp\u2028.js',
    '"zw\\342\\200\\213sp\\342\\200\\250.js"',
  ],
  ['zero-width joiner in an emoji', 'docs/👩\u200d💻.md', 'docs/👩\u200d💻.md'],
  ['byte that is not UTF-8', 'report-\udce8.txt', '"report-\\350.txt"'],
  ['emoji whose low surrogate is in the escape range', 'docs/\u{1f480}.md', 'docs/\u{1f480}.md'],
];

for (const [name, path, expected] of cases) {
  test(`quotePath ${name}`, () => {
    assert.equal(quotePath(path), expected);
  });
}

test('quoteJsonString escapes a right-to-left override', () => {
  assert.equal(quoteJsonString('evil\u202egnp.js'), '"evil\\u202egnp.js"');
  assert.equal(JSON.parse(quoteJsonString('evil\u202egnp.js')), 'evil\u202egnp.js');
});

test('quoteJsonString escapes every control character', () => {
  const quoted = quoteJsonString('a\u001b\u007f\u009b"b');

  assert.equal(quoted, '"a\\u001b\\u007f\\u009b\\"b"');
  assert.equal(JSON.parse(quoted), 'a\u001b\u007f\u009b"b');
});
