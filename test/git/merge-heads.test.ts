import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { readMergeCommand, readMergeHeads } from '../../src/git/merge-heads.js';
import { readInProgressOperation } from '../../src/git/state.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** A pre-merge-commit hook that saves the GIT_REFLOG_ACTION git gives it and stops the merge. */
const RECORDING_HOOK = '#!/bin/sh\nprintf %s "$GIT_REFLOG_ACTION" > .git/recorded-action\nexit 1\n';

function commitFile(repo: TempRepo, file: string, message: string): void {
  repo.write(file, `${message}\n`);
  repo.git(['add', file]);
  repo.git(['commit', '-q', '-m', message]);
}

/** Builds branches `side` and `other` off main, each adding its own file, and a main commit. */
function divergeBranches(repo: TempRepo): void {
  commitFile(repo, 'base.txt', 'base');
  repo.git(['checkout', '-q', '-b', 'side']);
  commitFile(repo, 'side.txt', 'side');
  repo.git(['tag', '-a', '-m', 'release', 'v1']);
  repo.git(['checkout', '-q', '-b', 'other', 'main']);
  commitFile(repo, 'other.txt', 'other');
  repo.git(['checkout', '-q', 'main']);
  commitFile(repo, 'main.txt', 'main');
  repo.write('.git/hooks/pre-merge-commit', RECORDING_HOOK, 0o755);
}

/**
 * Runs `command` (a merge that the recording hook stops) and returns the environment the hook
 * saw: its GIT_REFLOG_ACTION, with no MERGE_HEAD yet. Also returns the MERGE_HEAD lines git
 * writes after the hook fails, and the commits they name, which the merge joins.
 */
function runStoppedMerge(repo: TempRepo, command: string[]) {
  const result = repo.gitResult(command);
  assert.equal(result.status, 1, result.stderr);
  const action = readFileSync(path.join(repo.dir, '.git', 'recorded-action'), 'utf8');
  const mergeHead = path.join(repo.dir, '.git', 'MERGE_HEAD');
  const heads = readFileSync(mergeHead, 'utf8').trim().split('\n');
  rmSync(mergeHead);
  // git writes an annotated tag's own id to MERGE_HEAD, and its commit is what the merge joins.
  const commits = heads.map((head) => repo.git(['rev-parse', `${head}^{commit}`]).trim());
  return { env: { GIT_REFLOG_ACTION: action }, heads, commits };
}

async function headsIn(repo: TempRepo, env: NodeJS.ProcessEnv): Promise<string[]> {
  return readMergeHeads(await discoverRepository({ cwd: repo.dir, env: gitTestEnv() }), env);
}

describe('readMergeHeads during pre-merge-commit', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
    divergeBranches(repo);
  });
  afterEach(() => repo.cleanup());

  const cases: { name: string; command: (repo: TempRepo) => string[] }[] = [
    { name: 'branch', command: () => ['merge', '--no-ff', 'side'] },
    { name: 'annotated tag', command: () => ['merge', '--no-edit', 'v1'] },
    { name: 'commit id', command: (r) => ['merge', r.git(['rev-parse', 'side']).trim()] },
    { name: 'octopus', command: () => ['merge', 'side', 'other'] },
    { name: 'pull', command: () => ['pull', '--no-rebase', '--no-edit', '.', 'side'] },
  ];
  for (const { name, command } of cases) {
    test(`${name} gives what MERGE_HEAD gets`, async () => {
      const stopped = runStoppedMerge(repo, command(repo));

      assert.deepEqual(await headsIn(repo, stopped.env), stopped.commits);
    });
  }

  test('previous branch gives MERGE_HEAD', async () => {
    repo.git(['checkout', '-q', 'side']);
    repo.git(['checkout', '-q', 'main']);
    const stopped = runStoppedMerge(repo, ['merge', '--no-edit', '-']);

    assert.equal(stopped.env.GIT_REFLOG_ACTION, 'merge @{-1}');
    assert.deepEqual(await headsIn(repo, stopped.env), stopped.commits);
  });

  test('unknown revision gives none', async () => {
    assert.deepEqual(await headsIn(repo, { GIT_REFLOG_ACTION: 'merge side gone' }), []);
  });

  test('MERGE_HEAD wins over the environment', async () => {
    const stopped = runStoppedMerge(repo, ['merge', 'side']);
    repo.write('.git/MERGE_HEAD', `${stopped.heads.join('\n')}\n`);

    assert.deepEqual(await headsIn(repo, { GIT_REFLOG_ACTION: 'merge other' }), stopped.heads);
  });
});

describe('readMergeCommand', () => {
  const cases: { action: string | undefined; expected: ReturnType<typeof readMergeCommand> }[] = [
    { action: 'merge side', expected: { kind: 'merge', revisions: ['side'] } },
    { action: 'merge a b', expected: { kind: 'merge', revisions: ['a', 'b'] } },
    { action: 'merge', expected: { kind: 'merge', revisions: [] } },
    { action: 'pull --no-rebase origin main', expected: { kind: 'pull' } },
    { action: 'rebase (pick)', expected: null },
    { action: 'merger', expected: null },
    { action: '', expected: null },
    { action: undefined, expected: null },
  ];
  for (const { action, expected } of cases) {
    test(`reads ${JSON.stringify(action ?? null)}`, () => {
      const env = action === undefined ? {} : { GIT_REFLOG_ACTION: action };
      assert.deepEqual(readMergeCommand(env), expected);
    });
  }
});

describe('readInProgressOperation with a hook environment', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
    divergeBranches(repo);
  });
  afterEach(() => repo.cleanup());

  async function operationWith(env?: NodeJS.ProcessEnv) {
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    return readInProgressOperation(layout, env);
  }

  test('git merge committing is a merge', async () => {
    assert.equal(await operationWith({ GIT_REFLOG_ACTION: 'merge side' }), 'merge');
  });

  test('git pull committing is a merge', async () => {
    assert.equal(await operationWith({ GIT_REFLOG_ACTION: 'pull' }), 'merge');
  });

  test('plain commit is no operation', async () => {
    assert.equal(await operationWith({}), null);
  });

  test('rebase wins over a pull', async () => {
    repo.write('side.txt', 'main side\n');
    repo.git(['add', 'side.txt']);
    repo.git(['commit', '-q', '-m', 'main side']);
    assert.equal(repo.gitResult(['rebase', '--merge', 'side']).status, 1);

    assert.equal(await operationWith({ GIT_REFLOG_ACTION: 'pull --rebase' }), 'rebase');
  });
});
