import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_NESTING_DEPTH } from '../../src/batches/update-bots/records.js';
import { parseYamlSubset, YamlSubsetError } from '../../src/batches/update-bots/yaml-subset.js';
import { lines } from './staged-analysis.js';

/** The update entry of Dependabot's documented example, in the forms its docs and users write. */
const ENTRY = {
  'package-ecosystem': 'npm',
  directory: '/',
  schedule: { interval: 'weekly' },
  'commit-message': { prefix: 'build', include: 'scope' },
};

describe('parseYamlSubset', () => {
  const forms: Array<{ name: string; text: string }> = [
    {
      name: 'quoted values',
      text: lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: "npm"',
        '    directory: "/"',
        '    schedule:',
        '      interval: "weekly"',
        '    commit-message:',
        '      prefix: "build"',
        "      include: 'scope'",
      ),
    },
    {
      name: 'plain values and comments',
      text: lines(
        '# Dependabot settings',
        '---',
        'version: 2',
        'updates:',
        '',
        '  # JavaScript packages',
        '  - package-ecosystem: npm # and yarn',
        '    directory: /',
        '    schedule:',
        '      interval: weekly',
        '    commit-message:',
        '      prefix: build',
        '      include: scope',
      ),
    },
    {
      name: 'items at key indentation',
      text: lines(
        'version: 2',
        'updates:',
        '- package-ecosystem: npm',
        '  directory: /',
        '  schedule: {interval: weekly}',
        '  commit-message: { prefix: "build", include: scope }',
      ),
    },
    {
      name: 'windows line ends',
      text: lines(
        'version: 2\r',
        'updates:\r',
        '  - package-ecosystem: npm\r',
        '    directory: /\r',
        '    schedule:\r',
        '      interval: weekly\r',
        '    commit-message:\r',
        '      prefix: build\r',
        '      include: scope\r',
      ),
    },
    {
      name: 'anchor and merge key',
      text: lines(
        'x-defaults: &defaults',
        '  directory: /',
        '  schedule:',
        '    interval: weekly',
        'version: 2',
        'updates:',
        '  - <<: *defaults',
        '    package-ecosystem: npm',
        '    commit-message:',
        '      prefix: build',
        '      include: scope',
      ),
    },
    {
      name: 'document end marker',
      text: lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: npm',
        '    directory: /',
        '    schedule: { interval: weekly }',
        '    commit-message:',
        '      prefix: build',
        '      include: scope',
        '... # end of the settings',
        '# nothing more',
      ),
    },
    {
      name: 'flow mapping over lines',
      text: lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: npm',
        '    directory: /',
        '    schedule: {',
        '      interval: weekly',
        '    }',
        '    commit-message: {',
        '      prefix: build, # the type',
        '      include: scope',
        '    }',
      ),
    },
    {
      name: 'flow mapping on its own lines',
      text: lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: npm',
        '    directory: /',
        '    schedule: {interval: weekly}',
        '    commit-message:',
        '      { prefix: "build",',
        "        include: 'scope' }",
      ),
    },
  ];

  for (const { name, text } of forms) {
    test(`reads ${name}`, () => {
      const document = parseYamlSubset(text) as { updates: unknown[] };

      assert.deepEqual(document.updates, [ENTRY]);
    });
  }

  test('keeps hashes inside quotes', () => {
    const document = parseYamlSubset(lines(`a: "x # y" # note`, `b: 'it''s # here'`));

    assert.deepEqual(document, { a: 'x # y', b: "it's # here" });
  });

  test('keeps a quote inside a word', () => {
    assert.deepEqual(parseYamlSubset("prefix: it's # note\n"), { prefix: "it's" });
  });

  test('reads double quote escapes', () => {
    const document = parseYamlSubset('a: "say \\"hi\\"\\tand \\u00e9"\n');

    assert.deepEqual(document, { a: 'say "hi"\tand é' });
  });

  test('reads flow sequences', () => {
    const document = parseYamlSubset('directories: ["/", \'/apps/*\', /libs]\n');

    assert.deepEqual(document, { directories: ['/', '/apps/*', '/libs'] });
  });

  test('reads nested sequences', () => {
    const document = parseYamlSubset(lines('matrix:', '  - - a', '    - b', '  -', '    - c'));

    assert.deepEqual(document, { matrix: [['a', 'b'], ['c']] });
  });

  test('reads null values', () => {
    const document = parseYamlSubset(lines('a:', 'b: ~', 'c: null', 'd: ""'));

    assert.deepEqual(document, { a: null, b: null, c: null, d: '' });
  });

  test('keeps plain scalars as text', () => {
    const document = parseYamlSubset(lines('version: 2', 'enabled: true', 'url: https://x.io'));

    assert.deepEqual(document, { version: '2', enabled: 'true', url: 'https://x.io' });
  });

  test('reads a literal block scalar', () => {
    const document = parseYamlSubset(lines('note: |', '  one # kept', '  two', 'next: x'));

    assert.deepEqual(document, { note: 'one # kept\ntwo\n', next: 'x' });
  });

  test('reads a flow sequence over lines', () => {
    const text = lines('directories: [', '  "/", # root', "  '/apps/*',", '  /libs', ']', 'b: x');

    assert.deepEqual(parseYamlSubset(text), { directories: ['/', '/apps/*', '/libs'], b: 'x' });
  });

  test('ends a block scalar at document end', () => {
    const document = parseYamlSubset(lines('|', 'one', '...', '# end'));

    assert.equal(document, 'one\n');
  });

  test('reads nesting up to the limit', () => {
    const depth = MAX_NESTING_DEPTH - 1;
    const document = parseYamlSubset(`a: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`);
    let value = (document as { a: unknown }).a;
    let levels = 0;
    for (; Array.isArray(value); levels += 1) value = value[0];

    assert.equal(levels, depth);
    assert.equal(value, 'x');
  });

  test('reads an empty document', () => {
    assert.equal(parseYamlSubset('# nothing here\n'), null);
  });

  const invalid: Array<{ name: string; text: string; line: number }> = [
    { name: 'tab indentation', text: 'updates:\n\t- npm\n', line: 2 },
    { name: 'unclosed double quote', text: 'a: b\nprefix: "build\n', line: 2 },
    { name: 'unclosed single quote', text: "prefix: 'build\n", line: 1 },
    { name: 'text after a quote', text: 'prefix: "build" x\n', line: 1 },
    { name: 'unclosed flow sequence', text: 'a: [1, 2\n', line: 1 },
    { name: 'deeper line', text: 'a: b\n  c: d\n', line: 2 },
    { name: 'duplicate key', text: 'a: 1\na: 2\n', line: 2 },
    { name: 'unknown alias', text: 'a: *missing\n', line: 1 },
    { name: 'tag', text: 'a: !!str 1\n', line: 1 },
    { name: 'second document', text: 'a: 1\n---\nb: 2\n', line: 2 },
    { name: 'line without key', text: 'a: 1\njust text\n', line: 2 },
    { name: 'flow mapping left open', text: 'a: {\n  b: 1,\n\nc: 2\n', line: 1 },
    { name: 'text after document end', text: 'a: 1\n...\nb: 2\n', line: 3 },
    { name: 'document after document end', text: 'a: 1\n...\n---\nb: 2\n', line: 3 },
    {
      name: 'deep flow nesting',
      text: `version: 2\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      line: 2,
    },
    { name: 'deep sequence nesting', text: `a: 1\nb:\n  ${'- '.repeat(5000)}x\n`, line: 3 },
    {
      name: 'deep mapping nesting',
      text: Array.from({ length: 500 }, (_, level) => `${' '.repeat(level)}k:\n`).join(''),
      line: MAX_NESTING_DEPTH + 1,
    },
  ];

  for (const { name, text, line } of invalid) {
    test(`rejects ${name}`, () => {
      assert.throws(
        () => parseYamlSubset(text),
        (error: unknown) => error instanceof YamlSubsetError && error.line === line,
      );
    });
  }
});
