import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverRepository } from '../../src/git/discover.js';
import { readLastReflogValue } from '../../src/git/reflog.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Makes a repository with two commits and returns it with their ids. */
function twoCommits(): { repo: TempRepo; first: string; second: string } {
  const repo = createTempRepo();
  repo.write('a.txt', 'one\n');
  repo.git(['add', 'a.txt']);
  repo.git(['commit', '-q', '-m', 'one']);
  const first = repo.git(['rev-parse', 'HEAD']).trim();
  repo.write('a.txt', 'two\n');
  repo.git(['commit', '-q', '-a', '-m', 'two']);
  const second = repo.git(['rev-parse', 'HEAD']).trim();
  return { repo, first, second };
}

async function lastHeadValue(repo: TempRepo): Promise<string | null> {
  const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
  return readLastReflogValue(layout, 'HEAD');
}

test('last reflog line names HEAD', async () => {
  const { repo, second } = twoCommits();
  try {
    assert.equal(await lastHeadValue(repo), second);
  } finally {
    repo.cleanup();
  }
});

test('long reflog read from its end', async () => {
  const { repo, first, second } = twoCommits();
  try {
    const reason = 'move '.repeat(1000);
    for (let move = 0; move < 6; move += 1) {
      repo.git(['update-ref', '-m', reason, 'HEAD', move % 2 === 0 ? first : second]);
    }

    assert.equal(await lastHeadValue(repo), second);
  } finally {
    repo.cleanup();
  }
});

test('empty reflog gives null', async () => {
  const { repo } = twoCommits();
  try {
    repo.git(['reflog', 'expire', '--expire=all', '--all']);

    assert.equal(await lastHeadValue(repo), null);
  } finally {
    repo.cleanup();
  }
});
