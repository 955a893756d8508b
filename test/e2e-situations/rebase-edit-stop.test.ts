import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

/** Three commits after the base, then `rebase -i` stopped by `edit` on the first of them. */
function stopAtEdit(repo: TempRepo): void {
  commitBase(repo);
  for (const name of ['one', 'two', 'three']) {
    repo.write(`notes/${name}.md`, `# ${name}\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', `docs: add ${name}`], { env: { FOOTPRINT: '0' } });
  }
  const rebase = repo.gitResult(['rebase', '-i', 'HEAD~3'], {
    env: { GIT_SEQUENCE_EDITOR: "sed -i -e '1s/^pick/edit/'", GIT_EDITOR: 'true' },
  });
  assert.equal(rebase.status, 0, rebase.stderr);
  assert.ok(existsSync(path.join(repo.dir, '.git', 'rebase-merge')), 'rebase stopped');
}

test('amend at a rebase edit stop matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stopAtEdit(repo);
      repo.write('notes/one.md', '# one\n\nEdited during the rebase.\n');
      repo.git(['add', 'notes/one.md']);
      const amend = commit(repo, ['--amend', '--no-edit']);
      const finish = repo.gitResult(['rebase', '--continue'], { env: { GIT_EDITOR: 'true' } });
      assert.equal(finish.status, 0, finish.stderr);
      return amend;
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /No split suggested while a rebase is in progress/);
    assertSameCommit(twins);
    assertSameCommit(twins, 'HEAD~2');
    assert.equal(twins.hooked.git(['log', '-1', '--format=%s', 'HEAD~2']), 'docs: add one\n');
  } finally {
    twins.cleanup();
  }
});

test('new commit at a rebase edit stop matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stopAtEdit(repo);
      repo.write('notes/extra.md', '# extra\n');
      repo.git(['add', 'notes/extra.md']);
      const added = commit(repo, ['-m', 'docs: add extra']);
      const finish = repo.gitResult(['rebase', '--continue'], { env: { GIT_EDITOR: 'true' } });
      assert.equal(finish.status, 0, finish.stderr);
      return added;
    });

    assertPassed(results.hooked);
    assertSameCommit(twins);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '5');
  } finally {
    twins.cleanup();
  }
});
