import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AsciiFirstPattern,
  fitsAsciiPattern,
  isAscii,
  NON_WORD_RANGES,
} from '../../src/batches/ascii-pattern.js';
import { identifiersOf, tokensOf } from '../../src/batches/identifiers.js';
import { readImportClause } from '../../src/batches/import-clause.js';
import { splitWords } from '../../src/batches/words.js';

/** ASCII texts: every printable character in one run, then lines of code with tabs and digits. */
const ASCII_TEXTS = [
  Array.from({ length: 95 }, (_, code) => String.fromCharCode(32 + code)).join(''),
  "\tconst max = parseHTTPHeaders_v2($el, 'a-b') // TODO: 3rd",
  'export default class Foo2Bar extends Base<T> { get x() { return 1; } }',
];

function allMatches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => `${match.index}:${match[0]}`);
}

describe('AsciiFirstPattern', () => {
  const patterns = [
    /[\p{L}_$][\p{L}\p{N}_$]*/gu,
    /[A-Z]{2,}(?=[A-Z][a-z]|\b|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]+|\p{L}+/gu,
    /\p{N}+[\p{L}]?|[^\p{L}\s]+/gu,
  ];

  for (const [index, full] of patterns.entries()) {
    test(`narrow copy ${index} on ASCII text`, () => {
      const pattern = new AsciiFirstPattern(full.source, full.flags);
      for (const text of ASCII_TEXTS) {
        assert.ok(isAscii(text), text);
        assert.deepEqual(allMatches(pattern.ascii, text), allMatches(full, text), text);
      }
    });
  }

  test('non-ASCII text gets the full pattern', () => {
    const pattern = new AsciiFirstPattern(String.raw`[\p{L}_$][\p{L}\p{N}_$]*`, 'gu');

    assert.equal(pattern.for('größe = 1'), pattern.full);
    assert.equal(pattern.for('size = 1'), pattern.ascii);
  });

  test('prose punctuation keeps the narrow copy', () => {
    const pattern = new AsciiFirstPattern(String.raw`[\p{L}_$][\p{L}\p{N}_$]*`, 'gu');
    const text = 'It’s fast — really… “quoted” → done 🚀 × 2';

    assert.equal(pattern.for(text), pattern.ascii);
    assert.deepEqual(allMatches(pattern.ascii, text), allMatches(pattern.full, text));
    assert.equal(fitsAsciiPattern('café – bar'), false);
    assert.equal(fitsAsciiPattern('x² + 1'), false);
  });

  test('non-word ranges contain no letters', () => {
    const word = /[\p{L}\p{N}]/u;
    for (const [first, last] of NON_WORD_RANGES) {
      for (let code = first; code <= last; code += 1) {
        const character = String.fromCodePoint(code);
        assert.equal(word.test(character), false, `U+${code.toString(16)}`);
      }
    }
  });

  test('other property escape rejected', () => {
    assert.throws(() => new AsciiFirstPattern(String.raw`\p{Lu}`, 'u'), /No ASCII range/);
    assert.throws(() => new AsciiFirstPattern(String.raw`\P{L}`, 'u'), /No ASCII range/);
  });
});

describe('ASCII-first patterns in use', () => {
  test('identifiers of non-ASCII lines', () => {
    assert.deepEqual([...identifiersOf(['const größe = maßstab2;'])], ['größe', 'maßstab2']);
  });

  test('tokens of a non-ASCII line', () => {
    assert.deepEqual(tokensOf('naïve(x)'), ['naïve', 'x']);
  });

  test('words of a non-ASCII identifier', () => {
    // `Ü` is no ASCII capital, so the run of letters stays one word; narrowed, it would split.
    assert.deepEqual(splitWords('ÜberTabelle'), ['übertabelle']);
  });

  test('import clause with non-ASCII names', () => {
    const clause = readImportClause("import { größe as maß } from './m.js'");

    assert.deepEqual(clause.locals, ['maß']);
    assert.deepEqual(clause.imported, ['größe']);
  });
});
