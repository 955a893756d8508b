import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { enableDebug } from '../../src/log/debug.js';
import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitStagedEntries, gitUnmergedPaths, gitWriteTree, readStaged } from './staged-expect.js';

function lines(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}

/** Commits a few folders, then stages an edit, a rename, a deletion and an addition. */
function stageMixedChange(repo: TempRepo): void {
  for (let folder = 0; folder < 4; folder++) {
    repo.write(`dir${folder}/a.txt`, lines(`a${folder}`, 20));
    repo.write(`dir${folder}/deep/b.txt`, lines(`b${folder}`, 20));
  }
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
  repo.write('dir1/a.txt', lines('a1 edited', 20));
  repo.git(['mv', 'dir2/deep/b.txt', 'dir2/moved.txt']);
  repo.git(['rm', '-q', 'dir3/a.txt']);
  repo.write('dir0/deep/new.txt', 'new\n');
  repo.git(['add', '-A']);
}

/** Creates a repository whose objects use SHA-256 ids. */
function createSha256Repo(): TempRepo {
  const repo = createTempRepo();
  rmSync(path.join(repo.dir, '.git'), { recursive: true, force: true });
  execFileSync('git', ['init', '-q', '--object-format=sha256', '--initial-branch=main', repo.dir], {
    env: gitTestEnv(),
  });
  return repo;
}

describe('cli reader', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('reads a SHA-256 repository', async () => {
    repo = createSha256Repo();
    stageMixedChange(repo);

    const { change, choice } = await readStaged('cli', { cwd: repo.dir });

    assert.equal(choice.reader, 'cli');
    assert.ok(
      choice.reasons.some((reason) => reason.includes('sha256')),
      choice.reasons.join('; '),
    );
    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
    assert.equal(change.headTree?.length, 64);
  });

  it('reads an unborn SHA-256 branch', async () => {
    repo = createSha256Repo();
    repo.write('first.txt', 'first\n');
    repo.git(['add', '-A']);

    const { change } = await readStaged('cli', { cwd: repo.dir });

    assert.equal(change.head.oid, null);
    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
  });

  it('is chosen for a split index', async () => {
    repo = createTempRepo();
    stageMixedChange(repo);
    repo.git(['update-index', '--split-index']);
    repo.write('dir0/a.txt', 'after the split\n');
    repo.git(['add', '-A']);

    const { change, choice } = await readStaged('cli', { cwd: repo.dir });
    const automatic = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
    await automatic.close();

    assert.equal(automatic.choice.reader, 'cli');
    assert.ok(automatic.choice.reasons.some((reason) => reason.includes('split')));
    assert.equal(choice.reader, 'cli');
    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
  });

  it('is chosen for a sparse index', async () => {
    repo = createTempRepo();
    stageMixedChange(repo);
    repo.git(['commit', '-q', '-m', 'second']);
    repo.git(['sparse-checkout', 'set', '--cone', '--sparse-index', 'dir1']);
    repo.write('dir1/a.txt', 'inside the cone\n');
    repo.git(['add', '-A']);

    const automatic = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
    const change = await automatic.readStagedChange();
    await automatic.close();

    assert.equal(automatic.choice.reader, 'cli');
    assert.ok(automatic.choice.reasons.some((reason) => reason.includes('sparse')));
    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
  });

  it('reads unmerged paths of a conflicted merge', async () => {
    repo = createTempRepo();
    repo.write('f.txt', 'base\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('f.txt', 'side\n');
    repo.git(['commit', '-q', '-a', '-m', 'side']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('f.txt', 'main\n');
    repo.git(['commit', '-q', '-a', '-m', 'main']);
    repo.gitResult(['merge', 'side']);

    const { change } = await readStaged('cli', { cwd: repo.dir });

    assert.deepEqual(change.unmerged, gitUnmergedPaths({ cwd: repo.dir }));
    assert.deepEqual(change.unmerged, ['f.txt']);
    assert.equal(change.stagedTree, null);
  });

  it('logs why it was chosen', async () => {
    repo = createSha256Repo();
    stageMixedChange(repo);
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    enableDebug();

    try {
      const reader = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
      await reader.close();
    } finally {
      process.stderr.write = write;
    }

    assert.ok(
      written.some((line) => /footprint:git reader: cli because .*sha256/.test(line)),
      written.join(''),
    );
  });

  it('rejects forced native on SHA-256', async () => {
    repo = createSha256Repo();
    stageMixedChange(repo);

    await assert.rejects(
      openRepository({ cwd: repo.dir, env: { ...gitTestEnv(), FOOTPRINT_READER: 'native' } }),
      (error) => isUserError(error) && /FOOTPRINT_READER=native/.test(error.message),
    );
  });

  it('rejects an unknown FOOTPRINT_READER value', async () => {
    repo = createTempRepo();

    await assert.rejects(
      openRepository({ cwd: repo.dir, env: { ...gitTestEnv(), FOOTPRINT_READER: 'fast' } }),
      (error) => isUserError(error) && /FOOTPRINT_READER=fast/.test(error.message),
    );
  });
});
