import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Batch, Mode } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  pathsOf,
  stageFiles,
} from './staged-analysis.js';

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

const tokenizer = lines(
  '/** Splits source text into tokens. */',
  'export function skipSpace(text: string, start: number): number {',
  '  let index = start;',
  "  while (text[index] === ' ') index += 1;",
  '  return index;',
  '}',
  '',
  'export function readWord(text: string, start: number): string {',
  '  let end = start;',
  "  while (/\\w/.test(text[end] ?? '')) end += 1;",
  '  return text.slice(start, end);',
  '}',
  '',
  'export function tokenize(text: string): string[] {',
  '  const tokens: string[] = [];',
  '  let index = skipSpace(text, 0);',
  '  while (index < text.length) {',
  '    const word = readWord(text, index);',
  '    tokens.push(word);',
  '    index = skipSpace(text, index + Math.max(word.length, 1));',
  '  }',
  '  return tokens;',
  '}',
);

const tokenizerTest = lines(
  "import { tokenize } from '../../src/parser/tokenizer.js';",
  '',
  "test('tokenize splits words', () => {",
  "  expect(tokenize('a b')).toEqual(['a', 'b']);",
  '});',
);

const readme = lines(
  '# Demo',
  '',
  'Demo splits text into wrods.',
  '',
  '## Install',
  '',
  'Run `npm install demo` in your project.',
);

const manifest = (version: string) =>
  JSON.stringify({ name: 'demo', version: '1.0.0', dependencies: { chalk: version } }, null, 2) +
  '\n';

const lockfile = (version: string) =>
  JSON.stringify(
    {
      name: 'demo',
      lockfileVersion: 3,
      packages: {
        '': { name: 'demo', dependencies: { chalk: version } },
        'node_modules/chalk': { version, integrity: `sha512-chalk-${version}` },
      },
    },
    null,
    2,
  ) + '\n';

/** The base every scenario starts from: a tokenizer with a test, a README with a typo, a manifest. */
const base = {
  'src/parser/tokenizer.ts': tokenizer,
  'test/parser/tokenizer.test.ts': tokenizerTest,
  'README.md': readme,
  'package.json': manifest('5.0.0'),
  'package-lock.json': lockfile('5.0.0'),
};

/** Creates a repository with the base committed and `change` staged. */
function stageScenario(change: Record<string, string>): TempRepo {
  const repo = createTempRepo();
  commitFiles(repo, base);
  stageFiles(repo, change);
  return repo;
}

function describeBatches(batches: readonly Batch[]): string {
  return batches.map((batch) => `${batch.id} ${batch.message} [${pathsOf(batch)}]`).join('\n');
}

describe('scenario: feature with test, docs typo and dependency bump', () => {
  let repo: TempRepo;
  let batches: Batch[];

  before(() => {
    repo = stageScenario({
      'src/parser/tokenizer.ts': tokenizer.replace(
        '  return tokens;\n}\n',
        [
          '  return tokens;',
          '}',
          '',
          'export function readTemplate(text: string, start: number): string {',
          "  const end = text.indexOf('`', start + 1);",
          '  return text.slice(start, end + 1);',
          '}',
          '',
        ].join('\n'),
      ),
      'test/parser/tokenizer.test.ts':
        tokenizerTest.replace(
          "import { tokenize } from '../../src/parser/tokenizer.js';",
          "import { readTemplate, tokenize } from '../../src/parser/tokenizer.js';",
        ) +
        lines(
          '',
          "test('readTemplate reads up to the closing backtick', () => {",
          "  expect(readTemplate('`a` b', 0)).toBe('`a`');",
          '});',
        ),
      'README.md': readme.replace('into wrods', 'into words'),
      'package.json': manifest('5.6.2'),
      'package-lock.json': lockfile('5.6.2'),
    });
    batches = analyzeStaged(repo);
  });
  after(() => repo.cleanup());

  test('three batches', () => {
    assert.equal(batches.length, 3, describeBatches(batches));
  });

  test('dependency bump first', () => {
    assert.deepEqual(pathsOf(batches[0]), ['package-lock.json', 'package.json']);
    assert.equal(batches[0]?.message, 'chore(deps): bump chalk to 5.6.2');
    assert.match(batches[0]?.rationale ?? '', /^manifest and its lockfile/);
  });

  test('feature with its test second', () => {
    assert.deepEqual(pathsOf(batches[1]), [
      'src/parser/tokenizer.ts',
      'test/parser/tokenizer.test.ts',
    ]);
    assert.equal(batches[1]?.message, 'feat(parser): add readTemplate to tokenizer');
    assert.match(batches[1]?.rationale ?? '', /test and the source it tests|import/);
  });

  test('docs typo last', () => {
    assert.deepEqual(pathsOf(batches[2]), ['README.md']);
    assert.equal(batches[2]?.type, 'docs');
    assert.equal(batches[2]?.message, 'docs: fix typo in README');
  });

  test('batches take whole files', () => {
    const paths = batches.flatMap((batch) => pathsOf(batch));

    assert.equal(new Set(paths).size, paths.length, paths.join(', '));
  });
});

