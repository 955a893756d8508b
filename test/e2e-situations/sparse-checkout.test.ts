import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import { assertPassed, assertSameCommit, commit, createTwins } from './situation.js';

function commitPackages(repo: TempRepo): void {
  repo.write('packages/app/index.js', 'export const app = 1;\n');
  repo.write('packages/docs/guide.md', '# Guide\n');
  repo.write('README.md', '# Monorepo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
}

for (const sparseIndex of [false, true]) {
  const name = sparseIndex ? 'sparse index' : 'sparse checkout';

  test(`commit in a ${name} matches git`, () => {
    const twins = createTwins();
    try {
      const results = twins.both((repo) => {
        commitPackages(repo);
        const flags = sparseIndex ? ['--cone', '--sparse-index'] : ['--cone'];
        repo.git(['sparse-checkout', 'init', ...flags]);
        repo.git(['sparse-checkout', 'set', 'packages/app']);
        repo.write('packages/app/index.js', 'export const app = 2;\n');
        return commit(repo, ['-a', '-m', 'feat: app two']);
      });

      assertPassed(results.hooked);
      assert.match(results.hooked.stderr, /footprint · 1 file,/);
      assert.equal(existsSync(path.join(twins.hooked.dir, 'packages/docs/guide.md')), false);
      assertSameCommit(twins);
    } finally {
      twins.cleanup();
    }
  });
}
