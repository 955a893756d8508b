import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { parseCommandLine } from '../../src/cli/args.js';
import { promptYesNo } from '../../src/cli/commands/commit.js';
import { isUserError } from '../../src/errors.js';
import { helpText } from '../../src/cli/help.js';
import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { captureState } from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).error === undefined;

function stagedRepo(): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.write('src/cart.js', 'export const total = () => 0;\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('src/cart.js', 'export const total = (items) => items.length;\n');
  created.git(['add', '-A']);
  return created;
}

test('parse commit options', () => {
  const line = parseCommandLine([
    'commit',
    '--strategy',
    'plan.json',
    '--dry-run',
    '-y',
    '--no-verify',
    '--mode',
    'aggressive',
  ]);
  assert.equal(line.command, 'commit');
  assert.equal(line.strategy, 'plan.json');
  assert.equal(line.dryRun, true);
  assert.equal(line.yes, true);
  assert.equal(line.noVerify, true);
  assert.equal(line.mode, 'aggressive');
});

test('parse commit defaults', () => {
  const line = parseCommandLine(['commit']);
  assert.equal(line.dryRun, false);
  assert.equal(line.yes, false);
  assert.equal(line.noVerify, false);
  assert.equal(line.strategy, undefined);
});

test('undo rejects commit options', () => {
  assert.throws(
    () => parseCommandLine(['undo', '--yes']),
    /Option '--yes' is for footprint commit/,
  );
});

test('help lists commit and undo', () => {
  assert.match(helpText(null), /\n {2}commit \[--strategy FILE\] {2}/);
  assert.match(helpText(null), /\n {2}undo {20}/);
  assert.match(helpText('commit'), /--dry-run {11}Print the planned commits/);
  assert.match(helpText('undo'), /^Usage: footprint undo/);
});

test('cli dry run prints the plan', () => {
  const created = stagedRepo();
  const start = captureState(created);

  const result = created.footprint(['commit', '--dry-run']);

  assert.equal(result.status, 0, result.stderr);
  assert.match(
    result.stdout,
    /^footprint commit: 1 commit on main, on top of [0-9a-f]{12} \(planned from the staged change\)\n/,
  );
  assert.match(result.stdout, /\n {7}src\/cart\.js\n/);
  assert.deepEqual(captureState(created), start);
  assert.equal(existsSync(path.join(created.dir, 'fossils')), false);
});

test('cli without terminal needs yes', () => {
  const created = stagedRepo();
  const start = captureState(created);

  const result = created.footprint(['commit']);

  assert.equal(result.status, 2);
  assert.match(result.stderr, /stdin is not a terminal or CI=true is set\. Pass --yes/);
  assert.deepEqual(captureState(created), start);
});

test('invalid strategy before missing yes', () => {
  const created = stagedRepo();
  created.write('plan.json', '{"version": 1, "batches": []}\n');

  const result = created.footprint(['commit', '--strategy', 'plan.json']);

  assert.equal(result.status, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /Pass --yes/);
});

test('undo hint repeats the cwd', () => {
  const created = stagedRepo();
  const folder = path.basename(created.dir);
  const committed = spawnSync(
    process.execPath,
    [footprintBin, '--cwd', folder, 'commit', '--yes', '--no-llm'],
    { cwd: path.dirname(created.dir), env: gitTestEnv(), encoding: 'utf8' },
  );

  assert.equal(committed.status, 0, committed.stderr);
  assert.match(committed.stdout, new RegExp(`Undo with \`footprint --cwd ${folder} undo\`\\.`));
});

