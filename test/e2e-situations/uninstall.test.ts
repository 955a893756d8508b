import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertSameCommit, commit, commitBase, createTwins } from './situation.js';

const OWN_HOOK = '#!/bin/sh\necho "team hook ran" >&2\n';

test('init --uninstall restores the hooks that were there', () => {
  const twins = createTwins({
    beforeInit: (repo) => repo.write('.git/hooks/pre-commit', OWN_HOOK, 0o755),
  });
  try {
    const hooks = path.join(twins.hooked.dir, '.git', 'hooks');
    const again = twins.hooked.footprint(['init']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already installed; nothing changed/);

    const uninstall = twins.hooked.footprint(['init', '--uninstall'], {
      env: { LC_ALL: 'C.UTF-8' },
    });

    assert.equal(uninstall.status, 0, uninstall.stderr);
    assert.match(uninstall.stdout, /✔ \.git\/hooks\/pre-commit: restored/);
    assert.match(uninstall.stdout, /✔ \.git\/hooks\/prepare-commit-msg: removed/);
    assert.match(uninstall.stdout, /footprint is uninstalled/);
    assert.equal(readFileSync(path.join(hooks, 'pre-commit'), 'utf8'), OWN_HOOK);
    assert.deepEqual(
      readdirSync(hooks).filter((name) => !name.endsWith('.sample')),
      ['pre-commit'],
    );

    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-m', 'feat: tax rate']);
    });
    assert.equal(results.hooked.stderr, 'team hook ran\n');
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});