/** A fix in skipSpace with a new test of it, and a new export readNumber with a new caller. */
const twoEditsInOneFile = {
  'src/parser/tokenizer.ts':
    tokenizer.replace(
      "  while (text[index] === ' ') index += 1;",
      "  while (text[index] === ' ' || text[index] === '\\t') index += 1;",
    ) +
    lines(
      '',
      'export function readNumber(source: string, offset: number): number {',
      '  const digits = /^[0-9.]+/.exec(source.slice(offset));',
      '  return digits ? Number(digits[0]) : Number.NaN;',
      '}',
    ),
  'src/cli/calc.ts': lines(
    "import { readNumber } from '../parser/tokenizer.js';",
    '',
    'export function calculate(input: string): number {',
    '  return readNumber(input, 0) * 2;',
    '}',
  ),
  'test/parser/skip-space.test.ts': lines(
    "import { skipSpace } from '../../src/parser/tokenizer.js';",
    '',
    "test('skipSpace skips tabs', () => {",
    "  expect(skipSpace('\\t a', 0)).toBe(2);",
    '});',
  ),
};

describe('scenario: one file with two unrelated edits', () => {
  let repo: TempRepo;
  let batches: Batch[];

  before(() => {
    repo = stageScenario(twoEditsInOneFile);
    batches = analyzeStaged(repo, 'aggressive');
  });
  after(() => repo.cleanup());

  test('two batches', () => {
    assert.equal(batches.length, 2, describeBatches(batches));
  });

  test('fix takes the first hunk with its test', () => {
    const fix = batchWith(batches, 'test/parser/skip-space.test.ts');
    const change = fix?.changes.find((entry) => entry.path === 'src/parser/tokenizer.ts');

    assert.equal(fix?.id, 'b1');
    assert.deepEqual(change?.hunks, [{ oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 }]);
    assert.equal(fix?.message, 'fix(parser): update skipSpace in tokenizer');
  });

  test('feature takes the second hunk with its caller', () => {
    const feature = batchWith(batches, 'src/cli/calc.ts');
    const change = feature?.changes.find((entry) => entry.path === 'src/parser/tokenizer.ts');

    assert.equal(feature?.id, 'b2');
    assert.deepEqual(change?.hunks, [{ oldStart: 23, oldLines: 0, newStart: 24, newLines: 5 }]);
    assert.equal(feature?.type, 'feat');
    assert.deepEqual(feature?.dependsOn, []);
  });

  test('balanced splits the file by hunk as well', () => {
    const balanced = analyzeStaged(repo, 'balanced');
    const fix = batchWith(balanced, 'test/parser/skip-space.test.ts');
    const feature = batchWith(balanced, 'src/cli/calc.ts');
    const hunksOf = (batch: Batch | undefined) =>
      batch?.changes.find((entry) => entry.path === 'src/parser/tokenizer.ts')?.hunks;

    assert.equal(balanced.length, 2, describeBatches(balanced));
    assert.deepEqual(hunksOf(fix), [{ oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 }]);
    assert.deepEqual(hunksOf(feature), [{ oldStart: 23, oldLines: 0, newStart: 24, newLines: 5 }]);
  });

  test('conservative keeps the file in one batch', () => {
    const kept = analyzeStaged(repo, 'conservative');

    const change = kept[0]?.changes.find((entry) => entry.path === 'src/parser/tokenizer.ts');

    assert.equal(kept.length, 1, describeBatches(kept));
    assert.deepEqual(change?.hunks, [
      { oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 },
      { oldStart: 23, oldLines: 0, newStart: 24, newLines: 5 },
    ]);
  });
});

