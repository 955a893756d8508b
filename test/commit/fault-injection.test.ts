import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertFsckClean,
  batch,
  captureState,
  commitInProcess,
  commitRun,
  hunksOf,
  planStrategy,
  writeStrategy,
  type UntouchedState,
} from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const MESSAGES = ['fix: first hunk', 'feat: second hunk', 'docs: notes'];

/**
 * Stages a file with two hunks and a new file, and writes a three-batch strategy that splits
 * the file's hunks. Returns the strategy file and the state before any run.
 */
async function stagedSplit(): Promise<{
  repo: TempRepo;
  strategyFile: string;
  start: UntouchedState;
}> {
  const created = createTempRepo();
  repo = created;
  const lines = Array.from({ length: 12 }, (_, index) => `line ${index + 1}\n`);
  created.write('app.txt', lines.join(''));
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  lines[0] = 'line 1 changed\n';
  lines[11] = 'line 12 changed\n';
  created.write('app.txt', lines.join(''));
  created.write('notes.md', '# Notes\n');
  created.git(['add', '-A']);
  created.write('app.txt', `${lines.join('')}unstaged tail\n`);

  const { strategy, files } = await planStrategy(created);
  const [first, second] = hunksOf(files, 'app.txt');
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', MESSAGES[0] as string, [{ path: 'app.txt', hunks: [first!] }]),
    batch('b2', MESSAGES[1] as string, [{ path: 'app.txt', hunks: [second!] }]),
    batch('b3', MESSAGES[2] as string, [{ path: 'notes.md' }]),
  ]);
  return { repo: created, strategyFile, start: captureState(created) };
}

/** Runs the built CLI with the kill hook at `point` and checks that SIGKILL ended it. */
function runKilledAt(created: TempRepo, strategyFile: string, point: string): void {
  const result = created.footprint(['commit', '--yes', '--strategy', strategyFile], {
    env: { FOOTPRINT_TEST_KILL_AT: point },
  });
  assert.equal(result.signal, 'SIGKILL', `${result.status} ${result.stderr}`);
}

function assertComplete(created: TempRepo, start: UntouchedState): void {
  const subjects = created.git(['log', '--reverse', '--format=%s', `${start.head}..HEAD`]);
  assert.deepEqual(subjects.trim().split('\n'), MESSAGES);
  assert.equal(created.git(['diff', '--binary', start.head as string, 'HEAD']), start.stagedDiff);
  assert.equal(created.git(['diff', '--cached', '--name-only']), '');
  assert.equal(created.git(['diff', '--binary']), start.unstagedDiff);
}

function assertAsBefore(created: TempRepo, start: UntouchedState): void {
  assert.deepEqual(captureState(created), start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('killed during object writes leaves repository unchanged', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();

  runKilledAt(created, strategyFile, 'objects');

  assertAsBefore(created, start);
  assertFsckClean(created);
  assert.equal(existsSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock')), false);
  assert.equal(existsSync(path.join(created.dir, '.git', 'HEAD.lock')), false);

  const rerun = created.footprint(['commit', '--yes', '--strategy', strategyFile]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assertComplete(created, start);
  assertFsckClean(created);
});

test('undo skips a run killed before its ref moved', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  const first = created.footprint(['commit', '--yes', '--strategy', strategyFile]);
  assert.equal(first.status, 0, first.stderr);
  const afterFirst = created.git(['rev-parse', 'HEAD']).trim();

  created.write('later.txt', 'later\n');
  created.git(['add', 'later.txt']);
  const killed = created.footprint(['commit', '--yes'], {
    env: { FOOTPRINT_TEST_KILL_AT: 'lock' },
  });
  assert.equal(killed.signal, 'SIGKILL', `${killed.status} ${killed.stderr}`);
  rmSync(path.join(created.dir, '.git', 'HEAD.lock'));
  rmSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock'));
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), afterFirst);

  const undone = created.footprint(['undo']);

  assert.equal(undone.status, 0, undone.stderr);
  assert.match(undone.stdout, /the run's changes are staged again, with anything staged since/);
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), start.head);
  assertFsckClean(created);
});

