import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Batch, BatchAnalysis, Mode } from '../../src/batches/types.js';
import type { InProgressOperation } from '../../src/git/types.js';
import { lines, makeFootprint, shuffleFiles, type FileSpec } from '../helpers/footprint-builder.js';

// Stops a hang on large input. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

function pathsOf(batch: Batch | undefined): string[] {
  return (batch?.changes ?? []).map((change) => change.path);
}

function analyze(specs: FileSpec[], mode: Mode = 'balanced'): BatchAnalysis {
  return analyzeBatches(makeFootprint(specs), { mode });
}

/** A new tokenizer with its test, a docs change, and a dependency bump with its lockfile. */
const featureChange: FileSpec[] = [
  { path: 'README.md', old: lines('# Demo', 'Old text.'), new: lines('# Demo', 'New text.') },
  {
    path: 'package.json',
    old: JSON.stringify({ name: 'demo', dependencies: { chalk: '5.0.0' } }, null, 2),
    new: JSON.stringify({ name: 'demo', dependencies: { chalk: '5.6.2' } }, null, 2),
  },
  { path: 'package-lock.json', old: lines('{', '  "v": 1', '}'), new: lines('{', '  "v": 2', '}') },
  {
    path: 'src/parser/tokenizer.ts',
    new: lines(
      'export function tokenize(text: string): string[] {',
      "  return text.split(' ');",
      '}',
    ),
  },
  {
    path: 'test/parser/tokenizer.test.ts',
    new: lines(
      "import { tokenize } from '../../src/parser/tokenizer.js';",
      "test('splits', () => tokenize('a b'));",
    ),
  },
];

describe('analyzeBatches', () => {
  test('feature, docs and dependency bump give three ordered batches', () => {
    const { batches, splitSuggested } = analyze(featureChange);

    assert.equal(splitSuggested, true);
    assert.deepEqual(
      batches.map((batch) => batch.id),
      ['b1', 'b2', 'b3'],
    );
    assert.equal(batches[0]?.message, 'chore(deps): bump chalk to 5.6.2');
    assert.deepEqual(pathsOf(batches[0]), ['package-lock.json', 'package.json']);
    assert.match(batches[0]?.rationale ?? '', /^manifest and its lockfile;/);
    assert.equal(batches[1]?.message, 'feat(parser): add tokenizer');
    assert.equal(batches[1]?.type, 'feat');
    assert.equal(batches[1]?.scope, 'parser');
    assert.deepEqual(pathsOf(batches[1]), [
      'src/parser/tokenizer.ts',
      'test/parser/tokenizer.test.ts',
    ]);
    assert.match(batches[1]?.rationale ?? '', /^test and the source it tests[,;]/);
    assert.equal(batches[2]?.message, 'docs: update Demo in README');
    assert.equal(batches[2]?.type, 'docs');
  });

  test('batches take whole files', () => {
    const input = makeFootprint(featureChange);
    const { batches } = analyzeBatches(input, { mode: 'balanced' });
    const changes = batches.flatMap((batch) => batch.changes);

    assert.equal(changes.length, featureChange.length);
    for (const file of input.footprint.files) {
      const change = changes.find((entry) => entry.path === file.path);
      // An added file has no hunks to move, and a modified one lists all of its own.
      const expected = file.status === 'added' ? undefined : file.hunks;
      assert.deepEqual(change?.hunks, expected, file.path);
    }
  });

  test('every batch has a one-line rationale', () => {
    for (const batch of analyze(featureChange).batches) {
      assert.ok(batch.rationale.length > 0, batch.id);
      assert.ok(!batch.rationale.includes('\n'), batch.id);
    }
  });

  test('empty footprint gives no batches', () => {
    assert.deepEqual(analyze([]).batches, []);
  });
});

