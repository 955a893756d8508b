import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';

import { runUndo } from '../../src/commit/undo.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitRun } from './commit-fixtures.js';

let repo: TempRepo | undefined;
let savedUmask = 0;

beforeEach(() => {
  // A umask that keeps group write off, so only core.sharedRepository can turn it on.
  savedUmask = process.umask(0o022);
});

afterEach(() => {
  process.umask(savedUmask);
  repo?.cleanup();
});

/**
 * Makes a repository with `core.sharedRepository` set and an unborn branch in a folder of its
 * own, so that the run creates the branch's folders, file and reflog.
 */
function sharedRepo(shared: string): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.git(['config', 'core.sharedRepository', shared]);
  created.git(['switch', '-q', '--orphan', 'topic/shared']);
  created.write('a.txt', 'a file with content no earlier object has\n');
  created.write('docs/new.md', 'another file with new content\n');
  created.git(['add', '-A']);
  return created;
}

function modeOf(file: string): number {
  return statSync(file).mode & 0o7777;
}

/** Returns the loose-object folder of each object id. */
function objectFolders(gitDir: string, oids: readonly string[]): string[] {
  return oids.map((oid) => path.join(gitDir, 'objects', oid.slice(0, 2)));
}

function assertGroupWritable(file: string): void {
  assert.equal(modeOf(file) & 0o060, 0o060, `${file} is ${modeOf(file).toString(8)}`);
}

function assertGroupFolder(folder: string): void {
  assert.equal(modeOf(folder) & 0o2070, 0o2070, `${folder} is ${modeOf(folder).toString(8)}`);
}

test('shared group repository stays group-writable', async () => {
  const created = sharedRepo('group');
  const gitDir = path.join(created.dir, '.git');

  const run = await commitRun(created);

  const oids = run.commits.flatMap((commit) => [commit.oid, commit.tree]);
  assert.ok(oids.length >= 2);
  for (const folder of objectFolders(gitDir, oids)) assertGroupFolder(folder);
  assertGroupFolder(path.join(gitDir, 'refs', 'heads', 'topic'));
  assertGroupFolder(path.join(gitDir, 'logs', 'refs', 'heads', 'topic'));
  assertGroupWritable(path.join(gitDir, 'refs', 'heads', 'topic', 'shared'));
  assertGroupWritable(path.join(gitDir, 'logs', 'refs', 'heads', 'topic', 'shared'));
});

test('shared group repository after undo', async () => {
  const created = sharedRepo('true');
  await commitRun(created);
  created.write('a.txt', 'changed again\n');
  created.git(['add', 'a.txt']);
  await commitRun(created);

  await runUndo({ cwd: created.dir, env: gitTestEnv() });

  assertGroupWritable(path.join(created.dir, '.git', 'refs', 'heads', 'topic', 'shared'));
});

test('shared octal mode sets exact bits', async () => {
  const created = sharedRepo('0640');

  await commitRun(created);

  const ref = path.join(created.dir, '.git', 'refs', 'heads', 'topic', 'shared');
  assert.equal(modeOf(ref), 0o640);
});

test('umask repository keeps the umask', async () => {
  const created = sharedRepo('umask');

  await commitRun(created);

  const ref = path.join(created.dir, '.git', 'refs', 'heads', 'topic', 'shared');
  assert.equal(modeOf(ref), 0o644);
});
