import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import {
  assertPassed,
  commit,
  commitBase,
  createTwins,
  listFossils,
  rawCommit,
} from './situation.js';

/** Adds a linked worktree beside the repository, on a new branch `side`. */
function addLinkedWorktree(repo: TempRepo): string {
  const linked = `${repo.dir}-linked`;
  repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);
  return linked;
}

test('commit in a linked worktree runs the shared hooks and matches git', () => {
  const twins = createTwins();
  const linkedFolders: string[] = [];
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      const linked = addLinkedWorktree(repo);
      linkedFolders.push(linked);
      repo.write(path.relative(repo.dir, path.join(linked, 'docs/side.md')), '# Side\n');
      repo.git(['-C', linked, 'add', 'docs/side.md']);
      return repo.gitResult(['-C', linked, 'commit', '-m', 'docs: side notes'], {
        env: { LC_ALL: 'C.UTF-8', GIT_EDITOR: 'true' },
      });
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 1 file,/);
    assert.equal(rawCommit(twins.hooked, 'side'), rawCommit(twins.plain, 'side'));
    assert.equal(listFossils(linkedFolders[0] ?? '').length, 1);
    assert.equal(listFossils(twins.hooked.dir).length, 0);
    assert.equal(twins.hooked.git(['rev-parse', 'main']), twins.plain.git(['rev-parse', 'main']));
    assert.equal(commit(twins.hooked, ['--allow-empty', '-m', 'chore: main']).status, 0);
  } finally {
    for (const folder of linkedFolders) rmSync(folder, { recursive: true, force: true });
    twins.cleanup();
  }
});
