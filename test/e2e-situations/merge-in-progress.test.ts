import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  conflictMarker,
  createTwins,
} from './situation.js';

/** Leaves `git merge feature` stopped on a conflict in src/cart.js. */
function startConflictedMerge(repo: TempRepo): void {
  commitBase(repo);
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write('src/cart.js', 'export function total(items) {\n  return items.length + 1;\n}\n');
  repo.git(['commit', '-q', '-am', 'feat: count one more'], { env: { FOOTPRINT: '0' } });
  repo.git(['checkout', '-q', 'main']);
  repo.write('src/cart.js', 'export function total(items) {\n  return items.length * 2;\n}\n');
  repo.write('docs/cart.md', '# Cart\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'feat: double'], { env: { FOOTPRINT: '0' } });
  const merge = repo.gitResult(['merge', '--no-edit', 'feature']);
  assert.equal(merge.status, 1, 'the merge stops on a conflict');
}

function isMerging(repo: TempRepo): boolean {
  return existsSync(path.join(repo.dir, '.git', 'MERGE_HEAD'));
}

test('merge commit passes without a split and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      startConflictedMerge(repo);
      repo.write(
        'src/cart.js',
        'export function total(items) {\n  return items.length * 2 + 1;\n}\n',
      );
      repo.write('docs/merge.md', '# Merged\n');
      repo.git(['add', '-A']);
      return commit(repo, ['--no-edit']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /No split suggested while a merge is in progress/);
    assert.doesNotMatch(results.hooked.stderr, /Suggested split/);
    assertSameCommit(twins);
    assert.equal(twins.hooked.git(['log', '-1', '--format=%P']).split(' ').length, 2);
    assert.match(twins.hooked.git(['log', '-1', '--format=%s']), /^Merge branch 'feature'/);
  } finally {
    twins.cleanup();
  }
});

test('merge commit with conflict markers is blocked', () => {
  const twins = createTwins();
  try {
    const left = conflictMarker('<');
    const results = twins.both((repo) => {
      startConflictedMerge(repo);
      repo.git(['add', 'src/cart.js']);
      return commit(repo, ['--no-edit']);
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.match(results.hooked.stderr, /src\/cart\.js:2 {2}conflict-markers/);
    assert.match(results.hooked.stderr, /✖ Commit blocked/);
    assert.ok(isMerging(twins.hooked), 'the merge is still in progress');
    assert.equal(twins.hooked.git(['show', ':src/cart.js']).split('\n')[1], `${left} HEAD`);
    assert.equal(results.plain.status, 0, 'git alone commits the markers');
  } finally {
    twins.cleanup();
  }
});