test('cli commit and undo', () => {
  const created = stagedRepo();
  const start = captureState(created);

  const committed = created.footprint(['commit', '--yes']);
  assert.equal(committed.status, 0, committed.stderr);
  assert.match(committed.stdout, /^✔ Made 1 commit on main: [0-9a-f]{12}\.\.[0-9a-f]{12}\.\n/);
  assert.match(committed.stdout, /Undo with `footprint undo`\./);
  assert.equal(created.git(['diff', '--cached', '--name-only']), '');

  const undone = created.footprint(['undo']);
  assert.equal(undone.status, 0, undone.stderr);
  assert.match(undone.stdout, /^✔ Moved main back from [0-9a-f]{12} to [0-9a-f]{12}/);
  assert.deepEqual(captureState(created), start);

  const again = created.footprint(['undo']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already undone/);
});

test('cli first commit names root', () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.md', '# a\n');
  created.git(['add', '-A']);

  const committed = created.footprint(['commit', '--yes']);

  assert.equal(committed.status, 0, committed.stderr);
  const root = created.git(['rev-parse', 'HEAD']).trim().slice(0, 12);
  assert.equal(
    committed.stdout.split('\n', 1)[0],
    `✔ Made 1 commit on main, which had no commits: the root commit ${root}.`,
  );
  assert.doesNotMatch(committed.stdout, /nothing/);
});

test('cli first commits name range', () => {
  const created = createTempRepo();
  repo = created;
  created.write('README.md', '# app\n');
  created.write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
  created.git(['add', '-A']);

  const committed = created.footprint(['commit', '--yes']);

  assert.equal(committed.status, 0, committed.stderr);
  const root = created.git(['rev-list', '--max-parents=0', 'HEAD']).trim().slice(0, 12);
  const last = created.git(['rev-parse', 'HEAD']).trim().slice(0, 12);
  assert.equal(
    committed.stdout.split('\n', 1)[0],
    `✔ Made 2 commits on main, which had no commits: from the root commit ${root} to ${last}.`,
  );
});

test('cli refusal exits 1', () => {
  const created = stagedRepo();
  created.write('.git/MERGE_HEAD', `${created.git(['rev-parse', 'HEAD']).trim()}\n`);

  const result = created.footprint(['commit', '--yes']);

  assert.equal(result.status, 1);
  assert.match(result.stderr, /A merge is in progress/);
});

test('Ctrl-C at the question exits 130', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const answer = promptYesNo('Make 1 commit? [y/N] ', input, output, true);
  input.write('\u0003');

  await assert.rejects(answer, (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 130);
    assert.equal(error.message, 'Interrupted at the question, so no commit was made.');
    return true;
  });
});

test('Ctrl-D at the question declines', async () => {
  const input = new PassThrough();
  const answer = promptYesNo('Make 1 commit? [y/N] ', input, new PassThrough(), true);
  input.write('\u0004');

  assert.equal(await answer, false);
});

test('end of input declines', async () => {
  const input = new PassThrough();
  const answer = promptYesNo('Make 1 commit? [y/N] ', input, new PassThrough(), false);
  input.end();

  assert.equal(await answer, false);
});

test('yes at the question confirms', async () => {
  const input = new PassThrough();
  const answer = promptYesNo('Make 1 commit? [y/N] ', input, new PassThrough(), true);
  input.write('yes\r');

  assert.equal(await answer, true);
});

for (const [answer, committed] of [
  ['y', true],
  ['n', false],
] as const) {
  test(
    `cli asks on a terminal: ${answer}`,
    { skip: !HAS_SCRIPT && 'script is not installed' },
    () => {
      const created = stagedRepo();
      const start = captureState(created);
      const command = `${process.execPath} ${footprintBin} commit --color never`;

      // CI=true turns prompts off, so the prompt test runs as a person's terminal would.
      const env = gitTestEnv();
      delete env['CI'];
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: created.dir,
        env,
        input: `${answer}\n`,
        encoding: 'utf8',
      });

      assert.match(result.stdout, /Make 1 commit on main\? \[y\/N\]/);
      assert.equal(result.status, committed ? 0 : 1, result.stdout);
      const head = created.git(['rev-parse', 'HEAD']).trim();
      assert.equal(head !== start.head, committed);
    },
  );
}
