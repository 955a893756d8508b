import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { reinitRepo } from '../git/fixtures.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitStartingProject, stageTangledChange } from './project.js';

/** Advice a hook printed under a passed split: the undo command and footprint's arguments. */
interface Advice {
  undo: string;
  count: number;
  /** A `NAME=value` prefix of the footprint command, or an empty string. */
  env: string;
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
function commitWithAdvice(
  repo: TempRepo,
  args: string[],
  env: Record<string, string> = {},
): Advice {
  const result = repo.gitResult(['commit', ...args], { env: { LC_ALL: 'C.UTF-8', ...env } });
  assert.equal(result.status, 0, result.stderr);

  const split = /Suggested split into (\d+) commits/.exec(result.stderr);
  const advice = /run `([^`]+)` after this commit, then\s+`(\S+=\S+ )?footprint ([^`]+)`/.exec(
    result.stderr,
  );
  assert.ok(split !== null, result.stderr);
  assert.ok(advice !== null, result.stderr);
  return {
    undo: advice[1] ?? '',
    count: Number(split[1]),
    env: (advice[2] ?? '').trim(),
    footprintArgs: (advice[3] ?? '').split(' '),
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
    const commitRun = repo.footprint([...advice.footprintArgs, '--yes', '--no-llm']);

    assert.equal(commitRun.status, 0, commitRun.stderr);
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

    assert.equal(advice.undo, `git reset --soft ${first.slice(0, 12)}`);
    runInShell(repo, advice.undo);
    const commitRun = repo.footprint([...advice.footprintArgs, '--yes', '--no-llm']);

    assert.equal(commitRun.status, 0, commitRun.stderr);
    assert.equal(revParse(repo, 'HEAD^{tree}'), tree);
    assert.equal(revParse(repo, `HEAD~${advice.count}`), first);
  } finally {
    repo.cleanup();
  }
});

test('advice after a rejected commit keeps history', () => {
  const repo = createHookedRepo();
  try {
    const start = revParse(repo, 'HEAD');
    repo.write('.git/hooks/commit-msg', '#!/bin/sh\necho "subject rejected" >&2\nexit 1\n', 0o755);
    stageTangledChange(repo);
    const result = repo.gitResult(['commit', '-m', 'wip'], { env: { LC_ALL: 'C.UTF-8' } });
    const undo = /run `([^`]+)` after this commit/.exec(result.stderr)?.[1] ?? '';

    assert.equal(result.status, 1, result.stderr);
    assert.equal(undo, `git reset --soft ${start.slice(0, 12)}`);
    runInShell(repo, undo);
    assert.equal(revParse(repo, 'HEAD'), start);
  } finally {
    repo.cleanup();
  }
});

test('advice after a rejected commit -a', () => {
  const repo = createHookedRepo();
  try {
    const start = revParse(repo, 'HEAD');
    repo.write('.git/hooks/commit-msg', '#!/bin/sh\necho "subject rejected" >&2\nexit 1\n', 0o755);
    stageTangledChange(repo);
    repo.git(['reset', '-q', '--', 'README.md', 'package.json', 'package-lock.json']);
    const result = repo.gitResult(['commit', '-a', '-m', 'wip'], { env: { LC_ALL: 'C.UTF-8' } });
    const stage = /stage it\s+again first \(`([^`]+)` after `-a`\)/.exec(result.stderr)?.[1] ?? '';

    assert.equal(result.status, 1, result.stderr);
    assert.equal(stage, 'git add -u');
    runInShell(repo, `git reset --soft ${start.slice(0, 12)} && ${stage}`);
    runInShell(repo, 'rm .git/hooks/commit-msg');
    const tree = repo.git(['write-tree']).trim();
    const commitRun = repo.footprint(['commit', '--yes', '--no-llm']);

    assert.equal(commitRun.status, 0, commitRun.stderr);
    assert.equal(revParse(repo, 'HEAD^{tree}'), tree);
    assert.equal(revParse(repo, 'HEAD~3'), start);
  } finally {
    repo.cleanup();
  }
});

test('no staging hint without -a', () => {
  const repo = createHookedRepo();
  try {
    stageTangledChange(repo);
    const result = repo.gitResult(['commit', '-m', 'tangled'], { env: { LC_ALL: 'C.UTF-8' } });

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /add -u/);
  } finally {
    repo.cleanup();
  }
});

test('advice keeps the rules FOOTPRINT_SKIP skipped', () => {
  const repo = createHookedRepo();
  try {
    stageTangledChange(repo);
    repo.write('src/debug.js', 'export function pause() {\n  debugger;\n}\n');
    repo.git(['add', 'src/debug.js']);
    const advice = commitWithAdvice(repo, ['-m', 'tangled'], { FOOTPRINT_SKIP: 'debugger' });

    assert.deepEqual(advice.footprintArgs, ['commit']);
    assert.equal(advice.env, 'FOOTPRINT_SKIP=debugger');
    runInShell(repo, advice.undo);
    const commitRun = repo.footprint(['commit', '--yes', '--no-llm'], {
      env: { FOOTPRINT_SKIP: 'debugger' },
    });
    assert.equal(commitRun.status, 0, commitRun.stderr);
  } finally {
    repo.cleanup();
  }
});

test('no advice where commit cannot write', () => {
  const repo = createTempRepo();
  try {
    reinitRepo(repo, ['--object-format=sha256']);
    assert.equal(repo.footprint(['init']).status, 0);
    commitStartingProject(repo);
    stageTangledChange(repo);
    const result = repo.gitResult(['commit', '-m', 'tangled'], { env: { LC_ALL: 'C.UTF-8' } });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Suggested split into \d+ commits/);
    assert.doesNotMatch(result.stderr, /after this commit/);
  } finally {
    repo.cleanup();
  }
});

test('advice keeps the LLM off', () => {
  const repo = createHookedRepo();
  try {
    stageTangledChange(repo);
    const advice = commitWithAdvice(repo, ['-m', 'tangled'], { FOOTPRINT_LLM: '0' });

    assert.deepEqual(advice.footprintArgs, ['commit', '--no-llm']);
  } finally {
    repo.cleanup();
  }
});
