import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import { commit, commitBase, COMMIT_ENV, createTwins } from './situation.js';

/** Hooks that git runs around commits, refs, the index and gc; each one logs its name. */
const COUNTED_HOOKS = [
  'pre-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'post-checkout',
  'post-merge',
  'post-rewrite',
  'pre-auto-gc',
  'post-index-change',
  'reference-transaction',
];

/** Writes a logging script for each counted hook into `dir`; returns the log's path. */
function writeCountingHooks(repo: TempRepo, dir: string): string {
  const log = path.join(repo.dir, '.git', 'hook-calls.log');
  for (const name of COUNTED_HOOKS) {
    const script = `#!/bin/sh\ncat >/dev/null 2>&1 </dev/stdin\necho ${name} >> '${log}'\n`;
    repo.write(path.relative(repo.dir, path.join(dir, name)), script, 0o755);
  }
  return log;
}

/** An editor that writes a message when the file has none, so the plain twin commits too. */
const EDITOR_WRITING_A_MESSAGE = `sh -c 'grep -q "^[^#]" "$1" || echo "feat: tax" > "$1"' editor`;

function readLog(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

test('footprint commands fire no git hooks', () => {
  const twins = createTwins({
    beforeInit: (repo) => writeCountingHooks(repo, path.join(repo.dir, '.git', 'hooks')),
  });
  try {
    const repo = twins.hooked;
    const log = path.join(repo.dir, '.git', 'hook-calls.log');
    commitBase(repo);
    repo.write('src/tax.js', 'export const rate = 0.2;\n');
    repo.git(['add', 'src/tax.js']);
    repo.write('.git/MESSAGE', '\n# status\n');
    const before = readLog(log);

    for (const args of [
      ['precommit'],
      ['analyze'],
      ['strategy', '--output', 'fossils/strategy.json'],
      ['validate', '--strategy', 'fossils/strategy.json'],
      ['prepare-commit-msg', '.git/MESSAGE', ''],
      ['init'],
    ]) {
      const result = repo.footprint(args, { env: COMMIT_ENV });
      assert.equal(result.status, 0, `footprint ${args.join(' ')}: ${result.stderr}`);
    }

    assert.deepEqual(readLog(log), before);
    assert.match(readFileSync(path.join(repo.dir, '.git', 'MESSAGE'), 'utf8'), /^#feat\b/m);
  } finally {
    twins.cleanup();
  }
});

test('commit fires each hook as often as git alone', () => {
  const twins = createTwins({
    beforeInit: (repo) => writeCountingHooks(repo, path.join(repo.dir, '.git', 'hooks')),
  });
  try {
    writeCountingHooks(twins.plain, path.join(twins.plain.dir, '.git', 'no-hooks'));
    const logs = twins.both((repo) => {
      commitBase(repo);
      const log = path.join(repo.dir, '.git', 'hook-calls.log');
      const start = readLog(log).length;
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      const result = commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_MESSAGE });
      assert.equal(result.status, 0, result.stderr);
      return readLog(log).slice(start);
    });

    assert.deepEqual(logs.hooked, logs.plain);
    assert.equal(logs.hooked.filter((name) => name === 'pre-commit').length, 1);
    assert.equal(logs.hooked.filter((name) => name === 'prepare-commit-msg').length, 1);
    assert.equal(logs.hooked.filter((name) => name === 'post-commit').length, 1);
  } finally {
    twins.cleanup();
  }
});
