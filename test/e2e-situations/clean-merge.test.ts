import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId } from '../risk/secret-parts.js';
import {
  assertPassed,
  assertSameCommit,
  COMMIT_ENV,
  commitBase,
  createTwins,
} from './situation.js';

/** Text of a file whose `debugger` statement blocks a commit in the default mode. */
const DEBUGGER_FILE = 'export function check() {\n  debugger;\n}\n';

/**
 * Commits `files` on a branch `feature` and a README edit on main, both with FOOTPRINT=0 and
 * --no-verify, as a teammate without footprint would. The two branches touch different
 * files, so `git merge feature` needs no conflict resolution and makes the commit itself.
 */
function divergeBranches(repo: TempRepo, files: Record<string, string>): void {
  commitBase(repo);
  repo.git(['checkout', '-q', '-b', 'feature']);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.git(['add', ...Object.keys(files)]);
  repo.git(['commit', '-q', '--no-verify', '-m', 'feat: add files'], { env: { FOOTPRINT: '0' } });
  repo.git(['checkout', '-q', 'main']);
  repo.write('README.md', '# Shop\n\nA cart library for small shops.\n');
  repo.git(['commit', '-q', '--no-verify', '-am', 'docs: describe the shop']);
}

/** Returns the files of a branch that carries an AWS access key id. */
function keyFiles(): Record<string, string> {
  return { 'src/keys.js': `export const keyId = "${fakeAwsAccessKeyId()}";\n` };
}

function merge(repo: TempRepo, args: string[], env: Record<string, string> = {}) {
  return repo.gitResult(['merge', ...args], { env: { ...COMMIT_ENV, ...env } });
}

function head(repo: TempRepo): string {
  return repo.git(['rev-parse', 'HEAD']).trim();
}

function parentCount(repo: TempRepo): number {
  return repo.git(['log', '-1', '--format=%P']).trim().split(' ').length;
}

/** Returns the lines of a hook run that start with ✖: the blocking findings and the headline. */
function blockLines(result: SpawnSyncReturns<string>): string[] {
  return result.stderr.split('\n').filter((line) => /^\s*✖ /.test(line));
}

/**
 * Runs the same merge as `git merge feature`, but with a conflict in README.md, so git stops
 * and `git commit` makes the merge commit through the pre-commit hook.
 */
function commitConflictedMerge(repo: TempRepo, files: Record<string, string>) {
  commitBase(repo);
  repo.git(['checkout', '-q', '-b', 'feature']);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.write('README.md', '# Shop\n\nA cart library for large shops.\n');
  repo.git(['add', 'README.md', ...Object.keys(files)]);
  repo.git(['commit', '-q', '--no-verify', '-m', 'feat: add files'], { env: { FOOTPRINT: '0' } });
  repo.git(['checkout', '-q', 'main']);
  repo.write('README.md', '# Shop\n\nA cart library for small shops.\n');
  repo.git(['commit', '-q', '--no-verify', '-am', 'docs: describe the shop']);
  assert.equal(merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']).status, 1);
  repo.write('README.md', '# Shop\n\nA cart library for shops.\n');
  repo.git(['add', 'README.md']);
  return repo.gitResult(['commit', '--no-edit'], { env: COMMIT_ENV });
}

/** Returns the names of the fossils of one kind in the worktree's default store. */
function listFossilsOfKind(repo: TempRepo, kind: string): string[] {
  const dir = path.join(repo.dir, 'fossils');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.includes(`-${kind}-`));
}

test('clean merge with a key is blocked', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());
    const before = head(repo);

    const result = merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /✖ src\/keys\.js:1 {2}provider-token {2}AWS access key id/);
    assert.match(result.stderr, /✖ Commit blocked by 1 finding \(provider-token\)\./);
    assert.match(result.stderr, /No split suggested while a merge is in progress/);
    assert.doesNotMatch(result.stderr, /Suggested split|One coherent commit/);
    assert.match(result.stderr, /Not committing merge; use 'git commit' to complete the merge\./);
    assert.equal(head(repo), before, 'the merge commit is not made');
    const mergeHead = readFileSync(path.join(repo.dir, '.git', 'MERGE_HEAD'), 'utf8').trim();
    assert.equal(mergeHead, repo.git(['rev-parse', 'feature']).trim());
    assert.equal(repo.git(['show', ':src/keys.js']), keyFiles()['src/keys.js']);

    const abort = repo.gitResult(['merge', '--abort']);
    assert.equal(abort.status, 0, abort.stderr);
    assert.equal(head(repo), before);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'MERGE_HEAD')), false);
    assert.equal(existsSync(path.join(repo.dir, 'src', 'keys.js')), false);
    assert.equal(repo.git(['diff', '--cached', '--name-only', 'HEAD']), '');
  } finally {
    twins.cleanup();
  }
});

test('blocked merge names merge abort', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());

    const result = merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stderr,
      /^ {2}The merge is not committed yet: `git commit` finishes it once the findings are fixed, and `git merge --abort` undoes it\.$/m,
    );
  } finally {
    twins.cleanup();
  }
});

test('hidden merge gets no split advice', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, {
      'src/tax.js': 'export const rate = 0.2;\n',
      'docs/tax.md': '# Tax\n\nThe rate is 20%.\n',
    });

    // A wrapper may set GIT_REFLOG_ACTION, which then no longer names the merge.
    const result = merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature'], {
      GIT_REFLOG_ACTION: 'wrapper',
    });

    assertPassed(result);
    assert.match(result.stderr, /No split suggested while a merge is in progress/);
    assert.doesNotMatch(result.stderr, /git reset --soft/);
    assert.equal(parentCount(repo), 2);
  } finally {
    twins.cleanup();
  }
});