describe('analyzeBatches test and source pairs', () => {
  const cases: Array<{ name: string; test: string; source: string }> = [
    { name: 'beside', test: 'src/foo.test.ts', source: 'src/foo.ts' },
    { name: 'test root', test: 'test/foo.test.ts', source: 'src/foo.ts' },
    { name: 'nested test root', test: 'test/lib/foo.test.ts', source: 'src/lib/foo.ts' },
    { name: '__tests__ folder', test: 'src/__tests__/foo.test.ts', source: 'src/foo.ts' },
    { name: 'spec suffix', test: 'lib/foo.spec.js', source: 'lib/foo.js' },
  ];

  for (const { name, test: testPath, source } of cases) {
    test(`${name} pairs in aggressive mode`, () => {
      const { batches } = analyze(
        [
          { path: testPath, new: lines("test('x', () => {});") },
          { path: source, new: lines('export const foo = 1;') },
          { path: 'docs/other.md', new: lines('# Other') },
        ],
        'aggressive',
      );

      const pair = batches.find((batch) => pathsOf(batch).includes(source));
      assert.deepEqual(pathsOf(pair), [source, testPath].sort());
      assert.match(pair?.rationale ?? '', /test and the source it tests/);
    });
  }

  const importedByTest: Array<{ name: string; specs: FileSpec[]; source: string; test: string }> = [
    {
      name: 'JavaScript',
      source: 'src/slugify.js',
      test: 'test/slugify.test.js',
      specs: [
        { path: 'src/slugify.js', new: lines('export const slugify = (text) => text;') },
        {
          path: 'test/slugify.test.js',
          new: lines(
            "import { slugify } from '../src/slugify.js';",
            "test('x', () => slugify('a'));",
          ),
        },
        {
          path: 'src/page.js',
          new: lines("import { slugify } from './slugify.js';", "export const url = slugify('a');"),
        },
      ],
    },
    {
      name: 'Python',
      source: 'app/billing.py',
      test: 'tests/test_billing.py',
      specs: [
        { path: 'app/billing.py', new: lines('def compute_invoice_total(lines):', '    return 0') },
        {
          path: 'tests/test_billing.py',
          new: lines(
            'from app.billing import compute_invoice_total',
            'def test_total():',
            '    assert compute_invoice_total([]) == 0',
          ),
        },
        {
          path: 'app/views.py',
          new: lines(
            'from app.billing import compute_invoice_total',
            'def invoice_view(request):',
            '    return compute_invoice_total(request.lines)',
          ),
        },
      ],
    },
  ];

  for (const { name, specs, source, test: testPath } of importedByTest) {
    test(`${name} test importing new source pairs`, () => {
      const { batches } = analyze(specs, 'aggressive');

      const pair = batches.find((batch) => pathsOf(batch).includes(source));
      assert.deepEqual(pathsOf(pair), [source, testPath].sort());
    });
  }

  test('test without its source is a test batch', () => {
    const { batches } = analyze([
      { path: 'test/foo.test.ts', old: lines('a'), new: lines('b') },
      { path: 'src/bar.ts', old: lines('a'), new: lines('b') },
    ]);

    const tests = batches.find((batch) => pathsOf(batch).includes('test/foo.test.ts'));
    assert.equal(batches.length, 2);
    assert.equal(tests?.message, 'test: update tests for foo');
  });
});

describe('analyzeBatches in-progress operations', () => {
  const operations: InProgressOperation[] = ['merge', 'rebase', 'cherry-pick', 'revert'];

  for (const operation of operations) {
    test(`${operation} gives one batch`, () => {
      const input = makeFootprint(featureChange, { operation });
      const analysis = analyzeBatches(input, { mode: 'aggressive' });

      assert.equal(analysis.splitSuggested, false);
      assert.equal(analysis.batches.length, 1);
      assert.equal(analysis.batches[0]?.id, 'b1');
      assert.equal(analysis.batches[0]?.changes.length, featureChange.length);
      assert.deepEqual(analysis.batches[0]?.dependsOn, []);
      assert.match(
        analysis.batches[0]?.rationale ?? '',
        new RegExp(`^a ${operation} is in progress`),
      );
    });
  }

  test('bisect still splits', () => {
    const analysis = analyzeBatches(makeFootprint(featureChange, { operation: 'bisect' }), {
      mode: 'balanced',
    });

    assert.equal(analysis.splitSuggested, true);
    assert.equal(analysis.batches.length, 3);
  });
});

