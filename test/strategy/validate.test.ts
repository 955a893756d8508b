import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Batch } from '../../src/batches/types.js';
import type { Footprint } from '../../src/footprint/types.js';
import { buildStrategy } from '../../src/strategy/build.js';
import type { Strategy, StrategyProblem } from '../../src/strategy/types.js';
import { validateStrategy } from '../../src/strategy/validate.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

const noSchemaErrors = (): string[] => [];

/** A footprint with a two-hunk file, a one-hunk file and a rename without edits. */
const input = makeFootprint([
  {
    path: 'src/a.ts',
    old: lines('1', '2', '3', '4', '5', '6'),
    new: lines('1', 'two', '3', '4', '5', 'six'),
  },
  { path: 'docs/b.md', old: lines('a'), new: lines('b') },
  { path: 'src/c.ts', oldPath: 'src/old-c.ts', old: lines('c'), new: lines('c') },
]);
const footprint: Footprint = input.footprint;
const [hunkOne, hunkTwo] = footprint.files[0]?.hunks ?? [];

function batch(id: string, changes: Batch['changes'], dependsOn: string[] = []): Batch {
  return {
    id,
    message: 'chore: x',
    type: 'chore',
    scope: null,
    rationale: 'r',
    changes,
    dependsOn,
  };
}

function strategyWith(batches: Batch[], overrides: Partial<Strategy> = {}): Strategy {
  const base = buildStrategy(
    footprint,
    analyzeBatches(input, { mode: 'balanced' }),
    {
      score: 0,
      blocked: false,
      findings: [],
    },
    new Date(0),
  );
  return { ...base, batches, ...overrides };
}

function problemsOf(strategy: unknown): StrategyProblem[] {
  return validateStrategy(strategy, footprint, { validateSchema: noSchemaErrors }).problems;
}

function codes(strategy: unknown): string[] {
  return problemsOf(strategy).map((problem) => problem.code);
}

const wholeFiles = [
  batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }, { path: 'src/c.ts' }]),
];

