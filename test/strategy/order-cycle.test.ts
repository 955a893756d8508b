import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Creates a repository with `count` staged documents named from a.md on, four by default. */
function documentsRepo(count = 4): TempRepo {
  const names = Array.from(
    { length: count },
    (_, index) => `${String.fromCharCode(97 + index)}.md`,
  );
  const committed = Object.fromEntries(names.map((name) => [name, 'old\n']));
  const staged = Object.fromEntries(names.map((name) => [name, 'new\n']));
  return stagedRepo(committed, staged);
}

/** A batch of a plan: its id, the paths it takes whole and its dependsOn. */
type PlanEntry = [string, string | string[], string[]];

/**
 * Writes plan.json for the staged change with one batch per entry of `plan`. An earlier
 * plan.json is replaced.
 */
function writePlan(repo: TempRepo, plan: PlanEntry[]): string {
  const file = path.join(repo.dir, 'plan.json');
  rmSync(file, { force: true });
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

/** Returns `plan` without the dependsOn entries `[batch, on]` of `entries`. */
function removeEntries(plan: readonly PlanEntry[], entries: Array<[string, string]>): PlanEntry[] {
  const removed = new Set(entries.map(([batch, on]) => `${batch} ${on}`));
  return plan.map(([id, paths, dependsOn]) => {
    return [id, paths, dependsOn.filter((on) => !removed.has(`${id} ${on}`))];
  });
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

  test('batches follow the strategy order', () => {
    const repo = documentsRepo();
    writePlan(repo, [
      ['b1', 'a.md', ['b3']],
      ['b2', 'b.md', ['b1']],
      ['b3', 'c.md', ['b2']],
      ['b4', 'd.md', []],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.deepEqual(problem?.batches, ['b1', 'b2', 'b3']);
    assert.match(problem?.message ?? '', /\(b1 → b3 → b2 → b1, each depending on the next\)/);
  });

  test('two cycles sharing a batch', () => {
    const repo = documentsRepo();
    const plan: PlanEntry[] = [
      ['b1', 'a.md', ['b2']],
      ['b2', 'b.md', ['b1', 'b3']],
      ['b3', 'c.md', ['b2']],
      ['b4', 'd.md', []],
    ];
    writePlan(repo, plan);

    const problems = validateJson(repo);

    assert.deepEqual(problems, [
      {
        code: 'order-cycle',
        batch: 'b1',
        batches: ['b1', 'b2', 'b3'],
        message:
          'The dependencies of batches b1, b2 and b3 form cycles, so no order of these ' +
          'batches satisfies them. Each of them depends on every other one, directly or ' +
          'through others. To break the cycles, remove b2 from the dependsOn of b1 and ' +
          'remove b3 from the dependsOn of b2. Or merge b1, b2 and b3 into one batch.',
      },
    ]);

    writePlan(
      repo,
      removeEntries(plan, [
        ['b1', 'b2'],
        ['b2', 'b3'],
      ]),
    );
    const fixed = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(fixed.status, 0, fixed.stdout);
  });

  test('sixteen batches give one problem', () => {
    const repo = documentsRepo(16);
    const ids = Array.from({ length: 16 }, (_, index) => `b${index + 1}`);
    const plan = ids.map((id, index): PlanEntry => {
      return [id, `${String.fromCharCode(97 + index)}.md`, ids.filter((other) => other !== id)];
    });
    writePlan(repo, plan);

    const problems = validateJson(repo);

    assert.deepEqual(problems, [
      {
        code: 'order-cycle',
        batch: 'b1',
        batches: ids,
        message:
          'The dependencies of batches b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 and 6 more ' +
          'form cycles, so no order of these batches satisfies them. Each of them depends on ' +
          'every other one, directly or through others. To break the cycles, remove each ' +
          'dependsOn entry of these batches that names a later one of them in the strategy ' +
          '(120 entries). Or merge these 16 batches into one batch.',
      },
    ]);

    const later = plan.flatMap(([id, , dependsOn]): Array<[string, string]> => {
      const place = ids.indexOf(id);
      return dependsOn.filter((on) => ids.indexOf(on) > place).map((on) => [id, on]);
    });
    writePlan(repo, removeEntries(plan, later));
    const fixed = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(later.length, 120);
    assert.equal(fixed.status, 0, fixed.stdout);
  });
});

describe('validate on a long dependsOn cycle', () => {
  const count = 30_000;

  test('chain of 30000 batches', () => {
    const repo = documentsRepo();
    const plan: PlanEntry[] = [['b1', ['a.md', 'b.md', 'c.md', 'd.md'], ['b2']]];
    for (let number = 2; number <= count; number += 1) {
      plan.push([`b${number}`, `gone/${number}.md`, [`b${number === count ? 1 : number + 1}`]]);
    }
    writePlan(repo, plan);

    const cycles = validateJson(repo).filter((problem) => problem.code === 'order-cycle');

    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]?.batches?.length, count);
    assert.equal(cycles[0]?.batches?.at(-1), `b${count}`);
    assert.equal(
      cycles[0]?.message,
      'The dependencies of batches b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 and 29990 more ' +
        'form a cycle, so no order of these batches satisfies them. To break the cycle, ' +
        'remove b2 from the dependsOn of b1. Or merge these 30000 batches into one batch.',
    );
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

  test('import cycle needs a merge', () => {
    const repo = stagedRepo(
      { 'a.md': 'old\n' },
      {
        'a.md': 'new\n',
        'src/x.js': "import { y } from './y.js';\n\nexport const x = y;\n",
        'src/y.js': "import { x } from './x.js';\n\nexport const y = () => x;\n",
      },
    );
    writePlan(repo, [
      ['b1', 'src/x.js', ['b3']],
      ['b2', 'src/y.js', []],
      ['b3', 'a.md', ['b1']],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.deepEqual(problem?.batches, ['b1', 'b2', 'b3']);
    assert.equal(
      problem?.message,
      'The dependencies of batches b1, b2 and b3 form cycles, so no order of these batches ' +
        'satisfies them. Each of them depends on every other one, directly or through ' +
        'others. Batch b1 imports src/y.js (in src/x.js), which batch b2 adds. Batch b2 ' +
        'imports src/x.js (in src/y.js), which batch b1 adds. To break the cycles, merge b1 ' +
        'and b2 into one batch and remove b3 from the dependsOn of b1. Or merge b1, b2 and b3 ' +
        'into one batch.',
    );

    writePlan(repo, [
      ['b1', ['src/x.js', 'src/y.js'], []],
      ['b3', 'a.md', ['b1']],
    ]);
    const merged = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(merged.status, 0, merged.stdout);
  });

  test('imports alone leave only merging', () => {
    const repo = stagedRepo(
      { 'a.md': 'old\n' },
      {
        'src/x.js':
          "import { y } from './y.js';\nimport { z } from './z.js';\n\nexport const x = y + z;\n",
        'src/y.js': "import { x } from './x.js';\n\nexport const y = () => x;\n",
        'src/z.js': "import { x } from './x.js';\n\nexport const z = () => x;\n",
      },
    );
    writePlan(repo, [
      ['b1', 'src/x.js', []],
      ['b2', 'src/y.js', []],
      ['b3', 'src/z.js', []],
    ]);

    const [problem, ...rest] = validateJson(repo);

    assert.deepEqual(rest, []);
    assert.equal(
      problem?.message,
      'The dependencies of batches b1, b2 and b3 form cycles, so no order of these batches ' +
        'satisfies them. Each of them depends on every other one, directly or through ' +
        'others. Batch b1 imports src/y.js (in src/x.js), which batch b2 adds. Batch b1 ' +
        'imports src/z.js (in src/x.js), which batch b3 adds. Batch b2 imports src/x.js (in ' +
        'src/y.js), which batch b1 adds. These batches also need 1 more change of one ' +
        'another. Their needs alone form these cycles, so removing dependsOn entries cannot ' +
        'break them. Merge b1, b2 and b3 into one batch.',
    );

    writePlan(repo, [['b1', ['src/x.js', 'src/y.js', 'src/z.js'], []]]);
    const merged = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(merged.status, 0, merged.stdout);
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