describe('analyzeBatches modes', () => {
  const spread: FileSpec[] = [
    ...featureChange,
    { path: 'docs/guide.md', new: lines('# Guide') },
    { path: 'src/cli/main.ts', old: lines('run();'), new: lines('run(1);') },
    { path: 'src/cli/args.ts', old: lines('a'), new: lines('b') },
    { path: 'src/cli/commands/init.ts', old: lines('a'), new: lines('b') },
    { path: 'tsconfig.json', old: lines('{}'), new: lines('{ }') },
    { path: '.eslintrc.json', old: lines('{}'), new: lines('{ }') },
    // The first caller of the new tokenizer, which only aggressive mode commits on its own.
    {
      path: 'src/app/main.ts',
      old: lines("import { run } from './run.js';", 'run();'),
      new: lines(
        "import { run } from './run.js';",
        "import { tokenize } from '../parser/tokenizer.js';",
        'run(tokenize);',
      ),
    },
  ];

  test('conservative gives fewest batches and aggressive most', () => {
    const [conservative, balanced, aggressive] = MODES.map(
      (mode) => analyze(spread, mode).batches.length,
    );

    assert.ok((conservative ?? 0) < (balanced ?? 0), `${conservative} < ${balanced}`);
    assert.ok((balanced ?? 0) < (aggressive ?? 0), `${balanced} < ${aggressive}`);
  });

  test('mode is recorded', () => {
    for (const mode of MODES) assert.equal(analyze(spread, mode).mode, mode);
  });

  test('every mode covers each file once', () => {
    for (const mode of MODES) {
      const paths = analyze(spread, mode).batches.flatMap(pathsOf).sort();
      assert.deepEqual(paths, spread.map((spec) => spec.path).sort(), mode);
    }
  });
});

describe('analyzeBatches order', () => {
  const newModuleAndUser: FileSpec[] = [
    {
      path: 'src/cli/main.ts',
      old: lines("import { run } from './run.js';", 'run();'),
      new: lines(
        "import { run } from './run.js';",
        "import { tokenize } from '../parser/tokenizer.js';",
        'run(tokenize);',
      ),
    },
    { path: 'src/parser/tokenizer.ts', new: lines('export const tokenize = 1;') },
  ];

  test('importer of a new file comes after it', () => {
    const { batches } = analyze(newModuleAndUser, 'aggressive');

    assert.equal(batches.length, 2);
    assert.deepEqual(pathsOf(batches[0]), ['src/parser/tokenizer.ts']);
    assert.deepEqual(pathsOf(batches[1]), ['src/cli/main.ts']);
    assert.deepEqual(batches[1]?.dependsOn, ['b1']);
    assert.deepEqual(batches[0]?.dependsOn, []);
  });

  test('importer of a new file is a feature using it', () => {
    const { batches } = analyze(newModuleAndUser, 'aggressive');

    assert.equal(batches[1]?.message, 'feat(cli): use tokenizer');
  });

  for (const mode of ['conservative', 'balanced'] as const) {
    test(`${mode} joins importer and imported file`, () => {
      const { batches } = analyze(newModuleAndUser, mode);

      assert.equal(batches.length, 1);
      assert.match(batches[0]?.rationale ?? '', /import/);
    });
  }

  test('dependency wins over kind order', () => {
    const { batches } = analyze(
      [
        {
          path: 'src/a/uses.ts',
          old: lines('x'),
          new: lines("import './../b/new-thing.js';", 'x'),
        },
        { path: 'src/b/new-thing.ts', new: lines('export {};') },
        { path: 'test/b/new-thing-helper.ts', category: 'test', new: lines('y') },
      ],
      'aggressive',
    );

    const importer = batches.findIndex((batch) => pathsOf(batch).includes('src/a/uses.ts'));
    const imported = batches.findIndex((batch) => pathsOf(batch).includes('src/b/new-thing.ts'));
    assert.ok(imported < importer, `${imported} < ${importer}`);
  });

  test('new files importing each other share a batch', () => {
    const { batches } = analyze(
      [
        { path: 'src/a/one.ts', new: lines("import { two } from '../b/two.js';") },
        { path: 'src/b/two.ts', new: lines("import { one } from '../a/one.js';") },
      ],
      'aggressive',
    );

    assert.equal(batches.length, 1);
    assert.match(batches[0]?.rationale ?? '', /import/);
  });

  test('kind order puts dependencies first', () => {
    const { batches } = analyze([
      { path: 'docs/a.md', new: lines('a') },
      { path: 'test/zeta.test.ts', old: lines('a'), new: lines('b') },
      { path: 'src/new.ts', new: lines('x') },
      { path: 'src/old/fix.ts', old: lines('a'), new: lines('b') },
      {
        path: 'Cargo.toml',
        old: lines('[dependencies]', 'a = "1"'),
        new: lines('[dependencies]', 'a = "2"'),
      },
    ]);

    assert.deepEqual(
      batches.map((batch) => batch.type),
      ['chore', 'fix', 'feat', 'test', 'docs'],
    );
  });
});