describe('scenario: new module and its first caller', () => {
  let repo: TempRepo;

  before(() => {
    repo = stageScenario({
      'src/parser/numbers.ts': lines(
        'export function readNumber(source: string): number {',
        '  return Number(source);',
        '}',
      ),
      'src/cli/calc.ts': lines(
        "import { readNumber } from '../parser/numbers.js';",
        '',
        'export function calculate(input: string): number {',
        '  return readNumber(input) * 2;',
        '}',
      ),
      'src/cli/main.ts': lines(
        "import { calculate } from './calc.js';",
        '',
        'console.log(calculate(process.argv[2] ?? "0"));',
      ),
    });
  });
  after(() => repo.cleanup());

  test('aggressive commits each new module before its first caller', () => {
    const batches = analyzeStaged(repo, 'aggressive');

    assert.equal(batches.length, 3, describeBatches(batches));
    assert.deepEqual(pathsOf(batches[0]), ['src/parser/numbers.ts']);
    assert.equal(batches[0]?.message, 'feat(parser): add numbers');
    assert.deepEqual(pathsOf(batches[1]), ['src/cli/calc.ts']);
    assert.deepEqual(batches[1]?.dependsOn, ['b1']);
    assert.deepEqual(pathsOf(batches[2]), ['src/cli/main.ts']);
    assert.deepEqual(batches[2]?.dependsOn, ['b2']);
  });

  test('balanced keeps module and callers in one feature', () => {
    const batches = analyzeStaged(repo, 'balanced');

    assert.equal(batches.length, 1, describeBatches(batches));
    assert.equal(batches[0]?.type, 'feat');
    assert.match(batches[0]?.rationale ?? '', /import/);
  });
});

describe('scenario: mass rename of one identifier', () => {
  let repo: TempRepo;
  let batches: Batch[];

  before(() => {
    repo = createTempRepo();
    const users = ['src/cli/run.ts', 'src/report/summary.ts', 'scripts/check.ts'];
    commitFiles(repo, {
      'src/core/limits.ts': lines('export function maxEdits(): number {', '  return 10;', '}'),
      ...Object.fromEntries(
        users.map((path, index) => [
          path,
          lines(
            `import { maxEdits } from '${'../'.repeat(path.split('/').length - 1)}src/core/limits.js';`,
            '',
            `export const limit${index} = maxEdits() + ${index};`,
          ).replace('../../src/core', '../core'),
        ]),
      ),
    });
    const renamed = (path: string) =>
      repo.git(['show', `HEAD:${path}`]).replaceAll('maxEdits', 'editBudget');
    stageFiles(
      repo,
      Object.fromEntries(['src/core/limits.ts', ...users].map((path) => [path, renamed(path)])),
    );
    batches = analyzeStaged(repo, 'aggressive');
  });
  after(() => repo.cleanup());

  test('one batch in every mode', () => {
    assert.equal(batches.length, 1, describeBatches(batches));
    for (const mode of MODES) assert.equal(analyzeStaged(repo, mode).length, 1, mode);
  });

  test('message names the rename', () => {
    assert.equal(batches[0]?.message, 'refactor: rename maxEdits to editBudget');
    assert.match(batches[0]?.rationale ?? '', /^one identifier renamed across hunks/);
  });
});

