import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { validateValidationDocument } from '../../src/schemas-runtime/validators.js';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';
import { numberedLines, HUNK_3, HUNK_37, batch, writeBatches, type Problem } from './hand-edits.js';

/** The batches of restagedFixture: every path and hunk of the strategy's staged change. */
const ALL_BATCHES = [
  batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }]),
  batch('b2', [{ path: 'b.md' }, { path: 'c.js' }]),
];

/**
 * Writes a strategy for edits of a.js at lines 3 and 37, b.md and a new c.js, with `batches`
 * in it, then stages another change: a.js edited at lines 3 and 20, c.js unstaged, and
 * `added` files new.
 */
async function restagedFixture(added: readonly string[], batches: unknown[] = ALL_BATCHES) {
  const fixture = await createStrategyRepo(
    { 'a.js': numberedLines(), 'b.md': '# B\n' },
    {
      'a.js': numberedLines({ 3: 'const v3 = 33;', 37: 'const v37 = 3737;' }),
      'b.md': '# B\n\nMore.\n',
      'c.js': 'export const c = 1;\n',
    },
  );
  writeBatches(fixture.strategyFile, batches);
  const { repo } = fixture;
  repo.write('a.js', numberedLines({ 3: 'const v3 = 33;', 20: 'const v20 = 2020;' }));
  repo.git(['rm', '-q', '--cached', 'c.js']);
  for (const file of added) repo.write(file, `export const x = '${file}';\n`);
  repo.git(['add', 'a.js', ...added]);
  return fixture;
}

