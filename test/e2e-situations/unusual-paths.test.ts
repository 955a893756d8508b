import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  fakePrivateKey,
} from './situation.js';

const UNUSUAL_PATHS = [
  'docs/with space.md',
  'docs/double"quote.md',
  "docs/it's.md",
  'docs/naïve café.md',
  'docs/日本語.md',
];

test('unusual paths pass and match git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      for (const file of UNUSUAL_PATHS) repo.write(file, `# ${file}\n`);
      repo.git(['add', 'docs']);
      return commit(repo, ['-m', 'docs: add odd names']);
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 5 files/);
    for (const file of UNUSUAL_PATHS) {
      const shown = file.includes('"') ? `"${file.replace('"', '\\"')}"` : file;
      assert.ok(results.hooked.stderr.includes(shown), `${file} is listed as ${shown}`);
    }
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('finding in an unusual path names the path', () => {
  const twins = createTwins();
  try {
    const key = 'deploy/it\'s a "key" ünï.pem';
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write(key, fakePrivateKey());
      repo.git(['add', 'deploy']);
      return commit(repo, ['-m', 'chore: add key']);
    });

    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    const quoted = '"deploy/it\'s a \\"key\\" ünï.pem"';
    assert.ok(results.hooked.stderr.includes(`${quoted}:2  private-key`), results.hooked.stderr);
  } finally {
    twins.cleanup();
  }
});
