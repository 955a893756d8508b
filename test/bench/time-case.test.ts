import assert from 'node:assert/strict';
import { test } from 'node:test';

import { benchEnv } from '../../bench/hook/git-command.js';
import { timeCase } from '../../bench/hook/time-case.js';
import type { TimedCommand } from '../../bench/hook/timed-run.js';
import { createTempRepo } from '../helpers/repo.js';

function command(name: string, file: string, args: string[], cwd: string): TimedCommand {
  return { name, file, args, cwd, env: benchEnv() };
}

test('timeCase keeps timed runs and drops the warm-up', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const timings = timeCase(
      repo.dir,
      [command('diff', 'git', ['diff', '--cached', '--numstat'], repo.dir)],
      { runs: 3, warmup: 2, gnuTime: null, expectedExitCodes: {} },
    );
    assert.equal(timings.length, 1);
    assert.equal(timings[0]?.wallMs.length, 3);
    assert.deepEqual(timings[0]?.exitCodes, { '0': 5 });
    assert.deepEqual(timings[0]?.changed, []);
    assert.equal(timings[0]?.failure, null);
  } finally {
    repo.cleanup();
  }
});

test('timeCase flags a command that changes the index', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    const timings = timeCase(repo.dir, [command('add', 'git', ['add', 'a.txt'], repo.dir)], {
      runs: 1,
      warmup: 0,
      gnuTime: null,
      expectedExitCodes: {},
    });
    assert.deepEqual(timings[0]?.changed, ['index']);
  } finally {
    repo.cleanup();
  }
});

test('timeCase records an unexpected exit code', () => {
  const repo = createTempRepo();
  try {
    const fail = command(
      'fail',
      process.execPath,
      ['-e', 'console.error("boom"); process.exit(2)'],
      repo.dir,
    );
    const timings = timeCase(repo.dir, [fail], {
      runs: 2,
      warmup: 0,
      gnuTime: null,
      expectedExitCodes: { fail: [0, 1] },
    });
    assert.deepEqual(timings[0]?.exitCodes, { '2': 2 });
    assert.equal(timings[0]?.failure?.trim(), 'boom');
  } finally {
    repo.cleanup();
  }
});

test('timeCase records a node crash that exits 1', () => {
  const repo = createTempRepo();
  try {
    const crash = command(
      'crash',
      process.execPath,
      ['-e', 'throw new Error("no bundle")'],
      repo.dir,
    );
    const timings = timeCase(repo.dir, [crash], {
      runs: 1,
      warmup: 0,
      gnuTime: null,
      expectedExitCodes: { crash: [0, 1] },
    });
    assert.deepEqual(timings[0]?.exitCodes, { '1': 1 });
    assert.match(timings[0]?.failure ?? '', /no bundle/);
  } finally {
    repo.cleanup();
  }
});
