import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TempRepo } from '../helpers/repo.js';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  fakePrivateKey,
} from './situation.js';

/** Stages a README edit and a key file; the commit takes only README.md. */
function stageTwoFiles(repo: TempRepo): void {
  commitBase(repo);
  repo.write('README.md', '# Shop\n\nA cart library with totals.\n');
  repo.write('deploy/key.pem', fakePrivateKey());
  repo.git(['add', 'README.md', 'deploy/key.pem']);
}

test('commit --only checks only that file and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTwoFiles(repo);
      return commit(repo, ['--only', 'README.md', '-m', 'docs: mention totals']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 1 file,/);
    assert.doesNotMatch(results.hooked.stderr, /private-key/);
    assertSameCommit(twins);
    assert.equal(
      twins.hooked.git(['diff', '--cached', '--name-only']),
      twins.plain.git(['diff', '--cached', '--name-only']),
    );
    assert.equal(twins.hooked.git(['diff', '--cached', '--name-only']), 'deploy/key.pem\n');
  } finally {
    twins.cleanup();
  }
});
