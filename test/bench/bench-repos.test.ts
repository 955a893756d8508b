import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import {
  copyLocalRepo,
  stageFreshChange,
  summarizeStagedChange,
} from '../../bench/hook/bench-repos.js';
import { ensureGeneratedRepo } from '../../bench/hook/generate-repo.js';
import { git } from '../../bench/hook/git-command.js';
import { createTempRepo } from '../helpers/repo.js';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'footprint-bench-test-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const parameters = { files: 60, commits: 5, seed: 1, aggressive: false };

test('ensureGeneratedRepo builds the planned files and history', async () => {
  const repo = await ensureGeneratedRepo(parameters, cacheDir, () => {});
  assert.equal(git(repo.dir, ['ls-files']).trim().split('\n').length, 60);
  assert.equal(git(repo.dir, ['rev-list', '--count', 'HEAD']).trim(), '5');
  assert.equal(git(repo.dir, ['status', '--porcelain']), '');
  assert.ok(repo.packBytes > 0);
  assert.ok(repo.buildSeconds > 0);
});

test('ensureGeneratedRepo reuses a cached repository', async () => {
  const first = await ensureGeneratedRepo(parameters, cacheDir, () => {});
  const second = await ensureGeneratedRepo(parameters, cacheDir, () => {});
  assert.equal(second.dir, first.dir);
  assert.equal(second.buildSeconds, 0);
});

test('stageFreshChange stages the requested files', async () => {
  const repo = await ensureGeneratedRepo(parameters, cacheDir, () => {});
  const head = git(repo.dir, ['rev-parse', 'HEAD']);
  const staged = stageFreshChange(repo.dir, 10, 1);
  assert.equal(staged.files, 10);
  assert.ok(staged.hunks >= 10, `${staged.hunks} hunks`);
  assert.equal(git(repo.dir, ['rev-parse', 'HEAD']), head);
  assert.equal(git(repo.dir, ['diff', '--name-only']), '', 'unstaged changes left');
});

test('stageFreshChange gives the same change twice', async () => {
  const repo = await ensureGeneratedRepo(parameters, cacheDir, () => {});
  stageFreshChange(repo.dir, 10, 1);
  const first = git(repo.dir, ['write-tree']);
  stageFreshChange(repo.dir, 10, 1);
  assert.equal(git(repo.dir, ['write-tree']), first);
});

test('stageFreshChange rejects a foreign repository', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.ts', 'export const a = 1;\n');
    repo.git(['add', 'a.ts']);
    repo.git(['commit', '-q', '-m', 'add a']);
    assert.throws(() => stageFreshChange(repo.dir, 1, 1), /not created by this benchmark/);
  } finally {
    repo.cleanup();
  }
});

test('copyLocalRepo copies the staged change and leaves the source alone', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.ts', 'export const a = 1;\n');
    repo.git(['add', 'a.ts']);
    repo.git(['commit', '-q', '-m', 'add a']);
    repo.write('a.ts', 'export const a = 2;\n');
    repo.git(['add', 'a.ts']);
    const index = readFileSync(path.join(repo.dir, '.git', 'index'));

    const copy = copyLocalRepo(repo.dir, cacheDir);
    assert.notEqual(copy, repo.dir);
    assert.deepEqual(summarizeStagedChange(copy), { files: 1, hunks: 1 });
    assert.deepEqual(readFileSync(path.join(repo.dir, '.git', 'index')), index);

    stageFreshChange(copy, 1, 1);
    assert.equal(repo.git(['diff', '--cached', '--name-only']), 'a.ts\n');
  } finally {
    repo.cleanup();
  }
});

test('copyLocalRepo rejects a linked worktree', () => {
  const repo = createTempRepo();
  const worktree = path.join(cacheDir, 'linked-worktree');
  try {
    repo.write('a.ts', 'export const a = 1;\n');
    repo.git(['add', 'a.ts']);
    repo.git(['commit', '-q', '-m', 'add a']);
    repo.git(['worktree', 'add', '-q', worktree]);
    assert.throws(() => copyLocalRepo(worktree, cacheDir), /not a linked worktree/);
  } finally {
    repo.cleanup();
  }
});