test('git sample merge hook runs footprint once', () => {
  // git's pre-merge-commit.sample, once enabled, runs the pre-commit hook.
  const sample =
    '#!/bin/sh\n. git-sh-setup\ntest -x "$GIT_DIR/hooks/pre-commit" &&\n' +
    '        exec "$GIT_DIR/hooks/pre-commit"\n:\n';
  const twins = createTwins({
    beforeInit: (repo) => repo.write('.git/hooks/pre-merge-commit', sample, 0o755),
  });
  try {
    const repo = twins.hooked;
    divergeBranches(repo, { 'src/tax.js': 'export const rate = 0.2;\n' });

    const result = merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']);

    assertPassed(result);
    assert.equal(result.stderr.match(/^footprint · /gm)?.length, 1);
  } finally {
    twins.cleanup();
  }
});

test('blocked clean merge completes with no-verify', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());
    const before = head(repo);
    assert.equal(merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']).status, 1);

    // The block's last way out: `git commit --no-verify` finishes the merge git left pending.
    const finish = repo.gitResult(['commit', '--no-verify', '--no-edit'], { env: COMMIT_ENV });

    assert.equal(finish.status, 0, finish.stderr);
    assert.equal(parentCount(repo), 2);
    assert.equal(repo.git(['rev-parse', 'HEAD^1']).trim(), before);
    assert.equal(repo.git(['log', '-1', '--format=%s']).trim(), 'Merge feature');
  } finally {
    twins.cleanup();
  }
});

test('clean and conflicted merges block alike', () => {
  const files = { ...keyFiles(), 'src/check.js': DEBUGGER_FILE };
  const clean = createTwins();
  const conflicted = createTwins();
  try {
    divergeBranches(clean.hooked, files);
    const cleanResult = merge(clean.hooked, ['--no-ff', 'feature', '-m', 'Merge feature']);
    const conflictedResult = commitConflictedMerge(conflicted.hooked, files);

    assert.equal(conflictedResult.status, 1, conflictedResult.stderr);
    assert.equal(cleanResult.status, 1, cleanResult.stderr);
    assert.deepEqual(blockLines(cleanResult), blockLines(conflictedResult));
    assert.doesNotMatch(cleanResult.stderr, /debugger/);
  } finally {
    clean.cleanup();
    conflicted.cleanup();
  }
});

test('clean merge passes without split advice', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      divergeBranches(repo, {
        'src/tax.js': 'export const rate = 0.2;\n',
        'docs/tax.md': '# Tax\n\nThe rate is 20%.\n',
      });
      return merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /No split suggested while a merge is in progress/);
    assert.doesNotMatch(results.hooked.stderr, /Suggested split|One coherent commit/);
    assert.equal(parentCount(twins.hooked), 2);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('clean merge takes merged debugger like conflicted', () => {
  const twins = createTwins();
  try {
    divergeBranches(twins.hooked, { 'src/check.js': DEBUGGER_FILE });

    const result = merge(twins.hooked, ['--no-edit', 'feature']);

    assertPassed(result);
    assert.equal(parentCount(twins.hooked), 2);
  } finally {
    twins.cleanup();
  }
});

test('pull that merges is checked', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, { ...keyFiles(), 'src/check.js': DEBUGGER_FILE });
    const before = head(repo);

    // Pulling from the repository itself fetches `feature` into FETCH_HEAD, as from a remote.
    const result = repo.gitResult(['pull', '--no-rebase', '--no-edit', '.', 'feature'], {
      env: COMMIT_ENV,
    });

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /✖ Commit blocked by 1 finding \(provider-token\)\./);
    assert.doesNotMatch(result.stderr, /debugger/);
    assert.equal(head(repo), before);
  } finally {
    twins.cleanup();
  }
});

test('FOOTPRINT=0 skips the merge check', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());

    const result = merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature'], { FOOTPRINT: '0' });

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /footprint|provider-token/);
    assert.equal(parentCount(repo), 2);
  } finally {
    twins.cleanup();
  }
});

test('merge --no-verify skips the merge check', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());

    const result = merge(repo, ['--no-verify', '--no-ff', 'feature', '-m', 'Merge feature']);

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /provider-token/);
    assert.equal(parentCount(repo), 2);
  } finally {
    twins.cleanup();
  }
});

test('clean merge records no outcome', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, { 'src/tax.js': 'export const rate = 0.2;\n' });

    assertPassed(merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']));

    const analyses = listFossilsOfKind(repo, 'analysis');
    assert.equal(analyses.length, 1);
    const analysis = JSON.parse(
      readFileSync(path.join(repo.dir, 'fossils', analyses[0] ?? ''), 'utf8'),
    ) as { payload: { footprint: { operation: string | null } } };
    assert.equal(analysis.payload.footprint.operation, 'merge');
    assert.deepEqual(listFossilsOfKind(repo, 'outcome'), []);
  } finally {
    twins.cleanup();
  }
});

test('aborted merge analysis gives no outcome', () => {
  const twins = createTwins();
  try {
    const repo = twins.hooked;
    divergeBranches(repo, keyFiles());
    assert.equal(merge(repo, ['--no-ff', 'feature', '-m', 'Merge feature']).status, 1);
    repo.git(['merge', '--abort']);

    // A commit without footprint's check has no analysis of its own to compare with.
    repo.write('src/keys.js', 'export const keyId = process.env.KEY_ID;\n');
    repo.git(['add', 'src/keys.js']);
    const result = repo.gitResult(['commit', '--no-verify', '-m', 'feat: read the key id'], {
      env: COMMIT_ENV,
    });

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(listFossilsOfKind(repo, 'outcome'), []);
  } finally {
    twins.cleanup();
  }
});
