import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { createTempRepo, footprintBin, gitTestEnv } from '../helpers/repo.js';

// /dev/full accepts the open and fails every write with ENOSPC, as a full disk does.
const skip = existsSync('/dev/full') ? false : 'needs /dev/full (Linux)';

for (const args of [['strategy'], ['analyze', '--json']]) {
  test(`${args.join(' ')} to a full disk exits 2`, { skip }, () => {
    const repo = createTempRepo();
    const full = openSync('/dev/full', 'w');
    try {
      repo.write('a.txt', 'a\n');
      repo.git(['add', 'a.txt']);
      const result = spawnSync(process.execPath, [footprintBin, ...args, '--no-llm'], {
        cwd: repo.dir,
        env: gitTestEnv(),
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
      });

      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /cannot write to standard output \(ENOSPC\)/);
    } finally {
      closeSync(full);
      repo.cleanup();
    }
  });
}

test('a closed pipe ends the command quietly', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const result = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${footprintBin}" analyze --json --no-llm | head -c 1`],
      { cwd: repo.dir, env: gitTestEnv(), encoding: 'utf8' },
    );

    assert.equal(result.stdout, '{');
    assert.doesNotMatch(result.stderr, /cannot write|Error/);
  } finally {
    repo.cleanup();
  }
});
