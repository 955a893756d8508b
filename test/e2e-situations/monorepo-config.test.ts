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

/** Two packages; `packages/api` allows private keys in its own `fixtures/` folder. */
function writePackages(repo: TempRepo): void {
  commitBase(repo);
  repo.write(
    'packages/api/footprint.config.json',
    JSON.stringify({ risk: { allow: [{ rule: 'private-key', path: 'fixtures/**' }] } }),
  );
  repo.write('packages/web/package.json', JSON.stringify({ name: 'web', footprint: { risk: {} } }));
  repo.git(['add', 'packages']);
  repo.git(['commit', '-q', '-m', 'chore: packages'], { env: { FOOTPRINT: '0' } });
}

test('nested config allows a fixture key and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      writePackages(repo);
      repo.write('packages/api/fixtures/test-key.pem', fakePrivateKey());
      repo.git(['add', 'packages']);
      return commit(repo, ['-m', 'test(api): add a fixture key']);
    });

    assertPassed(results.hooked);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('nested config applies only below its folder', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      writePackages(repo);
      repo.write('packages/api/fixtures/test-key.pem', fakePrivateKey());
      repo.write('packages/web/fixtures/test-key.pem', fakePrivateKey());
      repo.write('fixtures/test-key.pem', fakePrivateKey());
      repo.git(['add', 'packages', 'fixtures']);
      return commit(repo, ['-m', 'test: add fixture keys']);
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.match(results.hooked.stderr, /✖ Commit blocked by 2 findings \(private-key\)/);
    assert.match(results.hooked.stderr, /✖ fixtures\/test-key\.pem:2 {2}private-key/);
    assert.match(results.hooked.stderr, /packages\/web\/fixtures\/test-key\.pem:2 {2}private-key/);
    assert.doesNotMatch(results.hooked.stderr, /packages\/api\/fixtures\/test-key\.pem:2/);
  } finally {
    twins.cleanup();
  }
});

test('invalid nested config stops the commit with its path', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      writePackages(repo);
      repo.write('packages/api/footprint.config.json', JSON.stringify({ risk: { allow: 'all' } }));
      repo.git(['add', 'packages']);
      return commit(repo, ['-m', 'chore: break the api config']);
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.match(results.hooked.stderr, /packages\/api\/footprint\.config\.json/);
    assert.match(results.hooked.stderr, /Skip footprint once with FOOTPRINT=0 git commit/);
  } finally {
    twins.cleanup();
  }
});
