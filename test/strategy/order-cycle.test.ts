import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';

import type { Batch } from '../../src/batches/types.js';
import { validateValidationDocument } from '../../src/schemas-runtime/validators.js';
import type { StrategyProblem } from '../../src/strategy/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** Creates a repository with one commit of `committed`, and `staged` written and staged on top. */
function stagedRepo(committed: Record<string, string>, staged: Record<string, string>): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  for (const [file, text] of Object.entries(committed)) repo.write(file, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start']);
  for (const [file, text] of Object.entries(staged)) repo.write(file, text);
  repo.git(['add', '-A']);
  return repo;
}

/** Creates a repository with four staged documents, a.md to d.md. */
function documentsRepo(): TempRepo {
  const names = ['a.md', 'b.md', 'c.md', 'd.md'];
  const committed = Object.fromEntries(names.map((name) => [name, 'old\n']));
  const staged = Object.fromEntries(names.map((name) => [name, 'new\n']));
  return stagedRepo(committed, staged);
}

/**
 * Writes plan.json for the staged change with one batch per entry of `plan`: its id, the
 * paths it takes whole and its dependsOn.
 */
function writePlan(repo: TempRepo, plan: Array<[string, string | string[], string[]]>): string {
  const file = path.join(repo.dir, 'plan.json');
  const written = repo.footprint(['strategy', '--no-llm', '--output', file]);
  assert.equal(written.status, 0, written.stderr);
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
  const base = strategy.batches[0] as Batch;
  strategy.batches = plan.map(([id, changed, dependsOn]) => ({
    ...base,
    id,
    message: `docs: update ${String(changed)}`,
    type: 'docs',
    scope: null,
    changes: [changed].flat().map((changedPath) => ({ path: changedPath })),
    dependsOn,
  }));
  writeFileSync(file, `${JSON.stringify(strategy, null, 2)}\n`);
  return file;
}

/** Returns the problems of `footprint validate --json`, after checking the document's schema. */
function validateJson(repo: TempRepo): StrategyProblem[] {
  const result = repo.footprint(['validate', '--strategy', 'plan.json', '--json']);
  const document = JSON.parse(result.stdout) as { problems: StrategyProblem[] };
  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(validateValidationDocument(document), []);
  return document.problems;
}

const TWO_CYCLE =
  'The dependencies of batches b1 and b2 form a cycle (b1 → b2 → b1, each depending on the ' +
  'next), so no order of these batches satisfies them. To break the cycle, do one of these: ' +
  'remove b2 from the dependsOn of b1, remove b1 from the dependsOn of b2, or merge b1 and b2 ' +
  'into one batch.';

describe('validate on a dependsOn cycle', () => {
  test('two batches give one problem', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b1']],
      ['b3', 'c.md', []],
      ['b4', 'd.md', []],
    ]);

    const result = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      ['✖ plan.json is invalid: 1 problem.', `  order-cycle  b1  ${TWO_CYCLE}`, ''].join('\n'),
    );
  });

  test('three batches named in order', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b3']],
      ['b3', 'c.md', ['b1']],
      ['b4', 'd.md', []],
    ]);

    const result = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        '✖ plan.json is invalid: 1 problem.',
        '  order-cycle  b1  The dependencies of batches b1, b2 and b3 form a cycle ' +
          '(b1 → b2 → b3 → b1, each depending on the next), so no order of these batches ' +
          'satisfies them. To break the cycle, do one of these: remove b2 from the dependsOn ' +
          'of b1, remove b3 from the dependsOn of b2, remove b1 from the dependsOn of b3, or ' +
          'merge b1, b2 and b3 into one batch.',
        '',
      ].join('\n'),
    );
  });

  test('cycle starts at its first batch', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b4', 'd.md', []],
      ['b3', 'c.md', ['b1']],
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b3']],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.equal(problem?.batch, 'b3');
    assert.deepEqual(problem?.batches, ['b3', 'b1', 'b2']);
    assert.match(problem?.message ?? '', /\(b3 → b1 → b2 → b3, each depending on the next\)/);
  });

  test('JSON names the cycle batches', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b1']],
      ['b3', 'c.md', []],
      ['b4', 'd.md', []],
    ]);

    assert.deepEqual(validateJson(repo), [
      { code: 'order-cycle', batch: 'b1', batches: ['b1', 'b2'], message: TWO_CYCLE },
    ]);
  });

  test('order outside a cycle stays', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b1']],
      ['b3', 'c.md', ['b4']],
      ['b4', 'd.md', []],
    ]);

    const problems = validateJson(repo);

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['order-cycle', 'order'],
    );
    assert.equal(problems[1]?.batch, 'b3');
    assert.match(problems[1]?.message ?? '', /^Batch b3 depends on b4, which comes later\./);
  });

  test('two cycles sharing a batch', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b1', 'b3']],
      ['b3', 'c.md', ['b2']],
      ['b4', 'd.md', []],
    ]);

    const problems = validateJson(repo);

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['order-cycle', 'order-cycle'],
    );
    assert.deepEqual(problems[0]?.batches, ['b1', 'b2']);
    assert.deepEqual(problems[1]?.batches, ['b2', 'b3']);
  });
});

