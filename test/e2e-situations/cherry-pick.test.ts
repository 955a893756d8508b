import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TempRepo } from '../helpers/repo.js';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

/** A `feature` branch whose commit changes README.md, and a conflicting edit on main. */
function prepareBranches(repo: TempRepo, conflict: boolean): void {
  commitBase(repo);
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write('README.md', '# Shop\n\nA cart library with totals.\n');
  repo.git(['commit', '-q', '-am', 'docs: mention totals'], { env: { FOOTPRINT: '0' } });
  repo.git(['checkout', '-q', 'main']);
  if (conflict) {
    repo.write('README.md', '# Shop\n\nA small cart library.\n');
    repo.git(['commit', '-q', '-am', 'docs: say small'], { env: { FOOTPRINT: '0' } });
  }
}

test('cherry-pick matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      prepareBranches(repo, false);
      return repo.gitResult(['cherry-pick', 'feature'], { env: { LC_ALL: 'C.UTF-8' } });
    });

    assert.equal(results.hooked.status, 0, results.hooked.stderr);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('cherry-pick resolved with git commit matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      prepareBranches(repo, true);
      const pick = repo.gitResult(['cherry-pick', 'feature']);
      assert.equal(pick.status, 1, 'the cherry-pick stops on a conflict');
      repo.write('README.md', '# Shop\n\nA small cart library with totals.\n');
      repo.git(['add', 'README.md']);
      return commit(repo, ['--no-edit']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /No split suggested while a cherry-pick is in progress/);
    assertSameCommit(twins);
    assert.equal(twins.hooked.git(['log', '-1', '--format=%s']), 'docs: mention totals\n');
  } finally {
    twins.cleanup();
  }
});
