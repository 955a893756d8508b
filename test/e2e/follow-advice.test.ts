import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitStartingProject, stageTangledChange } from './project.js';

/** Advice a hook printed under a passed split: the undo command and footprint's arguments. */
interface Advice {
  undo: string;
  count: number;
  footprintArgs: string[];
}

/** A repository with the hook installed by `footprint init` and its first commit. */
function createHookedRepo(): TempRepo {
  const repo = createTempRepo();
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  commitStartingProject(repo);
  return repo;
}

/** Runs `git commit` through the hook and returns the advice it printed. */
function commitWithAdvice(repo: TempRepo, args: string[]): Advice {
  const result = repo.gitResult(['commit', ...args], { env: { LC_ALL: 'C.UTF-8' } });
  assert.equal(result.status, 0, result.stderr);

  const split = /Suggested split into (\d+) commits/.exec(result.stderr);
  const advice = /run `([^`]+)` after this commit, then\s+`footprint ([^`]+)`/.exec(result.stderr);
  assert.ok(split !== null && advice !== null, result.stderr);
  return {
    undo: advice[1] ?? '',
    count: Number(split[1]),
    footprintArgs: (advice[2] ?? '').split(' '),
  };
}

/** Runs the printed undo command in a POSIX shell, as a user pastes it. */
function runInShell(repo: TempRepo, command: string): void {
  const result = spawnSync('sh', ['-c', command], {
    cwd: repo.dir,
    env: gitTestEnv(),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
}

function revParse(repo: TempRepo, rev: string): string {
  return repo.git(['rev-parse', rev]).trim();
}

test('printed advice turns a commit into the split', () => {
  const repo = createHookedRepo();
  try {
    const start = revParse(repo, 'HEAD');
    stageTangledChange(repo);
    const advice = commitWithAdvice(repo, ['-m', 'tangled']);
    const tree = revParse(repo, 'HEAD^{tree}');

    runInShell(repo, advice.undo);
    const made = repo.footprint([...advice.footprintArgs, '--yes', '--no-llm']);

    assert.equal(made.status, 0, made.stderr);
    assert.equal(revParse(repo, 'HEAD^{tree}'), tree);
    assert.equal(revParse(repo, `HEAD~${advice.count}`), start);
  } finally {
    repo.cleanup();
  }
});

test('advice after an amend splits only the amendment', () => {
  const repo = createHookedRepo();
  try {
    const first = revParse(repo, 'HEAD');
    stageTangledChange(repo);
    const advice = commitWithAdvice(repo, ['--amend', '--no-edit']);
    const tree = revParse(repo, 'HEAD^{tree}');

    assert.equal(advice.undo, "git reset --soft 'HEAD@{1}'");
    runInShell(repo, advice.undo);
    const made = repo.footprint([...advice.footprintArgs, '--yes', '--no-llm']);

    assert.equal(made.status, 0, made.stderr);
    assert.equal(revParse(repo, 'HEAD^{tree}'), tree);
    assert.equal(revParse(repo, `HEAD~${advice.count}`), first);
  } finally {
    repo.cleanup();
  }
});

test('advice without a reflog resets to the parent', () => {
  const repo = createHookedRepo();
  try {
    repo.git(['config', 'core.logAllRefUpdates', 'false']);
    repo.git(['reflog', 'expire', '--expire=all', '--all']);
    const start = revParse(repo, 'HEAD');
    stageTangledChange(repo);
    const advice = commitWithAdvice(repo, ['-m', 'tangled']);

    assert.equal(advice.undo, 'git reset --soft HEAD~1');
    runInShell(repo, advice.undo);
    const made = repo.footprint([...advice.footprintArgs, '--yes', '--no-llm']);

    assert.equal(made.status, 0, made.stderr);
    assert.equal(revParse(repo, `HEAD~${advice.count}`), start);
  } finally {
    repo.cleanup();
  }
});
