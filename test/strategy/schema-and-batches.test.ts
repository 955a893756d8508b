import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, test } from 'node:test';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';
import { numberedLines, HUNK_3, HUNK_37, batch, writeBatches, type Problem } from './hand-edits.js';

/** Commits a.js and b.md, then stages edits at lines 3 and 37 of a.js, b.md and a new c.js. */
function createFixture() {
  return createStrategyRepo(
    { 'a.js': numberedLines(), 'b.md': '# B\n' },
    {
      'a.js': numberedLines({ 3: 'const v3 = 33;', 37: 'const v37 = 3737;' }),
      'b.md': '# B\n\nMore.\n',
      'c.js': 'export const c = 1;\n',
    },
  );
}

/** Runs `validate --json` and returns each problem as `code batch path`. */
async function validateJson(repo: TempRepo, file: string) {
  const result = await runCli(repo.dir, 'validate', '--strategy', file, '--json');
  const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
  const rows = problems.map((problem) =>
    [problem.code, problem.batch ?? '-', problem.path ?? '-'].join(' '),
  );
  return { code: result.code, problems, rows };
}

describe('validate with schema errors', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('readable batches are still checked', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      // Unreadable: a message that is not a string. Its c.js is taken all the same.
      batch('b1', [{ path: 'c.js' }], { message: 7 }),
      // Readable with a bad type: it leaves hunk 37 out and depends on a later batch.
      batch('b2', [{ path: 'a.js', hunks: [HUNK_3] }], {
        type: 'feature',
        dependsOn: ['b1', 'b3'],
      }),
      batch('b3', [{ path: 'b.md' }]),
    ]);

    const { code, rows } = await validateJson(repo, fixture.strategyFile);

    assert.equal(code, 1);
    assert.deepEqual(rows, ['schema b1 -', 'schema b2 -', 'order b2 -', 'missing-hunk - a.js']);
  });

  test('unreadable batch is named once', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }, { path: 'b.md' }]),
      batch('b2', [{ path: 'c.js' }], { message: 7, dependsOn: 'b1' }),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);
    const leftOut = problems.filter((problem) =>
      problem.message.endsWith('Until then, the other checks leave batch b2 out.'),
    );

    assert.deepEqual(rows, ['schema b2 -', 'schema b2 -']);
    assert.equal(leftOut.length, 1);
    assert.equal(leftOut[0]?.batch, 'b2');
  });

  test('unreadable changes leave paths missing', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js' }, { path: 'b.md' }]),
      batch('b2', 'c.js'),
    ]);

    const { rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['schema b2 -', 'missing-path - c.js']);
  });

  test('field with a schema error reported once', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js' }, { path: 'c.js' }], { message: '' }),
      batch('b2', [], { dependsOn: ['b 1'] }),
      batch('b3', [{ path: 'b.md', hunks: [] }]),
    ]);

    const { rows } = await validateJson(repo, fixture.strategyFile);

    // b3 takes none of b.md's hunks, so b.md is in no batch, which the schema error does not report.
    assert.deepEqual(rows, [
      'schema b1 -',
      'schema b2 -',
      'schema b2 -',
      'schema b3 b.md',
      'missing-path - b.md',
    ]);
  });

  test('batch without dependsOn is checked', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    const typed: Record<string, unknown> = batch('b1', [{ path: 'a.js', hunks: [HUNK_3] }]);
    delete typed['dependsOn'];
    writeBatches(fixture.strategyFile, [typed, batch('b2', [{ path: 'b.md' }, { path: 'c.js' }])]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['schema b1 -', 'missing-hunk - a.js']);
    assert.match(problems[0]?.message ?? '', /missing required key "dependsOn"/);
  });

  test('batch with a bad hunk is checked', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    const badHunk = { ...HUNK_37, oldStart: 'x' };
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3, badHunk] }], { dependsOn: ['b2'] }),
      batch('b2', [{ path: 'b.md' }, { path: 'c.js' }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    // The entry's hunks cannot be read, so no hunk of a.js is reported missing.
    assert.deepEqual(rows, ['schema b1 a.js', 'order b1 -']);
    assert.equal(problems[0]?.message.includes('the other checks leave'), false);
  });

  test('malformed head skips the stale check', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    const strategy = JSON.parse(readFileSync(fixture.strategyFile, 'utf8')) as object;
    writeFileSync(fixture.strategyFile, JSON.stringify({ ...strategy, head: 'abc' }));

    const { rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['schema - -']);
  });

  test('text lists schema and coverage', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3] }, { path: 'b.md' }, { path: 'c.js' }], {
        type: 'feature',
      }),
    ]);

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile);

    assert.equal(result.code, 1);
    assert.match(result.stdout, /is invalid: 2 problems\./);
    assert.match(result.stdout, /\n {2}schema {2}b1 {2}The strategy does not match its schema/);
    assert.match(result.stdout, /\n {2}missing-hunk {2}a\.js {2}Hunk @@ -37,1 \+37,1 @@ of a\.js/);
  });
});
