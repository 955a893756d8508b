import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { readInProgressOperation } from '../../src/git/state.js';
import type { InProgressOperation } from '../../src/git/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

async function operationIn(dir: string): Promise<InProgressOperation | null> {
  return readInProgressOperation(await discoverRepository({ cwd: dir, env: gitTestEnv() }));
}

function commitFile(repo: TempRepo, content: string, message: string): string {
  repo.write('file.txt', content);
  repo.git(['add', 'file.txt']);
  repo.git(['commit', '-q', '-m', message]);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

/** Builds `main` and `side` that both change file.txt from a common base, so they conflict. */
function divergeBranches(repo: TempRepo): void {
  commitFile(repo, 'base\n', 'base');
  repo.git(['checkout', '-q', '-b', 'side']);
  commitFile(repo, 'side\n', 'side change');
  repo.git(['checkout', '-q', 'main']);
  commitFile(repo, 'main\n', 'main change');
}

function expectFailure(repo: TempRepo, args: string[]): void {
  const result = repo.gitResult(args);
  assert.notEqual(result.status, 0, `git ${args.join(' ')} should stop on a conflict`);
}

describe('readInProgressOperation', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
    divergeBranches(repo);
  });
  afterEach(() => repo.cleanup());

  test('nothing in progress', async () => {
    assert.equal(await operationIn(repo.dir), null);
  });

  test('merge', async () => {
    expectFailure(repo, ['merge', 'side']);
    assert.equal(await operationIn(repo.dir), 'merge');
  });

  test('rebase with the merge backend', async () => {
    expectFailure(repo, ['rebase', '--merge', 'side']);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'rebase-merge')));
    assert.equal(await operationIn(repo.dir), 'rebase');
  });

  test('rebase with the apply backend', async () => {
    expectFailure(repo, ['rebase', '--apply', 'side']);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'rebase-apply')));
    assert.equal(await operationIn(repo.dir), 'rebase');
  });

  test('interactive rebase stopped at edit', async () => {
    commitFile(repo, 'main 2\n', 'main second');
    repo.git(['rebase', '-i', 'HEAD~1'], {
      env: { GIT_SEQUENCE_EDITOR: "sed -i 's/^pick/edit/'" },
    });
    assert.equal(await operationIn(repo.dir), 'rebase');
  });

  test('git am', async () => {
    const patch = repo.git(['format-patch', '-1', '--stdout', 'side']);
    assert.throws(() => repo.git(['am', '-3'], { input: patch }), /failed/);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'rebase-apply', 'applying')));
    assert.equal(await operationIn(repo.dir), 'am');
  });

  test('cherry-pick', async () => {
    expectFailure(repo, ['cherry-pick', 'side']);
    assert.equal(await operationIn(repo.dir), 'cherry-pick');
  });

  test('revert', async () => {
    commitFile(repo, 'main again\n', 'main again');
    expectFailure(repo, ['revert', '--no-edit', 'HEAD~1']);
    assert.equal(await operationIn(repo.dir), 'revert');
  });

  test('multi-commit cherry-pick after the conflict is committed', async () => {
    repo.git(['checkout', '-q', 'side']);
    repo.write('other.txt', 'other\n');
    repo.git(['add', 'other.txt']);
    repo.git(['commit', '-q', '-m', 'side other']);
    repo.git(['checkout', '-q', 'main']);

    expectFailure(repo, ['cherry-pick', 'side~1', 'side']);
    repo.write('file.txt', 'resolved\n');
    repo.git(['add', 'file.txt']);
    repo.git(['commit', '-q', '--no-edit']);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'CHERRY_PICK_HEAD')), false);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'sequencer', 'todo')));
    assert.equal(await operationIn(repo.dir), 'cherry-pick');
  });

  test('bisect', async () => {
    repo.git(['bisect', 'start']);
    assert.equal(await operationIn(repo.dir), 'bisect');
  });

  test('merge in another worktree', async () => {
    const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-state-')));
    try {
      const worktree = path.join(scratch, 'linked');
      repo.git(['worktree', 'add', '-q', '--detach', worktree, 'main']);
      expectFailure(repo, ['merge', 'side']);
      assert.equal(await operationIn(repo.dir), 'merge');
      assert.equal(await operationIn(worktree), null);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