describe('validate of another staged tree', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('json folds paths under stale', async () => {
    const fixture = await restagedFixture(['d.js']);
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const document = JSON.parse(result.stdout) as { problems: Problem[] };
    const rows = document.problems.map((problem) =>
      [problem.code, problem.batch ?? '-', problem.path ?? '-', problem.cause ?? '-'].join(' '),
    );

    assert.equal(result.code, 1);
    assert.deepEqual(rows, [
      'stale - - -',
      'unknown-hunk b1 a.js stale',
      'unknown-path b2 c.js stale',
      'missing-hunk - a.js stale',
      'missing-path - d.js stale',
    ]);
    assert.deepEqual(validateValidationDocument(document), []);
  });

  test('stale problem says what to do', async () => {
    const fixture = await restagedFixture(['d.js']);
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const [stale, ...rest] = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const command = `\`footprint strategy --output ${fixture.strategyFile}\``;

    assert.equal(stale?.code, 'stale');
    assert.ok(stale?.message.includes('Stage the change it was made for'), stale?.message);
    assert.ok(stale?.message.includes(command), stale?.message);
    for (const problem of rest) {
      assert.ok(problem.message.endsWith('Fix the stale strategy first.'), problem.message);
      assert.equal(problem.message.includes('footprint strategy --output'), false, problem.message);
    }
  });

  test('folded messages drop path hints', async () => {
    const fixture = await restagedFixture(['d.js']);
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const unknownPath = problems.find((problem) => problem.code === 'unknown-path');

    assert.equal(
      unknownPath?.message,
      'Batch b2 names c.js, which is not in the staged change. Fix the stale strategy first.',
    );
  });

  test('text lists paths under stale', async () => {
    const fixture = await restagedFixture(['d.js', 'e.js', 'f.js', 'g.js']);
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile);
    const lines = result.stdout.split('\n');

    assert.equal(result.code, 1);
    assert.match(lines[0] ?? '', /plan\.json is invalid: 8 problems\.$/);
    assert.match(lines[1] ?? '', /^ {2}stale {2}The staged tree differs from the strategy's/);
    assert.match(lines[2] ?? '', /^ {4}unknown-hunk {2}b1 a\.js {2}Batch b1 names hunk @@ -37,1/);
    assert.match(lines[3] ?? '', /^ {4}unknown-path {2}b2 c\.js {2}Batch b2 names c\.js/);
    assert.match(lines[4] ?? '', /^ {4}missing-hunk {2}a\.js {2}Hunk @@ -20,1 \+20,1 @@/);
    assert.match(lines[5] ?? '', /^ {4}missing-path {2}d\.js {2}d\.js is staged but in no batch/);
    assert.match(lines[6] ?? '', /^ {4}missing-path {2}e\.js /);
    assert.equal(lines[7], '    and 2 more, listed with --json.');
    assert.equal(lines[8], '');
  });
  test('commit lists problems as validate', async () => {
    const fixture = await restagedFixture(['d.js']);
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'commit', '--strategy', fixture.strategyFile, '--yes');
    const lines = result.stderr.split('\n');

    assert.equal(result.code, 1);
    assert.match(lines[0] ?? '', /plan\.json is invalid \(5 problems\), so no commit was made\.$/);
    assert.match(lines[1] ?? '', /^ {2}stale {2}The staged tree differs from the strategy's/);
    assert.match(lines[2] ?? '', /^ {4}unknown-hunk {2}b1 a\.js {2}Batch b1 names hunk @@ -37,1/);
    assert.match(lines[5] ?? '', /^ {4}missing-path {2}d\.js {2}d\.js is staged but in no batch/);
  });

  test('stale leads schema errors', async () => {
    const fixture = await restagedFixture([]);
    repo = fixture.repo;
    const strategy = JSON.parse(readFileSync(fixture.strategyFile, 'utf8')) as {
      batches: Array<Record<string, unknown>>;
    };
    const [first] = strategy.batches;
    if (first !== undefined) first['type'] = 'feature';
    writeFileSync(fixture.strategyFile, JSON.stringify(strategy));

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const codes = problems.map((problem) => problem.code);

    assert.deepEqual(codes, ['stale', 'schema', 'unknown-hunk', 'unknown-path', 'missing-hunk']);
  });

  test('dropped path is reported alone', async () => {
    // The edit dropped b.md, which the restaging left as it was.
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }]), batch('b2', [{ path: 'c.js' }])],
    );
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const rows = problems.map((problem) =>
      [problem.code, problem.batch ?? '-', problem.path ?? '-', problem.cause ?? '-'].join(' '),
    );

    assert.deepEqual(rows, [
      'stale - - -',
      'unknown-hunk b1 a.js stale',
      'unknown-path b2 c.js stale',
      'missing-hunk - a.js stale',
      'missing-path - b.md -',
    ]);
    assert.equal(
      problems[4]?.message,
      'b.md is staged but in no batch. Add { "path": "b.md" } to a batch, or list its hunks. ' +
        'To leave it out of these commits, unstage it with `git reset -q -- :/b.md`, then move ' +
        'this strategy away and write it again with ' +
        `\`footprint strategy --output ${fixture.strategyFile}\`.`,
    );
  });

  test('text lists dropped path apart', async () => {
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }]), batch('b2', [{ path: 'c.js' }])],
    );
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile);
    const lines = result.stdout.split('\n');

    assert.equal(result.code, 1);
    assert.match(lines[1] ?? '', /^ {2}stale {2}/);
    assert.match(lines[4] ?? '', /^ {4}missing-hunk {2}a\.js {2}/);
    assert.equal(
      lines[5],
      '  missing-path  b.md  b.md is staged but in no batch. ' +
        'Add { "path": "b.md" } to a batch, or list its hunks. ' +
        'To leave it out of these commits, unstage it with `git reset -q -- :/b.md`, then move ' +
        'this strategy away and write it again with ' +
        `\`footprint strategy --output ${fixture.strategyFile}\`.`,
    );
  });

  test('dropped hunk is reported alone', async () => {
    // The edit dropped hunk 3 of a.js, and the restaging kept hunks 3 and 37 as they were.
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_37] }, { path: 'b.md' }, { path: 'c.js' }])],
    );
    repo = fixture.repo;
    const edits = { 3: 'const v3 = 33;', 20: 'const v20 = 2020;', 37: 'const v37 = 3737;' };
    repo.write('a.js', numberedLines(edits));
    repo.git(['add', 'a.js']);

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const rows = problems.map((problem) =>
      [problem.code, problem.path ?? '-', problem.cause ?? '-'].join(' '),
    );

    assert.deepEqual(rows, [
      'stale - -',
      'unknown-path c.js stale',
      'missing-hunk a.js -',
      'missing-hunk a.js stale',
    ]);
    assert.equal(
      problems[2]?.message,
      'Hunk @@ -3,1 +3,1 @@ of a.js is in no batch. Add it to the `hunks` of batch b1, ' +
        'which takes the hunk nearest it, or of another batch. To leave it out of these ' +
        'commits, unstage only that hunk with `git reset -p -- :/a.js`, answering y for ' +
        '@@ -3,1 +3,1 @@ and n for the others (git shows it with context lines and may join it ' +
        'with a nearby hunk, which `s` splits), then move this strategy away and write it ' +
        `again with \`footprint strategy --output ${fixture.strategyFile}\`.`,
    );
    assert.match(problems[3]?.message ?? '', /^Hunk @@ -20,1 \+20,1 @@ of a\.js is in no batch\./);
  });

  test('typed path keeps its hint', async () => {
    // b.md was typed as b.mdx, a path that was never staged.
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }, { path: 'b.mdx' }])],
    );
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const typed = problems.find((problem) => problem.path === 'b.mdx');

    assert.equal(typed?.code, 'unknown-path');
    assert.equal(typed?.cause, undefined);
    assert.equal(
      typed?.message,
      'Batch b1 names b.mdx, which is not in the staged change. Did you mean b.md? ' +
        'Set "path": "b.md", or remove it from the batch.',
    );
  });

  test('without its fossil every path folds', async () => {
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }]), batch('b2', [{ path: 'c.js' }])],
    );
    repo = fixture.repo;
    // The strategy fossil records what was staged. Without it, b.md cannot be told apart.
    rmSync(path.join(repo.dir, 'fossils'), { recursive: true });

    const result = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile, '--json');
    const problems = (JSON.parse(result.stdout) as { problems: Problem[] }).problems;
    const dropped = problems.find((problem) => problem.path === 'b.md');

    assert.equal(dropped?.code, 'missing-path');
    assert.equal(dropped?.cause, 'stale');
  });

  test('commit lists dropped path apart', async () => {
    const fixture = await restagedFixture(
      [],
      [batch('b1', [{ path: 'a.js', hunks: [HUNK_3, HUNK_37] }]), batch('b2', [{ path: 'c.js' }])],
    );
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'commit', '--strategy', fixture.strategyFile, '--yes');
    const lines = result.stderr.split('\n');

    assert.equal(result.code, 1);
    assert.match(lines[4] ?? '', /^ {4}missing-hunk {2}a\.js {2}/);
    assert.match(lines[5] ?? '', /^ {2}missing-path {2}b\.md {2}b\.md is staged but in no batch/);
  });
});