describe('validate on a cycle through an import', () => {
  /** Stages src/x.js, new, and src/main.js starting to import it. */
  function importRepo(): TempRepo {
    return stagedRepo(
      { 'src/main.js': 'console.log(0);\n' },
      {
        'src/x.js': 'export const x = 1;\n',
        'src/main.js': "import { x } from './x.js';\n\nconsole.log(x);\n",
      },
    );
  }

  test('import and dependsOn form a cycle', () => {
    const repo = importRepo();
    writePlan(repo, [
      ['b1', 'src/x.js', ['b2']],
      ['b2', 'src/main.js', []],
    ]);

    const result = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        '✖ plan.json is invalid: 1 problem.',
        '  order-cycle  b1  The dependencies of batches b1 and b2 form a cycle ' +
          '(b1 → b2 → b1, each depending on the next), so no order of these batches satisfies ' +
          'them. Batch b2 ' +
          'imports src/x.js (in src/main.js), which batch b1 adds. To break the cycle, do one ' +
          'of these: remove b2 from the dependsOn of b1, move src/x.js into b2, or merge b1 ' +
          'and b2 into one batch.',
        '',
      ].join('\n'),
    );
  });

  test('dependsOn beside an import', () => {
    const repo = importRepo();
    writePlan(repo, [
      ['b1', 'src/x.js', ['b2']],
      ['b2', 'src/main.js', ['b1']],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.match(
      problem?.message ?? '',
      / do one of these: remove b2 from the dependsOn of b1, remove b1 from the dependsOn of b2 and move src\/x\.js into it, or merge /,
    );
  });

  test('many imports are counted', () => {
    const names = ['x1', 'x2', 'x3', 'x4', 'x5'];
    const imports = names.map((name) => `import { ${name} } from './${name}.js';\n`).join('');
    const repo = stagedRepo(
      { 'src/main.js': 'console.log(0);\n' },
      {
        ...Object.fromEntries(
          names.map((name) => [`src/${name}.js`, `export const ${name} = 1;\n`]),
        ),
        'src/main.js': `${imports}\nconsole.log(${names.join(' + ')});\n`,
      },
    );
    const added = names.map((name) => `src/${name}.js`);
    writePlan(repo, [
      ['b1', added, ['b2']],
      ['b2', 'src/main.js', []],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.equal(
      problem?.message,
      'The dependencies of batches b1 and b2 form a cycle (b1 → b2 → b1, each depending on ' +
        'the next), so no order of these batches satisfies them. ' +
        'Batch b2 imports src/x1.js (in src/main.js), which batch b1 adds. ' +
        'Batch b2 imports src/x2.js (in src/main.js), which batch b1 adds. ' +
        'Batch b2 imports src/x3.js (in src/main.js), which batch b1 adds. ' +
        'Batch b2 also needs 2 more changes of batch b1. To break the cycle, do one of these: ' +
        'remove b2 from the dependsOn of b1, move src/x1.js, src/x2.js, src/x3.js, src/x4.js ' +
        'and src/x5.js into b2, or merge b1 and b2 into one batch.',
    );
  });

  test('import without a cycle stays order', () => {
    const repo = importRepo();
    writePlan(repo, [
      ['b1', 'src/main.js', []],
      ['b2', 'src/x.js', []],
    ]);

    const problems = validateJson(repo);

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['order'],
    );
    assert.equal(problems[0]?.batches, undefined);
  });
});