describe('scenario: modes and messages', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'src/parser/tokenizer.ts': lines(
        'export function tokenize(text: string): string[] {',
        "  return text.split(' ');",
        '}',
      ),
      'src/report/format.ts': lines(
        'export function formatCount(count: number): string {',
        '  return String(count);',
        '}',
      ),
      'docs/guide.md': lines('# Guide', '', 'Use tokenize to split text.'),
      '.github/workflows/ci.yml': lines(
        'name: ci',
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
      ),
      'tsconfig.json': lines('{', '  "compilerOptions": {', '    "strict": true', '  }', '}'),
    });
    stageFiles(repo, {
      'src/parser/tokenizer.ts': lines(
        'export function tokenize(text: string): string[] {',
        '  return text.split(/\\s+/).filter((word) => word.length > 0);',
        '}',
      ),
      'test/parser/tokenizer.test.ts': lines(
        "import { tokenize } from '../../src/parser/tokenizer.js';",
        '',
        "test('tokenize ignores repeated spaces', () => {",
        "  expect(tokenize('a  b')).toEqual(['a', 'b']);",
        '});',
      ),
      'src/report/table.ts': lines(
        'export function padCell(text: string, width: number): string {',
        '  return text.padStart(width);',
        '}',
      ),
      'src/report/format.ts': lines(
        "import { padCell } from './table.js';",
        '',
        'export function formatCount(count: number): string {',
        "  return padCell(count.toLocaleString('en-US'), 8);",
        '}',
      ),
      'docs/guide.md': lines(
        '# Guide',
        '',
        'Use tokenize to split text.',
        '',
        '## Reports',
        '',
        'formatCount groups digits by thousands.',
      ),
      '.github/workflows/ci.yml': lines(
        'name: ci',
        'on: [push, pull_request]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
      ),
      'tsconfig.json': lines(
        '{',
        '  "compilerOptions": {',
        '    "strict": true,',
        '    "noUncheckedIndexedAccess": true',
        '  }',
        '}',
      ),
    });
  });
  after(() => repo.cleanup());

  const expected: Record<Mode, string[]> = {
    conservative: [
      'ci: update ci.yml',
      'chore: update tsconfig.json',
      'feat: add table and update tokenizer and format',
      'docs: add Reports to guide',
    ],
    balanced: [
      'ci: update ci.yml',
      'chore: update tsconfig.json',
      'fix(parser): update tokenize in tokenizer',
      'feat(report): add table',
      'docs: add Reports to guide',
    ],
    aggressive: [
      'ci: update ci.yml',
      'chore: update tsconfig.json',
      'fix(parser): update tokenize in tokenizer',
      'feat(report): add table',
      'feat(report): use table in format',
      'docs: add Reports to guide',
    ],
  };

  for (const mode of MODES) {
    test(`${mode} messages`, () => {
      const batches = analyzeStaged(repo, mode);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        expected[mode],
        describeBatches(batches),
      );
    });
  }

  test('aggressive orders the caller after the new module', () => {
    const batches = analyzeStaged(repo, 'aggressive');
    const module = batchWith(batches, 'src/report/table.ts');
    const caller = batchWith(batches, 'src/report/format.ts');

    assert.deepEqual(caller?.dependsOn, [module?.id]);
    assert.match(caller?.rationale ?? '', /uses new files of an earlier batch|hunks of one file/);
  });

  test('every mode covers each path once', () => {
    for (const mode of MODES) {
      const paths = analyzeStaged(repo, mode).flatMap(pathsOf).sort();
      assert.deepEqual(
        paths,
        [
          '.github/workflows/ci.yml',
          'docs/guide.md',
          'src/parser/tokenizer.ts',
          'src/report/format.ts',
          'src/report/table.ts',
          'test/parser/tokenizer.test.ts',
          'tsconfig.json',
        ],
        mode,
      );
    }
  });
});
