import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Paths git lists for the index, once each, as `git ls-files -z` prints them. */
function gitIndexPaths(repo: TempRepo): string[] {
  const paths = repo.git(['ls-files', '-z']).split('\0').filter(Boolean);
  return paths.filter((entryPath, position) => paths[position - 1] !== entryPath);
}

async function readIndexPaths(repo: TempRepo, reader: 'native' | 'cli'): Promise<string[]> {
  const opened = await openRepository({
    cwd: repo.dir,
    env: gitTestEnv({ FOOTPRINT_READER: reader }),
  });
  try {
    assert.ok(opened.readIndexPaths, `${reader} reader lists index paths`);
    return await opened.readIndexPaths();
  } finally {
    await opened.close();
  }
}

describe('readIndexPaths', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('lists unusual and nested paths like git', async () => {
    repo = createTempRepo();
    repo.write('a b/c "d".txt', 'one\n');
    repo.write('dir/ünï.md', 'two\n');
    repo.write('dir/sub/x.ts', 'three\n');
    repo.write('z.json', '{}\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.write('new.txt', 'four\n');
    repo.git(['add', 'new.txt']);

    const expected = gitIndexPaths(repo);

    assert.equal(expected.length, 5);
    assert.deepEqual(await readIndexPaths(repo, 'native'), expected);
    assert.deepEqual(await readIndexPaths(repo, 'cli'), expected);
  });

  it('lists an unmerged path once', async () => {
    repo = createTempRepo();
    repo.write('conflict.txt', 'base\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.git(['checkout', '-q', '-b', 'other']);
    repo.write('conflict.txt', 'other\n');
    repo.git(['commit', '-q', '-am', 'other']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('conflict.txt', 'main\n');
    repo.git(['commit', '-q', '-am', 'main']);
    repo.gitResult(['merge', '-q', 'other']);

    assert.deepEqual(await readIndexPaths(repo, 'native'), ['conflict.txt']);
    assert.deepEqual(await readIndexPaths(repo, 'cli'), ['conflict.txt']);
  });
});