describe('validateStrategy', () => {
  test('strategy of the analysis is valid', () => {
    const strategy = buildStrategy(
      footprint,
      analyzeBatches(input, { mode: 'aggressive' }),
      {
        score: 0,
        blocked: false,
        findings: [],
      },
      new Date(0),
    );
    const validation = validateStrategy(strategy, footprint, { validateSchema: noSchemaErrors });

    assert.deepEqual(validation, { valid: true, problems: [] });
  });

  test('hunks split across batches are valid', () => {
    const strategy = strategyWith([
      batch('b1', [{ path: 'src/a.ts', hunks: [hunkOne!] }, { path: 'docs/b.md' }]),
      batch('b2', [{ path: 'src/a.ts', hunks: [hunkTwo!] }, { path: 'src/c.ts' }], ['b1']),
    ]);

    assert.deepEqual(codes(strategy), []);
  });

  test('batches not a list ends the check', () => {
    const validation = validateStrategy({ batches: 'x' }, footprint, {
      validateSchema: () => ['/batches must be array'],
    });

    assert.equal(validation.valid, false);
    assert.deepEqual(
      validation.problems.map((problem) => problem.code),
      ['schema'],
    );
    assert.match(validation.problems[0]?.message ?? '', /\/batches must be array/);
    assert.match(validation.problems[0]?.message ?? '', /footprint strategy --output FILE/);
  });

  test('schema error inside a batch names it', () => {
    const strategy = { batches: [{ id: 'b1' }, { id: 'b2', message: 7 }] };
    const validation = validateStrategy(strategy, footprint, {
      validateSchema: () => ['/batches/1/message: must be string'],
    });
    const [problem] = validation.problems;

    assert.equal(problem?.batch, 'b2');
    assert.match(problem?.message ?? '', /\/batches\/1 \(batch b2\)\/message: must be string/);
  });

  test('schema error inside a change names its path', () => {
    const strategy = {
      batches: [{ id: 'b1', changes: [{ path: 'src/a.ts' }, { path: 'src/b.ts', hunks: ['x'] }] }],
    };
    const validation = validateStrategy(strategy, footprint, {
      validateSchema: () => ['/batches/0/changes/1/hunks/0: must be integer'],
    });
    const [problem] = validation.problems;

    assert.equal(problem?.batch, 'b1');
    assert.equal(problem?.path, 'src/b.ts');
  });

  test('schema error of a batch without an id', () => {
    const validation = validateStrategy({ batches: [{}] }, footprint, {
      validateSchema: () => ["/batches/0: must have required property 'id'"],
    });
    const [problem] = validation.problems;

    assert.equal(problem?.batch, undefined);
    assert.match(problem?.message ?? '', /\/batches\/0: must have required property 'id'/);
  });

  test('malformed document the schema let through', () => {
    assert.deepEqual(codes({ batches: [{ id: 'b1' }] }), ['schema']);
    assert.deepEqual(codes(null), ['schema']);
  });

  test('other staged tree is stale', () => {
    const problems = problemsOf(strategyWith(wholeFiles, { stagedTree: 'f'.repeat(40) }));

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['stale'],
    );
    assert.equal(
      problems[0]?.message,
      "The staged tree differs from the strategy's: it was made for staged tree ffffffffffff, " +
        `and the index now has staged tree ${footprint.stagedTree?.slice(0, 12)} ` +
        `(HEAD ${footprint.head.oid?.slice(0, 12)} is the same). Stage the change it was made ` +
        'for, or move it away and write it again with `footprint strategy --output FILE`.',
    );
  });

  test('other HEAD is stale', () => {
    const problems = problemsOf(strategyWith(wholeFiles, { head: 'e'.repeat(40) }));

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['stale'],
    );
    assert.equal(
      problems[0]?.message,
      "HEAD differs from the strategy's: it was made at HEAD eeeeeeeeeeee, and the repository " +
        `is now at HEAD ${footprint.head.oid?.slice(0, 12)} (staged tree ` +
        `${footprint.stagedTree?.slice(0, 12)} is the same). Move it away and write it again ` +
        'for the staged change with `footprint strategy --output FILE`. Checking out ' +
        'eeeeeeeeeeee again also works, but it detaches HEAD from main. `footprint commit` ' +
        'would then make the commits on no branch, and `git switch main` returns to the branch.',
    );
  });

  test('merge puts checkout first', () => {
    const merging = makeFootprint([{ path: 'docs/b.md', old: lines('a'), new: lines('b') }], {
      operation: 'merge',
    }).footprint;
    const strategy = strategyWith([batch('b1', [{ path: 'docs/b.md' }])], {
      head: 'e'.repeat(40),
    });

    const [problem] = validateStrategy(strategy, merging, {
      validateSchema: noSchemaErrors,
    }).problems;

    assert.equal(problem?.code, 'stale');
    assert.match(
      problem?.message ?? '',
      new RegExp(
        '\\(staged tree 222222222222 is the same\\)\\. Check out eeeeeeeeeeee again, or move ' +
          'it away and write it again with `footprint strategy --output FILE`\\. Checking it ' +
          'out detaches HEAD from main\\. `footprint commit` would then make the commits on no ' +
          'branch, and `git switch main` returns to the branch\\.$',
      ),
    );
  });

  test('strategy without HEAD is stale', () => {
    const [problem] = problemsOf(strategyWith(wholeFiles, { head: null }));

    assert.equal(problem?.code, 'stale');
    assert.match(
      problem?.message ?? '',
      /^HEAD differs from the strategy's: it was made at no HEAD \(an unborn branch\), /,
    );
    assert.equal(problem?.message.includes('staged change'), false);
    assert.equal(problem?.message.includes('Check out'), false);
    assert.match(
      problem?.message ?? '',
      /Move it away and write it again with `footprint strategy --output FILE`\.$/,
    );
  });

  test('other HEAD and staged tree are stale', () => {
    const problems = problemsOf(
      strategyWith(wholeFiles, { head: 'e'.repeat(40), stagedTree: 'f'.repeat(40) }),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['stale'],
    );
    assert.equal(
      problems[0]?.message,
      "Both the staged tree and HEAD differ from the strategy's: it was made for staged tree " +
        'ffffffffffff at HEAD eeeeeeeeeeee, and the repository now has staged tree ' +
        `${footprint.stagedTree?.slice(0, 12)} at HEAD ${footprint.head.oid?.slice(0, 12)}. ` +
        'Move it away and write it again for the staged change with `footprint strategy ' +
        '--output FILE`. Checking out eeeeeeeeeeee again and staging the change it was made ' +
        'for also works, but it detaches HEAD from main. `footprint commit` would then make ' +
        'the commits on no branch, and `git switch main` returns to the branch.',
    );
  });

  test('duplicate batch id', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }]),
        batch('b1', [{ path: 'docs/b.md' }, { path: 'src/c.ts' }]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-batch-id'],
    );
    assert.equal(problems[0]?.batch, 'b1');
  });

  test('empty batch', () => {
    assert.deepEqual(codes(strategyWith([...wholeFiles, batch('b2', [])])), ['empty-batch']);
  });

  test('dependency on a later batch', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }], ['b2']),
        batch('b2', [{ path: 'docs/b.md' }, { path: 'src/c.ts' }]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['order'],
    );
    assert.equal(problems[0]?.batch, 'b1');
    assert.match(problems[0]?.message ?? '', /Move b1 after b2/);
  });

  test('dependency on itself', () => {
    assert.deepEqual(codes(strategyWith([batch('b1', wholeFiles[0]!.changes, ['b1'])])), ['order']);
  });

  test('dependency on no batch', () => {
    const problems = problemsOf(strategyWith([batch('b1', wholeFiles[0]!.changes, ['b9'])]));

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unknown-dependency'],
    );
  });

  test('renamed dependency lists earlier ids', () => {
    const problems = problemsOf(
      strategyWith([
        batch('add', [{ path: 'src/a.ts' }]),
        batch('docs', [{ path: 'docs/b.md' }]),
        batch('b3', [{ path: 'src/c.ts' }], ['b1']),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.message),
      [
        'Batch b3 depends on b1, which no batch is. If the batch it needs has a new id, write ' +
          'that id (earlier batches: add, docs), or remove b1 from dependsOn.',
      ],
    );
  });

  test('unknown path', () => {
    const problems = problemsOf(
      strategyWith([batch('b1', [...wholeFiles[0]!.changes, { path: 'nope.ts' }])]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unknown-path'],
    );
    assert.equal(problems[0]?.path, 'nope.ts');
    assert.equal(problems[0]?.batch, 'b1');
  });

  test('old path of a rename names the new path', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }, { path: 'src/old-c.ts' }]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unknown-path', 'missing-path'],
    );
    assert.match(problems[0]?.message ?? '', /rename to src\/c\.ts/);
    assert.equal(problems[1]?.path, 'src/c.ts');
  });

  test('hunk that is not staged', () => {
    const wrong = { oldStart: 2, oldLines: 1, newStart: 2, newLines: 2 };
    const problems = problemsOf(
      strategyWith([
        batch('b1', [
          { path: 'src/a.ts', hunks: [hunkOne!, hunkTwo!, wrong] },
          { path: 'docs/b.md' },
          { path: 'src/c.ts' },
        ]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unknown-hunk'],
    );
    assert.match(problems[0]?.message ?? '', /@@ -2,1 \+2,2 @@/);
    assert.match(problems[0]?.message ?? '', /@@ -2,1 \+2,1 @@, @@ -6,1 \+6,1 @@/);
  });

  test('hunk under the wrong path', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts', hunks: [hunkOne!] }, { path: 'src/c.ts' }]),
        batch('b2', [{ path: 'docs/b.md', hunks: [hunkTwo!] }]),
      ]),
    );
    const unknown = problems.find((problem) => problem.code === 'unknown-hunk');

    assert.equal(unknown?.batch, 'b2');
    assert.match(
      unknown?.message ?? '',
      /It is a staged hunk of src\/a\.ts: move its line out of this entry/,
    );
    assert.match(unknown?.message ?? '', /\{ "path": "src\/a\.ts" \}/);
  });

  test('missing hunk', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [
          { path: 'src/a.ts', hunks: [hunkOne!] },
          { path: 'docs/b.md' },
          { path: 'src/c.ts' },
        ]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['missing-hunk'],
    );
    assert.match(problems[0]?.message ?? '', /@@ -6,1 \+6,1 @@ of src\/a\.ts is in no batch/);
    assert.equal(problems[0]?.batch, undefined, 'no batch takes it');
    assert.match(problems[0]?.message ?? '', /Add it to the `hunks` of batch b1, which takes/);
    assert.match(
      problems[0]?.message ?? '',
      /unstage only that hunk with `git reset -p -- :\/src\/a\.ts`/,
    );
    assert.match(
      problems[0]?.message ?? '',
      /answering y for @@ -6,1 \+6,1 @@ and n for the others/,
    );
  });

  test('missing hunk of rename offers no reset -p', () => {
    const renamed = makeFootprint([
      {
        path: 'src/new-a.ts',
        oldPath: 'src/a.ts',
        old: lines('1', '2', '3', '4', '5', '6'),
        new: lines('1', 'two', '3', '4', '5', 'six'),
      },
    ]);
    const [first] = renamed.footprint.files[0]?.hunks ?? [];
    const strategy = strategyWith([batch('b1', [{ path: 'src/new-a.ts', hunks: [first!] }])]);
    const { problems } = validateStrategy(strategy, renamed.footprint, {
      validateSchema: noSchemaErrors,
    });

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['missing-hunk'],
    );
    assert.match(problems[0]?.message ?? '', /Add it to the `hunks` of batch b1, which takes/);
    assert.doesNotMatch(problems[0]?.message ?? '', /git reset/);
  });

  test('duplicate hunk', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }, { path: 'src/c.ts' }]),
        batch('b2', [{ path: 'src/a.ts', hunks: [hunkTwo!] }]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-hunk'],
    );
    assert.equal(problems[0]?.batch, 'b2');
    assert.equal(problems[0]?.path, 'src/a.ts');
  });

  test('hunk listed in two batches', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts', hunks: [hunkOne!, hunkTwo!] }, { path: 'docs/b.md' }]),
        batch('b2', [{ path: 'src/a.ts', hunks: [hunkTwo!] }, { path: 'src/c.ts' }]),
      ]),
    );

    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(
      problems[0]?.message,
      'Hunk @@ -6,1 +6,1 @@ of src/a.ts is in batches b1, b2. Keep its line in the `hunks` ' +
        'of src/a.ts in one of these batches, and delete it from the others.',
    );
  });

  test('hunk of a whole-file entry', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }, { path: 'src/c.ts' }]),
        batch('b2', [{ path: 'src/a.ts', hunks: [hunkTwo!] }]),
      ]),
    );

    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(
      problems[0]?.message,
      'Hunk @@ -6,1 +6,1 @@ of src/a.ts is in batches b1, b2. Batch b1 takes all of src/a.ts, ' +
        'because its entry for it has no `hunks`. Give that entry the `hunks` that b1 should ' +
        "take, or delete the hunk's line from b2.",
    );
  });

  test('path with only unknown hunks', () => {
    const wrong = { oldStart: 2, oldLines: 1, newStart: 2, newLines: 2 };
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts', hunks: [wrong] }, { path: 'docs/b.md' }]),
        batch('b2', [{ path: 'src/c.ts' }]),
      ]),
    );
    const missing = problems.find((problem) => problem.code === 'missing-path');

    assert.equal(missing?.batch, 'b1');
    assert.equal(missing?.message.includes('in no batch'), false, missing?.message);
    assert.match(missing?.message ?? '', /batch b1 names only hunks that are not staged/);
    assert.match(missing?.message ?? '', /@@ -2,1 \+2,1 @@, @@ -6,1 \+6,1 @@/);
  });

  test('missing path', () => {
    const problems = problemsOf(
      strategyWith([batch('b1', [{ path: 'src/a.ts' }, { path: 'src/c.ts' }])]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['missing-path'],
    );
    assert.equal(problems[0]?.path, 'docs/b.md');
  });

  test('missing rename offers unstaging both paths', () => {
    const problems = problemsOf(
      strategyWith([batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }])]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['missing-path'],
    );
    assert.equal(problems[0]?.path, 'src/c.ts');
    assert.match(problems[0]?.message ?? '', /Add \{ "path": "src\/c\.ts" \} to one batch\./);
    assert.match(
      problems[0]?.message ?? '',
      /unstage it with `git reset -q -- :\/src\/old-c\.ts :\/src\/c\.ts`, then move this/,
    );
  });

  test('whole file in two batches is one duplicate path', () => {
    const problems = problemsOf(strategyWith([...wholeFiles, batch('b2', [{ path: 'src/a.ts' }])]));

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-path'],
    );
    assert.equal(problems[0]?.batch, 'b2');
    assert.match(problems[0]?.message ?? '', /Keep it in b1 only/);
  });

  test('rename without edits in two batches', () => {
    const problems = problemsOf(strategyWith([...wholeFiles, batch('b2', [{ path: 'src/c.ts' }])]));

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-path'],
    );
    assert.equal(problems[0]?.path, 'src/c.ts');
  });

  test('hunks of a file without hunks are unknown', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [
          { path: 'src/a.ts' },
          { path: 'docs/b.md' },
          { path: 'src/c.ts', hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }] },
        ]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unknown-hunk'],
    );
  });

  test('every problem says how to fix it', () => {
    const strategy = strategyWith(
      [
        batch('b1', [{ path: 'x' }], ['b2']),
        batch('b1', []),
        batch('b2', [{ path: 'src/a.ts', hunks: [hunkOne!] }]),
      ],
      { stagedTree: null },
    );
    const problems = problemsOf(strategy);

    assert.ok(problems.length >= 6, JSON.stringify(problems));
    for (const problem of problems) {
      assert.match(
        problem.message,
        /(Add|Keep|Move|Remove|Give|Use|Stage|Fix|name the new path|write it again)/,
        problem.code,
      );
    }
  });
  test('same hunk twice in one batch', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [
          { path: 'src/a.ts', hunks: [hunkOne!, hunkOne!, hunkTwo!] },
          { path: 'docs/b.md' },
          { path: 'src/c.ts' },
        ]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-hunk'],
    );
    assert.equal(problems[0]?.batch, 'b1');
    assert.equal(
      problems[0]?.message,
      'Hunk @@ -2,1 +2,1 @@ of src/a.ts is listed twice in batch b1. Keep one entry for it.',
    );
  });

  test('same path twice in one batch', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [{ path: 'src/a.ts' }, { path: 'docs/b.md' }, { path: 'src/c.ts' }]),
        batch('b2', [{ path: 'src/c.ts' }, { path: 'src/c.ts' }]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-path'],
    );
    assert.equal(
      problems[0]?.message,
      'src/c.ts is in batches b1, b2 (more than once in b2). Keep it in b1 only.',
    );
  });

  test('whole file listed three times in one batch', () => {
    const problems = problemsOf(
      strategyWith([
        batch('b1', [
          { path: 'src/a.ts' },
          { path: 'src/a.ts' },
          { path: 'src/a.ts' },
          { path: 'docs/b.md' },
          { path: 'src/c.ts' },
        ]),
      ]),
    );

    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['duplicate-path'],
    );
    assert.equal(
      problems[0]?.message,
      'src/a.ts is listed 3 times in batch b1. Keep one entry for it.',
    );
  });

  for (const [name, message] of [
    ['blank', '   '],
    ['empty lines', '\n \n\t\n'],
  ] as const) {
    test(`${name} batch message`, () => {
      const strategy = strategyWith([{ ...wholeFiles[0]!, message }]);
      const problems = problemsOf(strategy);

      assert.deepEqual(
        problems.map((problem) => problem.code),
        ['empty-message'],
      );
      assert.equal(problems[0]?.batch, 'b1');
      assert.match(
        problems[0]?.message ?? '',
        /^Batch b1 has an empty message, which git would not commit\. Write a commit message/,
      );
    });
  }
});