test('undo names runs that never moved the branch', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  runKilledAt(created, strategyFile, 'lock');
  rmSync(path.join(created.dir, '.git', 'HEAD.lock'));
  rmSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock'));

  const undone = created.footprint(['undo']);

  assert.equal(undone.status, 1, undone.stderr);
  assert.match(
    undone.stderr,
    /never moved their branch \(\S+-commit-run-[0-9a-f]{8}: each stopped/,
  );
  assertAsBefore(created, start);
});

/** Returns the outcome of each commit run that `fossils list --json` prints, newest first. */
function listedRunOutcomes(created: TempRepo): Array<string | null> {
  const listed = created.footprint(['fossils', 'list', '--type', 'commit-run', '--json']);
  assert.equal(listed.status, 0, listed.stderr);
  const { fossils } = JSON.parse(listed.stdout) as { fossils: Array<{ outcome: string | null }> };
  return fossils.map((fossil) => fossil.outcome);
}

test('list marks a killed run interrupted', async () => {
  const { repo: created, strategyFile } = await stagedSplit();
  runKilledAt(created, strategyFile, 'lock');
  rmSync(path.join(created.dir, '.git', 'HEAD.lock'));
  rmSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock'));

  assert.deepEqual(listedRunOutcomes(created), ['interrupted']);
  const table = created.footprint(['fossils', 'list', '--color', 'never']);
  assert.match(table.stdout, /commit-run\s+interrupted\s/);
  const stats = created.footprint(['fossils', 'stats', '--json']);
  const counted = JSON.parse(stats.stdout) as { suggestions: { commitRuns: number } };
  assert.equal(counted.suggestions.commitRuns, 0);
});

/** Kills a run after its reflog lines and before its rename, then removes the locks it left. */
function killAfterReflog(created: TempRepo, strategyFile: string): void {
  runKilledAt(created, strategyFile, 'logged');
  rmSync(path.join(created.dir, '.git', 'HEAD.lock'));
  rmSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock'));
}

test('list marks a run killed after its reflog interrupted', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();

  killAfterReflog(created, strategyFile);

  assertAsBefore(created, start);
  // The reflog names the run's last commit, although the branch never pointed at it.
  assert.match(created.git(['reflog', '-1', '--format=%gs', 'main']), /^commit \(footprint\)/);
  assert.deepEqual(listedRunOutcomes(created), ['interrupted']);
});

test('undo names a run killed after its reflog', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  killAfterReflog(created, strategyFile);

  const undone = created.footprint(['undo']);

  assert.equal(undone.status, 1, undone.stderr);
  assert.match(undone.stderr, /never moved their branch/);
  assert.doesNotMatch(undone.stderr, /already undone/);
  assertAsBefore(created, start);
});

test('list keeps a run killed after the reflog then committed', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  killAfterReflog(created, strategyFile);

  const rerun = created.footprint(['commit', '--yes', '--strategy', strategyFile]);

  assert.equal(rerun.status, 0, rerun.stderr);
  assertComplete(created, start);
  const outcomes = listedRunOutcomes(created);
  assert.equal(outcomes.length, 2);
  assert.equal(outcomes[0], 'committed');
});

test('list keeps a run killed after the rename', async () => {
  const { repo: created, strategyFile } = await stagedSplit();
  runKilledAt(created, strategyFile, 'renamed');

  assert.deepEqual(listedRunOutcomes(created), ['committed']);
});

