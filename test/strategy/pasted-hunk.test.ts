import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';
import { numberedLines, HUNK_3, HUNK_37, batch, writeBatches, type Problem } from './hand-edits.js';

/** Stages an edit of line 3 in a.js and in b.js, and of line 37 in c.js. */
function createFixture() {
  const edit3 = numberedLines({ 3: 'const v3 = 33;' });
  return createStrategyRepo(
    { 'a.js': numberedLines(), 'b.js': numberedLines(), 'c.js': numberedLines() },
    { 'a.js': edit3, 'b.js': edit3, 'c.js': numberedLines({ 37: 'const v37 = 3737;' }) },
  );
}

async function validateJson(repo: TempRepo, file: string) {
  const result = await runCli(repo.dir, 'validate', '--strategy', file, '--json');
  const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
  const rows = problems.map((problem) =>
    [problem.code, problem.batch ?? '-', problem.path ?? '-'].join(' '),
  );
  return { problems, rows };
}

describe('hunk pasted under another path', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('names the file left without it', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    // b.js's hunk line was moved under c.js, whose own hunk is line 37. a.js has the same hunk.
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3] }]),
      batch('b2', [{ path: 'c.js', hunks: [HUNK_37, HUNK_3] }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b2 c.js', 'missing-path - b.js']);
    assert.equal(
      problems[0]?.message,
      'Batch b2 names hunk @@ -3,1 +3,1 @@ of c.js, which is not a staged hunk. ' +
        'It is a staged hunk of b.js: move its line out of this entry into the `hunks` of ' +
        '{ "path": "b.js" } in one batch.',
    );
  });

  test('names every file when unclear', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js' }, { path: 'b.js' }]),
      batch('b2', [{ path: 'c.js', hunks: [HUNK_37, HUNK_3] }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b2 c.js']);
    assert.equal(
      problems[0]?.message,
      'Batch b2 names hunk @@ -3,1 +3,1 @@ of c.js, which is not a staged hunk. ' +
        'The same hunk is staged in a.js and b.js: remove its line from this entry, or move ' +
        'it into the `hunks` of the file it came from.',
    );
  });

  test('pasted under a same-header hunk', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    // b.js's hunk line was moved under a.js, whose own hunk has the same header.
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_3] }]),
      batch('b2', [{ path: 'c.js' }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b1 a.js', 'missing-path - b.js']);
    assert.equal(
      problems[0]?.message,
      'Hunk @@ -3,1 +3,1 @@ of a.js is listed twice in batch b1, but a.js has it once. ' +
        'The same hunk is staged in b.js, and no batch takes it there: move one of these ' +
        'lines into the `hunks` of { "path": "b.js" } in one batch.',
    );
  });

  test('pasted into another batch', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3] }]),
      batch('b2', [{ path: 'c.js' }, { path: 'a.js', hunks: [HUNK_3] }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b2 a.js', 'missing-path - b.js']);
    assert.match(
      problems[0]?.message ?? '',
      /^Hunk @@ -3,1 \+3,1 @@ of a\.js is in batches b1, b2, but a\.js has it once\. /,
    );
  });

  test('pasted hunk of two files', async () => {
    const edit3 = numberedLines({ 3: 'const v3 = 33;' });
    const fixture = await createStrategyRepo(
      { 'a.js': numberedLines(), 'b.js': numberedLines(), 'c.js': numberedLines() },
      { 'a.js': edit3, 'b.js': edit3, 'c.js': edit3 },
    );
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_3] }])]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b1 a.js', 'missing-path - b.js', 'missing-path - c.js']);
    assert.match(
      problems[0]?.message ?? '',
      /The same hunk is staged in b\.js and c\.js, and no batch takes it there: move each /,
    );
  });

  test('copy with no owner stays duplicate', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_3] }, { path: 'b.js' }]),
      batch('b2', [{ path: 'c.js' }]),
    ]);

    const { rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['duplicate-path b1 a.js']);
  });

  test('taken same hunk names no file', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': numberedLines(), 'c.js': numberedLines() },
      { 'a.js': numberedLines({ 3: 'const v3 = 33;' }), 'c.js': numberedLines({ 37: 'x();' }) },
    );
    repo = fixture.repo;
    // A made-up hunk that a.js also has, while a batch takes a.js's: nothing was cut from it.
    writeBatches(fixture.strategyFile, [
      batch('b1', [{ path: 'a.js', hunks: [HUNK_3] }]),
      batch('b2', [{ path: 'c.js', hunks: [HUNK_37, HUNK_3] }]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b2 c.js']);
    assert.equal(
      problems[0]?.message,
      'Batch b2 names hunk @@ -3,1 +3,1 @@ of c.js, which is not a staged hunk. ' +
        'Use the staged hunks (@@ -37,1 +37,1 @@) or drop `hunks` to take the whole file.',
    );
  });

  test('hunkless files are taken whole', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': numberedLines(), 'data.bin': 'one\0two\n', 'run.sh': 'echo run\n' },
      { 'a.js': numberedLines({ 3: 'const v3 = 33;' }), 'data.bin': 'three\0four\n' },
    );
    repo = fixture.repo;
    fixture.repo.git(['update-index', '--chmod=+x', 'run.sh']);
    const rewrite = ['strategy', '--no-llm', '--output', fixture.strategyFile];
    assert.equal((await runCli(repo.dir, ...rewrite)).code, 0);
    writeBatches(fixture.strategyFile, [
      batch('b1', [
        { path: 'a.js', hunks: [HUNK_3] },
        { path: 'data.bin', hunks: [HUNK_3] },
        { path: 'run.sh', hunks: [HUNK_3] },
      ]),
    ]);

    const { problems, rows } = await validateJson(repo, fixture.strategyFile);

    assert.deepEqual(rows, ['unknown-hunk b1 data.bin', 'unknown-hunk b1 run.sh']);
    assert.match(
      problems[0]?.message ?? '',
      /data\.bin has no hunks, because its content is not diffed line by line: drop `hunks` /,
    );
    assert.match(
      problems[1]?.message ?? '',
      /run\.sh has no hunks, because only its mode or path changes: drop `hunks` from this entry/,
    );
  });
});