describe('analyzeBatches determinism', () => {
  const many: FileSpec[] = [
    ...featureChange,
    { path: 'docs/guide.md', new: lines('# Guide') },
    { path: 'src/cli/main.ts', old: lines('a'), new: lines("import '../parser/tokenizer.js';") },
    { path: 'src/cli/args.ts', old: lines('a'), new: lines('b') },
    { path: '.github/workflows/ci.yml', old: lines('a'), new: lines('b') },
    { path: 'src/util/strings.ts', old: lines('a', 'b'), new: lines('b', 'a') },
  ];

  for (const mode of MODES) {
    test(`shuffled files give the same ${mode} analysis`, () => {
      const input = makeFootprint(many);
      const expected = analyzeBatches(input, { mode });
      for (const seed of [1, 7, 42, 1234]) {
        assert.deepEqual(
          analyzeBatches(shuffleFiles(input, seed), { mode }),
          expected,
          `seed ${seed}`,
        );
      }
    });
  }
});

describe('analyzeBatches on hard input', () => {
  const bigLines: Array<{ name: string; text: string }> = [
    { name: 'one 5 MB line', text: 'x'.repeat(5 * 1024 * 1024) },
    { name: '5 MB of spaces', text: ' '.repeat(5 * 1024 * 1024) },
    { name: '5 MB of import words', text: 'import '.repeat(750_000) },
    { name: '5 MB of export words', text: 'export '.repeat(750_000) },
  ];

  for (const { name, text } of bigLines) {
    test(`${name} in a script`, { timeout: HANG_TIMEOUT_MS }, () => {
      const { batches } = analyze([
        { path: 'src/big.ts', old: lines('a'), new: lines(text) },
        { path: 'src/other.ts', old: lines('a'), new: lines("import './big.js';") },
      ]);

      assert.equal(batches.length, 1);
      assert.deepEqual(pathsOf(batches[0]), ['src/big.ts', 'src/other.ts']);
      assert.equal(batches[0]?.message, 'fix: update big and other');
    });
  }

  test('binary and opaque files get a batch', () => {
    const { batches } = analyze([
      { path: 'assets/logo.png', new: 'png', binary: true },
      { path: 'data/big.csv', old: 'a', new: 'b', opaque: 'too-large' },
    ]);

    assert.deepEqual(batches.flatMap(pathsOf).sort(), ['assets/logo.png', 'data/big.csv']);
    assert.equal(
      batches.find((batch) => pathsOf(batch).includes('assets/logo.png'))?.message,
      'chore(assets): add logo.png',
    );
  });

  test('hundreds of files', { timeout: HANG_TIMEOUT_MS }, () => {
    const specs: FileSpec[] = [];
    for (let index = 0; index < 600; index += 1) {
      const folder = `src/module-${index % 30}`;
      specs.push({
        path: `${folder}/file-${index}.ts`,
        old: lines('a'),
        new: lines(`import './file-${(index + 30) % 600}.js';`, 'b'),
      });
    }
    const { batches } = analyze(specs);
    const folderCount = (batch: Batch) => new Set(pathsOf(batch).map(path.posix.dirname)).size;
    const mixed = batches.filter((batch) => folderCount(batch) !== 1).map((batch) => batch.id);
    const unlinked = batches
      .filter((batch) => !/import/.test(batch.rationale))
      .map((batch) => batch.id);

    assert.equal(batches.length, 277);
    assert.deepEqual(batches.flatMap(pathsOf).sort(), specs.map((spec) => spec.path).sort());
    assert.deepEqual(mixed, []);
    assert.deepEqual(unlinked, []);
    assert.deepEqual(pathsOf(batches[0]), ['src/module-0/file-0.ts', 'src/module-0/file-30.ts']);
  });
});