test('killed holding the ref lock leaves repository unchanged', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  const branchLock = path.join(created.dir, '.git', 'refs', 'heads', 'main.lock');
  const headLock = path.join(created.dir, '.git', 'HEAD.lock');

  runKilledAt(created, strategyFile, 'lock');

  assertAsBefore(created, start);
  assertFsckClean(created);
  assert.ok(existsSync(branchLock));
  assert.ok(existsSync(headLock));

  const blocked = created.footprint(['commit', '--yes', '--strategy', strategyFile]);
  assert.equal(blocked.status, 1);
  assert.match(
    blocked.stderr,
    new RegExp(`\`rm ${escapeRegExp(headLock)} ${escapeRegExp(branchLock)}\``),
  );
  assertAsBefore(created, start);

  rmSync(headLock);
  rmSync(branchLock);
  const rerun = created.footprint(['commit', '--yes', '--strategy', strategyFile]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assertComplete(created, start);
  assertFsckClean(created);
});

test('killed after the rename leaves repository complete', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  const headLock = path.join(created.dir, '.git', 'HEAD.lock');

  runKilledAt(created, strategyFile, 'renamed');

  assertComplete(created, start);
  assertFsckClean(created);
  assert.equal(captureState(created).index, start.index);
  assert.equal(existsSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock')), false);
  assert.ok(existsSync(headLock), 'HEAD.lock of the killed run is left behind');

  const next = created.footprint(['commit', '--yes']);
  assert.equal(next.status, 1);
  assert.match(next.stderr, new RegExp(`HEAD\\.lock exists.*\`rm ${escapeRegExp(headLock)}\``));

  rmSync(headLock);
  const undone = created.footprint(['undo']);
  assert.equal(undone.status, 0, undone.stderr);
  assertAsBefore(created, start);
});

test('commit landing before the ref moves fails the old-value check', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  // The commit-msg hook runs after planning; on its first call it makes a commit of its own.
  const marker = path.join(created.dir, '.git', 'landed');
  created.write(
    '.git/hooks/commit-msg',
    `#!/bin/sh\n[ -e ${marker} ] && exit 0\n: > ${marker}\n` +
      'git commit -q --no-verify --allow-empty -m "landed meanwhile"\n',
  );
  chmodSync(path.join(created.dir, '.git', 'hooks', 'commit-msg'), 0o755);

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /refs\/heads\/main moved while footprint was committing/);
    return true;
  });

  assert.equal(created.git(['log', '-1', '--format=%s']).trim(), 'landed meanwhile');
  assert.equal(created.git(['rev-parse', 'HEAD~1']).trim(), start.head);
  assert.equal(created.git(['diff', '--binary', start.head as string, 'HEAD']), start.stagedDiff);
  assert.equal(created.git(['diff', '--binary']), start.unstagedDiff);
  assert.equal(existsSync(path.join(created.dir, '.git', 'refs', 'heads', 'main.lock')), false);
  const fossils = existsSync(path.join(created.dir, 'fossils'))
    ? readdirSync(path.join(created.dir, 'fossils')).filter((name) => name.includes('commit-run'))
    : [];
  assert.deepEqual(fossils, [], 'the refused run leaves no fossil');
  assertFsckClean(created);
});

test('staging during a run refuses before the ref moves', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  created.write(
    '.git/hooks/commit-msg',
    `#!/bin/sh\necho late > ${path.join(created.dir, 'late.txt')}\ngit add late.txt\n`,
  );
  chmodSync(path.join(created.dir, '.git', 'hooks', 'commit-msg'), 0o755);

  await assert.rejects(
    commitInProcess(created, { strategyFile }),
    /The index changed while footprint was committing/,
  );

  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), start.head);
  assert.match(created.git(['diff', '--cached', '--name-only']), /late\.txt/);
  assertFsckClean(created);
});

test('a second run after completion commits nothing', async () => {
  const { repo: created, strategyFile, start } = await stagedSplit();
  await commitRun(created, { strategyFile });

  await assert.rejects(commitInProcess(created, { strategyFile }), /Nothing is staged/);
  assertComplete(created, start);
});
